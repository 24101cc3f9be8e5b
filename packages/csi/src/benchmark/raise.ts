/**
 * Raises the improvement actions benchmarking calls for: for every period that has
 * ended (by the injected clock, at the policy's granularity) and every subject more than
 * the threshold below the network average in it, one `ImprovementActionRaised` in the
 * subject's and period's own stream, appended once with expected version `noStream` and
 * a command id derived from the subject and period. Two runners racing, a runner
 * restarted, or one run again over the same log all record it once: whoever appends
 * first wins, the others get that event back as a duplicate. Only ended periods, so the
 * verdict is not taken on half a quarter's surveys.
 */
import {
  nanoidGenerator,
  type Actor,
  type Clock,
  type ConcurrencyConflictError,
  type EventStore,
  type IdGenerator,
  type NewEvent,
  type RecordedEvent,
  type Result,
} from '@redress/core';
import { drivers } from '../analytics/drivers.js';
import type { AnalyticsState, SurveyResponse } from '../analytics/facts.js';
import { periodOf } from '../analytics/period.js';
import { rebuildAnalytics } from '../analytics/rebuild.js';
import { matches, sliceValue } from '../analytics/slices.js';
import type { CsiConfig } from '../dimensions/config.js';
import { DEFAULT_CSI_CONFIG } from '../dimensions/defaults.js';
import { CSI_SYSTEM_ACTOR } from '../hidden/open.js';
import { rankDimensions } from '../analytics/ranking.js';
import { scoreRatings } from '../scoring/score.js';
import { appendOnce } from '../support/append-once.js';
import { isImprovementActionRaised } from '../support/log.js';
import type { CsiLogEvent } from '../surveys/schema.js';
import { benchmarkByPeriod, type BenchmarkRow } from './benchmark.js';
import { DEFAULT_BENCHMARK_POLICY, type BenchmarkPolicy } from './policy.js';
import { IMPROVEMENT_EVENT_SCHEMA_VERSION, improvementStreamId, type ImprovementActionRaised } from './schema.js';

/**
 * What `createImprovementRunner` needs: the shared log, the clock that says which periods have
 * ended, and the policy and configuration the benchmark is taken with.
 */
export interface ImprovementRunnerOptions {
  /** The shared log: read to benchmark (unless `run` is given the analytics), and where actions are recorded. */
  readonly store: Pick<EventStore<CsiLogEvent>, 'append' | 'readStream' | 'readAll'>;
  /** Decides which periods have ended (only those are judged) and gives the actions' `occurredAt`. */
  readonly clock: Clock;
  /** Event ids; nanoid by default. */
  readonly ids?: IdGenerator;
  /**
   * What is benchmarked, the threshold, the minimum responses and the period; `DEFAULT_BENCHMARK_POLICY` (stations, 10%, quarters) when left out.
   */
  readonly policy?: BenchmarkPolicy;
  /** The service dimensions the CSI and the weakest dimensions are computed with; `DEFAULT_CSI_CONFIG` when left out. */
  readonly config?: CsiConfig;
  /** Who raises them; csi's `system` actor by default. */
  readonly actor?: Actor;
}

/** One improvement action the runner raised (or found raised): the subject and period it is for, and the append's result. */
export interface ImprovementOutcome {
  /** The flagged subject's value (a station's name). */
  readonly subject: string;
  /** The ended period it was flagged in (`2026-Q4` at the default granularity). */
  readonly period: string;
  /** The action as recorded; `duplicate` when it had already been (by this runner or another). */
  readonly result: Result<{ readonly event: RecordedEvent<ImprovementActionRaised>; readonly duplicate: boolean }, ConcurrencyConflictError>;
}

/**
 * Raises the improvement actions benchmarking calls for; run it on a schedule (e.g. daily): each
 * action is recorded once per subject and period however often, and by however many, it runs.
 */
