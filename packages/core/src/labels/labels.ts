/**
 * Labels in English and Simplified Chinese, using the words service stations
 * already use (客户投诉处理流程). Typed so that a missing label fails to compile.
 *
 * Routing groups, problem types and intake criteria are host data, not enums: their
 * tables label the shipped defaults (`defaultRouting`, `defaultIntakeCriteria`), each
 * required, and take a host's own ids beside them (`IdLabels`). The default ids are named
 * here as types because the defaults are typed by their config schemas; labels.test.ts
 * derives them from the defaults, so a default added without its label fails there.
 */
import type { CommandType } from '../commands/schema.js';
import type { ComplaintStep } from '../decider/state.js';
import type {
  Cause,
  Channel,
  ComplaintSourceKind,
  EscalationLevel,
  Impact,
  MeetingReason,
  Priority,
  RemedyKind,
  RepeatBasis,
  Role,
  SatisfactionLevel,
  ServqualFactor,
  Severity,
  Urgency,
} from '../domain/vocabulary.js';
import type { ComplaintEventType } from '../events/schema.js';
import type { PromiseKind } from '../promises/schema.js';
import { CUSTOMER_LABELS_EN, CUSTOMER_LABELS_ZH_CN, type CustomerLabels } from '../customers/labels.js';

/** The ids of the groups of `defaultRouting`: head-office management, the rapid-response and the research-institute engineers. */
export type DefaultRoutingGroupId = 'headOfficeManagement' | 'rapidResponseEngineers' | 'researchEngineers';
/** The problem types `defaultRouting` routes: policy and process, technical, and design problems. */
export type DefaultProblemType = 'policyProcess' | 'technical' | 'design';
/** The ids of `defaultIntakeCriteria`: the station's own business, within what it offers, identifiable. */
export type DefaultIntakeCriterionId = 'ownBusiness' | 'withinOffer' | 'identifiable';

/**
 * Labels of ids a host configures (routing groups, problem types, intake criteria): every default id `Id` has its
 * label (a missing one fails to compile), and a host's own ids may stand beside them (`{ ...labels('en').routingGroups,
 * bodyShop: 'Body shop' }`). Looked up by any id, such as a ticket's `routedTo`: `undefined` for an id without a label.
 */
export type IdLabels<Id extends string> = Readonly<Record<Id, string>> & { readonly [id: string]: string | undefined };

/** The locales Redress ships labels for. */
export const LOCALES = ['en', 'zh-CN'] as const;
/** A locale Redress has labels in (`en`, `zh-CN`). */
export type Locale = (typeof LOCALES)[number];

/**
 * Every word a screen shows for the domain's values, in one locale. Each table is keyed by the full enum, so
 * a value added without its label fails to compile.
 */
export interface Labels {
  /** Labels of the workflow steps. */
  readonly steps: Readonly<Record<ComplaintStep, string>>;
  /** Labels of the severities. */
  readonly severities: Readonly<Record<Severity, string>>;
  /** Labels of the causes. */
  readonly causes: Readonly<Record<Cause, string>>;
  /** Labels of the SERVQUAL factors. */
  readonly servqualFactors: Readonly<Record<ServqualFactor, string>>;
  /** Labels of the priorities P1 to P4. */
  readonly priorities: Readonly<Record<Priority, string>>;
  /** The severity matrix's inputs. */
  readonly impacts: Readonly<Record<Impact, string>>;
  /** Labels of the urgencies (the other input of the severity matrix). */
  readonly urgencies: Readonly<Record<Urgency, string>>;
  /** Labels of the reasons a meeting was arranged or moved. */
  readonly meetingReasons: Readonly<Record<MeetingReason, string>>;
  /** Labels of the roles. */
  readonly roles: Readonly<Record<Role, string>>;
  /** Labels of the escalation levels. */
  readonly escalationLevels: Readonly<Record<EscalationLevel, string>>;
  /** Labels of the channels. */
  readonly channels: Readonly<Record<Channel, string>>;
  /** Labels of the kinds of remedy. */
  readonly remedies: Readonly<Record<RemedyKind, string>>;
  /** Labels of the commands, as the action a button offers. */
  readonly commands: Readonly<Record<CommandType, string>>;
  /** Labels of the events, as a timeline shows them. */
  readonly events: Readonly<Record<ComplaintEventType, string>>;
  /** The five levels of the 10-point satisfaction scale. */
  readonly satisfactionLevels: Readonly<Record<SatisfactionLevel, string>>;
  /** Labels of what revealed a hidden complaint. */
  readonly complaintSources: Readonly<Record<ComplaintSourceKind, string>>;
  /** Labels of what a repeat complaint repeats. */
  readonly repeatBases: Readonly<Record<RepeatBasis, string>>;
  /** Labels of the kinds of promise made to a customer. */
  readonly promiseKinds: Readonly<Record<PromiseKind, string>>;
  /** Labels of the routing groups a complaint is sent to by its problem type (`ComplaintRouted.group`, a ticket's `routedTo`). */
  readonly routingGroups: IdLabels<DefaultRoutingGroupId>;
  /** Labels of the problem types a complaint is routed by (`RouteComplaint.problemType`). */
  readonly problemTypes: IdLabels<DefaultProblemType>;
  /** Labels of the acceptance criteria a complaint is declined by at intake (`DeclineComplaint.criterion`), short for a list or a filter. */
  readonly intakeCriteria: IdLabels<DefaultIntakeCriterionId>;
  /** Customer profiles: their commands, events, kinds, scales and units (see customers/labels.ts). */
  readonly customers: CustomerLabels;
}

