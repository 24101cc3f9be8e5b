/** Each handler's workload in a slice. */
import type { Step } from '@redress/core';
import type { ComplaintFacts } from './facts.js';

export interface HandlerLoad {
  readonly handler: string;
  /** Open complaints the handler holds now. */
  readonly open: number;
  readonly openByStep: Readonly<Partial<Record<Step, number>>>;
  /** Complaints the handler was ever assigned. */
  readonly assigned: number;
  /** Of the complaints the handler holds now: archived, withdrawn, reopened at least once. */
  readonly archived: number;
  readonly withdrawn: number;
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
    else if (c.step !== 'none') {
      l.open++;
      l.openByStep[c.step] = (l.openByStep[c.step] ?? 0) + 1;
    }
    if (c.reopenCount > 0) l.reopened++;
  }
  return [...loads].map(([handler, l]) => ({ handler, ...l })).sort((a, b) => b.open - a.open || (a.handler < b.handler ? -1 : 1));
}

