/**
 * Hidden complaints (隐性投诉): most unhappy customers never complain, they leave.
 * A survey that finds one (a low score, or a reason code the host treats as a
 * complaint) opens a complaint. The rule is data, validated against the configuration.
 */
import { err, idSchema, ok, satisfactionScoreSchema, ValidationError, type RecordedSurveyRating, type Result, type ValidationIssue } from '@redress/core';
import { z } from 'zod';
import { allDimensions, type CsiConfig } from '../dimensions/config.js';
import { DEFAULT_CSI_CONFIG } from '../dimensions/defaults.js';
import { issuesFromZod } from '../support/issues.js';

/**
 * When a survey's rating reveals a hidden complaint (隐性投诉): a score at or below `scoreAtMost`
 * (default 4, i.e. dissatisfied or very dissatisfied; `null` for no threshold), or any of
 * `reasons` whatever the score, counting only the ratings of `dimensions` when given. The schema
 * checks the shape; `defineHiddenComplaintRule` also checks the ids against the configuration.
 */
export const hiddenComplaintRuleSchema = z.strictObject({
  /** A rating at or below this opens a complaint. Default 4: dissatisfied (4-3) or very dissatisfied (2-1). */
  scoreAtMost: satisfactionScoreSchema.nullable().default(4),
  /** Any of these reason codes opens a complaint whatever the score. */
  reasons: z.array(idSchema).max(200).default([]),
  /** Only ratings of these dimensions count; all of them when left out. */
  dimensions: z.array(idSchema).min(1).max(50).optional(),
});
/**
 * A validated hidden-complaint rule (defaults applied), as `openHiddenComplaint`,
 * `openFollowUpHiddenComplaint` and `createCsiAutomation` take it.
 */
export type HiddenComplaintRule = z.output<typeof hiddenComplaintRuleSchema>;
/** What `defineHiddenComplaintRule` accepts: `scoreAtMost` and `reasons` may be left out (4 and none). */
export type HiddenComplaintRuleInput = z.input<typeof hiddenComplaintRuleSchema>;

/**
 * The default rule: any rating of 4 or less, in any dimension of either module, opens a hidden
 * complaint; no reason code does so on its own. A host that wants "broke a service promise" to open
 * one whatever the score adds `reasons: ['brokenPromise']`.
 */
export const DEFAULT_HIDDEN_COMPLAINT_RULE: HiddenComplaintRule = { scoreAtMost: 4, reasons: [] };

/** Validates a rule against the configuration: dimensions and reason codes must exist. */
export function defineHiddenComplaintRule(
  input: HiddenComplaintRuleInput,
  config: CsiConfig = DEFAULT_CSI_CONFIG,
): Result<HiddenComplaintRule, ValidationError> {
  const parsed = hiddenComplaintRuleSchema.safeParse(input);
  if (!parsed.success) return err(new ValidationError(issuesFromZod(parsed.error)));
  const rule = parsed.data;
  const issues: ValidationIssue[] = [];
  rule.dimensions?.forEach((id, i) => {
    if (!allDimensions(config).some((d) => d.id === id)) issues.push({ path: `dimensions[${i}]`, message: `unknown dimension "${id}"`, code: 'unknownDimension' });
  });
  const known = new Set(allDimensions(config).flatMap((d) => d.reasons.map((r) => r.id)));
  rule.reasons.forEach((id, i) => {
    if (!known.has(id)) issues.push({ path: `reasons[${i}]`, message: `unknown reason code "${id}"`, code: 'unknownReason' });
  });
  if (rule.scoreAtMost === null && rule.reasons.length === 0) {
    issues.push({ path: '', message: 'a rule needs a score threshold or reason codes, or it never fires', code: 'emptyRule' });
  }
  return issues.length > 0 ? err(new ValidationError(issues)) : ok(rule);
}

/** The ratings that make this survey a hidden complaint; empty when none does. */
export function hiddenComplaintRatings(ratings: readonly RecordedSurveyRating[], rule: HiddenComplaintRule): RecordedSurveyRating[] {
  const reasons = new Set(rule.reasons);
  return ratings.filter(
    (r) =>
      (rule.dimensions === undefined || rule.dimensions.includes(r.dimension)) &&
      ((rule.scoreAtMost !== null && r.score <= rule.scoreAtMost) || (r.reasons ?? []).some((code) => reasons.has(code))),
  );
}
