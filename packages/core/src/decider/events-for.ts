/**
 * The events an accepted command becomes. Only called once the machine has
 * accepted the command, so it states facts and never validates.
 */
import { recordSurvey } from '../commands/payloads.js';
import type { Command } from '../commands/schema.js';
import { DEFAULT_SERVQUAL_FACTOR_OF_CAUSE } from '../domain/vocabulary.js';
import type { ComplaintEvent } from '../events/schema.js';
import type { ComplaintState } from './state.js';

const MAJOR_ESCALATION_REASON = 'major complaints are reported to senior management (重大投诉须上报高层)';

export function eventsFor(state: ComplaintState, command: Command, now: string): ComplaintEvent[] {
  switch (command.type) {
    case 'ReceiveComplaint': {
      const { acknowledgement, ...rest } = command.data;
      const received: ComplaintEvent = {
        type: 'ComplaintReceived',
        data: { complaintId: command.complaintId ?? '', ...rest },
      };
      return acknowledgement ? [received, { type: 'AcknowledgementRecorded', data: acknowledgement }] : [received];
    }
    case 'ConfirmComplaint': {
      const { acknowledgement, summary } = command.data;
      const confirmed: ComplaintEvent = { type: 'ComplaintConfirmed', data: { summary } };
      return acknowledgement ? [{ type: 'AcknowledgementRecorded', data: acknowledgement }, confirmed] : [confirmed];
    }
    case 'ClassifyComplaint': {
      const classified: ComplaintEvent = {
        type: 'ComplaintClassified',
        data: { ...command.data, previousSeverity: state.severity },
      };
      // A major complaint is escalated to senior management the moment it is classified as major.
      return command.data.severity === 'major'
        ? [classified, { type: 'ComplaintEscalated', data: { level: 'seniorManagement', reason: MAJOR_ESCALATION_REASON, automatic: true } }]
        : [classified];
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
      return [{ type: 'ResolutionProposed', data: { ...command.data, requiresApproval: state.severity === 'major' } }];
    case 'ApproveRemedy':
      return [{ type: 'RemedyApproved', data: command.data }];
    case 'RejectRemedy':
      return [{ type: 'RemedyRejected', data: command.data }];
    case 'StartExecution':
      return [{ type: 'ExecutionStarted', data: command.data }];
    case 'CompleteExecution': {
      const agreedDeadline = state.agreedDeadline ?? now;
      return [
        {
          type: 'RemedyExecuted',
          data: { outcome: command.data.outcome, agreedDeadline, onTime: Date.parse(now) <= Date.parse(agreedDeadline) },
        },
      ];
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
      const recorded: ComplaintEvent = { type: 'FollowUpRecorded', data: survey ? { ...rest, survey: recordSurvey(survey) } : rest };
      return command.data.satisfied
        ? [recorded]
        : [recorded, { type: 'ComplaintReopened', data: { cycle: state.cycle + 1, reason: 'customerNotSatisfied' } }];
    }
    case 'RecordPreventiveAction':
      return [{ type: 'PreventiveActionRecorded', data: command.data }];
    case 'ArchiveComplaint': {
      const { preventiveAction, ...rest } = command.data;
      const archived: ComplaintEvent = { type: 'ComplaintArchived', data: rest };
      return preventiveAction ? [{ type: 'PreventiveActionRecorded', data: { action: preventiveAction } }, archived] : [archived];
    }
    case 'WithdrawComplaint':
      return [{ type: 'ComplaintWithdrawn', data: { reason: command.data.reason, fromStep: state.step === 'none' ? 'received' : state.step } }];
    case 'AssignHandler':
      return [{ type: 'HandlerAssigned', data: { ...command.data, previousHandlerId: state.handlerId } }];
    case 'AddNote':
      return [{ type: 'NoteAdded', data: command.data }];
    case 'LogCustomerContact':
      return [{ type: 'CustomerContactLogged', data: command.data }];
    case 'EscalateComplaint':
      // Automatic: raised by the host's automation (an SLA breach, a repeat policy), not a person.
      return [{ type: 'ComplaintEscalated', data: { ...command.data, automatic: command.actor.role === 'system' } }];
    case 'WaitOnCustomer':
      return [{ type: 'WaitingOnCustomerStarted', data: command.data }];
    case 'StopWaitingOnCustomer':
      return [{ type: 'WaitingOnCustomerEnded', data: command.data }];
    case 'FlagRepeatComplaint':
      return [{ type: 'RepeatComplaintFlagged', data: command.data }];
  }
}