const en: Labels = {
  steps: {
    none: 'Not received',
    received: 'Received',
    confirmed: 'Confirmed',
    classified: 'Classified',
    investigating: 'Investigating',
    resolutionProposed: 'Resolution proposed',
    remedyApproved: 'Remedy approved',
    executing: 'Executing',
    followingUp: 'Following up',
    archived: 'Archived',
    withdrawn: 'Withdrawn',
    declined: 'Declined',
  },
  severities: { general: 'General', major: 'Major' },
  servqualFactors: {
    tangibles: 'Tangibles',
    reliability: 'Reliability',
    responsiveness: 'Responsiveness',
    assurance: 'Assurance',
    empathy: 'Empathy',
  },
  priorities: { P1: 'P1 (critical)', P2: 'P2 (high)', P3: 'P3 (medium)', P4: 'P4 (low)' },
  impacts: { low: 'Low impact', medium: 'Medium impact', high: 'High impact' },
  urgencies: { low: 'Not urgent', medium: 'Urgent', high: 'Very urgent' },
  meetingReasons: {
    initial: 'First meeting',
    threeChanges: 'Three changes (new venue, new time)',
    customerRequest: 'At the customer’s request',
    staffAvailability: 'Staff availability',
    other: 'Other',
  },
  causes: {
    repairQuality: 'Repair quality',
    serviceAttitude: 'Service attitude',
    price: 'Price',
    repairDuration: 'Repair duration',
    communication: 'Communication',
    environment: 'Environment',
    productQuality: 'Product quality',
    other: 'Other',
  },
  roles: {
    frontDesk: 'Front-desk staff',
    handler: 'Handler',
    technician: 'Technician',
    departmentHead: 'Service department head',
    seniorManagement: 'Senior management',
    regionalBranch: 'Regional branch',
    followUpStaff: 'Follow-up staff',
    headOfficeManagement: 'Head-office management',
    headOfficeEngineering: 'Head-office engineering',
    dataProtection: 'Data protection officer',
    customer: 'Customer',
    system: 'System',
  },
  escalationLevels: {
    departmentHead: 'Service department head',
    seniorManagement: 'Senior management',
    headOfficeManagement: 'Head-office management',
    headOfficeEngineering: 'Head-office engineering',
  },
  channels: {
    phone: 'Phone',
    hotline: 'Hotline',
    visit: 'Visit',
    email: 'Email',
    sms: 'SMS',
    wechat: 'WeChat',
    web: 'Web',
    survey: 'Survey',
    letter: 'Letter',
    other: 'Other',
  },
  remedies: {
    freeRepair: 'Free repair',
    discount: 'Discount',
    compensation: 'Compensation',
    replacement: 'Replacement',
    refund: 'Refund',
    apology: 'Apology',
    other: 'Other',
  },
  commands: {
    ReceiveComplaint: 'Receive complaint',
    ConfirmComplaint: 'Confirm complaint',
    ClassifyComplaint: 'Classify complaint',
    StartInvestigation: 'Start investigation',
    IdentifyCause: 'Identify cause',
    ProposeResolution: 'Propose resolution',
    ApproveRemedy: 'Approve remedy',
    RejectRemedy: 'Reject remedy',
    StartExecution: 'Start execution',
    CompleteExecution: 'Complete execution',
    RenegotiateDeadline: 'Renegotiate deadline',
    RecordFollowUp: 'Record follow-up',
    RecordPreventiveAction: 'Record preventive action',
    ArchiveComplaint: 'Archive complaint',
    WithdrawComplaint: 'Withdraw complaint',
    AssignHandler: 'Assign handler',
    AddNote: 'Add note',
    LogCustomerContact: 'Log customer contact',
    EscalateComplaint: 'Escalate complaint',
    EscalateOnBreach: 'Escalate on SLA breach',
    ArrangeMeeting: 'Arrange meeting',
    WaitOnCustomer: 'Wait on customer',
    StopWaitingOnCustomer: 'Stop waiting on customer',
    FlagRepeatComplaint: 'Flag repeat complaint',
    OfferHandOver: 'Offer hand-over',
    AcceptHandOver: 'Accept hand-over',
    DeclineHandOver: 'Decline hand-over',
    MakePromise: 'Make a promise',
    KeepPromise: 'Keep a promise',
    ExplainPromiseBreak: 'Explain a broken promise',
    BreakPromise: 'Break a promise',
    RouteComplaint: 'Route by problem type',
    AttributeResponsibility: 'Attribute responsibility',
    DeclineComplaint: 'Decline at intake',
    OfferResolutionOptions: 'Offer options',
    RecordCustomerChoice: 'Record the customer’s choice',
    RecordWrittenNotice: 'Record the signed written notice',
    SendProgressNotice: 'Send a progress notice',
    SendResultFeedback: 'Feed the result back',
  },
  events: {
    ComplaintReceived: 'Complaint received',
    AcknowledgementRecorded: 'Acknowledgement recorded',
    ComplaintConfirmed: 'Complaint confirmed',
    ComplaintClassified: 'Complaint classified',
    ComplaintEscalated: 'Complaint escalated',
    InvestigationStarted: 'Investigation started',
    CauseIdentified: 'Cause identified',
    ResolutionProposed: 'Resolution proposed',
    RemedyApproved: 'Remedy approved',
    RemedyRejected: 'Remedy rejected',
    ExecutionStarted: 'Execution started',
    RemedyExecuted: 'Remedy executed',
    DeadlineRenegotiated: 'Deadline renegotiated',
    FollowUpRecorded: 'Follow-up recorded',
    ComplaintReopened: 'Complaint reopened',
    PreventiveActionRecorded: 'Preventive action recorded',
    ComplaintArchived: 'Complaint archived',
    ComplaintWithdrawn: 'Complaint withdrawn',
    HandlerAssigned: 'Handler assigned',
    MeetingArranged: 'Meeting arranged',
    NoteAdded: 'Note added',
    CustomerContactLogged: 'Customer contact logged',
    WaitingOnCustomerStarted: 'Waiting on customer',
    WaitingOnCustomerEnded: 'No longer waiting on customer',
    RepeatComplaintFlagged: 'Repeat complaint flagged',
    HandOverOffered: 'Hand-over offered',
    HandOverAccepted: 'Hand-over accepted',
    HandOverDeclined: 'Hand-over declined',
    PromiseMade: 'Promise made',
    PromiseKept: 'Promise kept',
    PromiseBreakExplained: 'Promise break explained',
    PromiseBroken: 'Promise broken',
    ComplaintRouted: 'Routed by problem type',
    RemedyDecisionAttributed: 'Approver and unit recorded',
    ResponsibilityAttributed: 'Responsibility attributed',
    ComplaintDeclined: 'Declined at intake',
    ResolutionOptionsOffered: 'Options offered',
    CustomerChoiceRecorded: 'Customer chose an option',
    WrittenNoticeSigned: 'Written notice signed',
    MeetingStrategyPrepared: 'Meeting strategy prepared',
    ProgressNoticeSent: 'Progress notice sent',
    ResultFeedbackSent: 'Result fed back',
    PreventiveMeasureChosen: 'Preventive measure chosen from the catalogue',
  },
  satisfactionLevels: {
    verySatisfied: 'Very satisfied',
    satisfied: 'Satisfied',
    average: 'Average',
    dissatisfied: 'Dissatisfied',
    veryDissatisfied: 'Very dissatisfied',
  },
  complaintSources: { survey: 'Satisfaction survey', followUp: 'Follow-up', repeat: 'Repeat complaint', other: 'Other' },
  repeatBases: { customer: 'Same customer', product: 'Same vehicle or product', cause: 'Same cause' },
  promiseKinds: { visit: 'Visit', callBack: 'Call-back', remedy: 'Remedy', partArrival: 'Part arrival', other: 'Other' },
  routingGroups: { headOfficeManagement: 'Head-office management', rapidResponseEngineers: 'Rapid-response engineers', researchEngineers: 'Research-institute engineers' },
  problemTypes: { policyProcess: 'Policy or process problem', technical: 'Technical problem', design: 'Design problem' },
  intakeCriteria: { ownBusiness: 'Our station’s or network’s business', withinOffer: 'Within what we offer', identifiable: 'Customer and product identifiable' },
  customers: CUSTOMER_LABELS_EN,
};

