/**
 * The engine: validate → check the actor → load → decide → append → project.
 * Effects come in through the options (store, clock, ids, the actor directory);
 * everything between is pure.
 */
import type { Command, CommandInput } from '../commands/schema.js';
import { parseCommand } from '../commands/parse-command.js';
import type { Actor } from '../domain/primitives.js';
import { createComplaintDecider, type ComplaintDeciderOptions } from '../decider/decider.js';
import { namesCustomerLinks } from '../customers/links.js';
import { profileAsOf, type CustomerProfile } from '../customers/profile.js';
import { evolveAll } from '../decider/evolve.js';
import { customerStreamId } from '../privacy/customer-data/erase-command.js';
import { initialComplaintState, type ComplaintState } from '../decider/state.js';
import type { NewEvent, RecordedEvent } from '../events/envelope.js';
import { COMPLAINT_EVENT_SCHEMA_VERSION, type ComplaintEvent } from '../events/schema.js';
import { ConcurrencyConflictError, IdempotencyConflictError, err, ok, type EngineError, type Result } from '../errors/errors.js';
import { validationErrorFromZod } from '../errors/from-zod.js';
import { isRedressError } from '../errors/is-redress-error.js';
import { isStoreError } from '../errors/store-errors.js';
import type { Projection } from '../projections/projection.js';
import type { EventStore } from '../store/event-store.js';
import type { Clock } from './clock.js';
import { refusalByDirectory, type ActorDirectory } from './directory.js';
import { differenceFromFirst } from './idempotency.js';
import { commandTypeOf, projectionBatch, type EngineInstrumentation } from './instrumentation.js';
import { createInlineViews } from './inline-views.js';
import { nanoidGenerator, type IdGenerator } from './ids.js';
import { instantText } from './instant-text.js';
import { commandSpan, emptyStream, foldInto, StreamCache, type CachedStream, type CommandSpan } from './stream-cache.js';

/**
 * What `createEngine` needs: the store and clock, optionally ids, inline projections, retries, a directory,
 * and the decider's permissions, rules and workflow configuration.
 */
export interface EngineOptions extends ComplaintDeciderOptions {
  /**
   * Where complaint events are appended and read: the in-memory store, `@redress/sqlite` or
   * `@redress/postgres`.
   */
  readonly store: EventStore<ComplaintEvent>;
  /**
   * Where every event's `at` and every decision's "now" come from; the engine never reads the system time
   * itself.
   */
  readonly clock: Clock;
  /** Event, command and complaint ids; nanoid by default. */
  readonly ids?: IdGenerator;
  /**
   * Projections updated on every execute, in the same call. With several writers on a
   * store whose reads wait for in-flight transactions (PostgreSQL), a view may lag until
   * the next execute or `catchUp()`; it never skips an event. For multi-instance hosts the
   * stores' checkpointed projectors are the better fit.
   */
  // Each projection keeps its own state type; `view()` gives it back typed.
  readonly projections?: readonly Projection<unknown>[];
  /**
   * Retry a command when another writer appended to its stream between load and
   * append: the command is decided again on the fresh state. Off by default; never
   * applies to commands that carry their own `expectedVersion`.
   */
  readonly retry?: { readonly attempts: number };
  /** How many streams' decision states to keep in memory (default 10,000): never more, and every stream among the last half that many used. */
  readonly cacheSize?: number;
  /**
   * The host's user directory. With one, the role a command claims is checked against
   * the roles the directory gives its actor's id, an unknown actor is refused, and
   * `system` cannot be claimed at all: automation acts through `automation()`. Without
   * one, the claimed role is taken as given (the host authenticated it).
   */
  readonly directory?: ActorDirectory;
  /**
   * Tracing and metrics hooks around each execute and each inline projection batch
   * (`@redress/opentelemetry` implements them). Without them the engine does no
   * instrumentation work at all.
   */
  readonly instrumentation?: EngineInstrumentation;
}

/** What an executed command gives back: what it wrote and the complaint's state after it. */
export interface ExecuteSuccess {
  /** The complaint the command acted on (for `ReceiveComplaint`, the id it was given). */
  readonly complaintId: string;
  /** The command's id: send it again to retry safely, and the engine returns this same result. */
  readonly commandId: string;
  /** The events this command appended (on a repeat: the ones it appended the first time). */
  readonly events: readonly RecordedEvent<ComplaintEvent>[];
  /** The complaint's decision state after those events. */
  readonly state: ComplaintState;
  /**
   * The complaint stream's version after the command: pass it as `expectedVersion` to write only on this
   * state.
   */
  readonly version: number;
  /** True when this command id had already been executed: nothing was written. */
  readonly duplicate: boolean;
}

