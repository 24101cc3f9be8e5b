/**
 * The words of the complaint-handling domain, as data. Every enum the public API
 * accepts is defined once here, so schemas, labels and the permission matrix
 * cannot drift apart.
 */
import { z } from 'zod';

/**
 * Where a complaint stands. `received` … `archived` are the 8 steps (plus the major-only approval); `withdrawn` ends it
 * early; `declined` ends it at intake, when the station does not accept it (确定受理投诉标准).
 */
export const STEPS = [
  'received',
  'confirmed',
  'classified',
  'investigating',
  'resolutionProposed',
  'remedyApproved',
  'executing',
  'followingUp',
  'archived',
  'withdrawn',
  'declined',
] as const;
/**
 * One of `STEPS`: where a complaint stands: one of the eight steps, the major-only approval, or `withdrawn`.
 */
export type Step = (typeof STEPS)[number];
/**
 * Parses a `Step`, refusing any other string, with a message listing the allowed values; commands and events
 * share it.
 */

/** Steps in which a complaint is still being worked: everything but archived, withdrawn and declined. */
export const OPEN_STEPS = STEPS.filter((s) => s !== 'archived' && s !== 'withdrawn' && s !== 'declined') as readonly OpenStep[];
/** A step in which the complaint is still being worked on: any but `archived`, `withdrawn` and `declined`. */
export type OpenStep = Exclude<Step, 'archived' | 'withdrawn' | 'declined'>;
/** Narrows a step to an open one; SLA clocks and queues only count open complaints. */
export const isOpenStep = (step: Step): step is OpenStep => step !== 'archived' && step !== 'withdrawn' && step !== 'declined';

/** General complaints are handled under the service department head; major ones go to senior management. */
export const SEVERITIES = ['general', 'major'] as const;
/**
 * One of `SEVERITIES`: `general` or `major`: it decides who approves the remedy and which SLA targets apply.
 */
export type Severity = (typeof SEVERITIES)[number];
/**
 * Parses a `Severity`, refusing any other string, with a message listing the allowed values; commands and
 * events share it.
 */
export const severitySchema = z.enum(SEVERITIES);

/** The usual causes found when investigating (维修质量, 服务态度, 维修价格, 维修周期, 信息沟通, 维修环境), plus product quality and other. */
export const CAUSES = [
  'repairQuality',
  'serviceAttitude',
  'price',
  'repairDuration',
  'communication',
  'environment',
  'productQuality',
  'other',
] as const;
/** One of `CAUSES`: the cause an investigation found. */
export type Cause = (typeof CAUSES)[number];
/**
 * Parses a `Cause`, refusing any other string, with a message listing the allowed values; commands and events
 * share it.
 */
export const causeSchema = z.enum(CAUSES);

/**
 * The five service-quality perception factors (SERVQUAL): tangibles 有形度, reliability 信赖度,
 * responsiveness 反应度, assurance (professionalism) 专业度, empathy 同理度. Every cause carries one.
 */
export const SERVQUAL_FACTORS = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy'] as const;
/**
 * One of `SERVQUAL_FACTORS`: the SERVQUAL perception factor a cause is counted under in satisfaction reports.
 */
export type ServqualFactor = (typeof SERVQUAL_FACTORS)[number];
/**
 * Parses a `ServqualFactor`, refusing any other string, with a message listing the allowed values; commands
 * and events share it.
 */
export const servqualFactorSchema = z.enum(SERVQUAL_FACTORS);

/**
 * The factor a cause is counted under unless the handler names another when identifying it.
 * Our mapping (the material lists both vocabularies but does not pair them): what the customer
 * sees of the place is tangible; a repair or product that fails is unreliable; waiting is
 * responsiveness; a price the customer cannot check and poor explanations undermine confidence in
 * the station's professionalism (assurance); attitude is empathy.
 */
export const DEFAULT_SERVQUAL_FACTOR_OF_CAUSE: Readonly<Record<Cause, ServqualFactor>> = Object.freeze({
  repairQuality: 'reliability',
  serviceAttitude: 'empathy',
  price: 'assurance',
  repairDuration: 'responsiveness',
  communication: 'assurance',
  environment: 'tangibles',
  productQuality: 'reliability',
  other: 'reliability',
});

/**
 * Priority on the ticket, P1 (most urgent) to P4, derived on classification from impact and
 * urgency by the host's severity matrix.
 */
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
/** One of `PRIORITIES`: P1 (most urgent) to P4, from the severity matrix. */
export type Priority = (typeof PRIORITIES)[number];
/**
 * Parses a `Priority`, refusing any other string, with a message listing the allowed values; commands and
 * events share it.
 */
