/** The report's own words, in English and Simplified Chinese; the domain's words come from core's labels. */
import type { Locale } from '@redress/core';
import { SURVEY_REPORT_LABELS, type SurveyReportLabels } from './labels-surveys.js';

/**
 * The report's own words (headings, column headers, row names, units) in one locale. The domain's
 * words (steps, causes, severities, levels, SERVQUAL factors) come from core's `labels`, and the
 * dimensions' and reason codes' from the configuration. `REPORT_LABELS` holds `en` and `zh-CN`.
 */
export interface ReportLabels extends SurveyReportLabels {
  /** The report's `##` heading, unless `RenderOptions.title` replaces it. */
  readonly title: string;
  /** Prefix of the line giving the instant deadlines were judged at (`ComplaintAnalytics.asOf`). */
  readonly asOf: string;
  /** Overview row: complaints received in the slice. */
  readonly complaints: string;
  /** Heading of the overview table (complaints, CSI, product quality, rates). */
  readonly overview: string;
  /** First column header of every measure/value table. */
  readonly measure: string;
  /** Second column header of every measure/value table. */
  readonly value: string;
  /** Heading of the Pareto of causes (also the SVG chart's accessible name). */
  readonly byCause: string;
  /** Column header of the cause in the Pareto of causes. */
  readonly cause: string;
  /** Column header of counts (Paretos, steps, severities, reasons, handling times). */
  readonly count: string;
  /** Column header of a row's share of the total (Paretos, drivers). */
  readonly share: string;
  /** Column header of the cumulative share down to the row: the Pareto curve. */
  readonly cumulative: string;
  /** Heading of the Pareto of SERVQUAL factors (also the SVG chart's accessible name). */
  readonly byServqualFactor: string;
  /** Column header of the factor in the Pareto of SERVQUAL factors. */
  readonly servqualFactor: string;
  /** Heading of the table of complaints per current workflow step. */
  readonly byStep: string;
  /** Column header of the workflow step. */
  readonly step: string;
  /** Heading of the table of complaints per severity. */
  readonly bySeverity: string;
  /** Column header of the severity. */
  readonly severity: string;
  /** Severity row of complaints not classified yet. */
  readonly unclassified: string;
  /** Pareto row of complaints whose cause is not identified yet (cause and SERVQUAL factor alike). */
  readonly unknownCause: string;
  /** Heading of the domain's time rules, computed in calendar time. */
  readonly sla: string;
  /** The heading of the rules the `slaResults` hook reports. */
  readonly slaExternal: string;
  /** Time-rule row: remedies executed by the deadline agreed with the customer. */
  readonly remedyOnTime: string;
  /** Time-rule row: a resolution (at least a plan) proposed within 7 days of receipt. */
  readonly planWithin7Days: string;
  /** Time-rule row: executions followed up within 3 days. */
  readonly followUpWithin3Days: string;
  /** Heading of the handling-times table (median and p90). */
  readonly times: string;
  /** Handling-time row: receipt to the four acknowledgement behaviours. */
  readonly timeToAcknowledge: string;
  /** Handling-time row: receipt to archiving. */
  readonly timeToResolve: string;
  /** Column header of the median duration. */
  readonly median: string;
  /** Column header of the 90th-percentile duration. */
  readonly p90: string;
  /** Qualifier of a handling time in calendar time, in parentheses after its name. */
  readonly calendar: string;
  /** Qualifier of a handling time in business time (from the `businessDuration` hook). */
  readonly business: string;
  /** Overview row: archived complaints resolved without reopening, reassignment or manual escalation. */
  readonly firstContactResolution: string;
  /** Overview and staff row or column: complaints (or follow-ups) that reopened. */
  readonly reopenRate: string;
  /** Overview row: complaints found to repeat. */
  readonly repeatRate: string;
  /** Overview row: complaints revealed by a survey or a follow-up. */
  readonly hiddenShare: string;
  /** Overview row: complaints whose every due execution was followed up within 3 days. */
  readonly followUpCoverage: string;
  /** Heading of the survey section, and the CSI's name in the overview and the staff table. */
  readonly satisfaction: string;
  /** Column header of a survey dimension (scores, levels, drivers, reasons, improvement actions). */
  readonly dimension: string;
  /** Column header of a score (mean rating × 10). */
  readonly score: string;
  /** Column header of survey-response counts. */
  readonly responses: string;
  /** Row or column of a module's overall score (for the service module, the CSI). */
  readonly overall: string;
  /** Heading of the per-period survey trend. */
  readonly trend: string;
  /** Column header of the period (trend, improvement actions). */
  readonly period: string;
  /** Heading of the table of reason codes given for low scores. */
  readonly reasons: string;
  /** Column header of a reason code (reasons, drivers, defections). */
  readonly reason: string;
  /** Heading of the handler workload table. */
  readonly workload: string;
  /** Column header of the handler (workload, staff assessment). */
  readonly handler: string;
  /** Workload column: open complaints the handler holds now. */
  readonly open: string;
  /** Workload column: complaints the handler was ever assigned. */
  readonly assigned: string;
  /** Workload and staff column: held complaints that were archived. */
  readonly archived: string;
  /** Workload column: held complaints reopened at least once. */
  readonly reopened: string;
  /** Placeholder for an empty value; `renderReport` does not print it today. */
  readonly none: string;
  /** Printed for a figure with no base (0 of 0), a missing score, or promises without data: never a made-up 0. */
  readonly notApplicable: string;
  /** Unit after a duration under 48 hours. */
  readonly hours: string;
  /** Unit after a duration of 48 hours or more. */
  readonly days: string;
}

