/**
 * Commands: what a host asks Redress to do. Each is a zod schema; the union is
 * discriminated on `type` and the TypeScript types are inferred from it.
 * Unknown fields are refused (strict objects) so that a typo never goes unnoticed.
 */
import { z } from 'zod';
import { idSchema, instantSchema, longTextSchema, shortTextSchema } from '../domain/primitives.js';
import {
  assignmentReasonSchema,
  causeSchema,
  channelSchema,
  CONTACT_DIRECTIONS,
  escalationLevelSchema,
  impactSchema,
  meetingReasonSchema,
  NOTE_VISIBILITIES,
  repeatBasisSchema,
  servqualFactorSchema,
  severitySchema,
  urgencySchema,
  waitingReasonSchema,
} from '../domain/vocabulary.js';
import { CUSTOMER_UPDATE_COMMANDS } from '../customer-updates/schema.js';
import { OWNERSHIP_COMMANDS } from '../ownership/schema.js';
import { PROMISE_COMMANDS } from '../promises/schema.js';
import { routeComplaint } from '../routing/routing.js';
import { declineComplaint } from '../intake/intake.js';
import { recordWrittenNotice } from '../notice/schema.js';
import { OPTION_COMMANDS } from '../options/schema.js';
import { attributeResponsibility } from '../responsibility/schema.js';
import { define, envelope } from './define.js';
import {
  acknowledgementSchema,
  complaintSourceSchema,
  customerSchema,
  followUpSurveySchema,
  productChecksSchema,
  productSchema,
  remedySchema,
} from './payloads.js';

/** Step 1 (接收投诉): record who complains, about what, and what they demand. The complaint id may be left to the engine. */
export const receiveComplaint = z.strictObject({
  type: z.literal('ReceiveComplaint'),
  ...envelope,
  complaintId: idSchema.optional(),
  data: z.strictObject({
    customer: customerSchema,
    channel: channelSchema,
    description: longTextSchema,
    demand: longTextSchema,
    product: productSchema.optional(),
    branch: shortTextSchema.optional(),
    /** Where the complaint arose, and which business line it concerns: for slicing analytics. */
    region: shortTextSchema.optional(),
    businessLine: shortTextSchema.optional(),
    /** What revealed it (a survey for a hidden complaint, a follow-up…). */
    source: complaintSourceSchema.optional(),
    acknowledgement: acknowledgementSchema.optional(),
    /** The customer's site and unit (vehicle or machine) concerned, as their profile names them: checked against it when one exists. */
    siteId: idSchema.optional(),
    unitId: idSchema.optional(),
  }),
});

/** Step 2 (确认投诉): the complaint was read back to the customer and confirmed. */
export const confirmComplaint = define(
  'ConfirmComplaint',
  z.strictObject({ summary: longTextSchema, acknowledgement: acknowledgementSchema.optional() }),
);

/**
 * Step 3 (分类处理): general or major, with a priority P1-P4. Either give the severity as
 * is (its priority comes from the matrix), or assess impact and urgency and let the
 * host's severity matrix derive both. A safety issue is always major; a repeat count
 * at the matrix's threshold upgrades. Allowed later to reclassify, until a remedy is
 * approved; downgrading a major complaint needs senior management and a reason.
 */
export const classifyComplaint = define(
  'ClassifyComplaint',
  z
    .strictObject({
      severity: severitySchema.optional(),
      impact: impactSchema.optional(),
      urgency: urgencySchema.optional(),
      /** Someone's safety is at stake: always major. */
      safety: z.boolean().optional(),
      /** How many times the customer has complained about this problem, this time included ("the third time" is 3). */
      repeatCount: z.int().min(1).max(10_000).optional(),
      reason: longTextSchema.optional(),
    })
    .superRefine((d, ctx) => {
      const assessed = d.impact !== undefined || d.urgency !== undefined;
      if (assessed && d.severity !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['severity'], message: 'give either the severity or impact and urgency (the matrix derives the severity), not both' });
      } else if (assessed && (d.impact === undefined || d.urgency === undefined)) {
        ctx.addIssue({ code: 'custom', path: [d.impact === undefined ? 'impact' : 'urgency'], message: 'impact and urgency are assessed together' });
      } else if (!assessed && d.severity === undefined) {
        ctx.addIssue({ code: 'custom', path: ['severity'], message: 'give the severity (general or major), or impact and urgency' });
      }
    })
    // The same rule in JSON Schema's words, for the published schemas (packages/core/schemas).
    .meta({
      oneOf: [
        { required: ['severity'], properties: { severity: true, impact: false, urgency: false } },
        { required: ['impact', 'urgency'], properties: { impact: true, urgency: true, severity: false } },
      ],
    }),
);

