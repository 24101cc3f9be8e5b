/** Each handler's workload in a slice. */
import type { Step } from '@redress/core';
import type { ComplaintFacts } from './facts.js';

/** One handler's workload in a slice: what they hold now, and what became of it. Only handlers ever assigned appear. */
export interface HandlerLoad {
  /** The handler's id, as assigned (`HandlerAssigned.handlerId`). */
  readonly handler: string;
  /** Open complaints the handler holds now. */
  readonly open: number;
  /** The open complaints they hold, per current step (steps with none are left out). */
  readonly openByStep: Readonly<Partial<Record<Step, number>>>;
  /** Complaints the handler was ever assigned. */
  readonly assigned: number;
  /** Of the complaints the handler holds now: archived, withdrawn, reopened at least once. */
  readonly archived: number;
  /** Of the complaints they hold now, those the customer withdrew. */
  readonly withdrawn: number;
  /** Of the complaints they hold now, those reopened at least once (open or closed). */
  readonly reopened: number;
}

export function workload(complaints: readonly ComplaintFacts[]): HandlerLoad[] {
  const loads = new Map<string, { open: number; openByStep: Partial<Record<Step, number>>; assigned: number; archived: number; withdrawn: number; reopened: number }>();
  const load = (h: string) => {
    let l = loads.get(h);
    if (!l) loads.set(h, (l = { open: 0, openByStep: {}, assigned: 0, archived: 0, withdrawn: 0, reopened: 0 }));
    return l;
  };
  for (const c of complaints) {
    for (const h of new Set(c.handlers)) load(h).assigned++;
    if (c.handler === null) continue;
    const l = load(c.handler);
    if (c.step === 'archived') l.archived++;
    else if (c.step === 'withdrawn') l.withdrawn++;
    // Declined at intake: closed, never worked, so neither open nor archived.
    else if (c.step !== 'none' && c.step !== 'declined') {
      l.open++;
      l.openByStep[c.step] = (l.openByStep[c.step] ?? 0) + 1;
    }
    if (c.reopenCount > 0) l.reopened++;
  }
  return [...loads].map(([handler, l]) => ({ handler, ...l })).sort((a, b) => b.open - a.open || (a.handler < b.handler ? -1 : 1));
}

