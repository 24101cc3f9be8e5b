/**
 * The reference model: the workflow as the domain brief states it, written
 * independently of the machine (a table of where each command may be issued and
 * where it leads), plus what it predicts about the engine. It is deliberately
 * coarser than the machine: it knows the steps, not the guards, so it predicts
 * "must be refused" for a command out of place and "leads to step X" for an
 * accepted one, and leaves guards to the invariants. One guard it keeps, because the
 * domain states it about the ticket, not a payload: a proposal waits for the
 * responsible party (分清责任), recorded in this cycle or an earlier one, unless the
 * host opted out (`modelRefusal`).
 *
 * Typed as a `Record<CommandType, …>`: a new command does not compile until the
 * model says where it belongs.
 */
import {
  defaultClassificationMatrix,
  defaultResponsibility,
  type ClassificationMatrix,
  type Command,
  type CommandType,
  type ComplaintStep,
  type OpenStep,
  type ResponsibilityConfig,
  type Severity,
} from '@redress/core';

/**
 * The reference model's idea of one complaint: only its step, severity and cycle, so it predicts "refused" or "leads
 * to step X" without repeating the machine's guards.
 */
export interface ModelTicket {
  /** The complaint's id, as the run generated it. */
  readonly complaintId: string;
  /** The step the engine must report after the accepted commands so far (`none` before receipt). */
  readonly step: ComplaintStep;
  /**
   * The severity the domain's rules give the latest classification (safety and repeats major, else the matrix cell);
   * null before any.
   */
  readonly severity: Severity | null;
  /** 1 from receipt, one more for each reopening after an unsatisfied follow-up: the engine's state must agree. */
  readonly cycle: number;
  /** Whether a responsible party was recorded, in any cycle (a reopen keeps it): by default a proposal waits for it. */
  readonly attributed: boolean;
}

interface Move {
  /** Where the command may be issued: before the complaint exists, in any open step, or in these steps. */
  readonly from: 'none' | 'open' | readonly OpenStep[];
  /** Where it leads, when accepted (default: it stays), with the host's severity matrix at hand. */
  readonly to?: (ticket: ModelTicket, command: Command, matrix: ClassificationMatrix) => Partial<ModelTicket>;
}

/**
 * The severity the domain's rules give a classification, read off the matrix's table:
 * a safety issue is major, so is a repeat from the matrix's threshold (when it says so);
 * otherwise the matrix cell of impact × urgency, or the severity given.
 */
function modelSeverity(command: Command, matrix: ClassificationMatrix, current: Severity | null): Severity | null {
  if (command.type !== 'ClassifyComplaint') return current;
  const d = command.data;
  if (d.safety === true) return 'major';
  if (d.repeatCount !== undefined && d.repeatCount >= matrix.repeat.from && matrix.repeat.severity === 'major') return 'major';
  return d.impact !== undefined && d.urgency !== undefined ? matrix.cells[d.impact][d.urgency].severity : (d.severity ?? current);
}

const WORKING: readonly OpenStep[] = ['investigating', 'resolutionProposed', 'remedyApproved', 'executing', 'followingUp'];
const DEADLINE_SET: readonly OpenStep[] = ['resolutionProposed', 'remedyApproved', 'executing'];

/**
 * The reference model's table, one entry per command type: where it may be issued (`none`, any open step, or listed
 * steps) and what it changes when accepted. Written apart from the machine, so a mistake in one shows as a
 * disagreement.
 */