/** What `execute` returns: the success, or the typed refusal or store failure (never thrown). */
export type ExecuteResult = Result<ExecuteSuccess, EngineError>;

/** A command as the host's automation sends it: its actor, when named, is a `system` one (default: the automation's). */
export type AutomationCommandInput = CommandInput extends infer C
  ? C extends { readonly actor: unknown }
    ? Omit<C, 'actor'> & { readonly actor?: { readonly id: string; readonly role: 'system' } }
    : never
  : never;

/**
 * The host's automation (schedulers, SLA tickers, rules engines): the one way to act as
 * `system`. It also takes a full `CommandInput`, so it can stand in for the engine where
 * a component wants `Pick<Engine, 'execute'>` (a repeat detector): an actor other than a
 * `system` one is refused.
 */
export interface Automation {
  /**
   * Like `Engine.execute`, recorded as the automation's `system` actor; a command naming another role is
   * refused.
   */
  execute(command: AutomationCommandInput | CommandInput): Promise<ExecuteResult>;
  /** Like `execute`, but throws the typed error. */
  executeOrThrow(command: AutomationCommandInput | CommandInput): Promise<ExecuteSuccess>;
}

/**
 * The write side of Redress: validates commands, checks who may issue them, decides on the complaint's
 * current state and appends the events with a compare-and-set on its version.
 */
export interface Engine {
  /** Validates and executes a command. Never throws for a refused command: the result says why. */
  execute(command: CommandInput): Promise<ExecuteResult>;
  /** Like `execute`, but throws the typed error. */
  executeOrThrow(command: CommandInput): Promise<ExecuteSuccess>;
  /**
   * `execute` for a command the host has already validated: `commandSchema.parse(input)`'s output (texts
   * trimmed, defaults filled in), not raw input. It skips only the zod validation, about a tenth of
   * `execute()`'s time since zod runs compiled (`parseCommand`); permissions, the directory, the workflow and the store's checks all run, and for a
   * valid command it writes and returns exactly what `execute` does (a property test pins this). Anything
   * that did not come out of `commandSchema` (request bodies, queue messages) goes through `execute`: an
   * unchecked command here is not refused with a `ValidationError` and may be recorded as it is.
   */
  executeTrusted(command: Command): Promise<ExecuteResult>;
  /** A complaint's decision state and version, read from the log. */
  load(complaintId: string): Promise<{ readonly state: ComplaintState; readonly version: number }>;
  /**
   * The current state of an inline projection passed in the options. Ask again rather
   * than keep it: after an erasure the views are rebuilt, and the state is a new object.
   */
  view<S>(projection: Projection<S>): S;
  /**
   * Brings the inline projections up to date with everything in the store (e.g. at
   * start-up). A customer erased meanwhile (by this process or another sharing the
   * store) is shown erased once it returns: the views are refolded (see inline-views.ts).
   */
  catchUp(): Promise<void>;
  /**
   * Acting as `system`, for the host's own automation: hand the result to the code that
   * needs it (an SLA ticker, a repeat detector), never to request handlers. Its commands
   * are recorded as `{ id, role: 'system' }` (`id` defaults to `system`).
   */
  automation(id?: string): Automation;
}

/** A command with the ids the engine settled on. */
type IdentifiedCommand = Command & { complaintId: string; commandId: string };

/**
 * The command with its ids. zod's output is a fresh object the engine owns, so the ids
 * are set on it (in the order a spread would put them) rather than copied into another
 * object. A command the host handed in (`executeTrusted`) is never written to: the
 * engine works on a copy of its envelope, written out field by field (one object shape
 * for every command type; a spread of the host's many shapes was a twentieth of the
 * trusted path), its optional fields present only when the host's were.
 */
function identified(command: Command, commandId: string, complaintId: string, owned: boolean): IdentifiedCommand {
  if (command.commandId === commandId && command.complaintId === complaintId) return command as IdentifiedCommand;
  if (!owned) {
    const copy = { type: command.type, complaintId, actor: command.actor, commandId, data: command.data } as IdentifiedCommand & { correlationId?: string; expectedVersion?: number };
    if (command.correlationId !== undefined) copy.correlationId = command.correlationId;
    if (command.expectedVersion !== undefined) copy.expectedVersion = command.expectedVersion;
    return copy;
  }
  const writable = command as { commandId?: string; complaintId?: string };
  writable.commandId = commandId;
  writable.complaintId = complaintId;
  return command as IdentifiedCommand;
}

/**
 * Creates the engine over a store and a clock. Configuration errors (a bad severity matrix or ladder) throw
 * `WorkflowConfigError` here, never later at `execute`.
 */
