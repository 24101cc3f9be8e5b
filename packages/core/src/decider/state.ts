/**
 * The decision state of one complaint: only what the workflow's guards need.
 * Read models (the ticket view, queues) are projections, not this.
 */
import type { Remedy } from '../commands/payloads.js';
import type { Severity, Step } from '../domain/vocabulary.js';

/** `none`: nothing has been received under this complaint id yet. */
export type ComplaintStep = Step | 'none';

/** Which of handling behaviours 1-4 have been recorded. */
export interface AcknowledgementProgress {
  readonly thanked: boolean;
  readonly appreciated: boolean;
  readonly apologised: boolean;
  readonly promisedPromptAction: boolean;
}

export interface ComplaintState {
  readonly step: ComplaintStep;
  readonly complaintId: string | null;
  readonly customerReference: string | null;
  readonly severity: Severity | null;
  /** 1 for the first pass; each reopen (customer not satisfied) starts the next cycle. 0 before receipt. */
  readonly cycle: number;
  readonly acknowledgement: AcknowledgementProgress;
  /** A cause has been identified in the current cycle. */
  readonly causeIdentified: boolean;
  readonly remedy: Remedy | null;
  /** The deadline agreed with the customer for the remedy (ISO-8601). */
  readonly agreedDeadline: string | null;
  readonly remedyApproved: boolean;
  /** The follow-up of the current cycle found the customer satisfied. */
  readonly satisfiedFollowUp: boolean;
  readonly preventiveAction: string | null;
  readonly handlerId: string | null;
  /** The complaint waits on the customer (see WaitOnCustomer). */
  readonly waitingOnCustomer: boolean;
}

export const initialComplaintState: ComplaintState = Object.freeze({
  step: 'none',
  complaintId: null,
  customerReference: null,
  severity: null,
  cycle: 0,
  acknowledgement: Object.freeze({ thanked: false, appreciated: false, apologised: false, promisedPromptAction: false }),
  causeIdentified: false,
  remedy: null,
  agreedDeadline: null,
  remedyApproved: false,
  satisfiedFollowUp: false,
  preventiveAction: null,
  handlerId: null,
  waitingOnCustomer: false,
});

/** The initial state, as the decider contract's factory. */
export const initialState = (): ComplaintState => initialComplaintState;