const zhCN: Labels = {
  steps: {
    none: '未接收',
    received: '接收投诉',
    confirmed: '确认投诉',
    classified: '分类处理',
    investigating: '调查原因',
    resolutionProposed: '制定解决方案',
    remedyApproved: '方案已批准',
    executing: '执行解决方案',
    followingUp: '跟进反馈',
    archived: '归档记录',
    withdrawn: '已撤回',
    declined: '不予受理',
  },
  severities: { general: '一般性投诉', major: '重大投诉' },
  servqualFactors: { tangibles: '有形度', reliability: '信赖度', responsiveness: '反应度', assurance: '专业度', empathy: '同理度' },
  priorities: { P1: 'P1（紧急）', P2: 'P2（高）', P3: 'P3（中）', P4: 'P4（低）' },
  impacts: { low: '影响小', medium: '影响中等', high: '影响大' },
  urgencies: { low: '不紧急', medium: '紧急', high: '非常紧急' },
  meetingReasons: { initial: '首次接待', threeChanges: '三变法（换地点、换时间）', customerRequest: '应客户要求', staffAvailability: '人员安排', other: '其他' },
  causes: {
    repairQuality: '维修质量',
    serviceAttitude: '服务态度',
    price: '维修价格',
    repairDuration: '维修周期',
    communication: '信息沟通',
    environment: '维修环境',
    productQuality: '产品质量',
    other: '其他',
  },
  roles: {
    frontDesk: '前台服务人员',
    handler: '投诉处理人',
    technician: '技术人员',
    departmentHead: '服务部门负责人',
    seniorManagement: '高层管理',
    regionalBranch: '区域分公司',
    followUpStaff: '回访人员',
    headOfficeManagement: '总部管理部门',
    headOfficeEngineering: '总部技术工程师',
    dataProtection: '数据保护专员',
    customer: '客户',
    system: '系统',
  },
  escalationLevels: {
    departmentHead: '服务部门负责人',
    seniorManagement: '高层管理',
    headOfficeManagement: '总部管理部门',
    headOfficeEngineering: '总部技术工程师',
  },
  channels: {
    phone: '电话',
    hotline: '服务热线',
    visit: '到店',
    email: '电子邮件',
    sms: '短信',
    wechat: '微信',
    web: '网站',
    survey: '满意度调查',
    letter: '信函',
    other: '其他',
  },
  remedies: {
    freeRepair: '免费维修',
    discount: '折扣',
    compensation: '赔偿',
    replacement: '更换',
    refund: '退款',
    apology: '道歉',
    other: '其他',
  },
  commands: {
    ReceiveComplaint: '接收投诉',
    ConfirmComplaint: '确认投诉',
    ClassifyComplaint: '投诉分类',
    StartInvestigation: '开始调查',
    IdentifyCause: '确定原因',
    ProposeResolution: '提出解决方案',
    ApproveRemedy: '批准方案',
    RejectRemedy: '驳回方案',
    StartExecution: '开始执行',
    CompleteExecution: '执行完成',
    RenegotiateDeadline: '重新约定期限',
    RecordFollowUp: '记录回访',
    RecordPreventiveAction: '记录预防措施',
    ArchiveComplaint: '归档',
    WithdrawComplaint: '撤回投诉',
    AssignHandler: '指派处理人',
    AddNote: '添加备注',
    LogCustomerContact: '记录客户联系',
    EscalateComplaint: '升级投诉',
    EscalateOnBreach: '超时自动升级',
    ArrangeMeeting: '安排接待',
    WaitOnCustomer: '等待客户',
    StopWaitingOnCustomer: '结束等待客户',
    FlagRepeatComplaint: '标记重复投诉',
    OfferHandOver: '提出移交',
    AcceptHandOver: '接受移交',
    DeclineHandOver: '拒绝移交',
    MakePromise: '做出服务承诺',
    KeepPromise: '兑现承诺',
    ExplainPromiseBreak: '解释未能兑现原因',
    BreakPromise: '未兑现服务承诺',
    RouteComplaint: '按问题类型分流',
    AttributeResponsibility: '分清责任',
    DeclineComplaint: '不予受理',
    OfferResolutionOptions: '提供多种解决途径',
    RecordCustomerChoice: '记录客户的选择',
    RecordWrittenNotice: '记录书面通知签收',
    SendProgressNotice: '发送维修进度通知',
    SendResultFeedback: '反馈维修结果',
  },
  events: {
    ComplaintReceived: '已接收投诉',
    AcknowledgementRecorded: '已致谢致歉并承诺',
    ComplaintConfirmed: '已确认投诉',
    ComplaintClassified: '已分类',
    ComplaintEscalated: '已升级',
    InvestigationStarted: '开始调查',
    CauseIdentified: '已确定原因',
    ResolutionProposed: '已提出解决方案',
    RemedyApproved: '方案已批准',
    RemedyRejected: '方案被驳回',
    ExecutionStarted: '开始执行方案',
    RemedyExecuted: '方案已执行',
    DeadlineRenegotiated: '已重新约定期限',
    FollowUpRecorded: '已回访',
    ComplaintReopened: '投诉重新处理',
    PreventiveActionRecorded: '已记录预防措施',
    ComplaintArchived: '已归档',
    ComplaintWithdrawn: '投诉已撤回',
    HandlerAssigned: '已指派处理人',
    MeetingArranged: '已安排接待',
    NoteAdded: '已添加备注',
    CustomerContactLogged: '已记录客户联系',
    WaitingOnCustomerStarted: '等待客户回复',
    WaitingOnCustomerEnded: '客户已回复',
    RepeatComplaintFlagged: '已标记为重复投诉',
    HandOverOffered: '已提出移交',
    HandOverAccepted: '已接受移交',
    HandOverDeclined: '已拒绝移交',
    PromiseMade: '已做出服务承诺',
    PromiseKept: '已兑现承诺',
    PromiseBreakExplained: '已解释未能兑现原因',
    PromiseBroken: '未兑现服务承诺',
    ComplaintRouted: '已按问题类型分流',
    RemedyDecisionAttributed: '已记录批示单位',
    ResponsibilityAttributed: '已明确责任',
    ComplaintDeclined: '已不予受理',
    ResolutionOptionsOffered: '已提供多种解决途径',
    CustomerChoiceRecorded: '客户已选择方案',
    WrittenNoticeSigned: '书面通知已签收存档',
    MeetingStrategyPrepared: '已准备接待应对策略',
    ProgressNoticeSent: '已发送维修进度通知',
    ResultFeedbackSent: '已反馈维修结果',
    PreventiveMeasureChosen: '已从目录选定预防措施',
  },
  satisfactionLevels: {
    verySatisfied: '非常满意',
    satisfied: '满意',
    average: '一般',
    dissatisfied: '不满',
    veryDissatisfied: '非常不满',
  },
  complaintSources: { survey: '满意度调查', followUp: '跟进回访', repeat: '重复投诉', other: '其他' },
  repeatBases: { customer: '同一客户', product: '同一车辆或产品', cause: '同一原因' },
  promiseKinds: { visit: '上门服务', callBack: '回电', remedy: '解决方案', partArrival: '配件到货', other: '其他' },
  routingGroups: { headOfficeManagement: '总部管理部门', rapidResponseEngineers: '快反工程师', researchEngineers: '研究院工程师' },
  problemTypes: { policyProcess: '流程制度上的问题', technical: '技术上的问题', design: '产品设计问题' },
  intakeCriteria: { ownBusiness: '属本站或本网络的业务', withinOffer: '在公司服务范围内', identifiable: '客户和车辆（产品）可确认' },
  customers: CUSTOMER_LABELS_ZH_CN,
};

/** The shipped labels by locale; hosts wanting other words spread one and override entries. */
export const LABELS: Readonly<Record<Locale, Labels>> = { en, 'zh-CN': zhCN };

/** The labels of a locale. */
export const labels = (locale: Locale = 'en'): Labels => LABELS[locale];
