/**
 * @redress/csi: customer satisfaction (CSI, 客户满意度) surveys and complaint
 * analytics from the Redress event log: scoring as the domain defines it, what it
 * takes to reach a target, survey reach, the product-quality module, hidden and repeat
 * complaints, station benchmarking and improvement actions, loyalty, staff assessment,
 * projections and reports.
 */

// Dimensions, weights and reason codes
export { DEFAULT_CSI_CONFIG } from './dimensions/defaults.js';
export { DEFAULT_PRODUCT_QUALITY } from './dimensions/product-quality.js';
export {
  allDimensions,
  csiConfigSchema,
  defineCsiConfig,
  dimensionOf,
  dimensionSchema,
  equalWeights,
  localizedLabelSchema,
  moduleOf,
  productQualitySchema,
  reasonCodeSchema,
  SURVEY_MODULES,
  type CsiConfig,
  type CsiConfigInput,
  type DimensionConfig,
  type LocalizedLabel,
  type ModuleConfig,
  type ProductQualityConfig,
  type ReasonCode,
  type SurveyModule,
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
  surveyContextShape,
  surveyTakenSchema,
  type CsiLogEvent,
  type RecordSurveyCommand,
  type RecordSurveyInput,
  type SurveyEvent,
  type SurveyProgramme,
  type SurveyTaken,
} from './surveys/schema.js';
export { createSurveyDesk, type SurveyDesk, type SurveyDeskOptions, type SurveyError, type SurveyRecorded } from './surveys/desk.js';

// Survey attempts and reach
export {
  ATTEMPT_OUTCOMES,
  attemptOutcomeSchema,
  DEFAULT_METHOD_OF_CHANNEL,
  reachedBy,
  SURVEY_METHODS,
  surveyMethodSchema,
  type AttemptOutcome,
  type SurveyMethod,
} from './reach/methods.js';
export {
  recordSurveyAttemptCommandSchema,
  SURVEY_ATTEMPT_EVENT_SCHEMA_VERSION,
  SURVEY_ATTEMPT_EVENT_TYPES,
  SURVEY_ATTEMPT_STREAM_PREFIX,
  surveyAttemptedSchema,
  surveyAttemptEventSchema,
  surveyAttemptStreamId,
  type RecordSurveyAttemptCommand,
  type RecordSurveyAttemptInput,
  type SurveyAttempted,
  type SurveyAttemptEvent,
} from './reach/schema.js';
export { type AttemptError, type AttemptRecorded } from './reach/record-attempt.js';
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
  type ImprovementActionFacts,
  type SliceFields,
  type SurveyOrigin,
  type SurveyResponse,
} from './analytics/facts.js';
export {
  followUpContactKey,
  resolveContact,
  surveyContactKey,
  type ContactAttempt,
  type ContactRecord,
  type ResolvedContact,
  type SurveyContact,
} from './analytics/contacts.js';
export { analyze, type AnalyticsHooks, type AnalyzeOptions, type ComplaintAnalytics, type Durations } from './analytics/analyze.js';
export { type ComplaintMeasures } from './analytics/measures.js';
export { SLICE_KEYS, sliceValue, type AnalyticsFilter, type SliceKey } from './analytics/slices.js';
export { sliceBy, type Slice } from './analytics/slice-by.js';
export { FOLLOW_UP_WITHIN_MS, PLAN_WITHIN_MS } from './analytics/time-rules.js';
export { type ParetoRow, type ServqualParetoRow } from './analytics/pareto.js';
export { type DimensionResult, type ModuleScorecard, type SurveyAnalytics, type SurveyTrendRow } from './analytics/survey-scores.js';
export { type MethodReach, type SurveyReach } from './analytics/reach.js';
export { drivers, MAIN_DRIVER_SHARE, type Driver } from './analytics/drivers.js';
export { rankDimensions, type DimensionRank } from './analytics/ranking.js';
export { dissatisfiedShare, levelShares, type LevelShares } from './analytics/levels.js';
export { type HandlerLoad } from './analytics/workload.js';
export { responsibilityReport, type ResponsibilityReport, type ResponsibilityRow } from './analytics/responsibility.js';
export { loggedPromiseOutcomes, staffAssessment, type PromiseOutcome, type PromiseOutcomes, type StaffAssessment } from './analytics/staff.js';

// Benchmarking and improvement actions
export {
  BENCHMARK_AVERAGES,
  BENCHMARK_SUBJECTS,
  benchmarkPolicySchema,
  DEFAULT_BENCHMARK_POLICY,
  defineBenchmarkPolicy,
  type BenchmarkAverage,
  type BenchmarkPolicy,
  type BenchmarkPolicyInput,
  type BenchmarkSubject,
} from './benchmark/policy.js';
export { benchmark, benchmarkByPeriod, type Benchmark, type BenchmarkOptions, type BenchmarkRow } from './benchmark/benchmark.js';
export {
  IMPROVEMENT_EVENT_SCHEMA_VERSION,
  IMPROVEMENT_EVENT_TYPES,
  IMPROVEMENT_STREAM_PREFIX,
  improvementActionRaisedSchema,
  improvementEventSchema,
  improvementStreamId,
  type ImprovementActionRaised,
  type ImprovementEvent,
} from './benchmark/schema.js';
export { createImprovementRunner, type ImprovementOutcome, type ImprovementRunner, type ImprovementRunnerOptions } from './benchmark/raise.js';

// Loyalty
export {
  DEFECTION_TYPES,
  defineLoyaltyInput,
  hostCustomerSchema,
  loyaltyInputSchema,
  type DefectionType,
  type HostCustomer,
  type LoyaltyInput,
  type LoyaltyInputData,
} from './loyalty/schema.js';
export { CUSTOMER_EXPERIENCES, loyalty, type CustomerExperience, type ExperienceRow, type LoyaltyReport } from './loyalty/loyalty.js';
export { rebuildAnalytics } from './analytics/rebuild.js';
export { GRANULARITIES, periodOf, type Granularity, type PeriodOptions } from './analytics/period.js';
export { durationStats, percentile, rate, type DurationStats, type Rate } from './analytics/stats.js';

// Reports
export { paretoSvg, renderReport, type ParetoOf, type ParetoSvgOptions, type RenderOptions } from './report/render.js';
export { REPORT_LABELS, type ReportLabels } from './report/labels.js';

// Personal data of csi's events, for protectStore (see docs/privacy.md)
export { CSI_PERSONAL_DATA, createCsiSubject, csiSubject } from './privacy/personal-data.js';
export { csiEventFamily } from './support/event-family.js';
