/**
 * Small statistics, written here because they are a few lines and the definitions
 * matter more than the code: percentiles use the nearest-rank method (the value at
 * rank ⌈p × n⌉ of the sorted sample), so the median and p90 are always durations
 * that actually occurred, never an interpolation between two complaints.
 */
export interface DurationStats {
  readonly count: number;
  /** Milliseconds; `null` when there is no sample. */
  readonly medianMs: number | null;
  readonly p90Ms: number | null;
}

export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] ?? null;
}

export function durationStats(samples: readonly number[]): DurationStats {
  const sorted = [...samples].sort((a, b) => a - b);
  return { count: sorted.length, medianMs: percentile(sorted, 0.5), p90Ms: percentile(sorted, 0.9) };
}

/** A rate: how many met the condition among how many it applies to; `rate` is `null` for 0 of 0. */
export interface Rate {
  readonly met: number;
  readonly total: number;
  readonly rate: number | null;
}

export const rate = (met: number, total: number): Rate => ({ met, total, rate: total === 0 ? null : met / total });
