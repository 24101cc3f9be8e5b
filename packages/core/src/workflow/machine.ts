/**
 * The complaint workflow: the one definition of the steps and the legal moves.
 *
 * Machine events are commands (`{ type, command, now }`); guards are the named
 * rules of `rules.ts`; the single action records the command's events into the
 * context through the same `evolve` the decider uses. So the machine runs on its
 * own (as an actor, in `xstate/graph`, in the Stately inspector), and the decider
 * uses it only to ask `can()`: the cheap question.
 *
 * Guards and the action read the host's configuration (severity matrix, escalation
 * ladders). `complaintMachine` runs with the defaults; `workflowMachine(config)` is the
 * same machine with implementations bound to another configuration (`machine.provide`),
 * so the structure, and every diagram of it, stays one.
 */
import { assign, setup } from 'xstate';
import type { CommandOf, CommandType } from '../commands/schema.js';
import { evolveAll } from '../decider/evolve.js';
import { eventsFor } from '../decider/events-for.js';
import { initialComplaintState, type ComplaintState } from '../decider/state.js';
import { defaultWorkflowConfig, type WorkflowConfig } from './config.js';
import { GUARDS, passes, type GuardName } from './rules.js';

/** A command as the machine sees it, with the instant it is decided at. */
export type WorkflowEvent = { [T in CommandType]: { type: T; command: CommandOf<T>; now: string } }[CommandType];

type GuardArgs = { context: ComplaintState; event: WorkflowEvent };
type Guards = { [K in GuardName]: (args: GuardArgs) => boolean };

function guardsFor(config: WorkflowConfig): Guards {
  const guard =
    (name: GuardName) =>
    ({ context, event }: GuardArgs): boolean =>
      passes(name, { state: context, command: event.command, now: event.now, config });
  return Object.fromEntries(Object.keys(GUARDS).map((name) => [name, guard(name as GuardName)])) as Guards;
}

const recordFor = (config: WorkflowConfig) =>
  assign<ComplaintState, WorkflowEvent, undefined, WorkflowEvent, never>(({ context, event }) =>
    evolveAll(context, eventsFor(context, event.command, event.now, config)),
  );

const record = { actions: 'record' } as const;
/** Allowed in every step from investigation on: behaviour 8, preventing recurrence. */
const preventive = { RecordPreventiveAction: { guard: 'measure', ...record } } as const;
/** The agreed deadline can move once a remedy is on the table. */
const renegotiate = { RenegotiateDeadline: { guard: 'deadlineInFuture', actions: 'record' } } as const;
/** A complaint may be reclassified until its remedy is approved; upgrading to major escalates it, downgrading needs senior management. */
const reclassify = { ClassifyComplaint: { guard: 'reclassification', actions: 'record' } } as const;
/** 分清责任: the responsible party is recorded while the complaint is worked, before (and after) its proposal. */
const attribute = { AttributeResponsibility: record } as const;
/** More than one way: options are offered, and the customer's choice recorded, while the remedy is being decided. */
const options = { OfferResolutionOptions: record, RecordCustomerChoice: { guard: 'optionOffered', actions: 'record' } } as const;
/** The customer signs for the written notice of the remedy on the table (and the one carried out). */
const notice = { RecordWrittenNotice: { guard: 'noticeOfRemedy', actions: 'record' } } as const;

/**
 * The eight-step complaint workflow as an XState v5 machine: which command each step accepts and, by named
 * guards, under what conditions. The decider asks it; the diagram in docs/workflow.md is drawn from it.
 */