/** Step 4 (调查原因) begins. */
export const startInvestigation = define('StartInvestigation', z.strictObject({ plan: longTextSchema.optional() }).default({}));

/** Record the cause found (behaviour 5: gather all necessary information). */
export const identifyCause = define(
  'IdentifyCause',
  z.strictObject({
    cause: causeSchema,
    findings: longTextSchema,
    checks: productChecksSchema.optional(),
    /** The SERVQUAL factor to count the cause under; the cause's default factor when left out. */
    servqualFactor: servqualFactorSchema.optional(),
  }),
);

/** Step 5 (制定解决方案): a remedy and the deadline agreed with the customer. */
export const proposeResolution = define(
  'ProposeResolution',
  z.strictObject({ remedy: remedySchema, agreedDeadline: instantSchema }),
);

/** Senior management approves a major complaint's remedy. */
export const approveRemedy = define('ApproveRemedy', z.strictObject({ note: longTextSchema.optional() }).default({}));

/** Senior management sends a major complaint's remedy back to investigation. */
export const rejectRemedy = define('RejectRemedy', z.strictObject({ reason: longTextSchema }));

/** Step 6 (执行解决方案) begins: the remedy is told to the customer and carried out. */
export const startExecution = define('StartExecution', z.strictObject({ note: longTextSchema.optional() }).default({}));

/** The remedy has been carried out. */
export const completeExecution = define('CompleteExecution', z.strictObject({ outcome: longTextSchema }));

/** The customer agreed a new deadline for the remedy. */
export const renegotiateDeadline = define(
  'RenegotiateDeadline',
  z.strictObject({ agreedDeadline: instantSchema, reason: longTextSchema }),
);

/**
 * Step 7 (跟进反馈): is the customer satisfied? Not satisfied reopens the complaint.
 * The optional survey rates the service per dimension on the 10-point scale; `satisfied`
 * stays the workflow's input whatever the ratings say.
 */
export const recordFollowUp = define(
  'RecordFollowUp',
  z.strictObject({
    satisfied: z.boolean(),
    channel: channelSchema.optional(),
    comment: longTextSchema.optional(),
    survey: followUpSurveySchema.optional(),
  }),
);

/**
 * Behaviour 8: what changes so the problem does not recur; `measure` names the catalogue measure it follows
 * (`suggestedMeasures(cause)` offers them), recorded as `PreventiveMeasureChosen`.
 */
export const recordPreventiveAction = define('RecordPreventiveAction', z.strictObject({ action: longTextSchema, measure: idSchema.optional() }));

/** Step 8 (归档记录): needs a satisfied follow-up and a preventive action (recorded before or given here). */
export const archiveComplaint = define(
  'ArchiveComplaint',
  z
    .strictObject({
      summary: longTextSchema.optional(),
      preventiveAction: longTextSchema.optional(),
      /** The catalogue measure `preventiveAction` follows (given with it). */
      preventiveMeasure: idSchema.optional(),
    })
    .default({}),
);

/** The customer withdraws the complaint. */
export const withdrawComplaint = define('WithdrawComplaint', z.strictObject({ reason: longTextSchema }));

/**
 * Assign or reassign the handler, with a reason. The venue and time of the meeting may
 * move along (checked as `ArrangeMeeting` checks them); `ArrangeMeeting` moves them alone.
 */
export const assignHandler = define(
  'AssignHandler',
  z.strictObject({
    handlerId: idSchema,
    reason: assignmentReasonSchema,
    note: longTextSchema.optional(),
    venue: shortTextSchema.optional(),
    meetingAt: instantSchema.optional(),
  }),
);

/**
 * Arrange the complaint meeting, or move it: a new venue, a new time, or both (the
 * "three changes" 三变法 change each on its own). The first arrangement gives both; a
 * meeting is never set in the past.
 */
