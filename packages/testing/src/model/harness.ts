/**
 * Model-based testing of the engine on any store: `fc.commands` generates random
 * command sequences over a few complaints (referred to by index, so they shrink),
 * `fc.asyncModelRun` runs them against a fresh engine and store, and after every
 * command the reference model's predictions and the invariant catalogue are checked.
 *
 * A failure is reported by fast-check with its seed and path, and the shrunk
 * sequence ends with a `replayPath` comment: pass `{ seed, path, endOnFailure: true }`
 * to the runner and `{ replayPath }` to the options to replay it exactly.
 */
import {
  createEngine,
  createInMemoryEventStore,
  createManualClock,
  initialComplaintState,
  queuesProjection,
  sequentialIds,
  ticketViewProjection,
  type ApprovalConfig,
  type ClassificationMatrix,
  type ComplaintEvent,
  type ComplaintStep,
  type DutyOptions,
  type Engine,
  type EngineOptions,
  type EscalationConfigInput,
  type EventStore,
  type ManualClock,
  type PermissionMatrix,
  type PermissionPolicy,
  type Projection,
  type ResponsibilityConfig,
  type WorkflowRule,
} from '@redress/core';
import fc from 'fast-check';
import { timeStep, type AdvanceTime, type TimeStep, type TimeStepOptions } from '../arbitraries/clocks.js';
import { commandOfType, generateWith, type CommandOptions } from '../arbitraries/commands.js';
import { invalidCommand } from '../arbitraries/invalid.js';
import type { PayloadGenerators } from '../arbitraries/payloads.js';
import type { TextLocale } from '../arbitraries/phrases.js';
import { commandForStep, lingerSteps, walkStep, type WalkStep } from '../arbitraries/walk.js';
import type { StoreFactory } from '../specs/engine-spec.js';
import type { FactsSource } from '../rules/whenever.js';
import type { Coverage } from './coverage.js';
import { step, WorkflowPropertyError } from './step.js';
import type { Invariant } from './invariants.js';
import { newModelTicket, type ModelTicket } from './reference-model.js';


/**
 * Everything a model-based run takes: the engine's configuration (rules, permissions, duties, classification,
 * escalation), the store factory, invariants and projections to check, generators, run sizes, time, coverage and
 * replay. Pass the same options to `workflowCommands` and `runWorkflow`, or the walk and the engine disagree.
 */
export interface WorkflowModelOptions extends TimeStepOptions {
  /** A new, empty store for each run (default: the in-memory store). */
  readonly store?: StoreFactory;
  /** Your workflow rules, as passed to `createEngine({ rules })`. */
  readonly rules?: readonly WorkflowRule[];
  /** Rows replacing the default permission matrix (actors are drawn from them), or a whole policy. */
  readonly permissions?: Partial<PermissionMatrix> | PermissionPolicy;
  /** Ownership and separation of duties, as passed to `createEngine({ duties })` (default: all on). */
  readonly duties?: Partial<DutyOptions> | PermissionPolicy | false;
  /** Your severity matrix: the engine derives with it, the reference model reads its table. Pair it with your own ClassifyComplaint generator. */
  readonly classification?: ClassificationMatrix;
  /** Your escalation ladders, as passed to `createEngine({ escalation })`. */
  readonly escalation?: EscalationConfigInput;
  /** Who approves a major remedy, as passed to `createEngine({ approval })`: approvers are drawn from its roles, and the invariant reads it. */
  readonly approval?: ApprovalConfig;
  /**
   * Whether a proposal waits for the responsible party, as passed to `createEngine({ responsibility })` (default: it
   * does); the reference model refuses a proposal before an attribution exactly when it does.
   */
  readonly responsibility?: ResponsibilityConfig;
  /** Default: `invariantCatalogue`. Pass `[...invariantCatalogue, yours]` to add. */
  readonly invariants?: readonly Invariant[];
  /** Your own projections, checked for replay = live with the built-in ticket view and queues. */
  readonly projections?: readonly Projection<unknown>[];
  /** Your own payload generators for some command types. */
  readonly generators?: Partial<PayloadGenerators>;
  /** At most this many complaints per run (default 2: more spreads the commands too thin to reach archiving). */
  readonly maxComplaints?: number;
  /** At most this many commands per run (default 100: with fewer, the late steps' rare moves are not all reached in 50 runs). */
  readonly maxCommands?: number;
  /** Where the clock starts (default 2026-11-23T09:00:00Z). */
  readonly start?: Date | string;
  /** How a time step moves the clock: calendar time by default, or a business calendar's. */
  readonly advance?: AdvanceTime;
  /** Records the states and transitions reached, for a coverage report. */
  readonly coverage?: Coverage;
  /** Language of generated names and texts (default `any`: English and Chinese). */
  readonly locale?: TextLocale | 'any';
  /** Replays a shrunk counterexample: the `replayPath` fast-check printed after it. */
  readonly replayPath?: string;
  /** What stated rules read besides the command and state (view, history, host data), prepared before each command: `whenever(...).options()` adds them. */
  readonly facts?: readonly FactsSource[];
}

