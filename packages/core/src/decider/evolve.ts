/**
 * `evolve`: the decision state after one event. A plain, pure reducer: XState is
 * not run here (see `workflow/step-after.ts` for why).
 */
import type { ComplaintEvent } from '../events/schema.js';
import { stepAfter } from '../workflow/step-after.js';
import type { ComplaintState } from './state.js';

export function evolve(state: ComplaintState, event: ComplaintEvent): ComplaintState {
  const step = stepAfter(state.step, event);
  switch (event.type) {
    case 'ComplaintReceived':
      return {
        ...state,
        step,
        complaintId: event.data.complaintId,
        customerReference: event.data.customer.reference,
        cycle: 1,
      };
    case 'AcknowledgementRecorded': {
      const a = state.acknowledgement;
      const d = event.data;
      return {
        ...state,
        acknowledgement: {
          thanked: a.thanked || d.thanked,
          appreciated: a.appreciated || d.appreciated,
          apologised: a.apologised || d.apologised,
          promisedPromptAction: a.promisedPromptAction || d.promisedPromptAction,
        },
      };
    }
    case 'ComplaintClassified':
      return { ...state, step, severity: event.data.severity };
    case 'CauseIdentified':
      return { ...state, causeIdentified: true };
    case 'ResolutionProposed':
      return { ...state, step, remedy: event.data.remedy, agreedDeadline: event.data.agreedDeadline, remedyApproved: false };
    case 'RemedyApproved':
      return { ...state, step, remedyApproved: true };
    case 'RemedyRejected':
      // The cause stays known; the remedy must be decided again.
      return { ...state, step, remedy: null, agreedDeadline: null, remedyApproved: false };
    case 'DeadlineRenegotiated':
      return { ...state, agreedDeadline: event.data.agreedDeadline };
    case 'FollowUpRecorded':
      return { ...state, satisfiedFollowUp: event.data.satisfied };
    case 'ComplaintReopened':
      // A new cycle: investigate again from scratch, keep what was learnt in the log.
      return {
        ...state,
        step,
        cycle: event.data.cycle,
        causeIdentified: false,
        remedy: null,
        agreedDeadline: null,
        remedyApproved: false,
        satisfiedFollowUp: false,
      };
    case 'PreventiveActionRecorded':
      return { ...state, preventiveAction: event.data.action };
    case 'HandlerAssigned':
      return { ...state, handlerId: event.data.handlerId };
    case 'WaitingOnCustomerStarted':
      return { ...state, waitingOnCustomer: true };
    case 'WaitingOnCustomerEnded':
      return { ...state, waitingOnCustomer: false };
    case 'ComplaintConfirmed':
    case 'InvestigationStarted':
    case 'ExecutionStarted':
    case 'RemedyExecuted':
    case 'ComplaintArchived':
    case 'ComplaintWithdrawn':
      return { ...state, step };
    case 'ComplaintEscalated':
    case 'NoteAdded':
    case 'CustomerContactLogged':
    case 'RepeatComplaintFlagged':
      return state;
    default: {
      // Compile time: every complaint event is handled above. Run time: an event of
      // another kind in this stream (a host's own, or a newer version's) changes nothing.
      const other: never = event;
      void other;
      return state;
    }
  }
}

/** Fold events over a state. */
export function evolveAll(state: ComplaintState, events: Iterable<ComplaintEvent>): ComplaintState {
  let s = state;
  for (const e of events) s = evolve(s, e);
  return s;
}
