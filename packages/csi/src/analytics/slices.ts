/**
 * Slicing: the keys a report can be cut by, and which value a complaint (by receipt)
 * or a survey response (by when it was taken) has for each. `null` is a value too,
 * so the slices of any key partition the whole.
 */
import type { SliceFields } from './facts.js';
import { periodOf, type PeriodOptions } from './period.js';

/** What a report can be sliced by. */
export const SLICE_KEYS = ['period', 'branch', 'region', 'businessLine', 'productKind', 'customerSegment', 'handler', 'servqualFactor'] as const;
/**
 * A key a report can be sliced or filtered by (`SLICE_KEYS`): `period` (of receipt, or of the
 * survey), the station, region, business line, product type, customer type, handler, or the
 * SERVQUAL factor of the latest cause.
 */
export type SliceKey = (typeof SLICE_KEYS)[number];

/** Keep only what matches every given field; `null` matches "not recorded". `from`/`to` bound the instant (receipt, or survey time). */
export type AnalyticsFilter = { readonly [K in SliceKey]?: string | null } & { readonly from?: string; readonly to?: string };

export const DEFAULT_PERIOD: PeriodOptions = { granularity: 'month' };

/** The value of a slice key for a complaint (by receipt) or a survey response (by when it was taken). */
export function sliceValue(item: SliceFields, at: string, key: SliceKey, period: PeriodOptions = DEFAULT_PERIOD): string | null {
  return key === 'period' ? periodOf(at, period) : item[key];
}

export function matches(item: SliceFields, at: string, filter: AnalyticsFilter, period: PeriodOptions): boolean {
  if (filter.from !== undefined && Date.parse(at) < Date.parse(filter.from)) return false;
  if (filter.to !== undefined && Date.parse(at) >= Date.parse(filter.to)) return false;
  for (const key of SLICE_KEYS) {
    const wanted = filter[key];
    if (wanted !== undefined && sliceValue(item, at, key, period) !== wanted) return false;
  }
  return true;
}

