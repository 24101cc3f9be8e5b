/** Complaints by cause, largest first, with the cumulative share: the Pareto table. */
import { CAUSES, type Cause } from '@redress/core';
import type { ComplaintFacts } from './facts.js';

export interface ParetoRow {
  readonly cause: Cause | 'unknown';
  readonly count: number;
  readonly share: number;
  /** Share of this cause and every larger one: the Pareto curve. */
  readonly cumulativeShare: number;
}

export function pareto(complaints: readonly ComplaintFacts[]): ParetoRow[] {
  const counts = new Map<Cause | 'unknown', number>();
  for (const c of complaints) counts.set(c.cause ?? 'unknown', (counts.get(c.cause ?? 'unknown') ?? 0) + 1);
  const order = [...CAUSES, 'unknown'] as const;
  // Largest first; ties in the domain's order of causes, so the table is stable.
  const rows = [...counts].sort((a, b) => b[1] - a[1] || order.indexOf(a[0]) - order.indexOf(b[0]));
  let cumulative = 0;
  return rows.map(([cause, count]) => {
    cumulative += count;
    return { cause, count, share: count / complaints.length, cumulativeShare: cumulative / complaints.length };
  });
}

