/**
 * What an invariant is: a named property checked after every command of a
 * model-based run, with the context it sees. The catalogue is `invariants.ts`.
 */
import type {
  Command,
  ComplaintEvent,
  Engine,
  EngineOptions,
  EventStore,
  ExecuteResult,
  Projection,
  RecordedEvent,
} from '@redress/core';

type Recorded = RecordedEvent<ComplaintEvent>;

/** What an invariant sees after one command. */
export interface InvariantContext {
  /** The complaint the command was about (a run spans a few complaints; stream invariants look at this one's). */
  readonly complaintId: string;
  /** The command as executed (a deliberately malformed one is passed as is). */
  readonly command: Command | unknown;
  /**
   * What `engine.execute` returned: the appended events, or the typed refusal (a refused command must have appended
   * nothing).
   */
  readonly result: ExecuteResult;
  /** The complaint's stream before and after the command. */
  readonly before: readonly Recorded[];
  /** The complaint's stream after the command, read back from the store (not from the engine's cache). */
  readonly stream: readonly Recorded[];
  /** The whole log before (its length) and after. */
  readonly logLengthBefore: number;
  /**
   * The whole log after the command, in `readAll` order: `log.slice(logLengthBefore)` is what this command appended
   * anywhere.
   */
  readonly log: readonly Recorded[];
  /** The clock's instant when the command ran. */
  readonly now: Date;
  /** The run's store, e.g. to rebuild a projection from it or read another stream. */
  readonly store: EventStore<ComplaintEvent>;
  /** The engine under test, e.g. to read its inline projections' live state. */
  readonly engine: Engine;
  /** The inline projections of the engine: the built-in ones and yours. */
  readonly projections: readonly Projection<unknown>[];
  /** The engine's options (rules, permissions), e.g. to build a second engine on the same store. */
  readonly engineOptions: Omit<EngineOptions, 'store' | 'clock'>;
}

/**
 * A named property every command of a model-based run must keep, checked after each one. Build it with `invariant` or
 * `streamInvariant`, and add it to the catalogue: `invariants: [...invariantCatalogue, yours]`.
 */
export interface Invariant {
  /** A short identifier (`escalationOnlyClimbs`) printed with the failure: keep it unique within the catalogue. */
  readonly name: string;
  /** One sentence, shown when the invariant is violated. */
  readonly description: string;
  /** A message saying what is wrong, or null when the invariant holds. */
  check(context: InvariantContext): string | null | Promise<string | null>;
}

/**
 * Makes an invariant from a name, a one-sentence description and a check that returns what is wrong, or null when it
 * holds (sync or async).
 *
 * @example
 * ```ts
 * const nothingBeforeReceipt = invariant('nothingBeforeReceipt', 'no event of a complaint is dated before its receipt', ({ stream }) => {
 *   const received = stream[0]?.occurredAt ?? '';
 *   const early = stream.find((e) => e.occurredAt < received);
 *   return early ? `${early.type} at ${early.occurredAt}, before the receipt at ${received}` : null;
 * });
 * await checkWorkflow({ invariants: [...invariantCatalogue, nothingBeforeReceipt] });
 * ```
 */
export const invariant = (name: string, description: string, check: Invariant['check']): Invariant => ({ name, description, check });

/** An invariant over the stream of the complaint the command touched. */
export const streamInvariant = (
  name: string,
  description: string,
  check: (stream: readonly Recorded[], context: InvariantContext) => string | null,
): Invariant => invariant(name, description, (context) => check(context.stream, context));

