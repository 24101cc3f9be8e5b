/**
 * The in-memory event store: the reference implementation of the contract, for
 * tests, demos and single-process hosts that keep the log elsewhere.
 */
import { recordEvent, type EventLike, type NewEvent, type RecordedEvent } from '../events/envelope.js';
import type { ComplaintEvent } from '../events/schema.js';
import { ConcurrencyConflictError, type ExpectedVersion } from '../errors/errors.js';
import type { AppendResult, EventStore, SubscribeOptions, Subscription } from './event-store.js';
import { assertExpectedVersion, matchesExpectedVersion } from './expected-version.js';
import { followLog } from './follow-log.js';

/** The in-memory store: the `EventStore` contract plus its size, for tests and single-process hosts. */
export interface InMemoryEventStore<E extends EventLike = ComplaintEvent> extends EventStore<E> {
  /** Number of events in the log. */
  readonly size: number;
}

/** A store of complaint events by default; any `EventLike` works (the contract suite uses its own). */
export function createInMemoryEventStore<E extends EventLike = ComplaintEvent>(): InMemoryEventStore<E> {
  const log: RecordedEvent<E>[] = [];
  const streams = new Map<string, RecordedEvent<E>[]>();
  /**
   * Every event id in the log: ids are unique across streams, and re-appending the same
   * events is a no-op. A Set, not a map to the stream: a third smaller at a million
   * events, and the stream is asked only of a retry, whose stream is scanned anyway.
   */
  const eventIds = new Set<string>();
  let waiters: (() => void)[] = [];

  const wake = () => {
    // Most appends have no subscription waiting: no new array for them.
    if (waiters.length === 0) return;
    const woken = waiters;
    waiters = [];
    for (const w of woken) w();
  };

  /** The stored events of a retried append (the same events, by id, in this stream), or a conflict when only some match. */
  function duplicateOf(streamId: string, stream: readonly RecordedEvent<E>[], events: readonly NewEvent<E>[], start: number) {
    const existing = stream.slice(start, start + events.length);
    const same = existing.length === events.length && existing.every((e, i) => e.eventId === events[i]?.eventId);
    // Some ids stored, others not: this is not a retry of one append, so it is a conflict.
    if (!same) {
      throw new ConcurrencyConflictError(streamId, 'any', stream.length, `event ${String(events[0]?.eventId)} is already stored, but the events appended with it differ`);
    }
    return existing;
  }

  /**
   * Claims every event id of an append in `eventIds`, or none: the index of the first id
   * already taken (by the log, or earlier in this append), else -1 with all of them claimed.
   * One Set operation per id (add, then see whether the Set grew): a `has` before the `add`
   * was a second probe of a table as large as the log, a sixth of the append in the profile.
   */
  function claim(events: readonly NewEvent<E>[]): number {
    for (let i = 0; i < events.length; i++) {
      const size = eventIds.size;
      eventIds.add((events[i] as NewEvent<E>).eventId);
      if (eventIds.size === size) {
        release(events, i);
        return i;
      }
    }
    return -1;
  }

  /** Gives back the ids `claim` took for the first `count` events of an append that is not written. */
  function release(events: readonly NewEvent<E>[], count: number): void {
    for (let j = 0; j < count; j++) eventIds.delete((events[j] as NewEvent<E>).eventId);
  }

  return {
    get size() {
      return log.length;
    },

    async append(streamId: string, expected: ExpectedVersion, events: readonly NewEvent<E>[]): Promise<AppendResult<E>> {
      const stream = streams.get(streamId);
      const current = stream === undefined ? 0 : stream.length;
      const first = events[0];
      if (first === undefined) {
        assertExpectedVersion(streamId, current, expected);
        return { events: [], streamVersion: current, duplicate: false };
      }
      const taken = claim(events);
      // Its first id taken: a retry when that id is in this stream (then nothing else is claimed).
      const start = taken === 0 && stream !== undefined ? stream.findIndex((e) => e.eventId === first.eventId) : -1;
      if (start >= 0) return { events: duplicateOf(streamId, stream as RecordedEvent<E>[], events, start), streamVersion: current, duplicate: true };
      if (!matchesExpectedVersion(current, expected)) {
        if (taken < 0) release(events, events.length);
        throw new ConcurrencyConflictError(streamId, expected, current);
      }
      // Ids must be new to the log and to this append.
      if (taken >= 0) throw new ConcurrencyConflictError(streamId, expected, current, `event id ${(events[taken] as NewEvent<E>).eventId} is already used`);
      const into = stream ?? [];
      if (stream === undefined) streams.set(streamId, into);
      const recorded: RecordedEvent<E>[] = new Array(events.length);
      for (let i = 0; i < events.length; i++) {
        const r = recordEvent(events[i] as NewEvent<E>, streamId, current + i + 1, log.length + 1);
        recorded[i] = r;
        into.push(r);
        log.push(r);
      }
      wake();
      return { events: recorded, streamVersion: into.length, duplicate: false };
    },

    async readStream(streamId: string, fromVersion = 1) {
      const stream = streams.get(streamId);
      return stream ? stream.slice(Math.max(0, fromVersion - 1)) : [];
    },

    async readAll(fromPosition = 1, limit = 1000) {
      const start = Math.max(0, fromPosition - 1);
      return log.slice(start, start + Math.max(0, limit));
    },

    subscribe(options?: SubscribeOptions): Subscription<E> {
      return followLog(
        {
          readAll: async (from, limit) => log.slice(from - 1, from - 1 + limit),
          waitForAppend: (position, signal) =>
            new Promise<void>((resolve) => {
              if (signal.aborted || log.length >= position) return resolve();
              const done = () => {
                signal.removeEventListener('abort', done);
                resolve();
              };
              waiters.push(done);
              signal.addEventListener('abort', done, { once: true });
            }),
        },
        options,
      );
    },
  };
}
