/** A survey response as the analytics fold records it, for tests of the pure functions over responses. */
import type { SurveyResponse } from '../analytics/facts.js';

export const surveyResponse = (i: number, ratings: SurveyResponse['ratings'], branch: string | null = null): SurveyResponse => ({
  id: `r-${i}`,
  at: '2026-11-01T00:00:00Z',
  origin: 'quarterly',
  complaintId: null,
  surveyId: `s-${i}`,
  customer: `cust-${i}`,
  branch,
  region: null,
  businessLine: null,
  productKind: null,
  customerSegment: null,
  handler: null,
  servqualFactor: null,
  ratings,
});
