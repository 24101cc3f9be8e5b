/**
 * The benchmark of one period (or any filter): each subject's CSI (overall service
 * score, as the report computes it) against the network average, ranked, with the
 * subjects more than the threshold below it flagged. Responses without a subject (a
 * survey that names no station) count in the network's average but are no subject: a
 * `null` row, never flagged, never ranked.
 */
import type { AnalyticsState, SurveyResponse } from '../analytics/facts.js';
import { DEFAULT_PERIOD, matches, sliceValue, type AnalyticsFilter } from '../analytics/slices.js';
import type { CsiConfig } from '../dimensions/config.js';
import { DEFAULT_CSI_CONFIG } from '../dimensions/defaults.js';
import { scoreRatings } from '../scoring/score.js';
import { DEFAULT_BENCHMARK_POLICY, type BenchmarkAverage, type BenchmarkPolicy, type BenchmarkSubject } from './policy.js';

/**
 * Scores are sums of weighted means in floating point: two equal scores may differ in the
 * last bits, and a score exactly at the threshold is not "more than" 10% below. Relative
 * differences under this are equal (real ones are many orders of magnitude larger).
 */
const TOLERANCE = 1e-12;

/**
 * One subject's row of a benchmark: its CSI, its rank among the eligible subjects, its gap to the
 * network average and whether it falls more than the threshold below it.
 */
export interface BenchmarkRow {
  /** The subject's value (a station's name); `null` for responses that name none. */
  readonly subject: string | null;
  /** Its CSI: the weighted mean of its service dimension scores; `null` when it rated none. */
  readonly score: number | null;
  /**
   * Survey responses of the subject in the filter; fewer than the policy's `minResponses` makes it ineligible (shown, not ranked or flagged).
   */
  readonly responses: number;
  /** Enough responses, a score and a subject: ranked and judged against the average. */
  readonly eligible: boolean;
  /** 1 for the best; equal scores share a rank (1, 2, 2, 4); `null` when not eligible. */
  readonly rank: number | null;
  /** (average − score) / average: positive below the average; `null` without both. */
  readonly gap: number | null;
  /** More than the threshold below the average: an improvement action is due. */
  readonly belowThreshold: boolean;
}

/**
 * A benchmark: every subject of the filtered responses against the network average, ranked, with
 * the ones more than the threshold below it flagged (`belowThreshold`). A subject is flagged when
 * its score is below average × (1 − threshold), strictly: exactly 10% below is not "more than" 10%.
 */
export interface Benchmark {
  /** What the rows are: stations, regions, business lines or handlers. */
  readonly by: BenchmarkSubject;
  /** How `average` was taken: over every response, or as the mean of the eligible subjects' scores. */
  readonly averageOf: BenchmarkAverage;
  /** The network average; `null` when nothing was rated. */
  readonly average: number | null;
  /** The policy's `belowAverageBy`: the fraction below the average that flags a subject (0.1 by default). */
  readonly threshold: number;
  /** The score a subject must not fall below: average × (1 − threshold). */
  readonly floor: number | null;
  /** Every response in the filter, subjects' and the `null` row's: the base of a `responses` average. */
  readonly responses: number;
  /** Best first; subjects that are not eligible after them, then the `null` row. */
  readonly rows: readonly BenchmarkRow[];
}

/** What `benchmark` compares: the responses in the filter, under the policy, scored with the configuration. */
export interface BenchmarkOptions {
  /**
   * What is compared and when a subject is flagged; `DEFAULT_BENCHMARK_POLICY` when left out. Its `period` says what a `period` filter names.
   */
  readonly policy?: BenchmarkPolicy;
  /** The service dimensions and weights each CSI is computed with; `DEFAULT_CSI_CONFIG` when left out. */
  readonly config?: CsiConfig;
  /** The responses to benchmark, e.g. `{ period: '2026-Q4' }` at the policy's period. */
  readonly filter?: AnalyticsFilter;
}

const overall = (config: CsiConfig, responses: readonly SurveyResponse[]) => scoreRatings(config, responses.flatMap((r) => r.ratings)).overall.score;

