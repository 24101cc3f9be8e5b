/**
 * The same specs against the engine on any EventStore: the history is appended to
 * the store first, then the command is executed through `createEngine`. Besides the
 * events, the spec checks what the store holds afterwards: exactly the history plus
 * the new events, and nothing more when the command was refused.
 */
import {
  COMPLAINT_EVENT_SCHEMA_VERSION,
  createEngine,
  createInMemoryEventStore,
  createManualClock,
  sequentialIds,
  type CommandInput,
  type ComplaintEvent,
  type EngineOptions,
  type EventStore,
  type ExecuteResult,
  type NewEvent,
} from '@redress/core';
import { complaintIdOf, SPEC_NOW, type SpecOptions } from './decider-spec.js';
import { assertOutcome, type Expectation } from './expectation.js';
import { SpecFailedError, domainEvents, eventsDiff } from './report.js';

/**
 * Makes a new, empty store (sync or async): each spec and each model-based run gets its own, so no state leaks between
 * them.
 */
export type StoreFactory = () => EventStore<ComplaintEvent> | Promise<EventStore<ComplaintEvent>>;

export interface EngineSpecOptions extends SpecOptions, Pick<EngineOptions, 'projections'> {
  /** A new, empty store for each spec (default: the in-memory store). */
  readonly store?: StoreFactory;
}

/** A command to execute through the engine against the seeded history. */
export interface EngineWhen {
  /**
   * Seeds a fresh store with the history, executes the command at `now`, and asserts both the result (events or
   * refusal) and the store: exactly history plus the new events, nothing more when refused. Resolves to the raw
   * result; rejects with a `SpecFailedError`.
   */
  then(expected: Expectation): Promise<ExecuteResult>;
}

/** A history to seed the store with, waiting for the command. */
export interface EngineGiven {
  /** The command to execute; a missing `complaintId` is filled in with the history's. */
  when(command: CommandInput | unknown): EngineWhen;
}

/**
 * Specs through the real engine on your store, in the decider specs' shape:
 * `await spec.given(events).when(command).then(expected)`.
 */
export interface EngineSpec {
  /**
   * The history to seed (written as a `given` system actor at `now`); `complaintId` defaults to the
   * ComplaintReceived's, else `complaint-1`.
   */
  given(events: readonly ComplaintEvent[], complaintId?: string): EngineGiven;
}

/** Wraps domain events in the envelope a store needs, as written by a "given" actor. */
function seeded(events: readonly ComplaintEvent[], now: string): NewEvent<ComplaintEvent>[] {
  return events.map((e, i) => ({
    ...e,
    eventId: `given-${i + 1}`,
    occurredAt: now,
    actor: { id: 'given', role: 'system' },
    causationId: 'given',
    correlationId: 'given',
    schemaVersion: COMPLAINT_EVENT_SCHEMA_VERSION,
  }));
}

/**
 * Builds engine specs over a store factory (default in memory), with your rules, permissions and projections: the same
 * expectations as `given`, plus checks of what the store holds afterwards.
 *
 * @example
 * ```ts
 * const spec = engineSpec({ store: () => createMyStore() });
 * await spec.given(investigating).when(propose).then({ error: 'IllegalCommand', rule: 'causeIdentified' });
 * await spec.given([...investigating, causeFound]).when(propose).then([
 *   { type: 'ResolutionProposed', data: { ...propose.data, requiresApproval: true, proposedBy: 'h-li' } },
 * ]);
 * ```
 */
export function engineSpec(options: EngineSpecOptions = {}): EngineSpec {
  const now = options.now ?? SPEC_NOW;
  return {
    given(history, id) {
      const complaintId = id ?? complaintIdOf(history) ?? 'complaint-1';
      return {
        when(input) {
          return {
            async then(expected) {
              const store = await (options.store ?? (() => createInMemoryEventStore<ComplaintEvent>()))();
              if (history.length > 0) await store.append(complaintId, 'noStream', seeded(history, now));
              const logBefore = (await store.readAll(1)).length;
              const engine = createEngine({ ...options, store, clock: createManualClock(now), ids: sequentialIds('spec') });
              const command = (input !== null && typeof input === 'object' && !('complaintId' in input) ? { ...input, complaintId } : input) as CommandInput;
              const result = await engine.execute(command);
              const type = (input as { type?: unknown } | null)?.type;
              const what = `given ${history.length} event(s) in the store, when ${typeof type === 'string' ? type : 'the command'} is executed`;
              assertOutcome(what, expected, result.ok ? { ok: true, events: domainEvents(result.value.events) } : result);

              // What the store holds must be exactly the history plus what was reported.
              const stream = domainEvents(await store.readStream(complaintId));
              const written = result.ok ? domainEvents(result.value.events) : [];
              const diff = eventsDiff([...history, ...written], stream);
              if (diff !== null) throw new SpecFailedError(`${what}: the stream in the store is not the history plus the events reported.\n${diff}`);
              const logAfter = (await store.readAll(1)).length;
              if (logAfter !== logBefore + written.length) {
                throw new SpecFailedError(`${what}: the log grew by ${logAfter - logBefore} event(s), but ${written.length} were reported`);
              }
              return result;
            },
          };
        },
      };
    },
  };
}
