/**
 * Loyalty in a report's slice. Customers have a branch, a region and a segment (from the
 * host's facts), so a slice by one of these restricts the base to its customers; the
 * other keys (handler, product type, business line, SERVQUAL factor, period) say nothing
 * about a customer, and a slice by them has no loyalty figures (`null`) rather than the
 * whole base's under a misleading heading. The window is the loyalty input's own.
 */
import type { ComplaintFacts, SurveyResponse } from '../analytics/facts.js';
import { SLICE_KEYS, type AnalyticsFilter, type SliceKey } from '../analytics/slices.js';
import { loyalty, type LoyaltyReport } from './loyalty.js';
import type { HostCustomer, LoyaltyInput } from './schema.js';

const CUSTOMER_FIELDS: Partial<Record<SliceKey, 'branch' | 'region' | 'segment'>> = { branch: 'branch', region: 'region', customerSegment: 'segment' };

export function loyaltyOf(
  input: LoyaltyInput,
  filter: AnalyticsFilter,
  log: { readonly complaints: readonly ComplaintFacts[]; readonly responses: readonly SurveyResponse[] },
): LoyaltyReport | null {
  const keys = SLICE_KEYS.filter((k) => filter[k] !== undefined);
  if (keys.some((k) => CUSTOMER_FIELDS[k] === undefined)) return null;
  const inSlice = (c: HostCustomer) => keys.every((k) => (c[CUSTOMER_FIELDS[k] ?? 'segment'] ?? null) === filter[k]);
  return loyalty(input, log, input.customers.filter(inSlice));
}