export interface ImprovementRunner {
  /** Benchmarks every ended period and raises what is due; `state` saves rebuilding the analytics from the store. */
  run(state?: AnalyticsState): Promise<ImprovementOutcome[]>;
}

function action(policy: BenchmarkPolicy, config: CsiConfig, period: string, row: BenchmarkRow, average: number, responses: readonly SurveyResponse[]): ImprovementActionRaised['data'] {
  const scores = scoreRatings(config, responses.flatMap((r) => r.ratings)).dimensions;
  const weakest = rankDimensions(config, scores).reverse().slice(0, 2);
  return {
    by: policy.by,
    subject: row.subject ?? '',
    period,
    granularity: policy.period.granularity,
    utcOffsetMinutes: policy.period.utcOffsetMinutes,
    score: row.score ?? 0,
    average,
    averageOf: policy.average,
    gap: row.gap ?? 0,
    threshold: policy.belowAverageBy,
    responses: row.responses,
    weakest: weakest.map((w) => ({ dimension: w.dimension, score: w.score })),
    drivers: drivers(responses, config, responses.length)
      .slice(0, 3)
      .map((d) => ({ dimension: d.dimension, reason: d.reason, customers: d.customers })),
  };
}

/**
 * An improvement runner over the shared log. `run()` benchmarks every period that has ended by the
 * clock and appends an `ImprovementActionRaised` for each subject more than the threshold below
 * the network average (score, average, gap, responses, the two weakest service dimensions and
 * the three reasons its customers gave most) to `improvement:<by>:<period>:<subject>`, once:
 * racing or restarted runners get the first event back as a duplicate. The analytics then list
 * the actions (`analyze(...).improvements`) and the reports print them.
 *
 * @example
 * ```ts
 * const runner = createImprovementRunner({ store, clock, policy: DEFAULT_BENCHMARK_POLICY });
 * for (const { subject, period, result } of await runner.run()) {
 *   if (result.ok && !result.value.duplicate) console.log(`improvement action for ${subject} in ${period}`);
 * }
 * ```
 */
export function createImprovementRunner(options: ImprovementRunnerOptions): ImprovementRunner {
  const policy = options.policy ?? DEFAULT_BENCHMARK_POLICY;
  const config = options.config ?? DEFAULT_CSI_CONFIG;
  const ids = options.ids ?? nanoidGenerator;
  const actor = options.actor ?? CSI_SYSTEM_ACTOR;
  const { store, clock } = options;

  async function raise(period: string, row: BenchmarkRow, average: number, state: AnalyticsState): Promise<ImprovementOutcome> {
    const subject = row.subject ?? '';
    const responses = state.surveys.filter((r) => matches(r, r.at, { period }, policy.period) && sliceValue(r, r.at, policy.by) === subject);
    const streamId = improvementStreamId(policy.by, period, subject);
    const event: NewEvent<ImprovementActionRaised> = {
      type: 'ImprovementActionRaised',
      data: action(policy, config, period, row, average, responses),
      eventId: ids(),
      occurredAt: clock.now().toISOString(),
      actor,
      causationId: streamId,
      correlationId: streamId,
      schemaVersion: IMPROVEMENT_EVENT_SCHEMA_VERSION,
    };
    const taken = `the improvement action of ${subject} for ${period} was recorded by another command`;
    return { subject, period, result: await appendOnce({ store, streamId, event, is: isImprovementActionRaised, taken }) };
  }

  return {
    async run(given) {
      const state = given ?? (await rebuildAnalytics(store));
      const current = periodOf(clock.now().toISOString(), policy.period);
      const outcomes: ImprovementOutcome[] = [];
      for (const { period, benchmark } of benchmarkByPeriod(state, { policy, config })) {
        // Period labels of one granularity sort in time order: earlier ones have ended.
        if (period >= current || benchmark.average === null) continue;
        for (const row of benchmark.rows.filter((r) => r.belowThreshold)) outcomes.push(await raise(period, row, benchmark.average, state));
      }
      return outcomes;
    },
  };
}
