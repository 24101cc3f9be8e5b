/**
 * The workflow as a graph, from the machine itself (`xstate/graph`), with events
 * built by the command generators. Two things to know about `xstate/graph`:
 *
 * - The default `serializeState` includes the whole context, so every note or
 *   handler change would be a new state and the paths would never end. We
 *   serialize the state value plus the facts the machine's guards read (severity,
 *   cause identified this cycle, satisfied follow-up, preventive action, waiting on
 *   the customer, acknowledgement complete, a remedy proposed while major, the top of
 *   the escalation ladder reached): two snapshots with the same facts accept the same
 *   commands. Payload-dependent guards (a deadline or a meeting after now, a different
 *   handler, a reclassification that changes something, an escalation not below the
 *   level reached, a breach not escalated yet) always pass, because the generators
 *   build payloads that satisfy them.
 * - `createTestModel` refuses machines with `after`; we only use the traversal
 *   functions, which do not.
 */
import {
  COMMAND_TYPES,
  complaintMachine,
  defaultEscalationConfig,
  defaultPermissionMatrix,
  ladderFor,
  SEVERITIES,
  stepOf,
  targetAbove,
  type Command,
  type CommandType,
  type ComplaintSnapshot,
  type ComplaintState,
  type ComplaintStep,
  type WorkflowEvent,
} from '@redress/core';
import { getAdjacencyMap, getShortestPaths, getSimplePaths, type StatePath } from 'xstate/graph';
import { fitActor } from '../arbitraries/actors.js';
import { commandOfType, generateWith } from '../arbitraries/commands.js';
import { transitionKey } from '../model/coverage.js';

/** The instant path commands are decided at; execute them with a clock standing here. */
export const PATH_NOW = '2026-11-23T09:00:00.000Z';

/** The facts of a snapshot that decide what it accepts. */
export function guardFacts(snapshot: ComplaintSnapshot) {
  const c = snapshot.context;
  return {
    severity: c.severity,
    causeIdentified: c.causeIdentified,
    satisfiedFollowUp: c.satisfiedFollowUp,
    preventiveAction: c.preventiveAction !== null,
    waitingOnCustomer: c.waitingOnCustomer,
    acknowledged: Object.values(c.acknowledgement).every(Boolean),
    remedyProposedWhileMajor: c.remedyProposedWhileMajor,
    escalatedToTop: targetAbove(ladderFor(defaultEscalationConfig, c), c.escalation?.rank ?? 0, c.cause) === undefined,
    // A hand-over waits for its answer; a promise is open, and the customer was told why one cannot be kept.
    handOverPending: c.handOver !== null,
    promiseOpen: c.openPromises.length > 0,
    promiseExplained: c.openPromises.some((p) => p.explained),
    // Options were offered (a choice among them may follow); the responsible party is recorded (a proposal may wait for it).
    optionsOffered: c.offer !== null,
    responsible: c.responsible !== null,
  };
}

/**
 * How the graph tells machine states apart: the state value plus `guardFacts` as JSON, so notes and handler changes do
 * not multiply states and the path search ends.
 */
export const serializeSnapshot = (snapshot: ComplaintSnapshot): string => JSON.stringify([snapshot.value, guardFacts(snapshot)]);

/** Payload variants that take different branches: both severities, both follow-up outcomes, acknowledgement now or later. */
function variants(type: CommandType, command: Command, state: ComplaintState): Command[] {
  switch (command.type) {
    case 'ReceiveComplaint': {
      const { acknowledgement: _ack, ...data } = command.data;
      return [
        { ...command, data: { ...data, acknowledgement: { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true } } },
        { ...command, data },
      ];
    }
    case 'ClassifyComplaint': {
      // Both severities given as is (a downgrade with its reason, by senior management), besides the generated one.
      const plain = SEVERITIES.filter((severity) => severity !== state.severity).map(
        (severity): Command => ({ ...command, data: { severity, reason: 'Reassessed with the department head' } }),
      );
      return [command, ...plain.map((c) => ({ ...c, actor: fitActor(c, state, defaultPermissionMatrix.ClassifyComplaint) }))];
    }
    case 'RecordFollowUp':
      return [
        { ...command, data: { ...command.data, satisfied: true } },
        { ...command, data: { ...command.data, satisfied: false } },
      ];
    default:
      return type === command.type ? [command] : [];
  }
}

/** The machine events a snapshot can take: one per command type, with branch variants. */
export function eventsFor(snapshot: ComplaintSnapshot, now = PATH_NOW): WorkflowEvent[] {
  const state = snapshot.context;
  const complaintId = state.complaintId ?? 'path-complaint';
  return COMMAND_TYPES.flatMap((type) =>
    variants(type, generateWith(commandOfType(type, { complaintId, now, state, locale: 'en' }), 7) as Command, state).map(
      (command) => ({ type: command.type, command, now }) as WorkflowEvent,
    ),
  );
}

/**
 * The commands that move a complaint along the workflow. Simple paths use only
 * these: the commands allowed in every open step (notes, contacts, handler changes,
 * waiting on the customer, repeat flags, escalation) and the fact-only moves
 * (preventive action, reclassification, renegotiation) can be interleaved in any
 * order, so with them the number of simple paths grows factorially. They are covered
 * by `transitionPaths()` instead, one path per transition.
 */
