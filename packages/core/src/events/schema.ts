/**
 * Domain events: past-tense facts, the only thing Redress stores. A domain event is
 * `{ type, data }`; the store adds the envelope (see `envelope.ts`).
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
  prioritySchema,
  repeatBasisSchema,
  servqualFactorSchema,
  severitySchema,
  STEPS,
  urgencySchema,
  waitingReasonSchema,
} from '../domain/vocabulary.js';
import {
  acknowledgementSchema,
  complaintSourceSchema,
  customerSchema,
  productChecksSchema,
  productSchema,
  recordedSurveySchema,
  remedySchema,
} from '../commands/payloads.js';

import { CUSTOMER_UPDATE_EVENTS } from '../customer-updates/schema.js';
import { PREVENTION_EVENTS } from '../prevention/schema.js';
import { OWNERSHIP_EVENTS } from '../ownership/schema.js';
import { PROMISE_EVENTS } from '../promises/schema.js';
import { complaintRouted } from '../routing/routing.js';
import { remedyDecisionAttributed } from '../approval/approval.js';
import { complaintDeclined } from '../intake/intake.js';
import { meetingStrategyPrepared } from '../meeting/meeting.js';
import { writtenNoticeSigned } from '../notice/schema.js';
import { OPTION_EVENTS } from '../options/schema.js';
import { responsibilityAttributed } from '../responsibility/schema.js';
import { define } from './define.js';

/**
 * The `ComplaintReceived` event (type and data, without the envelope): a complaint was received: who, about
 * what, through which channel and where; the stream starts here.
 */
export const complaintReceived = define(
  'ComplaintReceived',
  z.strictObject({
    complaintId: idSchema,
    customer: customerSchema,
    channel: channelSchema,
    description: longTextSchema,
    demand: longTextSchema,
    product: productSchema.optional(),
    branch: shortTextSchema.optional(),
    region: shortTextSchema.optional(),
    businessLine: shortTextSchema.optional(),
    source: complaintSourceSchema.optional(),
    /** Who received it (the actor's id): accountable for it until a hand-over is accepted; absent on older events. */
    receivedBy: idSchema.optional(),
    /** The customer's site and unit concerned (ids of their profile, see customers/); absent when not named. */
    siteId: idSchema.optional(),
    unitId: idSchema.optional(),
  }),
);
/**
 * The `AcknowledgementRecorded` event (type and data, without the envelope): some of the four acknowledgement
 * behaviours were recorded.
 */
export const acknowledgementRecorded = define('AcknowledgementRecorded', acknowledgementSchema);
/**
 * The `ComplaintConfirmed` event (type and data, without the envelope): the handler confirmed with the
 * customer what the complaint is about.
 */
export const complaintConfirmed = define('ComplaintConfirmed', z.strictObject({ summary: longTextSchema }));
/**
 * The `ComplaintClassified` event (type and data, without the envelope): the complaint got its severity and
 * priority, with the inputs and the matrix that derived them.
 */
export const complaintClassified = define(
  'ComplaintClassified',
  z.strictObject({
    severity: severitySchema,
    previousSeverity: severitySchema.nullable(),
    reason: longTextSchema.optional(),
    /** P1-P4 from the severity matrix; always recorded now, absent on events recorded before priorities existed. */
    priority: prioritySchema.optional(),
    /** What the classification was derived from, as given (the assessment), and the matrix that derived it. */
    impact: impactSchema.optional(),
    urgency: urgencySchema.optional(),
    safety: z.boolean().optional(),
    repeatCount: z.int().min(1).optional(),
    matrix: idSchema.optional(),
  }),
);
/**
 * The `ComplaintEscalated` event (type and data, without the envelope): the complaint was escalated to a
 * level of the ladder (by hand or on an SLA breach).
 */
export const complaintEscalated = define(
  'ComplaintEscalated',
  z.strictObject({
    level: escalationLevelSchema,
    reason: longTextSchema,
    automatic: z.boolean(),
    /** The rung on the complaint's ladder (1 = the first above the handler); absent on events recorded before ladders. */
    rank: z.int().min(1).optional(),
    /** The ladder it climbed, and the people its rung names. */
    ladder: idSchema.optional(),
    people: z.array(idSchema).optional(),
    /** The SLA breach that caused it: each breach escalates once. */
    breach: z.strictObject({ id: idSchema, clock: idSchema, cycle: z.int().min(1) }).optional(),
  }),
);
/**
 * The `InvestigationStarted` event (type and data, without the envelope): the investigation of the cause
 * began.
 */
