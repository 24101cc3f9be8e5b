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
export type BenchmarkSubject = (typeof BENCHMARK_SUBJECTS)[number];

/** The network average: the CSI of every response in the network, or the mean of the subjects' CSI. */
export const BENCHMARK_AVERAGES = ['responses', 'subjects'] as const;
export type BenchmarkAverage = (typeof BENCHMARK_AVERAGES)[number];

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
export type BenchmarkPolicy = z.output<typeof benchmarkPolicySchema>;
export type BenchmarkPolicyInput = z.input<typeof benchmarkPolicySchema>;

export const DEFAULT_BENCHMARK_POLICY: BenchmarkPolicy = benchmarkPolicySchema.parse({});

export function defineBenchmarkPolicy(input: BenchmarkPolicyInput): Result<BenchmarkPolicy, ValidationError> {
  const parsed = benchmarkPolicySchema.safeParse(input);
  return parsed.success ? ok(parsed.data) : err(new ValidationError(issuesFromZod(parsed.error)));
}