export const WORKFLOW_COMMANDS: readonly CommandType[] = [
  'ReceiveComplaint',
  'ConfirmComplaint',
  'ClassifyComplaint',
  'StartInvestigation',
  'IdentifyCause',
  // 分清责任: by default a proposal waits for the responsible party, so the workflow cannot move on without it.
  'AttributeResponsibility',
  'ProposeResolution',
  'ApproveRemedy',
  'RejectRemedy',
  'StartExecution',
  'CompleteExecution',
  'RecordFollowUp',
  'ArchiveComplaint',
  'WithdrawComplaint',
  'DeclineComplaint',
];

function traversal(types: readonly CommandType[] = COMMAND_TYPES) {
  return {
    events: (snapshot: ComplaintSnapshot) => eventsFor(snapshot).filter((e) => types.includes(e.type)),
    filterEvents: (snapshot: ComplaintSnapshot, event: WorkflowEvent) =>
      snapshot.can(event) &&
      // Reclassification is a fact-only move: in simple paths, classify once.
      (types === COMMAND_TYPES || event.type !== 'ClassifyComplaint' || snapshot.context.severity === null),
    serializeState: (snapshot: ComplaintSnapshot) => serializeSnapshot(snapshot),
    serializeEvent: (event: WorkflowEvent) => JSON.stringify([event.type, event.command.data]),
  };
}

// getAdjacencyMap's generics do not infer through the machine's actor logic type.
// Its keys are branded strings, which Object.entries cannot see through either.
type Edge = { readonly event: WorkflowEvent; readonly state: ComplaintSnapshot };
const adjacencyOf = (options: ReturnType<typeof traversal>) =>
  getAdjacencyMap(complaintMachine, options) as unknown as Record<string, { state: ComplaintSnapshot; transitions: Record<string, Edge> }>;

/** A path through the workflow: the commands to execute in order, and the step after each. */
export interface WorkflowPath {
  /**
   * The path as `Command → step` pairs, comma-separated (`(initial)` when empty): printed by `PathFailedError` and
   * usable as a test name.
   */
  readonly description: string;
  /**
   * The commands to execute in order, built by the generators with payloads that pass the payload guards at
   * `PATH_NOW`.
   */
  readonly commands: readonly Command[];
  /** The step the machine says the complaint is in after each command (same length as `commands`). */
  readonly steps: readonly ComplaintStep[];
}

function toWorkflowPath(path: StatePath<ComplaintSnapshot, WorkflowEvent>): WorkflowPath {
  const steps = path.steps.slice(1);
  return {
    commands: steps.map((s) => s.event.command),
    steps: steps.map((s) => stepOf(s.state.value)),
    description: steps.map((s) => `${s.event.type} → ${stepOf(s.state.value)}`).join(', ') || '(initial)',
  };
}

/** Every simple path (no state visited twice) from the initial state, over the workflow commands. */
export function simplePaths(types: readonly CommandType[] = WORKFLOW_COMMANDS): WorkflowPath[] {
  return getSimplePaths(complaintMachine, traversal(types)).map(toWorkflowPath).filter((p) => p.commands.length > 0);
}

/** One shortest path to each reachable state (a step with its guard facts), over every command. */
export function shortestPaths(types: readonly CommandType[] = COMMAND_TYPES): WorkflowPath[] {
  return getShortestPaths(complaintMachine, traversal(types)).map(toWorkflowPath).filter((p) => p.commands.length > 0);
}

/**
 * One path per step-level transition (`from --Command--> to`) of the machine: the
 * shortest path to a state where the transition is enabled, then the transition.
 * Together they take every transition, self-loops included.
 */
export function transitionPaths(): WorkflowPath[] {
  const options = traversal();
  const adjacency = adjacencyOf(options);
  const toState = new Map(getShortestPaths(complaintMachine, options).map((p) => [serializeSnapshot(p.state), p] as const));
  const best = new Map<string, StatePath<ComplaintSnapshot, WorkflowEvent>>();
  for (const [key, { state, transitions }] of Object.entries(adjacency)) {
    const prefix = toState.get(key);
    if (prefix === undefined) continue;
    for (const { event, state: next } of Object.values(transitions)) {
      const id = transitionKey(stepOf(state.value), event.type, stepOf(next.value));
      const candidate = { state: next, steps: [...prefix.steps, { event, state: next }], weight: prefix.weight + 1 };
      const known = best.get(id);
      if (known === undefined || candidate.steps.length < known.steps.length) best.set(id, candidate);
    }
  }
  return [...best.values()].map(toWorkflowPath);
}

/** The reachable steps and step-level transitions (`from --Command--> to`): the universe a coverage report compares with. */
export function workflowGraph(): { readonly states: readonly string[]; readonly transitions: readonly string[] } {
  const adjacency = adjacencyOf(traversal());
  const states = new Set<string>();
  const transitions = new Set<string>();
  for (const { state, transitions: out } of Object.values(adjacency)) {
    states.add(stepOf(state.value));
    for (const { event, state: next } of Object.values(out)) transitions.add(transitionKey(stepOf(state.value), event.type, stepOf(next.value)));
  }
  return { states: [...states].sort(), transitions: [...transitions].sort() };
}
