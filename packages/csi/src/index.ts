/**
 * @redress/csi: customer satisfaction (CSI, 客户满意度) surveys and complaint
 * analytics from the Redress event log: scoring as the domain defines it, what it
 * takes to reach a target, hidden and repeat complaints, projections and reports.
 */

// Dimensions, weights and reason codes
export { DEFAULT_CSI_CONFIG } from './dimensions/defaults.js';
export {
  csiConfigSchema,
  defineCsiConfig,
  dimensionOf,
  dimensionSchema,
  equalWeights,
  localizedLabelSchema,
  reasonCodeSchema,
  type CsiConfig,
  type CsiConfigInput,
  type DimensionConfig,
  type LocalizedLabel,
  type ReasonCode,
} from './dimensions/config.js';
export { checkRatings } from './dimensions/check-ratings.js';

// Scoring
export { dimensionScore, overallScore, roundScore, scoreRatings, type OverallScore, type SurveyScores } from './scoring/score.js';
export { whatWouldItTake, type Move, type WhatItTakes, type WhatItTakesOptions } from './scoring/what-it-takes.js';

// Surveys
export {
  recordSurveyCommandSchema,
  SURVEY_EVENT_SCHEMA_VERSION,
  SURVEY_EVENT_TYPES,
  SURVEY_PROGRAMMES,
  SURVEY_STREAM_PREFIX,
  surveyEventSchema,
  surveyIdSchema,
  surveyStreamId,
  surveyTakenSchema,
  type CsiLogEvent,
  type RecordSurveyCommand,
  type RecordSurveyInput,
  type SurveyEvent,
  type SurveyProgramme,
  type SurveyTaken,
} from './surveys/schema.js';
export { createSurveyDesk, type SurveyDesk, type SurveyDeskOptions, type SurveyError, type SurveyRecorded } from './surveys/desk.js';
export { complaintStore } from './surveys/complaint-store.js';
export { followUpSurveyRule } from './surveys/follow-up-rule.js';

// Hidden complaints
export {
  DEFAULT_HIDDEN_COMPLAINT_RULE,
  defineHiddenComplaintRule,
  hiddenComplaintRatings,
  hiddenComplaintRuleSchema,
  type HiddenComplaintRule,
  type HiddenComplaintRuleInput,
} from './hidden/rule.js';
export {
  CSI_SYSTEM_ACTOR,
  followUpHiddenComplaintId,
  hiddenComplaintId,
  openFollowUpHiddenComplaint,
  openHiddenComplaint,
  type HiddenComplaintFacts,
  type HiddenComplaintOptions,
} from './hidden/open.js';

// Repeat complaints
export {
  CAUSE_SCOPES,
  DEFAULT_REPEAT_POLICY,
  defineRepeatPolicy,
  REPEAT_ACTIONS,
  repeatPolicySchema,
  repeatRuleSchema,
  type CauseScope,
  type RepeatAction,
  type RepeatPolicy,
  type RepeatPolicyInput,
  type RepeatRule,
} from './repeats/policy.js';
export { applyToHistory, emptyHistory, repeatKeys, type ComplaintHistory, type ComplaintHistoryEntry, type KeyAdded, type RepeatDetection } from './repeats/history.js';
export { revealRepeats } from './repeats/detect.js';
export { complaintHistoryProjection } from './repeats/projection.js';
export {
  REPEAT_EVENT_SCHEMA_VERSION,
  REPEAT_EVENT_TYPES,
  REPEAT_STREAM_PREFIX,
  repeatEventSchema,
  repeatRecordedSchema,
  repeatStreamId,
  type RepeatEvent,
  type RepeatRecorded,
} from './repeats/schema.js';
export { recordRepeat, type RepeatRecord, type RepeatRecorder } from './repeats/record.js';
export { createRepeatDetector, type RepeatDetector, type RepeatDetectorOptions, type RepeatOutcome } from './repeats/detector.js';
export {
  createCsiAutomation,
  FOLLOW_UP_SCOPES,
  type CsiAutomation,
  type CsiAutomationOptions,
  type CsiOutcomes,
  type FollowUpScope,
  type HiddenOutcome,
} from './automation/automation.js';

// Analytics
export {
  analyticsProjection,
  ANALYTICS_EVENT_TYPES,
  evolveAnalytics,
  type AnalyticsState,
  type ComplaintFacts,
  type SliceFields,
  type SurveyOrigin,
  type SurveyResponse,
} from './analytics/facts.js';
export { analyze, type AnalyticsHooks, type AnalyzeOptions, type ComplaintAnalytics, type Durations } from './analytics/analyze.js';
export { SLICE_KEYS, sliceValue, type AnalyticsFilter, type SliceKey } from './analytics/slices.js';
export { sliceBy, type Slice } from './analytics/slice-by.js';
export { FOLLOW_UP_WITHIN_MS, PLAN_WITHIN_MS } from './analytics/time-rules.js';
export { type ParetoRow, type ServqualParetoRow } from './analytics/pareto.js';
export { type DimensionResult, type SurveyAnalytics, type SurveyTrendRow } from './analytics/survey-scores.js';
export { type HandlerLoad } from './analytics/workload.js';
export { rebuildAnalytics } from './analytics/rebuild.js';
export { GRANULARITIES, periodOf, type Granularity, type PeriodOptions } from './analytics/period.js';
export { durationStats, percentile, rate, type DurationStats, type Rate } from './analytics/stats.js';

// Reports
export { paretoSvg, renderReport, type ParetoOf, type ParetoSvgOptions, type RenderOptions } from './report/render.js';
export { REPORT_LABELS, type ReportLabels } from './report/labels.js';
