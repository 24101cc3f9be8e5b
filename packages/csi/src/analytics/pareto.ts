/** Complaints by cause, or by the SERVQUAL factor of their cause, largest first, with the cumulative share: the Pareto tables. */
import { CAUSES, SERVQUAL_FACTORS, type Cause, type ServqualFactor } from '@redress/core';
import type { ComplaintFacts } from './facts.js';

interface Shares {
  readonly count: number;
  readonly share: number;
  /** Share of this row and every larger one: the Pareto curve. */
  readonly cumulativeShare: number;
}

/**
 * A row of the Pareto of causes: how many complaints have this latest cause, their share of the
 * slice's complaints (0-1) and the cumulative share down to this row.
 */
export interface ParetoRow extends Shares {
  /** The cause (core's `CAUSES`), or `unknown` for complaints whose cause is not identified yet. */
  readonly cause: Cause | 'unknown';
}

/**
 * A row of the Pareto of SERVQUAL factors (tangibles 有形度, reliability 信赖度, responsiveness 反应度,
 * assurance 专业度, empathy 同理度): complaints whose latest cause falls under the factor.
 */
export interface ServqualParetoRow extends Shares {
  /** The factor recorded with the cause (or the cause's default), or `unknown` while no cause is identified. */
  readonly factor: ServqualFactor | 'unknown';
}

/** Counts per value, largest first; ties in `order` (the domain's order), so the table is stable. */
function rows<K extends string>(values: readonly K[], order: readonly K[]): (readonly [K, Shares])[] {
  const counts = new Map<K, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || order.indexOf(a[0]) - order.indexOf(b[0]));
  let cumulative = 0;
  return sorted.map(([value, count]) => {
    cumulative += count;
    return [value, { count, share: count / values.length, cumulativeShare: cumulative / values.length }] as const;
  });
}

export function pareto(complaints: readonly ComplaintFacts[]): ParetoRow[] {
  return rows(complaints.map((c) => c.cause ?? 'unknown'), [...CAUSES, 'unknown']).map(([cause, s]) => ({ cause, ...s }));
}

export function servqualPareto(complaints: readonly ComplaintFacts[]): ServqualParetoRow[] {
  return rows(complaints.map((c) => c.servqualFactor ?? 'unknown'), [...SERVQUAL_FACTORS, 'unknown']).map(([factor, s]) => ({ factor, ...s }));
}
