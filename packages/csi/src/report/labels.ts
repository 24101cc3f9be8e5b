/** The report's own words, in English and Simplified Chinese; the domain's words come from core's labels. */
import type { Locale } from '@redress/core';
import { SURVEY_REPORT_LABELS, type SurveyReportLabels } from './labels-surveys.js';

export interface ReportLabels extends SurveyReportLabels {
  readonly title: string;
  readonly asOf: string;
  readonly complaints: string;
  readonly overview: string;
  readonly measure: string;
  readonly value: string;
  readonly byCause: string;
  readonly cause: string;
  readonly count: string;
  readonly share: string;
  readonly cumulative: string;
  readonly byServqualFactor: string;
  readonly servqualFactor: string;
  readonly byStep: string;
  readonly step: string;
  readonly bySeverity: string;
  readonly severity: string;
  readonly unclassified: string;
  readonly unknownCause: string;
  readonly sla: string;
  /** The heading of the rules the `slaResults` hook reports. */
  readonly slaExternal: string;
  readonly remedyOnTime: string;
  readonly planWithin7Days: string;
  readonly followUpWithin3Days: string;
  readonly times: string;
  readonly timeToAcknowledge: string;
  readonly timeToResolve: string;
  readonly median: string;
  readonly p90: string;
  readonly calendar: string;
  readonly business: string;
  readonly firstContactResolution: string;
  readonly reopenRate: string;
  readonly repeatRate: string;
  readonly hiddenShare: string;
  readonly followUpCoverage: string;
  readonly satisfaction: string;
  readonly dimension: string;
  readonly score: string;
  readonly responses: string;
  readonly overall: string;
  readonly trend: string;
  readonly period: string;
  readonly reasons: string;
  readonly reason: string;
  readonly workload: string;
  readonly handler: string;
  readonly open: string;
  readonly assigned: string;
  readonly archived: string;
  readonly reopened: string;
  readonly none: string;
  readonly notApplicable: string;
  readonly hours: string;
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

export const REPORT_LABELS: Readonly<Record<Locale, ReportLabels>> = { en, 'zh-CN': zhCN };