export const prioritySchema = z.enum(PRIORITIES);

/**
 * Who acts on a complaint. `system` is for automation in the host (schedulers, rules):
 * with an actor directory configured nobody can claim it in a command; automation acts
 * through `engine.automation()`.
 */
export const ROLES = [
  'frontDesk',
  'handler',
  'technician',
  'departmentHead',
  'seniorManagement',
  // The regional branch (区域分公司): the material's approver of a major complaint's plan, when the host configures it so.
  'regionalBranch',
  'followUpStaff',
  'headOfficeManagement',
  'headOfficeEngineering',
  // Erases customers' personal data (EraseCustomerData); acts on no complaint.
  'dataProtection',
  'customer',
  'system',
] as const;
/** One of `ROLES`: the role an actor acts in; the permission matrix is keyed by it. */
export type Role = (typeof ROLES)[number];
/**
 * Parses a `Role`, refusing any other string, with a message listing the allowed values; commands and events
 * share it.
 */
export const roleSchema = z.enum(ROLES);

/** Escalation targets: policy or process problems go to head-office management, technical ones to head-office engineers. */
export const ESCALATION_LEVELS = ['departmentHead', 'seniorManagement', 'headOfficeManagement', 'headOfficeEngineering'] as const;
/** One of `ESCALATION_LEVELS`: a level a complaint can be escalated to. */
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];
/**
 * Parses a `EscalationLevel`, refusing any other string, with a message listing the allowed values; commands
 * and events share it.
 */
export const escalationLevelSchema = z.enum(ESCALATION_LEVELS);

/**
 * The rung of each level in the domain's hierarchy (the handler is rung 0): what an
 * escalation recorded without its rung (before ladders existed) is read as. The two
 * head-office levels share the top rung: they are routed by type, not by rank.
 */
export const DOMAIN_ESCALATION_RANK: Readonly<Record<EscalationLevel, number>> = Object.freeze({
  departmentHead: 1,
  seniorManagement: 2,
  headOfficeManagement: 3,
  headOfficeEngineering: 3,
});

/** How many are affected and how badly (the business impact of a complaint): one input of the severity matrix. */
export const IMPACTS = ['low', 'medium', 'high'] as const;
/** One of `IMPACTS`: how widely and badly a complaint hurts the business. */
export type Impact = (typeof IMPACTS)[number];
/**
 * Parses a `Impact`, refusing any other string, with a message listing the allowed values; commands and
 * events share it.
 */
export const impactSchema = z.enum(IMPACTS);

/** How soon it must be acted on (a car off the road, a deadline the customer faces): the other input. */
export const URGENCIES = ['low', 'medium', 'high'] as const;
/** One of `URGENCIES`: how soon a complaint must be acted on. */
export type Urgency = (typeof URGENCIES)[number];
/**
 * Parses a `Urgency`, refusing any other string, with a message listing the allowed values; commands and
 * events share it.
 */
export const urgencySchema = z.enum(URGENCIES);

/** Why a complaint meeting was arranged or moved. `threeChanges` is 三变法 (new venue, new time). */
export const MEETING_REASONS = ['initial', 'threeChanges', 'customerRequest', 'staffAvailability', 'other'] as const;
/** One of `MEETING_REASONS`: why a complaint meeting was arranged or moved. */
export type MeetingReason = (typeof MEETING_REASONS)[number];
/**
 * Parses a `MeetingReason`, refusing any other string, with a message listing the allowed values; commands
 * and events share it.
 */
export const meetingReasonSchema = z.enum(MEETING_REASONS);

/** How a complaint or a contact reached us. */
export const CHANNELS = ['phone', 'hotline', 'visit', 'email', 'sms', 'wechat', 'web', 'survey', 'letter', 'other'] as const;
/** One of `CHANNELS`: how a complaint or contact reached the business. */
export type Channel = (typeof CHANNELS)[number];
/**
 * Parses a `Channel`, refusing any other string, with a message listing the allowed values; commands and
 * events share it.
 */
export const channelSchema = z.enum(CHANNELS);

/** Kinds of remedy decided from the findings. */
export const REMEDY_KINDS = ['freeRepair', 'discount', 'compensation', 'replacement', 'refund', 'apology', 'other'] as const;
/** One of `REMEDY_KINDS`: the kind of remedy proposed. */
export type RemedyKind = (typeof REMEDY_KINDS)[number];
/**
 * Parses a `RemedyKind`, refusing any other string, with a message listing the allowed values; commands and
 * events share it.
 */