export const MODEL_MOVES: Readonly<Record<CommandType, Move>> = {
  ReceiveComplaint: { from: 'none', to: () => ({ step: 'received', cycle: 1 }) },
  ConfirmComplaint: { from: ['received'], to: () => ({ step: 'confirmed' }) },
  ClassifyComplaint: {
    from: ['confirmed', 'classified', 'investigating', 'resolutionProposed'],
    to: (t, c, matrix) => ({ step: t.step === 'confirmed' ? 'classified' : t.step, severity: modelSeverity(c, matrix, t.severity) }),
  },
  StartInvestigation: { from: ['classified'], to: () => ({ step: 'investigating' }) },
  IdentifyCause: { from: ['investigating'] },
  ProposeResolution: { from: ['investigating', 'resolutionProposed'], to: () => ({ step: 'resolutionProposed' }) },
  ApproveRemedy: { from: ['resolutionProposed'], to: () => ({ step: 'remedyApproved' }) },
  RejectRemedy: { from: ['resolutionProposed'], to: () => ({ step: 'investigating' }) },
  StartExecution: { from: ['resolutionProposed', 'remedyApproved'], to: () => ({ step: 'executing' }) },
  CompleteExecution: { from: ['executing'], to: () => ({ step: 'followingUp' }) },
  RenegotiateDeadline: { from: DEADLINE_SET },
  RecordFollowUp: {
    from: ['followingUp'],
    // Not satisfied: the complaint is not done, it goes back to investigation in a new cycle.
    to: (t, c) => (c.type === 'RecordFollowUp' && !c.data.satisfied ? { step: 'investigating', cycle: t.cycle + 1 } : {}),
  },
  RecordPreventiveAction: { from: WORKING },
  ArchiveComplaint: { from: ['followingUp'], to: () => ({ step: 'archived' }) },
  WithdrawComplaint: { from: 'open', to: () => ({ step: 'withdrawn' }) },
  AssignHandler: { from: 'open' },
  AddNote: { from: 'open' },
  LogCustomerContact: { from: 'open' },
  EscalateComplaint: { from: 'open' },
  EscalateOnBreach: { from: 'open' },
  ArrangeMeeting: { from: 'open' },
  WaitOnCustomer: { from: 'open' },
  StopWaitingOnCustomer: { from: 'open' },
  FlagRepeatComplaint: { from: 'open' },
  OfferHandOver: { from: 'open' },
  AcceptHandOver: { from: 'open' },
  DeclineHandOver: { from: 'open' },
  MakePromise: { from: 'open' },
  KeepPromise: { from: 'open' },
  ExplainPromiseBreak: { from: 'open' },
  BreakPromise: { from: 'open' },
  RouteComplaint: { from: 'open' },
  // Issue 16: who is responsible (while worked), a decline at intake (terminal), options and choice (while the remedy is decided), the signed notice (once a remedy is on the table).
  AttributeResponsibility: { from: WORKING, to: () => ({ attributed: true }) },
  DeclineComplaint: { from: ['received'], to: () => ({ step: 'declined' }) },
  OfferResolutionOptions: { from: ['investigating', 'resolutionProposed'] },
  RecordCustomerChoice: { from: ['investigating', 'resolutionProposed'] },
  RecordWrittenNotice: { from: ['resolutionProposed', 'remedyApproved', 'executing', 'followingUp'] },
  SendProgressNotice: { from: 'open' },
  // The result is fed back once the remedy was carried out.
  SendResultFeedback: { from: ['followingUp'] },
};

const isOpen = (step: ComplaintStep) => step !== 'none' && step !== 'archived' && step !== 'withdrawn' && step !== 'declined';

/** Whether the model lets `type` be issued in `step` at all (guards aside). */
export function modelOffers(step: ComplaintStep, type: CommandType): boolean {
  const { from } = MODEL_MOVES[type];
  if (from === 'none') return step === 'none';
  if (from === 'open') return isOpen(step);
  return (from as readonly ComplaintStep[]).includes(step);
}

/** The ticket after an accepted command, as the model predicts it (with the host's severity matrix, default the default one). */
export function modelAfter(ticket: ModelTicket, command: Command, matrix: ClassificationMatrix = defaultClassificationMatrix): ModelTicket {
  return { ...ticket, ...MODEL_MOVES[command.type].to?.(ticket, command, matrix) };
}

/**
 * Why the model refuses a command it offers in the ticket's step, whatever the payload, or null: a proposal before the
 * responsible party was recorded, unless the host opted out (`responsibility`, default `defaultResponsibility`).
 */
export function modelRefusal(ticket: ModelTicket, type: CommandType, responsibility: ResponsibilityConfig = defaultResponsibility): string | null {
  return type === 'ProposeResolution' && responsibility.requiredBeforeProposal && !ticket.attributed
    ? 'the responsible party is recorded before a resolution is proposed (AttributeResponsibility)'
    : null;
}

export const newModelTicket = (complaintId: string): ModelTicket => ({ complaintId, step: 'none', severity: null, cycle: 0, attributed: false });
