/**
 * Complaint analytics: what a report shows, computed from the facts for one slice: the
 * complaint measures (measures.ts), the surveys with their reach (survey-scores.ts), each
 * handler's workload and assessment, the benchmark of the subjects against the network,
 * the improvement actions raised, and loyalty when the host gives its customer facts.
 * docs/satisfaction.md defines every figure and its base.
 */
import type { Channel } from '@redress/core';
import { benchmark, type Benchmark } from '../benchmark/benchmark.js';
import { DEFAULT_BENCHMARK_POLICY, type BenchmarkPolicy } from '../benchmark/policy.js';
import type { CsiConfig } from '../dimensions/config.js';
import { DEFAULT_CSI_CONFIG } from '../dimensions/defaults.js';
import { loyaltyOf } from '../loyalty/in-slice.js';
import type { LoyaltyReport } from '../loyalty/loyalty.js';
import type { LoyaltyInput } from '../loyalty/schema.js';
import { DEFAULT_METHOD_OF_CHANNEL, type SurveyMethod } from '../reach/methods.js';
import { resolveContact } from './contacts.js';
import type { AnalyticsState, ImprovementActionFacts } from './facts.js';
import { complaintMeasures, type AnalyticsHooks, type ComplaintMeasures } from './measures.js';
import type { PeriodOptions } from './period.js';
import { DEFAULT_PERIOD, matches, type AnalyticsFilter } from './slices.js';
import { loggedPromiseOutcomes, staffAssessment, type StaffAssessment } from './staff.js';
import { rate, type Rate } from './stats.js';
import { surveyAnalytics, type SurveyAnalytics } from './survey-scores.js';
import { workload, type HandlerLoad } from './workload.js';

export type { AnalyticsHooks, Durations } from './measures.js';

export interface AnalyzeOptions {
  readonly config?: CsiConfig;
  readonly filter?: AnalyticsFilter;
  /** Period for `period` filters, slices and the survey trend; months in UTC by default. */
  readonly period?: PeriodOptions;
  /** The instant deadlines are judged at; the latest event in the log by default (so a report is reproducible). */
  readonly asOf?: string;
  readonly hooks?: AnalyticsHooks;
  /** The survey method of a follow-up or survey that records only its channel; `DEFAULT_METHOD_OF_CHANNEL` by default. */
  readonly methodOfChannel?: Readonly<Record<Channel, SurveyMethod | null>>;
  /** The share of all reasons given that the main drivers make up; 0.8 by default. */
  readonly mainDriverShare?: number;
  /** What the report's benchmark compares (stations by default, 10% below the average flagged). */
  readonly benchmark?: BenchmarkPolicy;
  /** The host's customer facts (validated with `defineLoyaltyInput`): without them `loyalty` is `null`. */
  readonly loyalty?: LoyaltyInput;
}

export interface ComplaintAnalytics extends ComplaintMeasures {
  readonly asOf: string | null;
  readonly surveys: SurveyAnalytics;
  readonly handlers: readonly HandlerLoad[];
  /** The per-handler assessment: volume, on-time, reopen, satisfaction, promises kept. */
  readonly staff: readonly StaffAssessment[];
  /** Promises kept, of those whose outcome is known; `null` without the `promises` hook. */
  readonly promisesKept: Rate | null;
  /** The slice's subjects (stations by default) against the network: the filter without the subject key. */
  readonly benchmark: Benchmark;
  /** Improvement actions raised in the filter's window (and for its subject, when it names one). */
  readonly improvements: readonly ImprovementActionFacts[];
  /** `null` without the host's customer facts, or when the filter names a key customers do not have. */
  readonly loyalty: LoyaltyReport | null;
}

function improvementsIn(state: AnalyticsState, filter: AnalyticsFilter): ImprovementActionFacts[] {
  return state.improvements.filter((a) => {
    const at = Date.parse(a.raisedAt);
    if (filter.from !== undefined && at < Date.parse(filter.from)) return false;
    if (filter.to !== undefined && at >= Date.parse(filter.to)) return false;
    const subject = filter[a.by];
    return subject === undefined || subject === a.subject;
  });
}

/** The analytics of the complaints and survey responses that match `options.filter`. */
export function analyze(state: AnalyticsState, options: AnalyzeOptions = {}): ComplaintAnalytics {
  const config = options.config ?? DEFAULT_CSI_CONFIG;
  const period = options.period ?? DEFAULT_PERIOD;
  const filter = options.filter ?? {};
  const hooks = options.hooks ?? {};
  const policy = options.benchmark ?? DEFAULT_BENCHMARK_POLICY;
  const asOfIso = options.asOf ?? state.lastEventAt;
  const asOf = asOfIso === null ? Number.NEGATIVE_INFINITY : Date.parse(asOfIso);
  const methodOfChannel = options.methodOfChannel ?? DEFAULT_METHOD_OF_CHANNEL;
  const share = options.mainDriverShare;
  if (share !== undefined && !(share > 0 && share <= 1)) throw new RangeError(`mainDriverShare must be in (0, 1], got ${String(share)}`);

  const complaints = [...state.complaints.values()].filter((c) => matches(c, c.receivedAt, filter, period));
  const responses = state.surveys.filter((r) => matches(r, r.at, filter, period));
  const contacts = [...state.contacts.values()].map((c) => resolveContact(c, methodOfChannel)).filter((c) => matches(c.fields, c.at, filter, period));
  // The host's hook wins; else the log's promises, once any complaint here has one settled.
  const promiseHook = hooks.promises ?? (complaints.some((c) => loggedPromiseOutcomes(c).length > 0) ? loggedPromiseOutcomes : undefined);
  const promises = promiseHook ? complaints.flatMap((c) => promiseHook(c)) : null;
  const { [policy.by]: _subject, ...network } = filter;

  return {
    asOf: asOfIso,
    ...complaintMeasures(complaints, asOf, hooks),
    surveys: surveyAnalytics({ responses, contacts, config, period, ...(options.mainDriverShare === undefined ? {} : { mainDriverShare: options.mainDriverShare }) }),
    handlers: workload(complaints),
    staff: staffAssessment(complaints, responses, config, promiseHook),
    promisesKept: promises && rate(promises.filter((p) => p.kept).length, promises.length),
    // The benchmark's period is the policy's: a `period` filter names a period at the report's granularity.
    benchmark: benchmark(state, { policy: { ...policy, period: { granularity: period.granularity, utcOffsetMinutes: period.utcOffsetMinutes ?? 0 } }, config, filter: network }),
    improvements: improvementsIn(state, filter),
    loyalty: options.loyalty ? loyaltyOf(options.loyalty, filter, { complaints: [...state.complaints.values()], responses: state.surveys }) : null,
  };
}
