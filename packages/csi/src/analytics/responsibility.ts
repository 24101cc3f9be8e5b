/**
 * The report by responsible party (分清责任 … reported on): per department, person or
 * supplier held responsible, how many complaints of the slice, how many major, reopened
 * and repeated, and how many are still open; complaints not yet attributed counted apart,
 * so the figures' base is always visible.
 */
import type { ResponsiblePartyKind } from '@redress/core';
import type { ComplaintFacts } from './facts.js';

/** One responsible party's complaints in a slice. */
export interface ResponsibilityRow {
  /** Department, person or supplier. */
  readonly kind: ResponsiblePartyKind;
  /** The host's id of the party: rows are keyed by kind and id. */
  readonly id: string;
  /** Its name, as the latest attribution to it gave it. */
  readonly name: string;
  /** Complaints whose latest attribution names it. */
  readonly complaints: number;
  /** Of those, the major ones. */
  readonly major: number;
  /** Of those, reopened at least once. */
  readonly reopened: number;
  /** Of those, found to repeat. */
  readonly repeat: number;
  /** Of those, not archived, withdrawn or declined yet. */
  readonly open: number;
}

/** The slice by responsible party. */
export interface ResponsibilityReport {
  /** One row per party, most complaints first (ties by kind, then id). */
  readonly parties: readonly ResponsibilityRow[];
  /** Complaints of the slice no party was held responsible for (yet). */
  readonly unattributed: number;
}

const CLOSED = new Set(['archived', 'withdrawn', 'declined']);

/** Counts the slice's complaints by the party their latest attribution names. */
export function responsibilityReport(complaints: readonly ComplaintFacts[]): ResponsibilityReport {
  const rows = new Map<string, { -readonly [K in keyof ResponsibilityRow]: ResponsibilityRow[K] }>();
  let unattributed = 0;
  for (const c of complaints) {
    const party = c.responsible;
    if (party === null) {
      unattributed++;
      continue;
    }
    const key = `${party.kind}\u0000${party.id}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { kind: party.kind, id: party.id, name: party.name, complaints: 0, major: 0, reopened: 0, repeat: 0, open: 0 }));
    row.complaints++;
    if (c.severity === 'major') row.major++;
    if (c.reopenCount > 0) row.reopened++;
    if (c.repeat) row.repeat++;
    if (!CLOSED.has(c.step)) row.open++;
  }
  const parties = [...rows.values()].sort((a, b) => b.complaints - a.complaints || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { parties, unattributed };
}
