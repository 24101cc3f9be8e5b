/**
 * The peer comparison: one short walk of nine commands per complaint (receive,
 * confirm, classify, investigate, identify the cause, attribute responsibility,
 * propose, execute, complete),
 * run three ways on the same commands:
 *
 * - Redress: `engine.execute()` on a fresh in-memory engine;
 * - Emmett 0.42: `DeciderCommandHandler` with its in-memory event store, deciding
 *   with the small hand-written decider below;
 * - by hand: the same decider's `decide` + `evolve`, appended to a log array and a
 *   per-stream version in a Map: the least any event-sourced handler can do.
 *
 * The three write the same event types and data (checked before timing); only Redress
 * validates the input, checks permissions and guards against the whole workflow.
 */
import { DeciderCommandHandler, getInMemoryEventStore, type InMemoryEventStore } from '@event-driven-io/emmett';
import type { CommandInput, ComplaintEvent, ManualClock, ResponsibleParty } from '@redress/core';
import { CLOCK_STEP_MS, FAR_DEADLINE, fullAcknowledgement, handlers, technicians, frontDesk } from './fixtures.js';

/** How many complaints are walked side by side: commands of different complaints interleave. */
const WAVE = 200;

/** The nine commands of each of `complaints` complaints, in waves of 200 moving one step at a time. */
export function walkCommands(complaints: number, prefix = 'W'): CommandInput[] {
  const commands: CommandInput[] = [];
  for (let start = 0; start < complaints; start += WAVE) {
    const ids = Array.from({ length: Math.min(WAVE, complaints - start) }, (_, i) => `${prefix}-${String(start + i + 1).padStart(6, '0')}`);
    const steps: ((complaintId: string, n: number) => CommandInput)[] = [
      (complaintId, n) => ({
        type: 'ReceiveComplaint',
        complaintId,
        actor: frontDesk,
        data: {
          customer: { reference: `cust-${n}`, name: 'Li Wei', phone: '+86 138 0013 8000' },
          channel: 'phone',
          description: 'The air conditioning stopped working two days after the repair.',
          demand: 'Fix it properly at no cost.',
          acknowledgement: fullAcknowledgement,
        },
      }),
      (complaintId, n) => ({ type: 'ConfirmComplaint', complaintId, actor: handlerOf(n), data: { summary: 'Read back to the customer, who confirmed it.' } }),
      (complaintId, n) => ({ type: 'ClassifyComplaint', complaintId, actor: handlerOf(n), data: { severity: 'general' } }),
      (complaintId, n) => ({ type: 'StartInvestigation', complaintId, actor: technicianOf(n), data: { plan: 'Inspect the car.' } }),
      (complaintId, n) => ({ type: 'IdentifyCause', complaintId, actor: technicianOf(n), data: { cause: 'repairQuality', findings: 'The earlier repair missed the fault.' } }),
      // 分清责任: required before the proposal by default.
      (complaintId, n) => ({
        type: 'AttributeResponsibility',
        complaintId,
        actor: technicianOf(n),
        data: { party: { kind: 'department', id: 'workshop-1', name: 'Workshop 1' }, reason: 'The earlier repair in the workshop missed the fault.' },
      }),
      (complaintId, n) => ({
        type: 'ProposeResolution',
        complaintId,
        actor: handlerOf(n),
        data: { remedy: { kind: 'freeRepair', description: 'Replace the part free of charge.' }, agreedDeadline: FAR_DEADLINE },
      }),
      (complaintId, n) => ({ type: 'StartExecution', complaintId, actor: technicianOf(n), data: { note: 'Car booked in.' } }),
      (complaintId, n) => ({ type: 'CompleteExecution', complaintId, actor: technicianOf(n), data: { outcome: 'Part replaced and tested.' } }),
    ];
    for (const step of steps) ids.forEach((id, i) => commands.push(step(id, start + i)));
  }
  return commands;
}

const handlerOf = (n: number) => handlers[n % handlers.length] as (typeof handlers)[number];
const technicianOf = (n: number) => technicians[n % technicians.length] as (typeof technicians)[number];

/** What the hand-written decider keeps per complaint. */
export interface WalkState {
  readonly step: string;
  readonly agreedDeadline: string | null;
  /** The responsible party recorded last: an attribution names the one it replaces. */
  readonly responsible: ResponsibleParty | null;
}

export const initialWalkState: WalkState = { step: 'none', agreedDeadline: null, responsible: null };

/** The step each command needs, and the one it leads to. */
const MOVES: Record<string, readonly [from: string, to: string]> = {
  ReceiveComplaint: ['none', 'received'],
  ConfirmComplaint: ['received', 'confirmed'],
  ClassifyComplaint: ['confirmed', 'classified'],
  StartInvestigation: ['classified', 'investigating'],
  IdentifyCause: ['investigating', 'investigating'],
  AttributeResponsibility: ['investigating', 'investigating'],
  ProposeResolution: ['investigating', 'resolutionProposed'],
  StartExecution: ['resolutionProposed', 'executing'],
  CompleteExecution: ['executing', 'followingUp'],
};