export const arrangeMeeting = define(
  'ArrangeMeeting',
  z
    .strictObject({
      at: instantSchema.optional(),
      venue: shortTextSchema.optional(),
      reason: meetingReasonSchema.optional(),
      note: longTextSchema.optional(),
      /** The prepared strategy for the key issues (对于重点问题的预测及应对策略); alone, it prepares or revises the plan of the arranged meeting. */
      strategy: longTextSchema.optional(),
    })
    .refine((d) => d.at !== undefined || d.venue !== undefined || d.strategy !== undefined, { message: 'give the new time (at), the new venue, the strategy, or more of them' })
    // The same rule in JSON Schema's words, for the published schemas (packages/core/schemas).
    .meta({
      anyOf: [
        { required: ['at'], properties: { at: true } },
        { required: ['venue'], properties: { venue: true } },
        { required: ['strategy'], properties: { strategy: true } },
      ],
    }),
);

/** A note on the ticket. */
export const addNote = define(
  'AddNote',
  z.strictObject({ text: longTextSchema, visibility: z.enum(NOTE_VISIBILITIES).default('internal') }),
);

/** A contact with the customer (a call, a visit, a message). */
export const logCustomerContact = define(
  'LogCustomerContact',
  z.strictObject({ channel: channelSchema, direction: z.enum(CONTACT_DIRECTIONS), summary: longTextSchema }),
);

/** Escalate to a level of the organisation on the complaint's ladder: at or above the level reached, never below. */
export const escalateComplaint = define(
  'EscalateComplaint',
  z.strictObject({ level: escalationLevelSchema, reason: longTextSchema }),
);

/**
 * The host's automation (an SLA ticker) reports a breach: the complaint goes one rung
 * above the highest it reached, routed by its cause. Each breach escalates once.
 */
export const escalateOnBreach = define(
  'EscalateOnBreach',
  z.strictObject({
    /** The breach: its event id (what makes it escalate once), the clock and its cycle. */
    breach: z.strictObject({ id: idSchema, clock: idSchema, cycle: z.int().min(1).max(10_000) }),
    reason: longTextSchema,
  }),
);

/** The complaint now waits on the customer (information, a decision, access to the vehicle...). */
export const waitOnCustomer = define(
  'WaitOnCustomer',
  z.strictObject({ reason: waitingReasonSchema, note: longTextSchema.optional() }),
);

/** The customer answered (or the wait is over for another reason): work goes on. */
export const stopWaitingOnCustomer = define(
  'StopWaitingOnCustomer',
  z.strictObject({ note: longTextSchema.optional() }).default({}),
);

/** The complaint repeats earlier ones (same customer, product or cause within a window): flag it on the ticket. */
export const flagRepeatComplaint = define(
  'FlagRepeatComplaint',
  z.strictObject({
    /** How many complaints on this basis fell in the window, this one included. */
    count: z.int().min(2).max(10_000),
    windowDays: z.int().min(1).max(3660),
    basis: repeatBasisSchema,
    /** The earlier complaints it repeats. */
    related: z.array(idSchema).min(1).max(1000),
  }),
);

const commandSchemas = [
  receiveComplaint,
  confirmComplaint,
  classifyComplaint,
  startInvestigation,
  identifyCause,
  proposeResolution,
  approveRemedy,
  rejectRemedy,
  startExecution,
  completeExecution,
  renegotiateDeadline,
  recordFollowUp,
  recordPreventiveAction,
  archiveComplaint,
  withdrawComplaint,
  assignHandler,
  addNote,
  logCustomerContact,
  escalateComplaint,
  escalateOnBreach,
  arrangeMeeting,
  waitOnCustomer,
  stopWaitingOnCustomer,
  flagRepeatComplaint,
  ...OWNERSHIP_COMMANDS,
  ...PROMISE_COMMANDS,
  routeComplaint,
  // Issue 16, the workflow's part (dom-flow): responsibility, intake, options and notice.
  attributeResponsibility,
  declineComplaint,
  ...OPTION_COMMANDS,
  recordWrittenNotice,
  ...CUSTOMER_UPDATE_COMMANDS,
] as const;

/** Every command type, in workflow order. */
export const COMMAND_TYPES = commandSchemas.map((s) => s.shape.type.value) as readonly CommandType[];

/** The schema of every command Redress accepts. */
export const commandSchema = z.discriminatedUnion('type', commandSchemas);

/** A validated command (defaults applied). */
export type Command = z.output<typeof commandSchema>;
/** What a host may pass to `execute`: optional fields may be left out. */
export type CommandInput = z.input<typeof commandSchema>;
/**
 * The name of a command (`ReceiveComplaint`, `ClassifyComplaint`, …): the key of permission matrices, labels
 * and rules.
 */
export type CommandType = Command['type'];
/** The command of one type. */
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

export { instantSchema };