const en: ReportLabels = {
  ...SURVEY_REPORT_LABELS.en,
  title: 'Complaints and satisfaction',
  asOf: 'As of',
  complaints: 'Complaints',
  overview: 'Overview',
  measure: 'Measure',
  value: 'Value',
  byCause: 'Complaints by cause (Pareto)',
  cause: 'Cause',
  count: 'Count',
  share: 'Share',
  cumulative: 'Cumulative',
  byServqualFactor: 'Complaints by service-quality factor (SERVQUAL, Pareto)',
  servqualFactor: 'Factor',
  byStep: 'Complaints by step',
  step: 'Step',
  bySeverity: 'Complaints by severity',
  severity: 'Severity',
  unclassified: 'Not classified yet',
  unknownCause: 'Cause not identified yet',
  sla: 'Time rules (calendar time)',
  slaExternal: 'SLA rules (from your SLA clocks)',
  remedyOnTime: 'Remedy executed by the agreed deadline',
  planWithin7Days: 'Resolution proposed within 7 days',
  followUpWithin3Days: 'Follow-up within 3 days of execution',
  times: 'Handling times',
  timeToAcknowledge: 'Time to acknowledge',
  timeToResolve: 'Time to resolve',
  median: 'Median',
  p90: 'p90',
  calendar: 'calendar',
  business: 'business',
  firstContactResolution: 'First-contact resolution',
  reopenRate: 'Reopen rate',
  repeatRate: 'Repeat complaints',
  hiddenShare: 'Hidden complaints (found by surveys)',
  followUpCoverage: 'Follow-up coverage (within 3 days)',
  satisfaction: 'Satisfaction (CSI)',
  dimension: 'Dimension',
  score: 'Score',
  responses: 'Responses',
  overall: 'Overall',
  trend: 'Trend',
  period: 'Period',
  reasons: 'Reasons given for low scores',
  reason: 'Reason',
  workload: 'Handler workload',
  handler: 'Handler',
  open: 'Open',
  assigned: 'Assigned',
  archived: 'Archived',
  reopened: 'Reopened',
  none: '(none)',
  notApplicable: 'n/a',
  hours: 'h',
  days: 'd',
};

const zhCN: ReportLabels = {
  ...SURVEY_REPORT_LABELS['zh-CN'],
  title: '投诉处理与客户满意度',
  asOf: '统计截至',
  complaints: '投诉数',
  overview: '概览',
  measure: '指标',
  value: '数值',
  byCause: '投诉原因分布（帕累托）',
  cause: '原因',
  count: '数量',
  share: '占比',
  cumulative: '累计占比',
  byServqualFactor: '服务质量要素分布（SERVQUAL，帕累托）',
  servqualFactor: '要素',
  byStep: '各处理步骤的投诉',
  step: '步骤',
  bySeverity: '投诉分类',
  severity: '分类',
  unclassified: '尚未分类',
  unknownCause: '尚未确定原因',
  sla: '时限要求（日历时间）',
  slaExternal: 'SLA规则（来自SLA时钟）',
  remedyOnTime: '按约定期限执行解决方案',
  planWithin7Days: '7天内制定解决方案',
  followUpWithin3Days: '执行后3天内回访',
  times: '处理时长',
  timeToAcknowledge: '响应时长',
  timeToResolve: '解决时长',
  median: '中位数',
  p90: '90分位',
  calendar: '日历时间',
  business: '工作时间',
  firstContactResolution: '首次接触解决率',
  reopenRate: '重新处理率',
  repeatRate: '重复投诉率',
  hiddenShare: '隐性投诉（满意度调查发现）',
  followUpCoverage: '回访覆盖率（3天内）',
  satisfaction: '客户满意度（CSI）',
  dimension: '维度',
  score: '得分',
  responses: '样本数',
  overall: '综合',
  trend: '趋势',
  period: '期间',
  reasons: '低分原因',
  reason: '原因',
  workload: '处理人工作量',
  handler: '处理人',
  open: '处理中',
  assigned: '曾负责',
  archived: '已归档',
  reopened: '重新处理',
  none: '（无）',
  notApplicable: '不适用',
  hours: '小时',
  days: '天',
};

/** The report labels per locale: English (`en`) and Simplified Chinese (`zh-CN`), what `renderReport` and `paretoSvg` print. */
export const REPORT_LABELS: Readonly<Record<Locale, ReportLabels>> = { en, 'zh-CN': zhCN };
