/**
 * The in-memory event store: the reference implementation of the contract, for
 * tests, demos and single-process hosts that keep the log elsewhere.
 */
import { recordEvent, type EventLike, type NewEvent, type RecordedEvent } from '../events/envelope.js';
import type { ComplaintEvent } from '../events/schema.js';
import { ConcurrencyConflictError, type ExpectedVersion } from '../errors/errors.js';
import type { AppendResult, EventStore, SubscribeOptions, Subscription } from './event-store.js';
import { assertExpectedVersion } from './expected-version.js';
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
  /** eventId → stream, to make re-appending the same events a no-op. */
  const eventStreams = new Map<string, string>();
  let waiters: (() => void)[] = [];

  const wake = () => {
    const woken = waiters;
    waiters = [];
    for (const w of woken) w();
  };

  function duplicateOf(streamId: string, stream: readonly RecordedEvent<E>[], events: readonly NewEvent<E>[]) {
    const first = events[0];
    if (first === undefined || eventStreams.get(first.eventId) !== streamId) return undefined;
    const start = stream.findIndex((e) => e.eventId === first.eventId);
    const existing = stream.slice(start, start + events.length);
    const same = existing.length === events.length && existing.every((e, i) => e.eventId === events[i]?.eventId);
    // Some ids stored, others not: this is not a retry of one append, so it is a conflict.
    if (!same) {
      throw new ConcurrencyConflictError(streamId, 'any', stream.length, `event ${first.eventId} is already stored, but the events appended with it differ`);
    }
    return existing;
  }

  return {
    get size() {
      return log.length;
    },

    async append(streamId: string, expected: ExpectedVersion, events: readonly NewEvent<E>[]): Promise<AppendResult<E>> {
      const stream = streams.get(streamId) ?? [];
      const duplicate = duplicateOf(streamId, stream, events);
      if (duplicate) return { events: duplicate, streamVersion: stream.length, duplicate: true };
      assertExpectedVersion(streamId, stream.length, expected);
      // Ids must be new to the log and to this append (a Set only when there is more than one).
      const batch = events.length > 1 ? new Set<string>() : undefined;
      for (const e of events) {
        if (eventStreams.has(e.eventId) || batch?.has(e.eventId)) {
          throw new ConcurrencyConflictError(streamId, expected, stream.length, `event id ${e.eventId} is already used`);
        }
        batch?.add(e.eventId);
      }
      const recorded = events.map((e, i) => recordEvent(e, streamId, stream.length + i + 1, log.length + i + 1));
      if (recorded.length === 0) return { events: [], streamVersion: stream.length, duplicate: false };
      if (!streams.has(streamId)) streams.set(streamId, stream);
      for (const r of recorded) {
        stream.push(r);
        log.push(r);
        eventStreams.set(r.eventId, streamId);
      }
      wake();
      return { events: recorded, streamVersion: stream.length, duplicate: false };
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
