/**
 * `evolve`: the decision state after one event. A plain, pure reducer: XState is
 * not run here (see `workflow/step-after.ts` for why).
 *
 * Everything the state needs is in the event's data (who proposed, who recorded the
 * follow-up, the rung of an escalation), never only in the envelope, so the machine,
 * which folds bare `{ type, data }` events, and a replay of the log agree. Events
 * recorded before those fields existed are read from their envelope when it is there.
 */
import { changedMeeting } from '../meeting/meeting.js';
import { escalationRankOf } from '../escalation/ladder.js';
import type { ComplaintEvent } from '../events/schema.js';
import { stepAfter } from '../workflow/step-after.js';
import { draftOf, type ComplaintState, type ComplaintStateDraft } from './state.js';

/** The envelope's actor id, when the event is a recorded one. */
const actorIdOf = (event: ComplaintEvent): string | null => (event as { actor?: { id?: string } }).actor?.id ?? null;

/** Clears the standing remedy: a new proposal or a rejection decides it again. */
function clearRemedy(next: ComplaintStateDraft): void {
  next.remedy = null;
  next.agreedDeadline = null;
  next.remedyApproved = false;
  next.proposerId = null;
  next.remedyProposedWhileMajor = false;
}

/**
 * Folds one complaint event into the decision state: the replay half of the decider. Pure, and total over
 * every event type: a changed state is a new object (a `draftOf` copy written before it is returned), an
 * event that changes nothing gives back the same state.
 */
