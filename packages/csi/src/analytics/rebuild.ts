/**
 * The analytics read model rebuilt from a whole log. Accepts a complaints-only store
 * too (`EventStore<ComplaintEvent>`): a log without surveys is a log of `CsiLogEvent`s.
 */
import { rebuildProjection, type EventStore } from '@redress/core';
import type { CsiLogEvent } from '../surveys/schema.js';
import { analyticsProjection, type AnalyticsState } from './facts.js';

/**
 * The analytics state of a whole log, read from position 1 through `readAll`: what `analyze` and
 * `sliceBy` take. Equal to the state of `analyticsProjection()` fed live, so a host may rebuild on
 * demand (a report job) or keep one live (a dashboard) and get the same numbers.
 *
 * @example
 * ```ts
 * const state = await rebuildAnalytics(store);
 * const report = analyze(state);
 * console.log(renderReport(report, { locale: 'zh-CN' }));
 * ```
 */
export async function rebuildAnalytics(store: Pick<EventStore<CsiLogEvent>, 'readAll'>): Promise<AnalyticsState> {
  return (await rebuildProjection(store, analyticsProjection())).state;
}
