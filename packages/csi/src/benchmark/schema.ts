/**
 * The improvement action benchmarking raises: a subject (a station, by default) whose
 * CSI in a period fell more than the threshold below the network average. csi records
 * it in its own stream of the shared log, one per benchmark subject kind, subject and
 * period (`improvement:<by>:<period>:<subject>`), appended once: two runners racing, or
 * one restarted, record it once.
 */
import { idSchema, shortTextSchema } from '@redress/core';
import { z } from 'zod';
import { GRANULARITIES } from '../analytics/period.js';
import { idPart, stableStreamId } from '../support/stable-id.js';
import { BENCHMARK_AVERAGES, BENCHMARK_SUBJECTS, type BenchmarkSubject } from './policy.js';

const score = z.number().min(0).max(100);

/**
 * The `ImprovementActionRaised` event: a subject whose CSI in an ended period fell more than the
 * threshold below the network average, with what the verdict rests on (score and average, 0-100;
 * gap; threshold; responses; the period's granularity and offset) and where to start (its weakest
 * service dimensions and its customers' most given reasons).
 */
export const improvementActionRaisedSchema = z.strictObject({
  type: z.literal('ImprovementActionRaised'),
  data: z.strictObject({
    by: z.enum(BENCHMARK_SUBJECTS),
    subject: shortTextSchema,
    /** The period label (`2026-Q4`), at the granularity and offset below. */
    period: z.string().min(4).max(10),
    granularity: z.enum(GRANULARITIES),
    utcOffsetMinutes: z.int(),
    score,
    average: score,
    averageOf: z.enum(BENCHMARK_AVERAGES),
    /** How far below the average, as a fraction of it: (average − score) / average. */
    gap: z.number(),
    threshold: z.number().gt(0).lt(1),
    responses: z.int().min(1),
    /** Its lowest-scoring service dimensions, lowest first: where to start. */
    weakest: z.array(z.strictObject({ dimension: idSchema, score })).max(5),
    /** The reason codes its customers gave most, most first. */
    drivers: z.array(z.strictObject({ dimension: idSchema, reason: idSchema, customers: z.int().min(1) })).max(5),
  }),
});
/** An `ImprovementActionRaised` event's type and data, as `improvementActionRaisedSchema` parses them. */
export type ImprovementActionRaised = z.output<typeof improvementActionRaisedSchema>;

/**
 * Every event of csi's improvement streams (`improvement:<by>:<period>:<subject>`), discriminated by `type`; today only `ImprovementActionRaised`.
 */
export const improvementEventSchema = z.discriminatedUnion('type', [improvementActionRaisedSchema]);
/** An event of an improvement stream, as `improvementEventSchema` parses it. */
export type ImprovementEvent = z.output<typeof improvementEventSchema>;
/** The event types of improvement streams, for a host that routes or filters events by type. */
export const IMPROVEMENT_EVENT_TYPES = ['ImprovementActionRaised'] as const satisfies readonly ImprovementEvent['type'][];
/**
 * The `schemaVersion` the runner writes on `ImprovementActionRaised`; it changes only with an incompatible change of the data's shape.
 */
export const IMPROVEMENT_EVENT_SCHEMA_VERSION = 1;

/** The prefix of every improvement stream id (`improvement:`). */
export const IMPROVEMENT_STREAM_PREFIX = 'improvement:';
/** The stream (and command id) of the action for a subject and period; host names are made id-safe. */
export const improvementStreamId = (by: BenchmarkSubject, period: string, subject: string): string => stableStreamId('improvement', by, period, idPart(subject));