export const investigationStarted = define(
  'InvestigationStarted',
  z.strictObject({ plan: longTextSchema.optional() }),
);
/** The `CauseIdentified` event (type and data, without the envelope): the investigation found a cause. */
export const causeIdentified = define(
  'CauseIdentified',
  z.strictObject({
    cause: causeSchema,
    findings: longTextSchema,
    checks: productChecksSchema.optional(),
    /** Always recorded now; absent on events recorded before SERVQUAL factors (read with the cause's default). */
    servqualFactor: servqualFactorSchema.optional(),
  }),
);
/**
 * The `ResolutionProposed` event (type and data, without the envelope): a remedy was proposed, with the
 * deadline agreed with the customer.
 */
export const resolutionProposed = define(
  'ResolutionProposed',
  z.strictObject({
    remedy: remedySchema,
    agreedDeadline: instantSchema,
    /** Proposed while the complaint was major: senior management approves it (or a new proposal replaces it) before execution. */
    requiresApproval: z.boolean(),
    /** Who proposed it (the actor's id), kept with the fact so its approver can be told apart; absent on older events. */
    proposedBy: idSchema.optional(),
  }),
);
/**
 * The `RemedyApproved` event (type and data, without the envelope): the standing remedy was approved, so
 * execution may start.
 */
export const remedyApproved = define('RemedyApproved', z.strictObject({ note: longTextSchema.optional() }));
/**
 * The `RemedyRejected` event (type and data, without the envelope): the standing remedy was rejected; a new
 * proposal is needed.
 */
export const remedyRejected = define('RemedyRejected', z.strictObject({ reason: longTextSchema }));
/** The `ExecutionStarted` event (type and data, without the envelope): work on the approved remedy began. */
export const executionStarted = define('ExecutionStarted', z.strictObject({ note: longTextSchema.optional() }));
/** The `RemedyExecuted` event (type and data, without the envelope): the remedy was carried out. */
export const remedyExecuted = define(
  'RemedyExecuted',
  z.strictObject({ outcome: longTextSchema, agreedDeadline: instantSchema, onTime: z.boolean() }),
);
/**
 * The `DeadlineRenegotiated` event (type and data, without the envelope): the customer agreed a new deadline
 * for the remedy.
 */
export const deadlineRenegotiated = define(
  'DeadlineRenegotiated',
  z.strictObject({ agreedDeadline: instantSchema, previousDeadline: instantSchema, reason: longTextSchema }),
);
/**
 * The `FollowUpRecorded` event (type and data, without the envelope): the follow-up with the customer was
 * made, with whether they are satisfied and an optional survey.
 */
export const followUpRecorded = define(
  'FollowUpRecorded',
  z.strictObject({
    satisfied: z.boolean(),
    channel: channelSchema.optional(),
    comment: longTextSchema.optional(),
    survey: recordedSurveySchema.optional(),
    /** Who recorded it (the actor's id): whoever records a satisfied follow-up does not archive; absent on older events. */
    recordedBy: idSchema.optional(),
  }),
);
/**
 * The `ComplaintReopened` event (type and data, without the envelope): the customer was not satisfied: the
 * complaint goes back for another cycle.
 */
export const complaintReopened = define(
  'ComplaintReopened',
  z.strictObject({ cycle: z.int().min(2), reason: z.literal('customerNotSatisfied') }),
);
/**
 * The `PreventiveActionRecorded` event (type and data, without the envelope): what will stop the problem
 * happening again was recorded.
 */
export const preventiveActionRecorded = define('PreventiveActionRecorded', z.strictObject({ action: longTextSchema }));
/**
 * The `ComplaintArchived` event (type and data, without the envelope): the complaint was closed and archived.
 */
export const complaintArchived = define('ComplaintArchived', z.strictObject({ summary: longTextSchema.optional() }));
/**
 * The `ComplaintWithdrawn` event (type and data, without the envelope): the customer withdrew the complaint
 * before it was resolved.
 */
export const complaintWithdrawn = define(
  'ComplaintWithdrawn',
  // As published before `declined` existed: a withdrawal is from an open step, so its shape need not grow.
  z.strictObject({ reason: longTextSchema, fromStep: z.enum(STEPS).exclude(['declined']) }),
);
/**
 * The `HandlerAssigned` event (type and data, without the envelope): the complaint was assigned or reassigned
 * to a handler, with why.
 */