export const remedyKindSchema = z.enum(REMEDY_KINDS);

/** Why a handler was (re)assigned. `threeChanges` is 三变法: change the handler, the venue and the time for an aggressive complainant. */
export const ASSIGNMENT_REASONS = ['initial', 'workload', 'expertise', 'threeChanges', 'customerRequest', 'escalation', 'absence', 'other'] as const;
/** One of `ASSIGNMENT_REASONS`: why a handler was assigned or reassigned. */
export type AssignmentReason = (typeof ASSIGNMENT_REASONS)[number];
/**
 * Parses a `AssignmentReason`, refusing any other string, with a message listing the allowed values; commands
 * and events share it.
 */
export const assignmentReasonSchema = z.enum(ASSIGNMENT_REASONS);

/** What the complaint waits for from the customer; SLA clocks may pause meanwhile. */
export const WAITING_REASONS = ['information', 'decision', 'vehicleAccess', 'availability', 'other'] as const;
/** One of `WAITING_REASONS`: what the complaint waits for from the customer. */
export type WaitingReason = (typeof WAITING_REASONS)[number];
/**
 * Parses a `WaitingReason`, refusing any other string, with a message listing the allowed values; commands
 * and events share it.
 */
export const waitingReasonSchema = z.enum(WAITING_REASONS);

/** Who initiated a customer contact. */
export const CONTACT_DIRECTIONS = ['inbound', 'outbound'] as const;
/** One of `CONTACT_DIRECTIONS`: who started a customer contact. */
export type ContactDirection = (typeof CONTACT_DIRECTIONS)[number];

/** Note visibility: internal notes never reach the customer. */
export const NOTE_VISIBILITIES = ['internal', 'customer'] as const;
/** One of `NOTE_VISIBILITIES`: whether a note may be shown to the customer. */
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number];

/**
 * The five levels of the 10-point satisfaction scale (CSI, 客户满意度): 10-9 very satisfied,
 * 8-7 satisfied, 6-5 average, 4-3 dissatisfied, 2-1 very dissatisfied. Best first.
 */
export const SATISFACTION_LEVELS = ['verySatisfied', 'satisfied', 'average', 'dissatisfied', 'veryDissatisfied'] as const;
/** One of `SATISFACTION_LEVELS`: the level a 1-10 satisfaction rating falls in. */
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];
/**
 * Parses a `SatisfactionLevel`, refusing any other string, with a message listing the allowed values;
 * commands and events share it.
 */
export const satisfactionLevelSchema = z.enum(SATISFACTION_LEVELS);

/** A rating on the 10-point scale: an integer from 1 to 10. */
export const satisfactionScoreSchema = z.int().min(1, 'must be at least 1').max(10, 'must be at most 10');

/** The level a 1-10 rating falls in; throws a RangeError outside the scale (schemas refuse such ratings first). */
export function satisfactionLevelOf(score: number): SatisfactionLevel {
  if (!Number.isInteger(score) || score < 1 || score > 10) throw new RangeError(`a satisfaction rating is an integer from 1 to 10, got ${score}`);
  // Two points per level, counted down from 10: 10-9 → 0, 8-7 → 1, … 2-1 → 4.
  return SATISFACTION_LEVELS[Math.floor((10 - score) / 2)] as SatisfactionLevel;
}

/** What revealed a complaint: a satisfaction survey (a hidden complaint), a follow-up, a repeat, or something else. */
export const COMPLAINT_SOURCE_KINDS = ['survey', 'followUp', 'repeat', 'other'] as const;
/** One of `COMPLAINT_SOURCE_KINDS`: what revealed a hidden complaint. */
export type ComplaintSourceKind = (typeof COMPLAINT_SOURCE_KINDS)[number];
/**
 * Parses a `ComplaintSourceKind`, refusing any other string, with a message listing the allowed values;
 * commands and events share it.
 */
export const complaintSourceKindSchema = z.enum(COMPLAINT_SOURCE_KINDS);

/** What a repeat complaint repeats: the same customer, the same vehicle or product, or the same cause. */
export const REPEAT_BASES = ['customer', 'product', 'cause'] as const;
/** One of `REPEAT_BASES`: what makes a complaint a repeat of another: the same customer, product or cause. */
export type RepeatBasis = (typeof REPEAT_BASES)[number];
/**
 * Parses a `RepeatBasis`, refusing any other string, with a message listing the allowed values; commands and
 * events share it.
 */
export const repeatBasisSchema = z.enum(REPEAT_BASES);
