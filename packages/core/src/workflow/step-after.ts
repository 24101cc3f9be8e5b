/**
 * Which step an event leads to: the plain-reducer twin of the machine's targets.
 * Rebuilding state must not run XState per event (its pure `transition()` costs
 * ~20 µs, this costs nanoseconds), so this table is the one place that repeats
 * the machine's structure, and a property test proves the two always agree.
 */
import type { ComplaintEvent } from '../events/schema.js';
import type { ComplaintStep } from '../decider/state.js';

/**
 * The step an event leads to from `step`: a plain switch over event types, proven to agree with the machine,
 * so replays do not run XState per event.
 */
export function stepAfter(step: ComplaintStep, event: ComplaintEvent): ComplaintStep {
  switch (event.type) {
    case 'ComplaintReceived':
      return 'received';
    case 'ComplaintConfirmed':
      return 'confirmed';
    case 'ComplaintClassified':
      // Reclassification later on keeps the step.
      return step === 'confirmed' ? 'classified' : step;
    case 'InvestigationStarted':
    case 'RemedyRejected':
    case 'ComplaintReopened':
      return 'investigating';
    case 'ResolutionProposed':
      return 'resolutionProposed';
    case 'RemedyApproved':
      return 'remedyApproved';
    case 'ExecutionStarted':
      return 'executing';
    case 'RemedyExecuted':
      return 'followingUp';
    case 'ComplaintArchived':
      return 'archived';
    case 'ComplaintWithdrawn':
      return 'withdrawn';
    case 'ComplaintDeclined':
      return 'declined';
    case 'AcknowledgementRecorded':
    case 'ComplaintEscalated':
    case 'CauseIdentified':
    case 'DeadlineRenegotiated':
    case 'FollowUpRecorded':
    case 'PreventiveActionRecorded':
    case 'HandlerAssigned':
    case 'MeetingArranged':
    case 'NoteAdded':
    case 'CustomerContactLogged':
    case 'WaitingOnCustomerStarted':
    case 'WaitingOnCustomerEnded':
    case 'RepeatComplaintFlagged':
    case 'HandOverOffered':
    case 'HandOverAccepted':
    case 'HandOverDeclined':
    case 'PromiseMade':
    case 'PromiseKept':
    case 'PromiseBreakExplained':
    case 'PromiseBroken':
    case 'ComplaintRouted':
    case 'MeetingStrategyPrepared':
    case 'RemedyDecisionAttributed':
    case 'ResponsibilityAttributed':
    case 'ResolutionOptionsOffered':
    case 'CustomerChoiceRecorded':
    case 'WrittenNoticeSigned':
    case 'ProgressNoticeSent':
    case 'ResultFeedbackSent':
    case 'PreventiveMeasureChosen':
      return step;
  }
}
