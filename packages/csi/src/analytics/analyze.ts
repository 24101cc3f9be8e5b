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
import { responsibilityReport, type ResponsibilityReport } from './responsibility.js';

export type { AnalyticsHooks, Durations } from './measures.js';

/**
 * What `analyze` and `sliceBy` compute a report for: which complaints and responses (the filter),
 * judged when (`asOf`), scored how (the configuration), and the host's plug-ins. Every field is
 * optional; the defaults reproduce the domain's rules.
 */
export interface AnalyzeOptions {
  /**
   * The dimensions, weights and reason codes surveys are scored with; `DEFAULT_CSI_CONFIG` when left
   * out. Use the one the survey desk and `followUpSurveyRule` check against.
   */
  readonly config?: CsiConfig;
  /**
   * Which complaints (by receipt) and survey responses and contacts (by when recorded) the report
   * covers: any slice keys, and a `from` (inclusive) / `to` (exclusive) window. Everything by default.
   */
  readonly filter?: AnalyticsFilter;
  /** Period for `period` filters, slices and the survey trend; months in UTC by default. */
  readonly period?: PeriodOptions;
  /** The instant deadlines are judged at; the latest event in the log by default (so a report is reproducible). */
  readonly asOf?: string;
  /**
   * Business time, SLA results and promise outcomes computed elsewhere (e.g. by `@redress/sla`); calendar time and the log's promises without them.
   */
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

/**
 * One report: the complaint measures of the slice (Paretos, steps, severities, time rules, handling
 * times, first-contact resolution, reopen, repeat and hidden rates, follow-up coverage) and, beside
 * them, the surveys, the handlers' workload and assessment, the benchmark, the improvement actions
 * and loyalty. docs/satisfaction.md gives each figure's definition and base; `renderReport` prints it.
 */
export interface ComplaintAnalytics extends ComplaintMeasures {
  /** The instant deadlines were judged at: `options.asOf`, else the latest event in the log; `null` for an empty log. */
  readonly asOf: string | null;
  /** The slice's surveys: reach, CSI and dimension scores, ranking, level shares, drivers, product quality, trend and reasons. */
  readonly surveys: SurveyAnalytics;
  /** Each handler's workload in the slice, most open complaints first. */
  readonly handlers: readonly HandlerLoad[];
  /** The per-handler assessment: volume, on-time, reopen, satisfaction, promises kept. */
  readonly staff: readonly StaffAssessment[];
  /** The slice by the department, person or supplier held responsible (分清责任), and how many are not attributed yet. */
  readonly responsibility: ResponsibilityReport;
  /** Promises kept, of those whose outcome is known; `null` while neither the `promises` hook nor the log has a settled promise. */
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

/**
 * The analytics of the complaints and survey responses that match `options.filter`: a pure
 * function of the state and the options, so the same log gives the same report whenever it is
 * computed (deadlines are judged at `asOf`, not at the machine's clock).
 *
 * @throws RangeError when `mainDriverShare` is not in (0, 1].
 * @example
 * ```ts
 * const state = await rebuildAnalytics(store); // or the state of analyticsProjection(), kept live
 * const report = analyze(state); // the whole log
 * report.surveys.overall; // the CSI: the weighted mean of the service dimension scores, 10-100
 * report.sla.planWithin7Days.rate; // plans within 7 days, of those due (null for 0 of 0)
 * // One station in the fourth quarter, in China's local time:
 * const pudong = analyze(state, {
 *   filter: { branch: 'Pudong', from: '2026-10-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' },
 *   period: { granularity: 'month', utcOffsetMinutes: 480 },
 * });
 * pudong.surveys.trend.map((row) => [row.period, row.overall]); // e.g. [['2026-10', 78.5], ['2026-11', 81.2]]
 * ```
 */
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
    responsibility: responsibilityReport(complaints),
    promisesKept: promises && rate(promises.filter((p) => p.kept).length, promises.length),
    // The benchmark's period is the policy's: a `period` filter names a period at the report's granularity.
    benchmark: benchmark(state, { policy: { ...policy, period: { granularity: period.granularity, utcOffsetMinutes: period.utcOffsetMinutes ?? 0 } }, config, filter: network }),
    improvements: improvementsIn(state, filter),
    loyalty: options.loyalty ? loyaltyOf(options.loyalty, filter, { complaints: [...state.complaints.values()], responses: state.surveys }) : null,
  };
}
