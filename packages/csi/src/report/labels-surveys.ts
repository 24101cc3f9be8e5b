/**
 * The report's words for survey reach, the product-quality module, benchmarking, loyalty
 * and staff assessment, in English and Simplified Chinese (the words service stations use:
 * 成功回访, 占成功回访比例, 流失率, 考核…). Merged into `REPORT_LABELS`.
 */
import type { Locale } from '@redress/core';
import type { BenchmarkSubject } from '../benchmark/policy.js';
import type { CustomerExperience } from '../loyalty/loyalty.js';
import type { DefectionType } from '../loyalty/schema.js';
import type { AttemptOutcome, SurveyMethod } from '../reach/methods.js';

export interface SurveyReportLabels {
  readonly reachHeading: string;
  readonly attempted: string;
  readonly reached: string;
  readonly responded: string;
  readonly attempts: string;
  readonly reachRate: string;
  readonly responseRate: string;
  readonly byMethod: string;
  readonly method: string;
  readonly reachedAttempts: string;
  readonly methods: Readonly<Record<SurveyMethod, string>>;
  readonly noMethod: string;
  readonly outcomes: Readonly<Record<AttemptOutcome, string>>;
  readonly byOutcome: string;
  readonly outcome: string;
  readonly rank: string;
  readonly levelsHeading: string;
  readonly notRated: string;
  readonly dissatisfiedShare: string;
  readonly driversHeading: string;
  readonly customers: string;
  readonly ofReached: string;
  readonly mainDriver: string;
  readonly change: string;
  readonly productQuality: string;
  readonly benchmarkHeading: string;
  readonly subjects: Readonly<Record<BenchmarkSubject, string>>;
  readonly networkAverage: string;
  readonly averageOfResponses: string;
  readonly averageOfSubjects: string;
  readonly threshold: string;
  readonly floor: string;
  readonly gap: string;
  readonly status: string;
  readonly belowThreshold: string;
  readonly withinThreshold: string;
  readonly tooFewResponses: string;
  readonly notNamed: string;
  readonly improvementsHeading: string;
  readonly raisedAt: string;
  readonly loyaltyHeading: string;
  readonly window: string;
  readonly baseCustomers: string;
  readonly newCustomers: string;
  readonly retention: string;
  readonly churn: string;
  readonly repeatPurchase: string;
  readonly referral: string;
  readonly complaintRate: string;
  readonly unknownCustomers: string;
  readonly defectionsHeading: string;
  readonly defections: Readonly<Record<DefectionType | 'unrecorded', string>>;
  readonly experienceHeading: string;
  readonly experience: string;
  readonly experiences: Readonly<Record<CustomerExperience, string>>;
  readonly staffHeading: string;
  readonly volume: string;
  readonly held: string;
  readonly onTime: string;
  readonly promisesKept: string;
  readonly promisesNote: string;
  readonly unattributed: string;
}

const en: SurveyReportLabels = {
  reachHeading: 'Survey reach',
  attempted: 'Customers attempted',
  reached: 'Customers reached',
  responded: 'Customers who answered',
  attempts: 'Attempts',
  reachRate: 'Reach rate (of customers attempted)',
  responseRate: 'Response rate (of customers reached)',
  byMethod: 'By method',
  method: 'Method',
  reachedAttempts: 'Attempts that reached',
  methods: { questionnaire: 'Questionnaire', telephone: 'Telephone', onSite: 'On site', web: 'Web' },
  noMethod: 'Not recorded',
  outcomes: { reached: 'Reached', declined: 'Declined to answer', noAnswer: 'No answer', wrongContact: 'Wrong contact details', unavailable: 'Unavailable', other: 'Other' },
  byOutcome: 'Attempts by outcome',
  outcome: 'Outcome',
  rank: 'Rank',
  levelsHeading: 'Ratings by level (share of customers reached)',
  notRated: 'Not rated',
  dissatisfiedShare: 'Customers reached who rated anything 4 or less',
  driversHeading: 'Main drivers of dissatisfaction',
  customers: 'Customers',
  ofReached: 'Of customers reached',
  mainDriver: 'Main',
  change: 'Change',
  productQuality: 'Product quality',
  benchmarkHeading: 'Benchmark against the network average',
  subjects: { branch: 'Station', region: 'Region', businessLine: 'Business line', handler: 'Handler' },
  networkAverage: 'Network average',
  averageOfResponses: 'CSI of every response',
  averageOfSubjects: 'mean of the subjects’ CSI',
  threshold: 'Flagged when more than this below the average',
  floor: 'Lowest score not flagged',
  gap: 'Below average',
  status: 'Status',
  belowThreshold: 'Improvement needed',
  withinThreshold: 'Within range',
  tooFewResponses: 'Too few responses',
  notNamed: '(none named)',
  improvementsHeading: 'Improvement actions raised',
  raisedAt: 'Raised at',
  loyaltyHeading: 'Customer loyalty',
  window: 'Window',
  baseCustomers: 'Customers at the start',
  newCustomers: 'New customers in the window',
  retention: 'Retention rate',
  churn: 'Churn rate',
  repeatPurchase: 'Repeat-purchase rate',
  referral: 'Referral rate',
  complaintRate: 'Complaint rate (lower is better)',
  unknownCustomers: 'Customers in the log not in the host’s facts (not counted)',
  defectionsHeading: 'Customers lost, by reason',
  defections: { price: 'Price', product: 'Product', service: 'Service', selfInitiated: 'Their own change', unrecorded: 'Not recorded' },
  experienceHeading: 'Loyalty by complaint experience',
  experience: 'Experience in the window',
  experiences: {
    noComplaint: 'No complaint',
    resolvedQuickly: 'Complained, resolved quickly',
    resolvedSlowly: 'Complained, resolved slowly',
    unresolved: 'Complained, not resolved',
    silentDissatisfied: 'Dissatisfied, never complained',
  },
  staffHeading: 'Staff assessment',
  volume: 'Complaints',
  held: 'Held',
  onTime: 'Remedy on time',
  promisesKept: 'Promises kept',
  promisesNote: 'Promises kept: n/a until promises are recorded (the `promises` hook).',
  unattributed: '(nobody held it)',
};

