/** One report per value of a slice key. */
import { DEFAULT_METHOD_OF_CHANNEL } from '../reach/methods.js';
import { analyze, type AnalyzeOptions, type ComplaintAnalytics } from './analyze.js';
import { resolveContact } from './contacts.js';
import type { AnalyticsState } from './facts.js';
import { DEFAULT_PERIOD, sliceValue, type SliceKey } from './slices.js';

/** One report of `sliceBy`: a value of the key and the analytics of everything with that value. */
export interface Slice {
  /** The slice's value; `null` for complaints and responses that do not record it. */
  readonly value: string | null;
  /** The report for this value: `analyze` with the options' filter plus this key's value. */
  readonly analytics: ComplaintAnalytics;
}

/**
 * The analytics per value of `key`, within `options.filter`. Every complaint, response
 * and survey contact has exactly one value per key, so the slices partition the whole.
 */
export function sliceBy(state: AnalyticsState, key: SliceKey, options: AnalyzeOptions = {}): Slice[] {
  const period = options.period ?? DEFAULT_PERIOD;
  const values = new Set<string | null>();
  for (const c of state.complaints.values()) values.add(sliceValue(c, c.receivedAt, key, period));
  for (const r of state.surveys) values.add(sliceValue(r, r.at, key, period));
  for (const c of state.contacts.values()) {
    const resolved = resolveContact(c, options.methodOfChannel ?? DEFAULT_METHOD_OF_CHANNEL);
    values.add(sliceValue(resolved.fields, resolved.at, key, period));
  }
  const sorted = [...values].sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0));
  return sorted
    .map((value) => ({ value, analytics: analyze(state, { ...options, filter: { ...options.filter, [key]: value } }) }))
    .filter((s) => s.analytics.complaints > 0 || s.analytics.surveys.responses > 0 || s.analytics.surveys.reach.attempted > 0);
}
