/**
 * The baselines: what the same work costs written by hand, with nothing of the
 * engine. They are measured in the same run as the subjects, and `verify*`
 * checks that they really do the same work (the same events, the same steps).
 */
import { isDeepStrictEqual } from 'node:util';
import { DEFAULT_SERVQUAL_FACTOR_OF_CAUSE, recordSurvey, type CommandInput, type ComplaintEvent, type IdGenerator, type ManualClock, type RecordedEvent, type ResponsibleParty } from '@redress/core';
import { CLOCK_STEP_MS } from './fixtures.js';

/** The per-stream state a hand-written handler keeps: a plain object, updated in place. */
interface PlainState {
  step: string;
  severity: 'general' | 'major' | null;
  cycle: number;
  agreedDeadline: string | null;
  handlerId: string | null;
  responsible: ResponsibleParty | null;
  version: number;
}

export interface HandwrittenLog {
  readonly log: RecordedEvent<ComplaintEvent>[];
  readonly streams: Map<string, RecordedEvent<ComplaintEvent>[]>;
  readonly states: Map<string, PlainState>;
}

const MAJOR_ESCALATION_REASON = 'major complaints are reported to senior management (重大投诉须上报高层)';

/** The domain events of one command, updating `s` as it goes: a hand-written switch, no validation, no guards. */
function eventsOf(s: PlainState, c: CommandInput, now: string): ComplaintEvent[] {
  switch (c.type) {
    case 'ReceiveComplaint': {
      const { acknowledgement, ...rest } = c.data;
      s.step = 'received';
      s.cycle = 1;
      const received: ComplaintEvent = { type: 'ComplaintReceived', data: { complaintId: c.complaintId ?? '', ...rest, receivedBy: c.actor.id } };
      return acknowledgement ? [received, { type: 'AcknowledgementRecorded', data: acknowledgement }] : [received];
    }
    case 'ConfirmComplaint': {
      s.step = 'confirmed';
      const { acknowledgement, summary } = c.data;
      const confirmed: ComplaintEvent = { type: 'ComplaintConfirmed', data: { summary } };
      return acknowledgement ? [{ type: 'AcknowledgementRecorded', data: acknowledgement }, confirmed] : [confirmed];
    }
    case 'ClassifyComplaint': {
      // The fixtures classify plainly: the default matrix gives general P3, major P2.
      const previousSeverity = s.severity;
      const severity = c.data.severity ?? 'general';
      s.severity = severity;
      if (s.step === 'confirmed') s.step = 'classified';
      const { severity: _given, ...inputs } = c.data;
      const priority = severity === 'major' ? 'P2' : 'P3';
      const classified: ComplaintEvent = { type: 'ComplaintClassified', data: { severity, previousSeverity, priority, ...inputs, matrix: 'default' } };
      return severity === 'major' && previousSeverity !== 'major'
        ? [classified, { type: 'ComplaintEscalated', data: { level: 'seniorManagement', reason: MAJOR_ESCALATION_REASON, automatic: true, rank: 2, ladder: 'default' } }]
        : [classified];
    }
    case 'StartInvestigation':
      s.step = 'investigating';
      return [{ type: 'InvestigationStarted', data: c.data ?? {} }];
    case 'IdentifyCause':
      return [{ type: 'CauseIdentified', data: { ...c.data, servqualFactor: c.data.servqualFactor ?? DEFAULT_SERVQUAL_FACTOR_OF_CAUSE[c.data.cause] } }];
    case 'AttributeResponsibility': {
      // The one it replaces is named (null at the first); it holds across cycles, as in the engine.
      const previous = s.responsible;
      s.responsible = c.data.party;
      return [{ type: 'ResponsibilityAttributed', data: { party: c.data.party, previous, reason: c.data.reason, attributedBy: c.actor.id } }];
    }
    case 'ProposeResolution':
      s.step = 'resolutionProposed';
      s.agreedDeadline = c.data.agreedDeadline;
      return [{ type: 'ResolutionProposed', data: { ...c.data, requiresApproval: s.severity === 'major', proposedBy: c.actor.id } }];
    case 'ApproveRemedy':
      s.step = 'remedyApproved';
      // The default approval: senior management, for the company.
      return [{ type: 'RemedyApproved', data: c.data ?? {} }, { type: 'RemedyDecisionAttributed', data: { decision: 'approved', approverId: c.actor.id, role: c.actor.role, unit: 'Company' } }];
    case 'RejectRemedy':
      s.step = 'investigating';
      s.agreedDeadline = null;
      return [{ type: 'RemedyRejected', data: c.data }, { type: 'RemedyDecisionAttributed', data: { decision: 'rejected', approverId: c.actor.id, role: c.actor.role, unit: 'Company' } }];
    case 'StartExecution':
      s.step = 'executing';
      return [{ type: 'ExecutionStarted', data: c.data ?? {} }];
    case 'CompleteExecution': {
      s.step = 'followingUp';
      const agreedDeadline = s.agreedDeadline ?? now;
      return [{ type: 'RemedyExecuted', data: { outcome: c.data.outcome, agreedDeadline, onTime: s.agreedDeadline === null || Date.parse(now) < Date.parse(agreedDeadline) } }];
    }
    case 'RenegotiateDeadline': {
      const previousDeadline = s.agreedDeadline ?? c.data.agreedDeadline;
      s.agreedDeadline = c.data.agreedDeadline;
      return [{ type: 'DeadlineRenegotiated', data: { ...c.data, previousDeadline } }];
    }
    case 'RecordFollowUp': {
      const { survey, ...rest } = c.data;
      const recorded: ComplaintEvent = { type: 'FollowUpRecorded', data: { ...rest, ...(survey ? { survey: recordSurvey(survey) } : {}), recordedBy: c.actor.id } };
      if (c.data.satisfied) return [recorded];
      s.step = 'investigating';
      s.cycle += 1;
      s.agreedDeadline = null;
      return [recorded, { type: 'ComplaintReopened', data: { cycle: s.cycle, reason: 'customerNotSatisfied' } }];
    }
    case 'RecordPreventiveAction':
      // The benchmark's paths name no catalogue measure (PreventiveMeasureChosen is not modelled here).
      if (c.data.measure !== undefined) throw new RangeError('the hand-written baseline does not model catalogue measures');
      return [{ type: 'PreventiveActionRecorded', data: { action: c.data.action } }];
    case 'ArchiveComplaint': {
      s.step = 'archived';
      const { preventiveAction, preventiveMeasure, ...rest } = c.data ?? {};
      if (preventiveMeasure !== undefined) throw new RangeError('the hand-written baseline does not model catalogue measures');
      const archived: ComplaintEvent = { type: 'ComplaintArchived', data: rest };
      return preventiveAction ? [{ type: 'PreventiveActionRecorded', data: { action: preventiveAction } }, archived] : [archived];
    }
    case 'WithdrawComplaint': {
      const fromStep = s.step === 'none' ? 'received' : (s.step as 'received');
      s.step = 'withdrawn';
      return [{ type: 'ComplaintWithdrawn', data: { reason: c.data.reason, fromStep } }];
    }
    case 'AssignHandler': {
      const previousHandlerId = s.handlerId;
      s.handlerId = c.data.handlerId;
      // The fixtures reassign without moving the meeting (that would be a MeetingArranged too).
      const { venue: _venue, meetingAt: _at, ...assignment } = c.data;
      return [{ type: 'HandlerAssigned', data: { ...assignment, previousHandlerId } }];
    }
    case 'AddNote':
      return [{ type: 'NoteAdded', data: { text: c.data.text, visibility: c.data.visibility ?? 'internal' } }];
    case 'LogCustomerContact':
      return [{ type: 'CustomerContactLogged', data: c.data }];
    case 'EscalateComplaint':
      return [{ type: 'ComplaintEscalated', data: { ...c.data, automatic: false } }];
    case 'EscalateOnBreach':
    case 'ArrangeMeeting':
      // Not in the fixtures' lifecycles.
      throw new RangeError(`the baseline does not handle ${c.type}`);
    case 'WaitOnCustomer':
      return [{ type: 'WaitingOnCustomerStarted', data: c.data }];
    case 'StopWaitingOnCustomer':
      return [{ type: 'WaitingOnCustomerEnded', data: c.data ?? {} }];
    case 'FlagRepeatComplaint':
      return [{ type: 'RepeatComplaintFlagged', data: c.data }];
    case 'OfferHandOver':
    case 'AcceptHandOver':
    case 'DeclineHandOver':
    case 'MakePromise':
    case 'KeepPromise':
    case 'ExplainPromiseBreak':
    case 'BreakPromise':
    case 'RouteComplaint':
    case 'DeclineComplaint':
    case 'OfferResolutionOptions':
    case 'RecordCustomerChoice':
    case 'RecordWrittenNotice':
    case 'SendProgressNotice':
    case 'SendResultFeedback':
      // The benchmark's paths hand nothing over, promise nothing and send no notices; a baseline that pretended to would measure nothing real.
      throw new RangeError(`the hand-written baseline does not model ${c.type}`);
  }
}

