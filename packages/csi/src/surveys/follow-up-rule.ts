/**
 * A host rule for the engine: the survey a follow-up carries must rate configured
 * dimensions with their own reason codes. Core validates the shape; only this
 * package knows the configuration, so the check plugs in as a `WorkflowRule`.
 */
import type { WorkflowRule } from '@redress/core';
import { checkRatings } from '../dimensions/check-ratings.js';
import type { CsiConfig } from '../dimensions/config.js';
import { DEFAULT_CSI_CONFIG } from '../dimensions/defaults.js';

/**
 * A `WorkflowRule` for `createEngine({ rules })` that refuses a `RecordFollowUp` whose survey rates
 * a dimension the configuration does not have, or gives a reason code of another dimension
 * (`IllegalCommand` naming `followUpSurveyMatchesConfiguration` and every offending path). Core
 * checks only the shape; without this rule such a follow-up is recorded and its unknown ratings are
 * ignored by scoring. A follow-up without a survey always passes; `satisfied` still decides the
 * workflow, whatever the ratings say.
 */
export function followUpSurveyRule(config: CsiConfig = DEFAULT_CSI_CONFIG): WorkflowRule {
  return {
    name: 'followUpSurveyMatchesConfiguration',
    appliesTo: ['RecordFollowUp'],
    check: ({ command }) => {
      if (command.type !== 'RecordFollowUp' || command.data.survey === undefined) return null;
      const issues = checkRatings(config, command.data.survey.ratings, 'data.survey.ratings');
      return issues.length === 0 ? null : issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    },
  };
}