/** The model side of a run: the reference model's tickets, and the moves accepted so far (walks prefer new ones). */
export interface WorkflowModel {
  /**
   * The reference model's prediction for each complaint created so far, by index (commands refer to complaints by
   * index, so they shrink).
   */
  tickets: ModelTicket[];
  /** The moves accepted so far, by key: walks prefer moves not yet taken. */
  readonly taken: Set<string>;
  /** The steps each complaint lingers in (see `WalkContext.linger`), drawn from its receipt's seed. */
  readonly lingers: (readonly ComplaintStep[])[];
}

/** The real side: a fresh engine on a fresh store. */
export interface WorkflowSystem {
  /** The engine under test, built from `engineOptions` on `store` with `clock` and the projections inline. */
  readonly engine: Engine;
  /**
   * A new, empty store from the `store` factory (default in memory), for this run only: invariants read the log from
   * it.
   */
  readonly store: EventStore<ComplaintEvent>;
  /** The run's clock, from `start`; each command moves it by its time step (through `advance`) before executing. */
  readonly clock: ManualClock;
  /**
   * The ticket view, the queues and your projections, checked after each command: rebuilt from the log, each must
   * equal its live state.
   */
  readonly projections: readonly Projection<unknown>[];
  /**
   * The options the engine was created with (rules, permissions, duties, classification, escalation, approval,
   * responsibility, sequential ids):
   * an invariant can build a second engine the same way.
   */
  readonly engineOptions: Omit<EngineOptions, 'store' | 'clock'>;
  /** What each complaint went through, for failure messages. */
  readonly history: Map<string, string[]>;
  /** The same, with each line's command id and a way to rewrite what its counterexample entry prints. */
  readonly trail: Map<string, TrailEntry[]>;
}

export { WorkflowPropertyError };

/**
 * One generated command of a model-based run, as `fc.commands` runs it: it checks the model, executes on the engine,
 * compares with the reference model and checks every invariant. Its `toString` says what it did, so counterexamples
 * read as a story.
 */
export type WorkflowCommand = fc.AsyncCommand<WorkflowModel, WorkflowSystem>;

/** One line of a complaint's story: what it printed, the command's id, and how to print it again with the fields read. */
export interface TrailEntry {
  /** The line as printed. */
  readonly line: string;
  /** The id of the command it tells of; undefined for lines that are not a command. */
  readonly commandId: string | undefined;
  /** Prints a line into this story (the fields a failed rule read). */
  readonly say: (line: string) => void;
}


/** The permission rows actors are drawn from: the configured approvers approve, unless the host's rows say otherwise. */
function drawnPermissions(options: WorkflowModelOptions): Partial<PermissionMatrix> | undefined {
  const rows = typeof options.permissions === 'object' ? options.permissions : undefined;
  if (options.approval === undefined) return rows;
  const approvers = options.approval.approvers.map((a) => a.role);
  return { ApproveRemedy: approvers, RejectRemedy: approvers, ...rows };
}

const commandOptions = (options: WorkflowModelOptions): CommandOptions => ({
  ...(drawnPermissions(options) ? { permissions: drawnPermissions(options) } : {}),
  ...(options.generators ? { generators: options.generators } : {}),
});

/** A command object whose `toString` says what it did once it ran (fast-check prints it in counterexamples). */
function described(
  label: string,
  check: (model: Readonly<WorkflowModel>) => boolean,
  run: (model: WorkflowModel, real: WorkflowSystem, said: (line: string) => void) => Promise<void>,
): WorkflowCommand {
  let done: string | undefined;
  const command: WorkflowCommand & { [fc.cloneMethod](): WorkflowCommand } = {
    check,
    run: (model, real) =>
      run(model, real, (line) => {
        done = line;
      }),
    toString: () => done ?? label,
    // A fresh object per run, so what a counterexample prints is what happened in the failing run.
    [fc.cloneMethod]: () => described(label, check, run),
  };
  return command;
}

interface ReceiveStep {
  readonly seed: number;
  readonly time: TimeStep;
}
interface AdvanceStep {
  readonly complaint: number;
  readonly walk: WalkStep;
}
interface InvalidStep {
  readonly complaint: number;
  readonly seed: number;
  readonly time: TimeStep;
}

