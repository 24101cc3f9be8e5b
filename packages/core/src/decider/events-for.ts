/**
 * The events an accepted command becomes. Only called once the machine has
 * accepted the command, so it states facts and never validates.
 */
import { classify } from '../classification/matrix.js';
import { recordSurvey } from '../commands/payloads.js';
import type { Command, CommandOf } from '../commands/schema.js';
import { DEFAULT_SERVQUAL_FACTOR_OF_CAUSE } from '../domain/vocabulary.js';
import { breachTarget, majorReportTarget, manualTarget, type ChosenTarget, type TargetChoice } from '../escalation/targets.js';
import type { ComplaintEvent, ComplaintEventOf } from '../events/schema.js';
import { changedMeeting, meetingChange } from '../meeting/meeting.js';
import { handOverEvent } from '../ownership/events-for.js';
import { promiseEvent } from '../promises/events-for.js';
import { approverOf } from '../approval/approval.js';
import { optionRemedy } from '../options/schema.js';
import { customerUpdateEvent } from '../customer-updates/events-for.js';
import { preventiveEvents } from '../prevention/events-for.js';
import { groupFor } from '../routing/routing.js';
import { defaultWorkflowConfig, type WorkflowConfig } from '../workflow/config.js';
import type { ComplaintState } from './state.js';

const MAJOR_ESCALATION_REASON = 'major complaints are reported to senior management (重大投诉须上报高层)';

/** An escalation to a chosen target, with its rung, ladder and people recorded. */
function escalated(chosen: ChosenTarget, data: { reason: string; automatic: boolean; breach?: { id: string; clock: string; cycle: number } }): ComplaintEvent {
  const { target, rank, ladder } = chosen;
  return {
    type: 'ComplaintEscalated',
    data: { level: target.level, ...data, rank, ladder: ladder.name, ...(target.people ? { people: [...target.people] } : {}) },
  };
}

/** The target the guards already accepted (a refusal here would be a bug: the guards decide with the same function). */
function chosen(choice: TargetChoice): ChosenTarget {
  if (!choice.ok) throw new RangeError(`eventsFor was called for an escalation the guards refuse: ${choice.problem}`);
  return choice.value;
}

/** The classification as recorded: the derived severity and priority with what they were derived from. */
function classified(state: ComplaintState, command: CommandOf<'ClassifyComplaint'>, config: WorkflowConfig): ComplaintEventOf<'ComplaintClassified'> {
  const { severity, priority } = classify(command.data, config.classification);
  const { severity: _given, ...inputs } = command.data;
  return { type: 'ComplaintClassified', data: { severity, previousSeverity: state.severity, priority, ...inputs, matrix: config.classification.name } };
}

/** A meeting change carried by ArrangeMeeting or AssignHandler, as its event (the full meeting after it, and before). */
function meetingArranged(state: ComplaintState, command: Command): ComplaintEvent[] {
  const change = meetingChange(command);
  if (change === undefined) return [];
  const { at, venue } = changedMeeting(state.meeting, change);
  const strategy: ComplaintEvent[] = change.strategy === undefined ? [] : [{ type: 'MeetingStrategyPrepared', data: { strategy: change.strategy, meetingAt: at } }];
  // The strategy alone: the meeting stays where and when it is.
  if (change.at === undefined && change.venue === undefined) return strategy;
  // A reassignment under the three changes (三变法) moves the meeting for the same reason.
  const reason = command.type === 'ArrangeMeeting' ? command.data.reason : command.type === 'AssignHandler' && command.data.reason === 'threeChanges' ? 'threeChanges' : undefined;
  const note = command.type === 'ArrangeMeeting' ? command.data.note : undefined;
  // The published MeetingArranged knows no strategy: its `previous` is the time and place before.
  const previous = state.meeting === null ? null : { at: state.meeting.at, venue: state.meeting.venue };
  return [{ type: 'MeetingArranged', data: { at, venue, previous, ...(reason ? { reason } : {}), ...(note ? { note } : {}) } }, ...strategy];
}