export function evolve(state: ComplaintState, event: ComplaintEvent): ComplaintState {
  switch (event.type) {
    case 'ComplaintReceived': {
      const next = draftOf(state);
      next.step = stepAfter(state.step, event);
      next.complaintId = event.data.complaintId;
      next.customerReference = event.data.customer.reference;
      next.branch = event.data.branch ?? null;
      next.businessLine = event.data.businessLine ?? null;
      next.accountableId = event.data.receivedBy ?? actorIdOf(event);
      next.cycle = 1;
      return next;
    }
    case 'AcknowledgementRecorded': {
      const a = state.acknowledgement;
      const d = event.data;
      const next = draftOf(state);
      next.acknowledgement = {
        thanked: a.thanked || d.thanked,
        appreciated: a.appreciated || d.appreciated,
        apologised: a.apologised || d.apologised,
        promisedPromptAction: a.promisedPromptAction || d.promisedPromptAction,
      };
      return next;
    }
    case 'ComplaintClassified': {
      const next = draftOf(state);
      next.step = stepAfter(state.step, event);
      next.severity = event.data.severity;
      next.priority = event.data.priority ?? null;
      return next;
    }
    case 'ComplaintEscalated': {
      const rank = escalationRankOf(event.data);
      const breach = event.data.breach?.id;
      const next = draftOf(state);
      // The highest rung reached; a later target of the same rung (routed by type) becomes the current one.
      if (state.escalation === null || rank >= state.escalation.rank) next.escalation = { level: event.data.level, rank };
      if (breach !== undefined) next.escalatedBreaches = [...state.escalatedBreaches, breach];
      return next;
    }
    case 'CauseIdentified': {
      const next = draftOf(state);
      next.causeIdentified = true;
      next.cause = event.data.cause;
      return next;
    }
    case 'ResolutionProposed': {
      const next = draftOf(state);
      next.step = stepAfter(state.step, event);
      clearRemedy(next);
      next.remedy = event.data.remedy;
      next.agreedDeadline = event.data.agreedDeadline;
      next.proposerId = event.data.proposedBy ?? actorIdOf(event);
      next.remedyProposedWhileMajor = event.data.requiresApproval;
      return next;
    }
    case 'RemedyApproved': {
      const next = draftOf(state);
      next.step = stepAfter(state.step, event);
      next.remedyApproved = true;
      return next;
    }
    case 'RemedyRejected': {
      // The cause stays known; the remedy must be decided again.
      const next = draftOf(state);
      next.step = stepAfter(state.step, event);
      clearRemedy(next);
      return next;
    }
    case 'DeadlineRenegotiated': {
      const next = draftOf(state);
      next.agreedDeadline = event.data.agreedDeadline;
      return next;
    }
    case 'FollowUpRecorded': {
      const next = draftOf(state);
      next.satisfiedFollowUp = event.data.satisfied;
      next.followUpRecorderId = event.data.satisfied ? (event.data.recordedBy ?? actorIdOf(event)) : null;
      return next;
    }
    case 'ComplaintReopened': {
      // A new cycle: investigate again from scratch, keep what was learnt in the log.
      const next = draftOf(state);
      next.step = stepAfter(state.step, event);
      clearRemedy(next);
      next.cycle = event.data.cycle;
      next.causeIdentified = false;
      next.satisfiedFollowUp = false;
      next.followUpRecorderId = null;
      return next;
    }
    case 'PreventiveActionRecorded': {
      const next = draftOf(state);
      next.preventiveAction = event.data.action;
      return next;
    }
    case 'HandlerAssigned': {
      // Before MeetingArranged existed, a reassignment carried the meeting along.
      const { venue, meetingAt } = event.data;
      const moved = changedMeeting(state.meeting, { at: meetingAt, venue });
      const next = draftOf(state);
      next.handlerId = event.data.handlerId;
      // Such a change was not checked then: a meeting without a time or a place is not one.
      if (moved.at !== undefined && moved.venue !== undefined) next.meeting = moved;
      return next;
    }
    case 'HandOverOffered': {
      const next = draftOf(state);
      next.handOver = { from: event.data.from, to: event.data.to };
      return next;
    }
    case 'HandOverAccepted': {
      const next = draftOf(state);
      next.accountableId = event.data.to;
      next.handOver = null;
      return next;
    }
    case 'HandOverDeclined': {
      const next = draftOf(state);
      next.handOver = null;
      return next;
    }
    case 'PromiseMade': {
      const next = draftOf(state);
      next.promiseIds = [...state.promiseIds, event.data.promiseId];
      next.openPromises = [...state.openPromises, { id: event.data.promiseId, due: event.data.due, explained: false }];
      return next;
    }
    case 'PromiseBreakExplained': {
      const next = draftOf(state);
      next.openPromises = state.openPromises.map((p) => (p.id === event.data.promiseId ? { ...p, explained: true } : p));
      return next;
    }
    case 'PromiseKept':
    case 'PromiseBroken': {
      const next = draftOf(state);
      next.openPromises = state.openPromises.filter((p) => p.id !== event.data.promiseId);
      return next;
    }
    case 'ComplaintRouted': {
      const next = draftOf(state);
      next.routedTo = event.data.group;
      return next;
    }
    case 'MeetingArranged': {
      const next = draftOf(state);
      next.meeting = { at: event.data.at, venue: event.data.venue };
      return next;
    }
    case 'ResponsibilityAttributed': {
      const next = draftOf(state);
      next.responsible = event.data.party;
      return next;
    }
    case 'ResolutionOptionsOffered': {
      const next = draftOf(state);
      next.offer = { options: event.data.options, chosen: null };
      return next;
    }
    case 'CustomerChoiceRecorded': {
      if (state.offer === null) return state;
      const next = draftOf(state);
      next.offer = { options: state.offer.options, chosen: event.data.optionId };
      return next;
    }
    case 'WaitingOnCustomerStarted':
    case 'WaitingOnCustomerEnded': {
      const next = draftOf(state);
      next.waitingOnCustomer = event.type === 'WaitingOnCustomerStarted';
      return next;
    }
    case 'ComplaintConfirmed':
    case 'InvestigationStarted':
    case 'ExecutionStarted':
    case 'RemedyExecuted':
    case 'ComplaintArchived':
    case 'ComplaintWithdrawn':
    case 'ComplaintDeclined': {
      const next = draftOf(state);
      next.step = stepAfter(state.step, event);
      return next;
    }
    case 'RemedyDecisionAttributed':
    case 'WrittenNoticeSigned':
    case 'MeetingStrategyPrepared': // personal, and no guard reads it: the ticket view keeps it, the decision state does not
    case 'NoteAdded':
    case 'CustomerContactLogged':
    case 'RepeatComplaintFlagged':
    case 'ProgressNoticeSent':
    case 'ResultFeedbackSent':
    case 'PreventiveMeasureChosen':
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