/** The `fc.commands` arbitrary of a workflow run; pair it with `runWorkflow`. */
export function workflowCommands(options: WorkflowModelOptions = {}): fc.Arbitrary<Iterable<WorkflowCommand>> {
  const maxComplaints = options.maxComplaints ?? 2;
  const base = commandOptions(options);
  const locale = options.locale ?? 'any';

  const receive = fc.record({ seed: fc.nat(), time: timeStep(options) }).map(({ seed, time }: ReceiveStep) =>
    described(
      `receive (seed ${seed})`,
      (m) => m.tickets.length < maxComplaints,
      async (model, real, said) => {
        const index = model.tickets.length;
        model.tickets.push(newModelTicket(`complaint-${index + 1}`));
        model.lingers.push(lingerSteps(seed));
        return step(options, model, real, index, time, (t, now) => ({
          command: generateWith(
            commandOfType('ReceiveComplaint', { complaintId: t.complaintId, now, state: initialComplaintState, locale }, base),
            seed,
          ),
        }), said);
      },
    ),
  );

  const advance = fc.record({ complaint: fc.nat({ max: maxComplaints - 1 }), walk: walkStep(options) }).map(({ complaint, walk }: AdvanceStep) =>
    described(
      `advance #${complaint}`,
      (m) => m.tickets.length > 0,
      async (model, real, said) => {
        const index = complaint % model.tickets.length;
        const { complaintId } = model.tickets[index] as ModelTicket;
        const { state } = await real.engine.load(complaintId);
        return step(
          options,
          model,
          real,
          index,
          walk.time,
          (_, now) => ({ command: commandForStep(state, walk, { ...base, complaintId, now, locale, taken: model.taken, linger: model.lingers[index] }).command }),
          said,
        );
      },
    ),
  );

  const invalid = fc.record({ complaint: fc.nat({ max: maxComplaints - 1 }), seed: fc.nat(), time: timeStep(options) }).map(
    ({ complaint, seed, time }: InvalidStep) =>
      described(
        `invalid #${complaint}`,
        // Only with the default permissions and no host rules do we know which refusal it must get.
        (m) => m.tickets.length > 0,
        async (model, real, said) => {
          const index = complaint % model.tickets.length;
          const { complaintId } = model.tickets[index] as ModelTicket;
          const { state } = await real.engine.load(complaintId);
          return step(options, model, real, index, time, (_, now) => {
            const bad = generateWith(invalidCommand(state, { complaintId, now, locale }, base), seed);
            const predictable = typeof options.permissions !== 'function';
            return { command: bad.input, ...(predictable ? { expectRefusal: bad } : {}) };
          }, said);
        },
      ),
  );

  return fc.commands(
    [
      fc.oneof({ arbitrary: advance, weight: 12 }, { arbitrary: receive, weight: 2 }, { arbitrary: invalid, weight: 1 }),
    ],
    { maxCommands: options.maxCommands ?? 100, size: 'max', ...(options.replayPath ? { replayPath: options.replayPath } : {}) },
  );
}

/** A fresh engine over a fresh store, with the built-in projections and yours inline. */
export async function createWorkflowSystem(options: WorkflowModelOptions = {}): Promise<WorkflowSystem> {
  const store = await (options.store ?? (() => createInMemoryEventStore<ComplaintEvent>()))();
  const projections = [ticketViewProjection(), queuesProjection(), ...(options.projections ?? [])];
  const engineOptions = {
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.permissions ? { permissions: options.permissions } : {}),
    ...(options.duties !== undefined ? { duties: options.duties } : {}),
    ...(options.classification ? { classification: options.classification } : {}),
    ...(options.escalation ? { escalation: options.escalation } : {}),
    ...(options.approval ? { approval: options.approval } : {}),
    ...(options.responsibility ? { responsibility: options.responsibility } : {}),
    ids: sequentialIds('mbt'),
  };
  const clock = createManualClock(options.start ?? '2026-11-23T09:00:00Z');
  const engine = createEngine({ ...engineOptions, store, clock, projections });
  await engine.catchUp();
  return { engine, store, clock, projections, engineOptions, history: new Map(), trail: new Map() };
}

/** Runs one generated sequence against a fresh system: use it as the body of a property. */
export async function runWorkflow(options: WorkflowModelOptions, commands: Iterable<WorkflowCommand>): Promise<void> {
  await fc.asyncModelRun(async () => ({ model: { tickets: [], taken: new Set<string>(), lingers: [] }, real: await createWorkflowSystem(options) }), commands);
}

/** The whole property, for `fc.assert(workflowProperty(options), parameters)`. */
export function workflowProperty(options: WorkflowModelOptions = {}): fc.IAsyncProperty<[Iterable<WorkflowCommand>]> {
  return fc.asyncProperty(workflowCommands(options), (commands) => runWorkflow(options, commands));
}

/**
 * `fc.assert` of the property: throws fast-check's report (seed, path, shrunk sequence) on failure.
 *
 * @example
 * ```ts
 * const options = { rules: [myRule], invariants: [...invariantCatalogue, myInvariant], store: () => createMyStore() };
 * await checkWorkflow(options, { numRuns: 200 });
 * // A failure prints `seed`, `path` and, after the shrunk sequence, `replayPath="..."`. Replay exactly that run:
 * await checkWorkflow({ ...options, replayPath }, { seed, path, endOnFailure: true });
 * ```
 */
export async function checkWorkflow(options: WorkflowModelOptions = {}, parameters: fc.Parameters<[Iterable<WorkflowCommand>]> = {}): Promise<void> {
  await fc.assert(workflowProperty(options), { numRuns: 50, ...parameters });
}