/**
 * The execute() baseline: for each command, the same clock move, the same ids
 * (command id, then one per event) and timestamp string, the same event objects
 * with the same envelope, appended to a log array and a per-stream array, and a
 * plain state object per stream in a Map.
 */
export function executeByHand(commands: readonly CommandInput[], clock: ManualClock, ids: IdGenerator): HandwrittenLog {
  const log: RecordedEvent<ComplaintEvent>[] = [];
  const streams = new Map<string, RecordedEvent<ComplaintEvent>[]>();
  const states = new Map<string, PlainState>();
  for (const c of commands) {
    clock.advance(CLOCK_STEP_MS);
    const complaintId = c.complaintId ?? ids();
    const commandId = c.commandId ?? ids();
    const correlationId = c.correlationId ?? commandId;
    const now = clock.now().toISOString();
    let state = states.get(complaintId);
    let stream = streams.get(complaintId);
    if (state === undefined || stream === undefined) {
      state = { step: 'none', severity: null, cycle: 0, agreedDeadline: null, handlerId: null, responsible: null, version: 0 };
      stream = [];
      states.set(complaintId, state);
      streams.set(complaintId, stream);
    }
    for (const e of eventsOf(state, c, now)) {
      // Field by field, one object per event: a spread here would cost the baseline
      // three times what the envelope costs by hand, and flatter the engine.
      const recorded = {
        type: e.type,
        data: e.data,
        eventId: ids(),
        occurredAt: now,
        actor: c.actor,
        causationId: commandId,
        correlationId,
        schemaVersion: 1,
        streamId: complaintId,
        streamVersion: ++state.version,
        globalPosition: log.length + 1,
      } as RecordedEvent<ComplaintEvent>;
      log.push(recorded);
      stream.push(recorded);
    }
  }
  return { log, streams, states };
}

