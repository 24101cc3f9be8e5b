/**
 * Benchmarking as the material assesses agents and dealers (CSI as an assessment): each
 * station's overall service satisfaction against the network's, and a score more than
 * 10% below the national average triggers process improvement. The subject, the
 * threshold, the minimum sample, how the average is taken and the period are data.
 */
import { err, ok, ValidationError, type Result } from '@redress/core';
import { z } from 'zod';
import { GRANULARITIES } from '../analytics/period.js';
import { issuesFromZod } from '../support/issues.js';

/** What is benchmarked: the station (branch, the default), a region, a business line, or a member of staff. */
export const BENCHMARK_SUBJECTS = ['branch', 'region', 'businessLine', 'handler'] as const;
/**
 * What a benchmark compares (`BENCHMARK_SUBJECTS`): `branch` (the station, as the material assesses
 * agents and dealers), `region`, `businessLine` or `handler`; a response's subject is its slice field of that name.
 */
export type BenchmarkSubject = (typeof BENCHMARK_SUBJECTS)[number];

/** The network average: the CSI of every response in the network, or the mean of the subjects' CSI. */
export const BENCHMARK_AVERAGES = ['responses', 'subjects'] as const;
/**
 * How the network average is taken (`BENCHMARK_AVERAGES`): `responses`, the CSI of every response
 * in the filter (the national CSI, where a large station weighs more), or `subjects`, the mean of
 * the eligible subjects' CSI (each station weighs the same).
 */
export type BenchmarkAverage = (typeof BENCHMARK_AVERAGES)[number];

/**
 * The benchmark policy: what is compared (`by`, stations by default), the threshold
 * (`belowAverageBy`, a fraction in (0, 1), 0.1: the material's "more than 10% below the national
 * average"), the fewest responses a subject needs to be ranked and flagged (`minResponses`, 1),
 * how the average is taken (`average`, `responses`) and the period each benchmark and improvement
 * action covers (quarters at UTC by default; `utcOffsetMinutes` from -720 to 840). Use
 * `defineBenchmarkPolicy` for a `Result`.
 */
export const benchmarkPolicySchema = z.strictObject({
  by: z.enum(BENCHMARK_SUBJECTS).default('branch'),
  /** A subject is flagged when its CSI is more than this fraction below the average (0.1: below 90% of it). */
  belowAverageBy: z.number().gt(0, 'must be more than 0').lt(1, 'must be less than 1').default(0.1),
  /** Subjects with fewer survey responses in the period are shown, never flagged. */
  minResponses: z.int().min(1, 'must be at least 1').max(1_000_000).default(1),
  average: z.enum(BENCHMARK_AVERAGES).default('responses'),
  /** The period each benchmark (and each improvement action) covers: quarters by default, as surveys are quarterly. */
  period: z
    .strictObject({ granularity: z.enum(GRANULARITIES), utcOffsetMinutes: z.int().min(-720).max(840).default(0) })
    .default({ granularity: 'quarter', utcOffsetMinutes: 0 }),
});
/** A validated benchmark policy (defaults applied), as `benchmark`, `analyze` and the improvement runner take it. */
export type BenchmarkPolicy = z.output<typeof benchmarkPolicySchema>;
/** What `defineBenchmarkPolicy` accepts: every field may be left out for its default. */
export type BenchmarkPolicyInput = z.input<typeof benchmarkPolicySchema>;

/**
 * The material's rule: each station against the CSI of every response, flagged more than 10% below it, judged per quarter in UTC, from a single response.
 */
export const DEFAULT_BENCHMARK_POLICY: BenchmarkPolicy = benchmarkPolicySchema.parse({});

/**
 * Validates a benchmark policy; a bad one (a threshold of 0 or 1, `minResponses` 0, an unknown
 * subject…) is a `ValidationError` with dotted paths, e.g. `belowAverageBy`.
 *
 * @example China's stations, each weighing the same, at least 20 responses a quarter:
 * ```ts
 * const policy = defineBenchmarkPolicy({ average: 'subjects', minResponses: 20, period: { granularity: 'quarter', utcOffsetMinutes: 480 } });
 * if (!policy.ok) throw policy.error;
 * const q4 = benchmark(state, { policy: policy.value, filter: { period: '2026-Q4' } });
 * ```
 */
export function defineBenchmarkPolicy(input: BenchmarkPolicyInput): Result<BenchmarkPolicy, ValidationError> {
  const parsed = benchmarkPolicySchema.safeParse(input);
  return parsed.success ? ok(parsed.data) : err(new ValidationError(issuesFromZod(parsed.error)));
}
