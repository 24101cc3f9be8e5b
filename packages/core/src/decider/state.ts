/**
 * The decision state of one complaint: only what the workflow's guards and the
 * permission policy need. Read models (the ticket view, queues) are projections, not this.
 */
import type { Remedy } from '../commands/payloads.js';
import type { Cause, EscalationLevel, Priority, Severity, Step } from '../domain/vocabulary.js';
import type { ArrangedMeeting } from '../meeting/meeting.js';
import type { PendingHandOver } from '../ownership/schema.js';
import type { OpenPromise } from '../promises/schema.js';
import type { OfferedOptions } from '../options/schema.js';
import type { ResponsibleParty } from '../responsibility/schema.js';

/** `none`: nothing has been received under this complaint id yet. */
export type ComplaintStep = Step | 'none';

/** Which of handling behaviours 1-4 have been recorded. */
export interface AcknowledgementProgress {
  /** Behaviour 1: the customer was thanked for raising the complaint. */
  readonly thanked: boolean;
  /** Behaviour 2: the handler said why the complaint is appreciated. */
  readonly appreciated: boolean;
  /** Behaviour 3: the handler apologised for the mistake. */
  readonly apologised: boolean;
  /** Behaviour 4: the handler promised to act on it promptly. */
  readonly promisedPromptAction: boolean;
}

/** The highest level a complaint was escalated to, with its rung (0 would be the handler). */
export interface EscalationReached {
  /** The escalation level reached (`supervisor`, `departmentHead`, …). */
  readonly level: EscalationLevel;
  /** Its rung on the ladder in force: a later escalation must climb higher. */
  readonly rank: number;
}

/**
 * What the workflow's guards and the permission policy read of one complaint; rebuilt by folding its events
 * with `evolve`.
 */
export interface ComplaintState {
  /** Where the complaint is in the eight-step workflow (`none` before it is received). */
  readonly step: ComplaintStep;
  /** The complaint's id, once received. */
  readonly complaintId: string | null;
  /** The host's reference for the customer, used to find their other complaints. */
  readonly customerReference: string | null;
  /** Where it was received and which business line it concerns: they choose the escalation ladder. */
  readonly branch: string | null;
  /** The business line the complaint concerns: it and the branch choose the escalation ladder. */
  readonly businessLine: string | null;
  /** The severity of the latest classification; null before one. */
  readonly severity: Severity | null;
  /** P1-P4 of the latest classification; null before one (or for one recorded before priorities). */
  readonly priority: Priority | null;
  /** 1 for the first pass; each reopen (customer not satisfied) starts the next cycle. 0 before receipt. */
  readonly cycle: number;
  /**
   * Which of the four acknowledgement behaviours are recorded: all four are needed to leave the acknowledging
   * step.
   */
  readonly acknowledgement: AcknowledgementProgress;
  /** A cause has been identified in the current cycle. */
  readonly causeIdentified: boolean;
  /** The latest cause identified: escalations are routed by it. */
  readonly cause: Cause | null;
  /** The standing remedy proposal; null before one or after a rejection. */
  readonly remedy: Remedy | null;
  /** Who proposed the standing remedy: its approver must be someone else. */
  readonly proposerId: string | null;
  /**
   * The standing remedy was proposed while the complaint was major: it needs senior
   * management's approval (or a new proposal) before execution, even if the complaint
   * was downgraded since.
   */
  readonly remedyProposedWhileMajor: boolean;
  /** The deadline agreed with the customer for the remedy (ISO-8601). */
  readonly agreedDeadline: string | null;
  /** The standing remedy has been approved, so execution may start. */
  readonly remedyApproved: boolean;
  /** The follow-up of the current cycle found the customer satisfied. */
  readonly satisfiedFollowUp: boolean;
  /** Who recorded that satisfied follow-up: they do not also archive the complaint. */
  readonly followUpRecorderId: string | null;
  /** The preventive action recorded before archiving, which a major complaint needs. */
  readonly preventiveAction: string | null;
  /** The handler the complaint is assigned to; ownership rules let only them act in some steps. */
  readonly handlerId: string | null;
  /** Who answers for the complaint (首问负责制): its receiver, until a hand-over is accepted. */
  readonly accountableId: string | null;
  /** A hand-over offered and not yet accepted or declined. */
  readonly handOver: PendingHandOver | null;
  /** The ids of every promise made to the customer (unique per complaint). */
  readonly promiseIds: readonly string[];
  /** The promises not yet kept or broken. */
  readonly openPromises: readonly OpenPromise[];
  /** The group the complaint was last routed to by its problem type; null until routed. */
  readonly routedTo: string | null;
  /** The party held responsible (分清责任), by the latest attribution; null until one. A proposal may wait for it. */
  readonly responsible: ResponsibleParty | null;
  /** The options offered to the customer and the one chosen; null before an offer. */
  readonly offer: OfferedOptions | null;
  /** The complaint meeting's time and place, once arranged (its strategy is personal: the ticket view has it). */
  readonly meeting: ArrangedMeeting | null;
  /** The highest level reached; null while not escalated. */
  readonly escalation: EscalationReached | null;
  /** The SLA breaches (their event ids) already escalated: each escalates once. */
  readonly escalatedBreaches: readonly string[];
  /** The complaint waits on the customer (see WaitOnCustomer). */
  readonly waitingOnCustomer: boolean;
}