/** The rebuild baseline: a switch on the event type setting a step string per stream in a Map. */
export function rebuildStepsByHand(events: readonly RecordedEvent<ComplaintEvent>[]): Map<string, string> {
  const steps = new Map<string, string>();
  for (const e of events) {
    switch (e.type) {
      case 'ComplaintReceived':
        steps.set(e.streamId, 'received');
        break;
      case 'ComplaintConfirmed':
        steps.set(e.streamId, 'confirmed');
        break;
      case 'ComplaintClassified':
        if (steps.get(e.streamId) === 'confirmed') steps.set(e.streamId, 'classified');
        break;
      case 'InvestigationStarted':
      case 'RemedyRejected':
      case 'ComplaintReopened':
        steps.set(e.streamId, 'investigating');
        break;
      case 'ResolutionProposed':
        steps.set(e.streamId, 'resolutionProposed');
        break;
      case 'RemedyApproved':
        steps.set(e.streamId, 'remedyApproved');
        break;
      case 'ExecutionStarted':
        steps.set(e.streamId, 'executing');
        break;
      case 'RemedyExecuted':
        steps.set(e.streamId, 'followingUp');
        break;
      case 'ComplaintArchived':
        steps.set(e.streamId, 'archived');
        break;
      case 'ComplaintWithdrawn':
        steps.set(e.streamId, 'withdrawn');
        break;
      default:
        break;
    }
  }
  return steps;
}

/** The envelope fields that must agree between the engine's log and the baseline's (ids aside: both are random). */
const same = (a: RecordedEvent<ComplaintEvent>, b: RecordedEvent<ComplaintEvent>) =>
  a.type === b.type &&
  a.streamId === b.streamId &&
  a.streamVersion === b.streamVersion &&
  a.globalPosition === b.globalPosition &&
  a.occurredAt === b.occurredAt &&
  a.schemaVersion === b.schemaVersion &&
  (a.correlationId === a.causationId) === (b.correlationId === b.causationId) &&
  isDeepStrictEqual(a.actor, b.actor) &&
  isDeepStrictEqual(a.data, b.data);

/** Throws unless the baseline wrote the same events as the engine: the two do the same work. */
export function verifySameLog(engineLog: readonly RecordedEvent<ComplaintEvent>[], byHand: readonly RecordedEvent<ComplaintEvent>[]): void {
  if (engineLog.length !== byHand.length) {
    throw new Error(`baseline mismatch: the engine wrote ${engineLog.length} events, the hand-written baseline ${byHand.length}`);
  }
  for (let i = 0; i < engineLog.length; i++) {
    const a = engineLog[i] as RecordedEvent<ComplaintEvent>;
    const b = byHand[i] as RecordedEvent<ComplaintEvent>;
    if (!same(a, b)) {
      throw new Error(`baseline mismatch at global position ${i + 1}:\n engine: ${JSON.stringify(a)}\n by hand: ${JSON.stringify(b)}`);
    }
  }
}
