/**
 * A host rule for the engine: the survey a follow-up carries must rate configured
 * dimensions with their own reason codes. Core validates the shape; only this
 * package knows the configuration, so the check plugs in as a `WorkflowRule`.
 */
import type { WorkflowRule } from '@redress/core';
import { checkRatings } from '../dimensions/check-ratings.js';
import type { CsiConfig } from '../dimensions/config.js';
import { DEFAULT_CSI_CONFIG } from '../dimensions/defaults.js';

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
