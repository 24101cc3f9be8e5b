/**
 * Small statistics, written here because they are a few lines and the definitions
 * matter more than the code: percentiles use the nearest-rank method (the value at
 * rank ⌈p × n⌉ of the sorted sample), so the median and p90 are always durations
 * that actually occurred, never an interpolation between two complaints.
 */
export interface DurationStats {
  /** How many durations the statistics are over (e.g. the archived complaints, for time to resolve). */
  readonly count: number;
  /** Milliseconds; `null` when there is no sample. */
  readonly medianMs: number | null;
  /** The 90th percentile in milliseconds (nearest rank: nine in ten took at most this long); `null` when there is no sample. */
  readonly p90Ms: number | null;
}

/**
 * The `p`-th percentile (0-1) of an ascending sample by the nearest-rank method: the value at rank
 * ⌈p × n⌉ (at least 1), so always a value of the sample. `null` for an empty sample. The sample
 * must already be sorted.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] ?? null;
}

/** Count, median and p90 of durations in milliseconds (any order; not modified). */
export function durationStats(samples: readonly number[]): DurationStats {
  const sorted = [...samples].sort((a, b) => a - b);
  return { count: sorted.length, medianMs: percentile(sorted, 0.5), p90Ms: percentile(sorted, 0.9) };
}

/** A rate: how many met the condition among how many it applies to; `rate` is `null` for 0 of 0. */
export interface Rate {
  /** How many met the condition (the numerator). */
  readonly met: number;
  /** How many the condition applies to (the base, the denominator): print it with the rate, `37.5% (3/8)`. */
  readonly total: number;
  /** `met / total`, 0-1; `null` when `total` is 0, so "none applied" never reads as 0% or 100%. */
  readonly rate: number | null;
}

/** A `Rate` of `met` out of `total`. */
export const rate = (met: number, total: number): Rate => ({ met, total, rate: total === 0 ? null : met / total });