/** The state of a complaint with no events: step `none`, nothing recorded. */
export const initialComplaintState: ComplaintState = Object.freeze({
  step: 'none',
  complaintId: null,
  customerReference: null,
  branch: null,
  businessLine: null,
  severity: null,
  priority: null,
  cycle: 0,
  acknowledgement: Object.freeze({ thanked: false, appreciated: false, apologised: false, promisedPromptAction: false }),
  causeIdentified: false,
  cause: null,
  remedy: null,
  proposerId: null,
  remedyProposedWhileMajor: false,
  agreedDeadline: null,
  remedyApproved: false,
  satisfiedFollowUp: false,
  followUpRecorderId: null,
  preventiveAction: null,
  handlerId: null,
  accountableId: null,
  handOver: null,
  promiseIds: Object.freeze([]),
  openPromises: Object.freeze([]),
  routedTo: null,
  responsible: null,
  offer: null,
  meeting: null,
  escalation: null,
  escalatedBreaches: Object.freeze([]),
  waitingOnCustomer: false,
});

/** A state `evolve` is building: its own fresh copy, written to before it is returned (and never after). */
export type ComplaintStateDraft = { -readonly [K in keyof ComplaintState]: ComplaintState[K] };

/**
 * A copy of `state` for `evolve` to write into, field by field in the initial state's order (so every
 * state keeps one object shape). Not a spread: on Node 20 spreading these fields cost about 25 times this
 * copy (on Node 22 about 3 times), once per event of every command and every replay.
 */
export function draftOf(state: ComplaintState): ComplaintStateDraft {
  return {
    step: state.step,
    complaintId: state.complaintId,
    customerReference: state.customerReference,
    branch: state.branch,
    businessLine: state.businessLine,
    severity: state.severity,
    priority: state.priority,
    cycle: state.cycle,
    acknowledgement: state.acknowledgement,
    causeIdentified: state.causeIdentified,
    cause: state.cause,
    remedy: state.remedy,
    proposerId: state.proposerId,
    remedyProposedWhileMajor: state.remedyProposedWhileMajor,
    agreedDeadline: state.agreedDeadline,
    remedyApproved: state.remedyApproved,
    satisfiedFollowUp: state.satisfiedFollowUp,
    followUpRecorderId: state.followUpRecorderId,
    preventiveAction: state.preventiveAction,
    handlerId: state.handlerId,
    accountableId: state.accountableId,
    handOver: state.handOver,
    promiseIds: state.promiseIds,
    openPromises: state.openPromises,
    routedTo: state.routedTo,
    responsible: state.responsible,
    offer: state.offer,
    meeting: state.meeting,
    escalation: state.escalation,
    escalatedBreaches: state.escalatedBreaches,
    waitingOnCustomer: state.waitingOnCustomer,
  };
}

/** The initial state, as the decider contract's factory. */
export const initialState = (): ComplaintState => initialComplaintState;