export function createEngine(options: EngineOptions): Engine {
  const { store, clock } = options;
  const ids = options.ids ?? nanoidGenerator;
  const drawsUnique = ids === nanoidGenerator;
  const decider = createComplaintDecider(options);
  const attempts = Math.max(1, options.retry?.attempts ?? 1);
  const cache = new StreamCache(options.cacheSize ?? 10_000);
  const views = createInlineViews(store, options.projections ?? []);
  const projecting = (options.projections?.length ?? 0) > 0;
  const hooks = options.instrumentation;
  // Decided once: without a project hook (or without projections), a batch goes straight to the views.
  const onProject = hooks?.project === undefined || options.projections === undefined || options.projections.length === 0 ? undefined : hooks.project.bind(hooks);
  const names = (options.projections ?? []).map((p) => p.name);

  async function refresh(streamId: string): Promise<CachedStream> {
    const stream = cache.get(streamId) ?? emptyStream();
    foldInto(stream, await store.readStream(streamId, stream.version + 1));
    // Only complaints that exist take a place in the cache: probing unknown ids must not evict real ones.
    if (stream.version > 0) cache.set(streamId, stream);
    return stream;
  }

  /**
   * Feeds the inline projections after an append. A runner takes the appended events
   * directly only when they continue its checkpoint without a gap; otherwise it reads
   * the log through the store up to them, since another command's events may lie in
   * between (PostgreSQL's positions have gaps, and its readAll shows an event only once
   * everything before it has committed). Either way no runner's checkpoint ever passes
   * an event it has not applied. A store that went away meanwhile only delays the
   * views: the command is stored, and the next execute or `catchUp()` brings them up.
   */
  async function project(appended: readonly RecordedEvent<ComplaintEvent>[]): Promise<void> {
    try {
      if (onProject === undefined || appended.length === 0) await views.project(appended);
      else await onProject(projectionBatch('append', appended, names, views.lag), () => views.project(appended));
    } catch (error) {
      if (!isStoreError(error)) throw error;
    }
  }

  /**
   * The first result of a command executed before, rebuilt from the log, when this is
   * the same command; an IdempotencyConflictError when the id is reused for another.
   */
  async function repeated(span: CommandSpan, command: IdentifiedCommand): Promise<ExecuteResult> {
    const { complaintId, commandId } = command;
    const all = await store.readStream(complaintId, 1);
    const events = all.slice(span.first - 1, span.last);
    const difference = differenceFromFirst(decider, all, span, command);
    if (difference !== null) {
      const first = events[0];
      return err(new IdempotencyConflictError(complaintId, commandId, { types: events.map((e) => e.type), actor: first?.actor ?? command.actor, at: first?.occurredAt ?? '' }, difference));
    }
    const state = evolveAll(initialComplaintState, all.slice(0, span.last));
    return ok({ complaintId, commandId, events, state, version: span.last, duplicate: true });
  }

  // toISOString()'s text, formatted cheaply (a command's events share one instant).
  const formatInstant = instantText();
  const nowIso = (): string => formatInstant(clock.now());

  /**
   * The recorded-to-be events of a command on a stream, or its refusal. Each event is built field by field,
   * one object shape for all: spreading here was the hottest line of execute() in the profile.
   */
  function decideOn(stream: CachedStream, command: IdentifiedCommand, correlationId: string, customerProfile?: CustomerProfile | null): Result<NewEvent<ComplaintEvent>[], EngineError> {
    if (command.expectedVersion !== undefined && command.expectedVersion !== stream.version) {
      return err(new ConcurrencyConflictError(command.complaintId, command.expectedVersion, stream.version));
    }
    const now = nowIso();
    const decision = decider.decide(stream.state, command, { now, customerProfile });
    if (!decision.ok) return decision;
    const decided = decision.value;
    const events: NewEvent<ComplaintEvent>[] = new Array(decided.length);
    for (let i = 0; i < decided.length; i++) {
      const e = decided[i] as ComplaintEvent;
      events[i] = {
        type: e.type,
        data: e.data,
        eventId: ids(),
        occurredAt: now,
        actor: command.actor,
        causationId: command.commandId,
        correlationId,
        schemaVersion: COMPLAINT_EVENT_SCHEMA_VERSION,
      } as NewEvent<ComplaintEvent>;
    }
    return ok(events);
  }

  /**
   * `trusted`: the input is a `Command` the host validated (`commandSchema`'s output), so zod is skipped
   * (see `executeTrusted`); everything after validation is the same code.
   *
   * Not an async function itself, nor is the common path through it: an async function keeps all its
   * locals in a frame allocated per call, and this one's loop had enough of them to make that frame the
   * largest allocation of `execute()`. A command on a cached stream is decided here and only its append
   * is awaited (`commit`); everything else (reads, refusals to check again, races) goes to `decideLoop`.
   */
  function execute(input: unknown, automation: Actor | undefined, trusted: boolean): Promise<ExecuteResult> {
    try {
      const candidate = automation ? { ...(input as object), actor: (input as { actor?: Actor }).actor ?? automation } : input;
      let valid: Command;
      if (trusted) valid = candidate as Command;
      else {
        const parsed = parseCommand(candidate);
        if (!parsed.success) return Promise.resolve(err(validationErrorFromZod(parsed.error)));
        valid = parsed.data;
      }
      const owned = valid !== input && valid !== candidate;
      // Only a directory or the automation capability has anything to check: no await on the common path.
      if (options.directory !== undefined || automation !== undefined) return checked(valid, automation, owned);
      return executeValid(valid, owned);
    } catch (error) {
      return failed(error);
    }
  }

  /** A valid command whose actor the directory (or the automation capability) is asked about first. */
  async function checked(valid: Command, automation: Actor | undefined, owned: boolean): Promise<ExecuteResult> {
    try {
      const refusal = await refusalByDirectory(options.directory, valid.type, valid.actor, automation !== undefined);
      return refusal ? err(refusal) : await executeValid(valid, owned);
    } catch (error) {
      return failure(error);
    }
  }

  /** The command with its ids, decided on a warm cache when it can be; else by the loop. */
  function executeValid(valid: Command, owned: boolean): Promise<ExecuteResult> {
    const commandId = valid.commandId ?? ids();
    // A receipt retried with the same command id but no complaint id must find its first
    // result, so the complaint id is derived from the command id rather than drawn anew.
    const complaintId = valid.complaintId ?? (valid.commandId !== undefined ? commandId : ids());
    const command = identified(valid, commandId, complaintId, owned);
    const correlationId = command.correlationId ?? commandId;
    // Only an id that could be in the log already is looked up. The default generator's ids are 126 random
    // bits, so one it has just drawn names no earlier command; an injected generator's may repeat
    // (sequential ids restarted over a kept log).
    const mayRepeat = valid.commandId !== undefined || !drawsUnique;
    // A receipt is decided on an empty stream without a read: it is appended with `noStream`, so a
    // complaint that exists after all (a retry, another writer) is refused by the store, and the loop
    // decides again on a fresh read. A read saved per new complaint.
    const stream = cache.get(complaintId) ?? (command.type === 'ReceiveComplaint' ? emptyStream() : undefined);
    // A stream to read, a customer profile to read, or a repeated command id: the loop does each.
    if (stream === undefined || namesCustomerLinks(command) || (mayRepeat && commandSpan(stream, commandId) !== undefined)) {
      return decideLoop(command, correlationId, mayRepeat, 'cache');
    }
    const decided = decideOn(stream, command, correlationId, undefined);
    // A refusal may be an artefact of a stale cache: it is decided again on a fresh read before it is answered.
    if (!decided.ok) return decideLoop(command, correlationId, mayRepeat, 'log');
    return commit(stream, command, decided.value, correlationId, mayRepeat);
  }

  /** Appends a command's events decided on a cached stream; a race or a repeat goes to the loop, on a fresh read. */
  async function commit(stream: CachedStream, command: IdentifiedCommand, events: NewEvent<ComplaintEvent>[], correlationId: string, mayRepeat: boolean): Promise<ExecuteResult> {
    try {
      const appended = await store.append(command.complaintId, stream.version === 0 ? 'noStream' : stream.version, events);
      if (!appended.duplicate) {
        const result = recorded(stream, command, appended.events);
        // No inline projections, no await: each one costs execute() a turn of the microtask queue.
        if (projecting) await project(appended.events);
        return result;
      }
    } catch (error) {
      if (!isRedressError(error, 'ConcurrencyConflict')) return failure(error);
    }
    return decideLoop(command, correlationId, mayRepeat, 'log');
  }

  /** The cache entry moved past a command's appended events, and the command's result. */
  function recorded(stream: CachedStream, command: IdentifiedCommand, events: readonly RecordedEvent<ComplaintEvent>[]): ExecuteResult {
    foldInto(stream, events);
    cache.set(command.complaintId, stream);
    return ok({ complaintId: command.complaintId, commandId: command.commandId, events, state: stream.state, version: stream.version, duplicate: false });
  }

  /**
   * Decides and appends until the command is written, refused on a fresh read, answered as a repeat, or out
   * of retries. `from`: whether the cache may be trusted for the first decision ('cache'), or a fresh read
   * comes first ('log': the cached decision was refused, or its append lost a race or was a repeat).
   * Whatever could be an artefact of a stale cache (a refusal, a version mismatch, a conflict on append) is
   * decided again on a fresh read before it is answered.
   */
  async function decideLoop(command: IdentifiedCommand, correlationId: string, mayRepeat: boolean, from: 'cache' | 'log'): Promise<ExecuteResult> {
    const { complaintId, commandId } = command;
    try {
      // A receipt naming a site or unit is checked against the customer's profile, read from their own stream.
      const customerProfile = namesCustomerLinks(command) ? profileAsOf(await store.readStream(customerStreamId(command.data.customer.reference))) : undefined;
      let stream = from === 'cache' ? cache.get(complaintId) : undefined;
      let fresh = stream === undefined;
      if (stream === undefined) {
        if (from === 'cache' && command.type === 'ReceiveComplaint') {
          stream = emptyStream();
          fresh = false;
        } else stream = await refresh(complaintId);
      }
      for (let attempt = 1; ; ) {
        const seen = mayRepeat ? commandSpan(stream, commandId) : undefined;
        if (seen) return await repeated(seen, command);

        const decided = decideOn(stream, command, correlationId, customerProfile);
        if (!decided.ok) {
          if (fresh) return decided;
          stream = await refresh(complaintId);
          fresh = true;
          continue;
        }

        try {
          const appended = await store.append(complaintId, stream.version === 0 ? 'noStream' : stream.version, decided.value);
          if (appended.duplicate) {
            // The store already holds these event ids in this stream (ids that repeat across engines,
            // such as sequential test ids): nothing was written by this call. Whatever is stored is
            // answered from a fresh read, as after a lost race.
            stream = await refresh(complaintId);
            fresh = true;
            continue;
          }
          const result = recorded(stream, command, appended.events);
          if (projecting) await project(appended.events);
          return result;
        } catch (e) {
          if (!isRedressError(e, 'ConcurrencyConflict')) throw e;
          const lost = fresh;
          stream = await refresh(complaintId);
          fresh = true;
          // The race was lost to this very command (a retry sent twice at once): its first result is the answer.
          if (mayRepeat && commandSpan(stream, commandId) !== undefined) continue;
          // Deciding on a fresh read and still losing is a real race: that is what retry counts.
          if (lost) {
            if (command.expectedVersion !== undefined || attempt >= attempts) return err(e);
            attempt++;
          }
        }
      }
    } catch (error) {
      return failure(error);
    }
  }

  /** `failure` as a promise: a store's error resolves to its refusal, anything else rejects. */
  const failed = (error: unknown): Promise<ExecuteResult> => new Promise((resolve) => resolve(failure(error)));

  /** A store that failed (unreachable, full, read-only) is a refusal the host can act on, not a crash. */
  function failure(error: unknown): ExecuteResult {
    if (isStoreError(error)) return err(error);
    // Only through a protected store (protectStore): a personal text for an erased customer.
    if (isRedressError(error, 'SubjectErased')) return err(error);
    throw error;
  }

  const orThrow = async (result: Promise<ExecuteResult>): Promise<ExecuteSuccess> => {
    const settled = await result;
    if (!settled.ok) throw settled.error;
    return settled.value;
  };

  // Decided once: without an execute hook, a command goes straight to `execute`.
  const onExecute = hooks?.execute;
  const run = (input: unknown, automation?: Actor, trusted = false): Promise<ExecuteResult> =>
    onExecute === undefined ? execute(input, automation, trusted) : onExecute.call(hooks, { commandType: commandTypeOf(input) }, () => execute(input, automation, trusted));

  return {
    execute: (command) => run(command),
    executeTrusted: (command) => run(command, undefined, true),
    executeOrThrow: (command) => orThrow(run(command)),
    automation(id = 'system') {
      const actor: Actor = { id, role: 'system' };
      return { execute: (command) => run(command, actor), executeOrThrow: (command) => orThrow(run(command, actor)) };
    },
    async load(complaintId) {
      const stream = await refresh(complaintId);
      return { state: stream.state, version: stream.version };
    },
    view<S>(projection: Projection<S>): S {
      const runner = views.runner(projection);
      if (!runner) throw new RangeError(`projection "${projection.name}" was not passed to createEngine({ projections })`);
      return runner.state as S;
    },
    async catchUp() {
      if (onProject === undefined) await views.catchUp();
      else await onProject(projectionBatch('catchUp', [], names, views.lag), () => views.catchUp());
    },
  };
}