function averageOf(policy: BenchmarkPolicy, network: number | null, subjects: readonly { score: number | null; eligible: boolean }[]): number | null {
  if (policy.average === 'responses') return network;
  const scores = subjects.filter((s) => s.eligible).map((s) => s.score ?? 0);
  return scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length;
}

/** Competition ranking over the eligible rows, best first; equal scores (within the tolerance) share a rank. */
function ranked(rows: readonly Omit<BenchmarkRow, 'rank'>[]): BenchmarkRow[] {
  const order = (r: Omit<BenchmarkRow, 'rank'>) => (r.subject === null ? 2 : r.eligible ? 0 : 1);
  const sorted = [...rows].sort(
    (a, b) => order(a) - order(b) || (b.score ?? -1) - (a.score ?? -1) || ((a.subject ?? '') < (b.subject ?? '') ? -1 : 1),
  );
  let previous: { score: number; rank: number } | null = null;
  return sorted.map((r, i) => {
    if (!r.eligible || r.score === null) return { ...r, rank: null };
    const same = previous !== null && Math.abs(previous.score - r.score) <= TOLERANCE * previous.score;
    const rank = same && previous ? previous.rank : i + 1;
    previous = { score: r.score, rank };
    return { ...r, rank };
  });
}

/**
 * The benchmark of the survey responses in `options.filter`: each subject's CSI against the network
 * average, ranked (competition ranking; scores within 10⁻¹² of each other tie), gap and flag.
 * Pure: the improvement runner and `analyze(...).benchmark` call it with a period filter.
 *
 * @example The stations of the fourth quarter, weakest first:
 * ```ts
 * const q4 = benchmark(state, { filter: { period: '2026-Q4' } });
 * const flagged = q4.rows.filter((row) => row.belowThreshold).reverse();
 * // e.g. [{ subject: 'Minhang', score: 61.3, gap: 0.17, rank: 9, … }] with q4.average 73.9 and q4.floor 66.5
 * ```
 */
export function benchmark(state: Pick<AnalyticsState, 'surveys'>, options: BenchmarkOptions = {}): Benchmark {
  const policy = options.policy ?? DEFAULT_BENCHMARK_POLICY;
  const config = options.config ?? DEFAULT_CSI_CONFIG;
  const responses = state.surveys.filter((r) => matches(r, r.at, options.filter ?? {}, policy.period ?? DEFAULT_PERIOD));
  const bySubject = new Map<string | null, SurveyResponse[]>();
  for (const r of responses) {
    const subject = sliceValue(r, r.at, policy.by);
    const list = bySubject.get(subject);
    if (list) list.push(r);
    else bySubject.set(subject, [r]);
  }
  const subjects = [...bySubject].map(([subject, rs]) => {
    const score = overall(config, rs);
    return { subject, score, responses: rs.length, eligible: subject !== null && score !== null && rs.length >= policy.minResponses };
  });
  const average = averageOf(policy, overall(config, responses), subjects);
  const floor = average === null ? null : average * (1 - policy.belowAverageBy);
  const rows = subjects.map((s) => ({
    ...s,
    gap: average === null || s.score === null ? null : (average - s.score) / average,
    belowThreshold: s.eligible && floor !== null && average !== null && s.score !== null && s.score < floor - TOLERANCE * average,
  }));
  return { by: policy.by, averageOf: policy.average, average, threshold: policy.belowAverageBy, floor, responses: responses.length, rows: ranked(rows) };
}

/** The benchmark of every period that has responses, in time order. */
export function benchmarkByPeriod(state: Pick<AnalyticsState, 'surveys'>, options: BenchmarkOptions = {}): { readonly period: string; readonly benchmark: Benchmark }[] {
  const policy = options.policy ?? DEFAULT_BENCHMARK_POLICY;
  const periods = [...new Set(state.surveys.map((r) => sliceValue(r, r.at, 'period', policy.period)))].filter((p): p is string => p !== null).sort();
  return periods.map((period) => ({ period, benchmark: benchmark(state, { ...options, filter: { ...options.filter, period } }) }));
}
