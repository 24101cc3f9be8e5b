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
import { COMPLAINT_EVENT_TYPES, type ComplaintEvent, type ComplaintEventType } from '../events/schema.js';
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

/** Events the decision state does not read: no guard needs what they record. */
const UNREAD: ReadonlySet<string> = new Set([
  'RemedyDecisionAttributed',
  'WrittenNoticeSigned',
  'MeetingStrategyPrepared', // personal, and no guard reads it: the ticket view keeps it, the decision state does not
  'NoteAdded',
  'CustomerContactLogged',
  'RepeatComplaintFlagged',
  'ProgressNoticeSent',
  'ResultFeedbackSent',
  'PreventiveMeasureChosen',
] satisfies ComplaintEventType[]);
/** The events that change it: one lookup answers both an unread type and one of another kind (a host's own, a newer version's). */
const READ: ReadonlySet<string> = new Set(COMPLAINT_EVENT_TYPES.filter((type) => !UNREAD.has(type)));

/**
 * Folds one complaint event into the decision state: the replay half of the decider. Pure, and total over
 * every event type: a changed state is a new object (a `draftOf` copy, written by `write`), an event that
 * changes nothing gives back the same state. So does an event of another kind in the stream (a host's own,
 * or a newer version's).
 */
export function evolve(state: ComplaintState, event: ComplaintEvent): ComplaintState {
  if (!READ.has(event.type)) return state;
  if (event.type === 'CustomerChoiceRecorded' && state.offer === null) return state;
  const next = draftOf(state);
  next.step = stepAfter(state.step, event);
  write(next, state, event);
  return next;
}

/** Sets on `next`, a copy of `state` with its step moved, what `event` changes. */
function write(next: ComplaintStateDraft, state: ComplaintState, event: ComplaintEvent): void {
  switch (event.type) {
    case 'ComplaintReceived':
      next.complaintId = event.data.complaintId;
      next.customerReference = event.data.customer.reference;
      next.branch = event.data.branch ?? null;
      next.businessLine = event.data.businessLine ?? null;
      next.accountableId = event.data.receivedBy ?? actorIdOf(event);
      next.cycle = 1;
      return;
    case 'AcknowledgementRecorded': {
      const a = state.acknowledgement;
      const d = event.data;
      next.acknowledgement = {
        thanked: a.thanked || d.thanked,
        appreciated: a.appreciated || d.appreciated,
        apologised: a.apologised || d.apologised,
        promisedPromptAction: a.promisedPromptAction || d.promisedPromptAction,
      };
      return;
    }
    case 'ComplaintClassified':
      next.severity = event.data.severity;
      next.priority = event.data.priority ?? null;
      return;
    case 'ComplaintEscalated': {
      const rank = escalationRankOf(event.data);
      const breach = event.data.breach?.id;
      // The highest rung reached; a later target of the same rung (routed by type) becomes the current one.
      if (state.escalation === null || rank >= state.escalation.rank) next.escalation = { level: event.data.level, rank };
      if (breach !== undefined) next.escalatedBreaches = [...state.escalatedBreaches, breach];
      return;
    }
    case 'CauseIdentified':
      next.causeIdentified = true;
      next.cause = event.data.cause;
      return;
    case 'ResolutionProposed':
      clearRemedy(next);
      next.remedy = event.data.remedy;
      next.agreedDeadline = event.data.agreedDeadline;
      next.proposerId = event.data.proposedBy ?? actorIdOf(event);
      next.remedyProposedWhileMajor = event.data.requiresApproval;
      return;
    case 'RemedyApproved':
      next.remedyApproved = true;
      return;
    case 'RemedyRejected':
      // The cause stays known; the remedy must be decided again.
      clearRemedy(next);
      return;
    case 'DeadlineRenegotiated':
      next.agreedDeadline = event.data.agreedDeadline;
      return;
    case 'FollowUpRecorded':
      next.satisfiedFollowUp = event.data.satisfied;
      next.followUpRecorderId = event.data.satisfied ? (event.data.recordedBy ?? actorIdOf(event)) : null;
      return;
    case 'ComplaintReopened':
      // A new cycle: investigate again from scratch, keep what was learnt in the log.
      clearRemedy(next);
      next.cycle = event.data.cycle;
      next.causeIdentified = false;
      next.satisfiedFollowUp = false;
      next.followUpRecorderId = null;
      return;
    case 'PreventiveActionRecorded':
      next.preventiveAction = event.data.action;
      return;
    case 'HandlerAssigned': {
      // Before MeetingArranged existed, a reassignment carried the meeting along.
      const { venue, meetingAt } = event.data;
      const moved = changedMeeting(state.meeting, { at: meetingAt, venue });
      next.handlerId = event.data.handlerId;
      // Such a change was not checked then: a meeting without a time or a place is not one.
      if (moved.at !== undefined && moved.venue !== undefined) next.meeting = moved;
      return;
    }
    case 'HandOverOffered':
      next.handOver = { from: event.data.from, to: event.data.to };
      return;
    case 'HandOverAccepted':
      next.accountableId = event.data.to;
      next.handOver = null;
      return;
    case 'HandOverDeclined':
      next.handOver = null;
      return;
    case 'PromiseMade':
      next.promiseIds = [...state.promiseIds, event.data.promiseId];
      next.openPromises = [...state.openPromises, { id: event.data.promiseId, due: event.data.due, explained: false }];
      return;
    case 'PromiseBreakExplained':
      next.openPromises = state.openPromises.map((p) => (p.id === event.data.promiseId ? { ...p, explained: true } : p));
      return;
    case 'PromiseKept':
    case 'PromiseBroken':
      next.openPromises = state.openPromises.filter((p) => p.id !== event.data.promiseId);
      return;
    case 'ComplaintRouted':
      next.routedTo = event.data.group;
      return;
    case 'MeetingArranged':
      next.meeting = { at: event.data.at, venue: event.data.venue };
      return;
    case 'ResponsibilityAttributed':
      next.responsible = event.data.party;
      return;
    case 'ResolutionOptionsOffered':
      next.offer = { options: event.data.options, chosen: null };
      return;
    case 'CustomerChoiceRecorded':
      // `evolve` answered a choice without an offer already.
      if (state.offer !== null) next.offer = { options: state.offer.options, chosen: event.data.optionId };
      return;
    case 'WaitingOnCustomerStarted':
    case 'WaitingOnCustomerEnded':
      next.waitingOnCustomer = event.type === 'WaitingOnCustomerStarted';
      return;
    // What these change is the step alone (set by `evolve`), or nothing (`UNREAD`, answered by `evolve`).
    case 'ComplaintConfirmed':
    case 'InvestigationStarted':
    case 'ExecutionStarted':
    case 'RemedyExecuted':
    case 'ComplaintArchived':
    case 'ComplaintWithdrawn':
    case 'ComplaintDeclined':
    case 'RemedyDecisionAttributed':
    case 'WrittenNoticeSigned':
    case 'MeetingStrategyPrepared':
    case 'NoteAdded':
    case 'CustomerContactLogged':
    case 'RepeatComplaintFlagged':
    case 'ProgressNoticeSent':
    case 'ResultFeedbackSent':
    case 'PreventiveMeasureChosen':
      return;
    default: {
      // Compile time: every complaint event is handled above.
      const other: never = event;
      void other;
    }
  }
}

/** Fold events over a state. */
export function evolveAll(state: ComplaintState, events: Iterable<ComplaintEvent>): ComplaintState {
  let s = state;
  for (const e of events) s = evolve(s, e);
  return s;
}
