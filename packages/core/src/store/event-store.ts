/**
 * The contract every event store implements; `createInMemoryEventStore` is the
 * reference implementation and `@redress/testing/store-conformance` the suite every
 * adapter must pass. Streams are per complaint; the log has one total order, the
 * global position: safe integers from 1 that increase along it, with gaps allowed
 * (PostgreSQL's have them), one append's events side by side and in stream order, and a
 * reader never shown an event after one that comes later in the order. A store whose
 * storage fails throws `StoreUnavailableError` (retriable) or `StorageFaultError`
 * (store-errors.ts) and has written nothing of the append.
 */
import type { EventLike, NewEvent, RecordedEvent } from '../events/envelope.js';
import type { ExpectedVersion } from '../errors/errors.js';

export type { ExpectedVersion };

/** What an append gives back: the events as stored, and the stream's version after them. */
export interface AppendResult<E extends EventLike = EventLike> {
  /** The events as stored, with stream versions and global positions. */
  readonly events: readonly RecordedEvent<E>[];
  /** The stream's version after the append. */
  readonly streamVersion: number;
  /** True when every event id was already in the stream: nothing was written. */
  readonly duplicate: boolean;
}

/** Where a subscription starts and how it reads. */
export interface SubscribeOptions {
  /** The first global position to deliver (default 1: the whole log). */
  readonly fromPosition?: number;
  /** How many events to read per round trip while catching up (default 500). */
  readonly batchSize?: number;
  /** Ends the subscription when aborted, as `close()` does. */
  readonly signal?: AbortSignal;
}

/** The log from a position on: first what is stored (catch-up), then what is appended (live). */
export interface Subscription<E extends EventLike = EventLike> extends AsyncIterable<RecordedEvent<E>> {
  /**
   * Resolves once the subscriber has been handed every event stored so far and the
   * subscription waits for new ones (or once it is closed). Subscriptions are pulled:
   * this happens while someone iterates.
   */
  readonly caughtUp: Promise<void>;
  /** Ends the iteration; a pending `next()` resolves as done. */
  close(): void;
}

/**
 * The event store contract: atomic appends with a compare-and-set on the stream version, stream and global
 * reads, and subscriptions. Every store runs `eventStoreConformance` from `@redress/testing`.
 */
export interface EventStore<E extends EventLike = EventLike> {
  /**
   * Appends atomically: all events or none. Throws `ConcurrencyConflictError` when the stream
   * is not at `expected`: a version (0 = no stream yet), `'noStream'`, `'streamExists'`
   * or `'any'`. Appending events whose ids are already in the stream, in the same
   * order, writes nothing and returns them with `duplicate: true`.
   */
  append(streamId: string, expected: ExpectedVersion, events: readonly NewEvent<E>[]): Promise<AppendResult<E>>;
  /** The stream's events from `fromVersion` (1-based, default 1) on; empty when it does not exist. */
  readStream(streamId: string, fromVersion?: number): Promise<readonly RecordedEvent<E>[]>;
  /**
   * Up to `limit` events of the whole log from `fromPosition` (1-based) on, in global
   * order. To go on after an event, read from its position + 1, whatever the gap.
   */
  readAll(fromPosition?: number, limit?: number): Promise<readonly RecordedEvent<E>[]>;
  /**
   * Follows the log from `fromPosition`: what is stored first, then what is appended, never skipping or
   * repeating an event.
   */
  subscribe(options?: SubscribeOptions): Subscription<E>;
}
