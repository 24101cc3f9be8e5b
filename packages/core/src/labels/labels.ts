/**
 * Labels in English and Simplified Chinese, using the words service stations
 * already use (客户投诉处理流程). Typed so that a missing label fails to compile.
 */
import type { CommandType } from '../commands/schema.js';
import type { ComplaintStep } from '../decider/state.js';
import type { Cause, Channel, ComplaintSourceKind, EscalationLevel, RemedyKind, RepeatBasis, Role, SatisfactionLevel, Severity } from '../domain/vocabulary.js';
import type { ComplaintEventType } from '../events/schema.js';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

export interface Labels {
  readonly steps: Readonly<Record<ComplaintStep, string>>;
  readonly severities: Readonly<Record<Severity, string>>;
  readonly causes: Readonly<Record<Cause, string>>;
  readonly roles: Readonly<Record<Role, string>>;
  readonly escalationLevels: Readonly<Record<EscalationLevel, string>>;
  readonly channels: Readonly<Record<Channel, string>>;
  readonly remedies: Readonly<Record<RemedyKind, string>>;
  readonly commands: Readonly<Record<CommandType, string>>;
  readonly events: Readonly<Record<ComplaintEventType, string>>;
  /** The five levels of the 10-point satisfaction scale. */
  readonly satisfactionLevels: Readonly<Record<SatisfactionLevel, string>>;
  readonly complaintSources: Readonly<Record<ComplaintSourceKind, string>>;
  readonly repeatBases: Readonly<Record<RepeatBasis, string>>;
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
  },
  severities: { general: 'General', major: 'Major' },
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
    followUpStaff: 'Follow-up staff',
    headOfficeManagement: 'Head-office management',
    headOfficeEngineering: 'Head-office engineering',
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
    WaitOnCustomer: 'Wait on customer',
    StopWaitingOnCustomer: 'Stop waiting on customer',
    FlagRepeatComplaint: 'Flag repeat complaint',
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
    NoteAdded: 'Note added',
    CustomerContactLogged: 'Customer contact logged',
    WaitingOnCustomerStarted: 'Waiting on customer',
    WaitingOnCustomerEnded: 'No longer waiting on customer',
    RepeatComplaintFlagged: 'Repeat complaint flagged',
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
  },
  severities: { general: '一般性投诉', major: '重大投诉' },
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
    followUpStaff: '回访人员',
    headOfficeManagement: '总部管理部门',
    headOfficeEngineering: '总部技术工程师',
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
    WaitOnCustomer: '等待客户',
    StopWaitingOnCustomer: '结束等待客户',
    FlagRepeatComplaint: '标记重复投诉',
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
    NoteAdded: '已添加备注',
    CustomerContactLogged: '已记录客户联系',
    WaitingOnCustomerStarted: '等待客户回复',
    WaitingOnCustomerEnded: '客户已回复',
    RepeatComplaintFlagged: '已标记为重复投诉',
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
};

export const LABELS: Readonly<Record<Locale, Labels>> = { en, 'zh-CN': zhCN };

/** The labels of a locale. */
export const labels = (locale: Locale = 'en'): Labels => LABELS[locale];
