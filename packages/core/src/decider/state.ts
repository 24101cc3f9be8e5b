/**
 * The decision state of one complaint: only what the workflow's guards and the
 * permission policy need. Read models (the ticket view, queues) are projections, not this.
 */
import type { Remedy } from '../commands/payloads.js';
import type { Cause, EscalationLevel, Priority, Severity, Step } from '../domain/vocabulary.js';
import type { Meeting } from '../meeting/meeting.js';
import type { PendingHandOver } from '../ownership/schema.js';
import type { OpenPromise } from '../promises/schema.js';

/** `none`: nothing has been received under this complaint id yet. */
export type ComplaintStep = Step | 'none';

/** Which of handling behaviours 1-4 have been recorded. */
export interface AcknowledgementProgress {
  readonly thanked: boolean;
  readonly appreciated: boolean;
  readonly apologised: boolean;
  readonly promisedPromptAction: boolean;
}

/** The highest level a complaint was escalated to, with its rung (0 would be the handler). */
export interface EscalationReached {
  readonly level: EscalationLevel;
  readonly rank: number;
}

export interface ComplaintState {
  readonly step: ComplaintStep;
  readonly complaintId: string | null;
  readonly customerReference: string | null;
  /** Where it was received and which business line it concerns: they choose the escalation ladder. */
  readonly branch: string | null;
  readonly businessLine: string | null;
  readonly severity: Severity | null;
  /** P1-P4 of the latest classification; null before one (or for one recorded before priorities). */
  readonly priority: Priority | null;
  /** 1 for the first pass; each reopen (customer not satisfied) starts the next cycle. 0 before receipt. */
  readonly cycle: number;
  readonly acknowledgement: AcknowledgementProgress;
  /** A cause has been identified in the current cycle. */
  readonly causeIdentified: boolean;
  /** The latest cause identified: escalations are routed by it. */
  readonly cause: Cause | null;
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
  readonly remedyApproved: boolean;
  /** The follow-up of the current cycle found the customer satisfied. */
  readonly satisfiedFollowUp: boolean;
  /** Who recorded that satisfied follow-up: they do not also archive the complaint. */
  readonly followUpRecorderId: string | null;
  readonly preventiveAction: string | null;
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
  /** The complaint meeting, once arranged. */
  readonly meeting: Meeting | null;
  /** The highest level reached; null while not escalated. */
  readonly escalation: EscalationReached | null;
  /** The SLA breaches (their event ids) already escalated: each escalates once. */
  readonly escalatedBreaches: readonly string[];
  /** The complaint waits on the customer (see WaitOnCustomer). */
  readonly waitingOnCustomer: boolean;
}

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
  meeting: null,
  escalation: null,
  escalatedBreaches: Object.freeze([]),
  waitingOnCustomer: false,
});

/** The initial state, as the decider contract's factory. */
export const initialState = (): ComplaintState => initialComplaintState;