/** The events of one walk command on `state`: the same types and data as Redress's decider writes. */
export function decideWalk(state: WalkState, c: CommandInput, now: string): ComplaintEvent[] {
  const move = MOVES[c.type];
  if (move === undefined || move[0] !== state.step) throw new Error(`${c.type} is not allowed at ${state.step}`);
  switch (c.type) {
    case 'ReceiveComplaint': {
      const { acknowledgement, ...rest } = c.data;
      const received: ComplaintEvent = { type: 'ComplaintReceived', data: { complaintId: c.complaintId ?? '', ...rest, receivedBy: c.actor.id } };
      return acknowledgement ? [received, { type: 'AcknowledgementRecorded', data: acknowledgement }] : [received];
    }
    case 'ConfirmComplaint':
      return [{ type: 'ComplaintConfirmed', data: { summary: c.data.summary } }];
    case 'ClassifyComplaint':
      return [{ type: 'ComplaintClassified', data: { severity: 'general', previousSeverity: null, priority: 'P3', matrix: 'default' } }];
    case 'StartInvestigation':
      return [{ type: 'InvestigationStarted', data: c.data ?? {} }];
    case 'IdentifyCause':
      return [{ type: 'CauseIdentified', data: { ...c.data, servqualFactor: 'reliability' } }];
    case 'AttributeResponsibility':
      return [{ type: 'ResponsibilityAttributed', data: { ...c.data, previous: state.responsible, attributedBy: c.actor.id } }];
    case 'ProposeResolution':
      return [{ type: 'ResolutionProposed', data: { ...c.data, requiresApproval: false, proposedBy: c.actor.id } }];
    case 'StartExecution':
      return [{ type: 'ExecutionStarted', data: c.data ?? {} }];
    case 'CompleteExecution': {
      const agreedDeadline = state.agreedDeadline ?? now;
      return [{ type: 'RemedyExecuted', data: { outcome: c.data.outcome, agreedDeadline, onTime: state.agreedDeadline === null || Date.parse(now) < Date.parse(agreedDeadline) } }];
    }
    default:
      throw new Error(`the walk has no ${c.type}`);
  }
}

/** The state after one event. */
export function evolveWalk(state: WalkState, e: ComplaintEvent): WalkState {
  switch (e.type) {
    case 'ComplaintReceived':
      return { step: 'received', agreedDeadline: null, responsible: null };
    case 'ComplaintConfirmed':
      return { ...state, step: 'confirmed' };
    case 'ComplaintClassified':
      return { ...state, step: 'classified' };
    case 'InvestigationStarted':
      return { ...state, step: 'investigating' };
    case 'ResponsibilityAttributed':
      return { ...state, responsible: e.data.party };
    case 'ResolutionProposed':
      return { ...state, step: 'resolutionProposed', agreedDeadline: e.data.agreedDeadline };
    case 'ExecutionStarted':
      return { ...state, step: 'executing' };
    case 'RemedyExecuted':
      return { ...state, step: 'followingUp' };
    default:
      return state;
  }
}

/** An event as the hand-written walk keeps it. */
export interface WalkRecord {
  readonly type: ComplaintEvent['type'];
  readonly data: ComplaintEvent['data'];
  readonly streamId: string;
  readonly streamVersion: number;
  readonly globalPosition: number;
}

/** The minimal handler: decide, evolve, append to a log array; state and version per stream in a Map. */
export function walkByHand(commands: readonly CommandInput[], clock: ManualClock): WalkRecord[] {
  const log: WalkRecord[] = [];
  const streams = new Map<string, { state: WalkState; version: number }>();
  for (const c of commands) {
    clock.advance(CLOCK_STEP_MS);
    const now = clock.now().toISOString();
    const id = c.complaintId ?? '';
    let stream = streams.get(id);
    if (stream === undefined) {
      stream = { state: initialWalkState, version: 0 };
      streams.set(id, stream);
    }
    for (const e of decideWalk(stream.state, c, now)) {
      stream.state = evolveWalk(stream.state, e);
      log.push({ type: e.type, data: e.data, streamId: id, streamVersion: ++stream.version, globalPosition: log.length + 1 });
    }
  }
  return log;
}

/** Emmett's command: the Redress command input as its data, the clock's instant as `now`. */
interface EmmettCommand {
  readonly type: CommandInput['type'];
  readonly data: CommandInput;
  readonly metadata: { readonly now: Date };
}

const emmettHandle = DeciderCommandHandler<WalkState, EmmettCommand, ComplaintEvent>({
  decide: (command, state) => decideWalk(state, command.data, command.metadata.now.toISOString()),
  evolve: evolveWalk,
  initialState: () => initialWalkState,
});

/** Emmett 0.42: `DeciderCommandHandler` over a fresh in-memory event store. */
export async function walkWithEmmett(commands: readonly CommandInput[], clock: ManualClock, store: InMemoryEventStore = getInMemoryEventStore()): Promise<InMemoryEventStore> {
  for (const c of commands) {
    clock.advance(CLOCK_STEP_MS);
    await emmettHandle(store, c.complaintId ?? '', { type: c.type, data: c, metadata: { now: clock.now() } });
  }
  return store;
}