/** Who decided a major remedy, for which unit (the guard `configuredApprover` admitted the role). */
function remedyDecision(decision: 'approved' | 'rejected', command: CommandOf<'ApproveRemedy' | 'RejectRemedy'>, config: WorkflowConfig): ComplaintEvent {
  const approver = approverOf(config.approval, command.actor.role);
  if (approver === undefined) throw new RangeError(`eventsFor was called for an approver the guard refuses: ${command.actor.role}`);
  return { type: 'RemedyDecisionAttributed', data: { decision, approverId: command.actor.id, role: approver.role, unit: approver.unit } };
}

export function eventsFor(state: ComplaintState, command: Command, now: string, config: WorkflowConfig = defaultWorkflowConfig): ComplaintEvent[] {
  switch (command.type) {
    case 'ReceiveComplaint': {
      const { acknowledgement, ...rest } = command.data;
      const received: ComplaintEvent = {
        type: 'ComplaintReceived',
        data: { complaintId: command.complaintId ?? '', ...rest, receivedBy: command.actor.id },
      };
      return acknowledgement ? [received, { type: 'AcknowledgementRecorded', data: acknowledgement }] : [received];
    }
    case 'ConfirmComplaint': {
      const { acknowledgement, summary } = command.data;
      const confirmed: ComplaintEvent = { type: 'ComplaintConfirmed', data: { summary } };
      return acknowledgement ? [{ type: 'AcknowledgementRecorded', data: acknowledgement }, confirmed] : [confirmed];
    }
    case 'ClassifyComplaint': {
      const event = classified(state, command, config);
      // A major complaint is reported to senior management the moment it is classified as
      // major, unless it was escalated that far (or further) already.
      const report = event.data.severity === 'major' && state.severity !== 'major' ? majorReportTarget(state, config.escalation) : undefined;
      return report ? [event, escalated(report, { reason: MAJOR_ESCALATION_REASON, automatic: true })] : [event];
    }
    case 'StartInvestigation':
      return [{ type: 'InvestigationStarted', data: command.data }];
    case 'IdentifyCause':
      return [
        {
          type: 'CauseIdentified',
          data: { ...command.data, servqualFactor: command.data.servqualFactor ?? DEFAULT_SERVQUAL_FACTOR_OF_CAUSE[command.data.cause] },
        },
      ];
    case 'ProposeResolution':
      return [{ type: 'ResolutionProposed', data: { ...command.data, requiresApproval: state.severity === 'major', proposedBy: command.actor.id } }];
    case 'ApproveRemedy':
      return [{ type: 'RemedyApproved', data: command.data }, remedyDecision('approved', command, config)];
    case 'RejectRemedy':
      return [{ type: 'RemedyRejected', data: command.data }, remedyDecision('rejected', command, config)];
    case 'StartExecution':
      return [{ type: 'ExecutionStarted', data: command.data }];
    case 'CompleteExecution': {
      const agreedDeadline = state.agreedDeadline ?? now;
      // Before the deadline: at it, the remedy's SLA clock breaches (sla's deadline clocks do), so the two agree.
      // With no deadline agreed there is nothing to be late for.
      const onTime = state.agreedDeadline === null || Date.parse(now) < Date.parse(agreedDeadline);
      return [{ type: 'RemedyExecuted', data: { outcome: command.data.outcome, agreedDeadline, onTime } }];
    }
    case 'RenegotiateDeadline':
      return [
        {
          type: 'DeadlineRenegotiated',
          data: { ...command.data, previousDeadline: state.agreedDeadline ?? command.data.agreedDeadline },
        },
      ];
    case 'RecordFollowUp': {
      const { survey, ...rest } = command.data;
      // Each rating is recorded with its level, so readers need not know the scale.
      const data = { ...rest, ...(survey ? { survey: recordSurvey(survey) } : {}), recordedBy: command.actor.id };
      const recorded: ComplaintEvent = { type: 'FollowUpRecorded', data };
      return command.data.satisfied
        ? [recorded]
        : [recorded, { type: 'ComplaintReopened', data: { cycle: state.cycle + 1, reason: 'customerNotSatisfied' } }];
    }
    case 'RecordPreventiveAction':
      return preventiveEvents(state, command.data.action, command.data.measure, config);
    case 'ArchiveComplaint': {
      const { preventiveAction, preventiveMeasure, ...rest } = command.data;
      const archived: ComplaintEvent = { type: 'ComplaintArchived', data: rest };
      return preventiveAction ? [...preventiveEvents(state, preventiveAction, preventiveMeasure, config), archived] : [archived];
    }
    case 'WithdrawComplaint':
      // The machine withdraws only open complaints: never from `none` or `declined`.
      return [{ type: 'ComplaintWithdrawn', data: { reason: command.data.reason, fromStep: state.step === 'none' || state.step === 'declined' ? 'received' : state.step } }];
    case 'AssignHandler': {
      const { venue: _venue, meetingAt: _at, ...assignment } = command.data;
      return [{ type: 'HandlerAssigned', data: { ...assignment, previousHandlerId: state.handlerId } }, ...meetingArranged(state, command)];
    }
    case 'ArrangeMeeting':
      return meetingArranged(state, command);
    case 'AddNote':
      return [{ type: 'NoteAdded', data: command.data }];
    case 'LogCustomerContact':
      return [{ type: 'CustomerContactLogged', data: command.data }];
    case 'EscalateComplaint':
      // Automatic: raised by the host's automation (a repeat policy), not a person.
      return [escalated(chosen(manualTarget(state, command.data.level, config.escalation)), { reason: command.data.reason, automatic: command.actor.role === 'system' })];
    case 'EscalateOnBreach':
      return [escalated(chosen(breachTarget(state, command.data.breach.id, config.escalation)), { reason: command.data.reason, automatic: true, breach: command.data.breach })];
    case 'WaitOnCustomer':
      return [{ type: 'WaitingOnCustomerStarted', data: command.data }];
    case 'StopWaitingOnCustomer':
      return [{ type: 'WaitingOnCustomerEnded', data: command.data }];
    case 'FlagRepeatComplaint':
      return [{ type: 'RepeatComplaintFlagged', data: command.data }];
    case 'OfferHandOver':
    case 'AcceptHandOver':
    case 'DeclineHandOver':
      return [handOverEvent(state, command)];
    case 'MakePromise':
    case 'KeepPromise':
    case 'ExplainPromiseBreak':
    case 'BreakPromise':
      return [promiseEvent(state, command, now)];
    case 'AttributeResponsibility':
      return [{ type: 'ResponsibilityAttributed', data: { ...command.data, previous: state.responsible, attributedBy: command.actor.id } }];
    case 'DeclineComplaint': {
      // The guard found the criterion: the same lookup.
      const criterion = config.intake.criteria.find((c) => c.id === command.data.criterion);
      if (criterion === undefined) throw new RangeError(`eventsFor was called for a criterion the guard refuses: ${command.data.criterion}`);
      return [{ type: 'ComplaintDeclined', data: { ...command.data, criterionDescription: criterion.description, criteria: config.intake.name, declinedBy: command.actor.id } }];
    }
    case 'OfferResolutionOptions':
      return [{ type: 'ResolutionOptionsOffered', data: command.data }];
    case 'RecordCustomerChoice': {
      const remedy = optionRemedy(state.offer, command.data.optionId);
      if (remedy === undefined) throw new RangeError(`eventsFor was called for an option the guard refuses: ${command.data.optionId}`);
      return [{ type: 'CustomerChoiceRecorded', data: { ...command.data, remedy } }];
    }
    case 'RecordWrittenNotice': {
      if (state.remedy === null) throw new RangeError('eventsFor was called for a written notice the guard refuses: no remedy');
      return [{ type: 'WrittenNoticeSigned', data: { ...command.data, remedy: state.remedy } }];
    }
    case 'RouteComplaint': {
      // The guard found the group: the same lookup.
      const group = groupFor(config.routing, command.data.problemType);
      if (group === undefined) throw new RangeError(`eventsFor was called for a problem type the guard refuses: ${command.data.problemType}`);
      return [
        {
          type: 'ComplaintRouted',
          data: { ...command.data, group: group.id, previousGroup: state.routedTo, ...(group.people ? { people: [...group.people] } : {}), routing: config.routing.name },
        },
      ];
    }
    case 'SendProgressNotice':
    case 'SendResultFeedback':
      return [customerUpdateEvent(command)];
  }
}
