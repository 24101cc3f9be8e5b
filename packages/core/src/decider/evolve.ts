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
import type { ComplaintState } from './state.js';

/** The envelope's actor id, when the event is a recorded one. */
const actorIdOf = (event: ComplaintEvent): string | null => (event as { actor?: { id?: string } }).actor?.id ?? null;

/** What a new proposal or a rejection leaves of the standing remedy. */
const noRemedy = { remedy: null, agreedDeadline: null, remedyApproved: false, proposerId: null, remedyProposedWhileMajor: false } as const;

/**
 * Folds one complaint event into the decision state: the replay half of the decider. Pure, and total over
 * every event type.
 */
export function evolve(state: ComplaintState, event: ComplaintEvent): ComplaintState {
  const step = stepAfter(state.step, event);
  switch (event.type) {
    case 'ComplaintReceived':
      return {
        ...state,
        step,
        complaintId: event.data.complaintId,
        customerReference: event.data.customer.reference,
        branch: event.data.branch ?? null,
        businessLine: event.data.businessLine ?? null,
        accountableId: event.data.receivedBy ?? actorIdOf(event),
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
      return { ...state, step, severity: event.data.severity, priority: event.data.priority ?? null };
    case 'ComplaintEscalated': {
      const rank = escalationRankOf(event.data);
      const breach = event.data.breach?.id;
      return {
        ...state,
        // The highest rung reached; a later target of the same rung (routed by type) becomes the current one.
        escalation: state.escalation === null || rank >= state.escalation.rank ? { level: event.data.level, rank } : state.escalation,
        escalatedBreaches: breach === undefined ? state.escalatedBreaches : [...state.escalatedBreaches, breach],
      };
    }
    case 'CauseIdentified':
      return { ...state, causeIdentified: true, cause: event.data.cause };
    case 'ResolutionProposed':
      return {
        ...state,
        step,
        ...noRemedy,
        remedy: event.data.remedy,
        agreedDeadline: event.data.agreedDeadline,
        proposerId: event.data.proposedBy ?? actorIdOf(event),
        remedyProposedWhileMajor: event.data.requiresApproval,
      };
    case 'RemedyApproved':
      return { ...state, step, remedyApproved: true };
    case 'RemedyRejected':
      // The cause stays known; the remedy must be decided again.
      return { ...state, step, ...noRemedy };
    case 'DeadlineRenegotiated':
      return { ...state, agreedDeadline: event.data.agreedDeadline };
    case 'FollowUpRecorded':
      return {
        ...state,
        satisfiedFollowUp: event.data.satisfied,
        followUpRecorderId: event.data.satisfied ? (event.data.recordedBy ?? actorIdOf(event)) : null,
      };
    case 'ComplaintReopened':
      // A new cycle: investigate again from scratch, keep what was learnt in the log.
      return {
        ...state,
        step,
        ...noRemedy,
        cycle: event.data.cycle,
        causeIdentified: false,
        satisfiedFollowUp: false,
        followUpRecorderId: null,
      };
    case 'PreventiveActionRecorded':
      return { ...state, preventiveAction: event.data.action };
    case 'HandlerAssigned': {
      // Before MeetingArranged existed, a reassignment carried the meeting along.
      const { venue, meetingAt } = event.data;
      const moved = changedMeeting(state.meeting, { at: meetingAt, venue });
      // Such a change was not checked then: a meeting without a time or a place is not one.
      const meeting = moved.at === undefined || moved.venue === undefined ? state.meeting : moved;
      return { ...state, handlerId: event.data.handlerId, meeting };
    }
    case 'HandOverOffered':
      return { ...state, handOver: { from: event.data.from, to: event.data.to } };
    case 'HandOverAccepted':
      return { ...state, accountableId: event.data.to, handOver: null };
    case 'HandOverDeclined':
      return { ...state, handOver: null };
    case 'PromiseMade':
      return {
        ...state,
        promiseIds: [...state.promiseIds, event.data.promiseId],
        openPromises: [...state.openPromises, { id: event.data.promiseId, due: event.data.due, explained: false }],
      };
    case 'PromiseBreakExplained':
      return { ...state, openPromises: state.openPromises.map((p) => (p.id === event.data.promiseId ? { ...p, explained: true } : p)) };
    case 'PromiseKept':
    case 'PromiseBroken':
      return { ...state, openPromises: state.openPromises.filter((p) => p.id !== event.data.promiseId) };
    case 'ComplaintRouted':
      return { ...state, routedTo: event.data.group };
    case 'MeetingArranged':
      return { ...state, meeting: { at: event.data.at, venue: event.data.venue } };
    case 'ResponsibilityAttributed':
      return { ...state, responsible: event.data.party };
    case 'ResolutionOptionsOffered':
      return { ...state, offer: { options: event.data.options, chosen: null } };
    case 'CustomerChoiceRecorded':
      return state.offer === null ? state : { ...state, offer: { ...state.offer, chosen: event.data.optionId } };
    case 'ComplaintDeclined':
      return { ...state, step };
    case 'RemedyDecisionAttributed':
    case 'WrittenNoticeSigned':
    case 'MeetingStrategyPrepared': // personal, and no guard reads it: the ticket view keeps it, the decision state does not
      return state;
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
