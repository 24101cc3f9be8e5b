/**
 * The analytics read model rebuilt from a whole log. Accepts a complaints-only store
 * too (`EventStore<ComplaintEvent>`): a log without surveys is a log of `CsiLogEvent`s.
 */
import { rebuildProjection, type EventStore } from '@redress/core';
import type { CsiLogEvent } from '../surveys/schema.js';
import { analyticsProjection, type AnalyticsState } from './facts.js';

export async function rebuildAnalytics(store: Pick<EventStore<CsiLogEvent>, 'readAll'>): Promise<AnalyticsState> {
  return (await rebuildProjection(store, analyticsProjection())).state;
}