const zhCN: SurveyReportLabels = {
  reachHeading: '回访情况',
  attempted: '计划回访客户数',
  reached: '成功回访客户数',
  responded: '完成调查客户数',
  attempts: '回访次数',
  reachRate: '回访成功率（占计划回访比例）',
  responseRate: '调查完成率（占成功回访比例）',
  byMethod: '按回访方式',
  method: '方式',
  reachedAttempts: '成功次数',
  methods: { questionnaire: '问卷', telephone: '电话', onSite: '现场', web: '网络' },
  noMethod: '未记录',
  outcomes: { reached: '已联系上', declined: '拒绝调查', noAnswer: '无人接听', wrongContact: '联系方式有误', unavailable: '无法联系', other: '其他' },
  byOutcome: '回访结果',
  outcome: '结果',
  rank: '排名',
  levelsHeading: '各满意度等级（占成功回访比例）',
  notRated: '未评价',
  dissatisfiedShare: '有评分在4分及以下的客户（占成功回访比例）',
  driversHeading: '不满意的主要原因',
  customers: '客户数',
  ofReached: '占成功回访比例',
  mainDriver: '主要原因',
  change: '变化',
  productQuality: '产品质量',
  benchmarkHeading: '与全网平均水平对比',
  subjects: { branch: '服务站', region: '区域', businessLine: '业务线', handler: '处理人' },
  networkAverage: '全网平均',
  averageOfResponses: '全部样本的满意度',
  averageOfSubjects: '各单位满意度的平均',
  threshold: '低于平均水平超过此比例即需改进',
  floor: '不需改进的最低得分',
  gap: '低于平均',
  status: '状态',
  belowThreshold: '需流程改进',
  withinThreshold: '正常',
  tooFewResponses: '样本不足',
  notNamed: '（未注明）',
  improvementsHeading: '已发起的改进措施',
  raisedAt: '发起时间',
  loyaltyHeading: '客户忠诚度',
  window: '统计期间',
  baseCustomers: '期初客户数',
  newCustomers: '期间新增客户',
  retention: '客户保持率',
  churn: '客户流失率',
  repeatPurchase: '重复购买率',
  referral: '推荐率',
  complaintRate: '投诉率（越低越好）',
  unknownCustomers: '日志中有但客户资料中没有的客户（不计入）',
  defectionsHeading: '流失客户（按原因）',
  defections: { price: '价格', product: '产品', service: '服务', selfInitiated: '客户自身原因', unrecorded: '未记录' },
  experienceHeading: '按投诉经历的忠诚度',
  experience: '期间经历',
  experiences: {
    noComplaint: '无投诉',
    resolvedQuickly: '投诉并快速解决',
    resolvedSlowly: '投诉但解决较慢',
    unresolved: '投诉未解决',
    silentDissatisfied: '不满意但未投诉',
  },
  staffHeading: '人员考核',
  volume: '处理量',
  held: '当前负责',
  onTime: '按时执行率',
  promisesKept: '承诺兑现率',
  promisesNote: '承诺兑现率：尚无承诺记录（`promises` 钩子），显示为不适用。',
  unattributed: '（无人负责时）',
};

export const SURVEY_REPORT_LABELS: Readonly<Record<Locale, SurveyReportLabels>> = { en, 'zh-CN': zhCN };
