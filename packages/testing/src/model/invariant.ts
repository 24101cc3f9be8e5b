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
  readonly complaintId: string;
  /** The command as executed (a deliberately malformed one is passed as is). */
  readonly command: Command | unknown;
  readonly result: ExecuteResult;
  /** The complaint's stream before and after the command. */
  readonly before: readonly Recorded[];
  readonly stream: readonly Recorded[];
  /** The whole log before (its length) and after. */
  readonly logLengthBefore: number;
  readonly log: readonly Recorded[];
  /** The clock's instant when the command ran. */
  readonly now: Date;
  readonly store: EventStore<ComplaintEvent>;
  readonly engine: Engine;
  /** The inline projections of the engine: the built-in ones and yours. */
  readonly projections: readonly Projection<unknown>[];
  /** The engine's options (rules, permissions), e.g. to build a second engine on the same store. */
  readonly engineOptions: Omit<EngineOptions, 'store' | 'clock'>;
}

export interface Invariant {
  readonly name: string;
  /** One sentence, shown when the invariant is violated. */
  readonly description: string;
  /** A message saying what is wrong, or null when the invariant holds. */
  check(context: InvariantContext): string | null | Promise<string | null>;
}

export const invariant = (name: string, description: string, check: Invariant['check']): Invariant => ({ name, description, check });

/** An invariant over the stream of the complaint the command touched. */
export const streamInvariant = (
  name: string,
  description: string,
  check: (stream: readonly Recorded[], context: InvariantContext) => string | null,
): Invariant => invariant(name, description, (context) => check(context.stream, context));