export const complaintMachine = setup({
  types: {
    context: {} as ComplaintState,
    events: {} as WorkflowEvent,
  },
  guards: guardsFor(defaultWorkflowConfig),
  actions: {
    record: recordFor(defaultWorkflowConfig),
  },
}).createMachine({
  id: 'complaint',
  context: initialComplaintState,
  initial: 'none',
  states: {
    none: {
      on: { ReceiveComplaint: { target: 'open', ...record } },
    },
    open: {
      initial: 'received',
      on: {
        WithdrawComplaint: { target: 'withdrawn', ...record },
        AssignHandler: { guard: 'newHandler', ...record },
        ArrangeMeeting: { guard: 'meetingArrangeable', ...record },
        AddNote: record,
        LogCustomerContact: record,
        EscalateComplaint: { guard: 'escalationClimbs', ...record },
        EscalateOnBreach: { guard: 'breachEscalatesOnce', ...record },
        WaitOnCustomer: { guard: 'notWaiting', ...record },
        StopWaitingOnCustomer: { guard: 'waiting', ...record },
        FlagRepeatComplaint: record,
        // First-contact responsibility: the accountable person changes only when the one offered the complaint accepts it.
        OfferHandOver: { guard: 'newOwner', ...record },
        AcceptHandOver: { guard: 'handOverAnswer', ...record },
        DeclineHandOver: { guard: 'handOverAnswer', ...record },
        // Promises to the customer: broken only once the customer was told why.
        MakePromise: { guard: 'newPromise', ...record },
        KeepPromise: { guard: 'promiseOpen', ...record },
        ExplainPromiseBreak: { guard: 'promiseOpen', ...record },
        BreakPromise: { guard: 'promiseBreakable', ...record },
        // Routing by problem type, apart from escalation (which climbs the ladder).
        RouteComplaint: { guard: 'routable', ...record },
        // Keeping the customer informed: a progress notice at any open step (the result's feedback once carried out, below).
        SendProgressNotice: record,
      },
      states: {
        received: {
          on: {
            ConfirmComplaint: { target: 'confirmed', guard: 'acknowledged', ...record },
            // Intake acceptance (确定受理投诉标准): refused at intake, recorded with its reason, never dropped.
            DeclineComplaint: { target: '#complaint.declined', guard: 'declinable', ...record },
          },
        },
        confirmed: {
          on: { ClassifyComplaint: { target: 'classified', ...record } },
        },
        classified: {
          on: { ...reclassify, StartInvestigation: { target: 'investigating', ...record } },
        },
        investigating: {
          on: {
            ...reclassify,
            ...preventive,
            ...attribute,
            ...options,
            IdentifyCause: record,
            ProposeResolution: { target: 'resolutionProposed', guard: 'readyToPropose', ...record },
          },
        },
        resolutionProposed: {
          on: {
            ...reclassify,
            ...preventive,
            ...renegotiate,
            ...attribute,
            ...options,
            ...notice,
            ProposeResolution: { guard: 'readyToPropose', ...record },
            ApproveRemedy: { target: 'remedyApproved', guard: 'awaitsApproval', ...record },
            RejectRemedy: { target: 'investigating', guard: 'awaitsApproval', ...record },
            StartExecution: { target: 'executing', guard: 'noApprovalOwed', ...record },
          },
        },
        remedyApproved: {
          on: { ...preventive, ...renegotiate, ...attribute, ...notice, StartExecution: { target: 'executing', ...record } },
        },
        executing: {
          on: { ...preventive, ...renegotiate, ...attribute, ...notice, CompleteExecution: { target: 'followingUp', ...record } },
        },
        followingUp: {
          on: {
            ...preventive,
            ...attribute,
            ...notice,
            SendResultFeedback: record,
            RecordFollowUp: [{ target: 'investigating', guard: 'notSatisfied', ...record }, record],
            ArchiveComplaint: { target: '#complaint.archived', guard: 'readyToArchive', ...record },
          },
        },
      },
    },
    archived: { type: 'final' },
    withdrawn: { type: 'final' },
    declined: { type: 'final' },
  },
});

/** The type of `complaintMachine`, and of any copy of it with a host's configuration provided. */
export type ComplaintMachine = typeof complaintMachine;

const configured = new WeakMap<WorkflowConfig, ComplaintMachine>();

/** The workflow machine with its guards and action bound to `config` (the same structure, cached per configuration). */
export function workflowMachine(config: WorkflowConfig): ComplaintMachine {
  if (config === defaultWorkflowConfig) return complaintMachine;
  let machine = configured.get(config);
  if (machine === undefined) {
    machine = complaintMachine.provide({ guards: guardsFor(config), actions: { record: recordFor(config) } }) as ComplaintMachine;
    configured.set(config, machine);
  }
  return machine;
}