export const handlerAssigned = define(
  'HandlerAssigned',
  z.strictObject({
    handlerId: idSchema,
    previousHandlerId: idSchema.nullable(),
    reason: assignmentReasonSchema,
    note: longTextSchema.optional(),
    /** Only on events recorded before MeetingArranged existed: the meeting moved with the reassignment. */
    venue: shortTextSchema.optional(),
    meetingAt: instantSchema.optional(),
  }),
);
/** The complaint meeting as arranged now (time and place), and what it was before: one of the three changes. */
export const meetingArranged = define(
  'MeetingArranged',
  z.strictObject({
    at: instantSchema,
    venue: shortTextSchema,
    previous: z.strictObject({ at: instantSchema, venue: shortTextSchema }).nullable(),
    reason: meetingReasonSchema.optional(),
    note: longTextSchema.optional(),
  }),
);
/**
 * The `NoteAdded` event (type and data, without the envelope): a note was added, internal or for the
 * customer.
 */
export const noteAdded = define('NoteAdded', z.strictObject({ text: longTextSchema, visibility: z.enum(NOTE_VISIBILITIES) }));
/**
 * The `CustomerContactLogged` event (type and data, without the envelope): a contact with the customer (a
 * call, a visit, a message) was logged.
 */
export const customerContactLogged = define(
  'CustomerContactLogged',
  z.strictObject({ channel: channelSchema, direction: z.enum(CONTACT_DIRECTIONS), summary: longTextSchema }),
);

/**
 * The `WaitingOnCustomerStarted` event (type and data, without the envelope): the complaint started waiting
 * on the customer; SLA clocks may pause.
 */
export const waitingOnCustomerStarted = define(
  'WaitingOnCustomerStarted',
  z.strictObject({ reason: waitingReasonSchema, note: longTextSchema.optional() }),
);
/**
 * The `WaitingOnCustomerEnded` event (type and data, without the envelope): the complaint stopped waiting on
 * the customer.
 */
export const waitingOnCustomerEnded = define('WaitingOnCustomerEnded', z.strictObject({ note: longTextSchema.optional() }));

/**
 * The `RepeatComplaintFlagged` event (type and data, without the envelope): the complaint was flagged as a
 * repeat of others about the same customer, product or cause.
 */
export const repeatComplaintFlagged = define(
  'RepeatComplaintFlagged',
  z.strictObject({
    count: z.int().min(2),
    windowDays: z.int().min(1),
    basis: repeatBasisSchema,
    related: z.array(idSchema).min(1),
  }),
);

const eventSchemas = [
  complaintReceived,
  acknowledgementRecorded,
  complaintConfirmed,
  complaintClassified,
  complaintEscalated,
  investigationStarted,
  causeIdentified,
  resolutionProposed,
  remedyApproved,
  remedyRejected,
  executionStarted,
  remedyExecuted,
  deadlineRenegotiated,
  followUpRecorded,
  complaintReopened,
  preventiveActionRecorded,
  complaintArchived,
  complaintWithdrawn,
  handlerAssigned,
  meetingArranged,
  noteAdded,
  customerContactLogged,
  waitingOnCustomerStarted,
  waitingOnCustomerEnded,
  repeatComplaintFlagged,
  ...OWNERSHIP_EVENTS,
  ...PROMISE_EVENTS,
  complaintRouted,
  // Issue 16, the workflow's part (dom-flow): approval by unit, responsibility, intake, options and notice, the meeting plan.
  remedyDecisionAttributed,
  responsibilityAttributed,
  complaintDeclined,
  ...OPTION_EVENTS,
  writtenNoticeSigned,
  meetingStrategyPrepared,
  ...CUSTOMER_UPDATE_EVENTS,
  ...PREVENTION_EVENTS,
] as const;

/** The schema of every complaint event (without its envelope). */
export const complaintEventSchema = z.discriminatedUnion('type', eventSchemas);
/** Any complaint event, as its schema parses it: a union discriminated by `type`. */
export type ComplaintEvent = z.output<typeof complaintEventSchema>;
/** The name of a complaint event type (`ComplaintReceived`, …). */
export type ComplaintEventType = ComplaintEvent['type'];
/** The complaint event of one type, for handlers that take only that one. */
export type ComplaintEventOf<T extends ComplaintEventType> = Extract<ComplaintEvent, { type: T }>;
/**
 * Every complaint event type, in the order the schema lists them: for exhaustive tables (labels, projections,
 * tests).
 */
export const COMPLAINT_EVENT_TYPES = eventSchemas.map((s) => s.shape.type.value) as readonly ComplaintEventType[];

/** Bumped when an event's payload changes shape; stored on every event for upcasting. */
export const COMPLAINT_EVENT_SCHEMA_VERSION = 1;
