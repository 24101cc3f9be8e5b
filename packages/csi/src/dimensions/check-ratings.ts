/**
 * Ratings checked against the configuration: the schema knows a dimension id is
 * well-formed, only the configuration knows whether it exists (in the service or the
 * product-quality module) and which reason codes belong to it.
 */
import type { SurveyRating, ValidationIssue } from '@redress/core';
import { allDimensions, type CsiConfig } from './config.js';

/**
 * The ratings' issues against the configuration: a dimension no module configures
 * (`unknownDimension`, listing the configured ids) and a reason code its dimension does not list
 * (`unknownReason`), with paths under `path` (`data.ratings[0].reasons[1]`). Empty when every rating
 * fits. Shape (score 1-10, a dimension rated twice) is the schema's job, not this one's; the survey
 * desk and `followUpSurveyRule` run both.
 */
export function checkRatings(config: CsiConfig, ratings: readonly SurveyRating[], path: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  ratings.forEach((rating, i) => {
    const dimension = allDimensions(config).find((d) => d.id === rating.dimension);
    if (!dimension) {
      issues.push({
        path: `${path}[${i}].dimension`,
        message: `unknown dimension "${rating.dimension}"; configured: ${allDimensions(config)
          .map((d) => d.id)
          .join(', ')}`,
        code: 'unknownDimension',
      });
      return;
    }
    (rating.reasons ?? []).forEach((reason, j) => {
      if (!dimension.reasons.some((r) => r.id === reason)) {
        issues.push({
          path: `${path}[${i}].reasons[${j}]`,
          message: `unknown reason code "${reason}" for dimension ${dimension.id}`,
          code: 'unknownReason',
        });
      }
    });
  });
  return issues;
}
