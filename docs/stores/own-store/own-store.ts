/**
 * A host's own event store: the log in an append-only JSON-lines file, one line per
 * append, held in memory while the store is open. One process owns the file: the
 * compare-and-set below is atomic because nothing awaits between reading a stream's
 * version and writing, and that holds within one process only.
 */
import { closeSync, existsSync, fsyncSync, ftruncateSync, fstatSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import {
  ConcurrencyConflictError,
  assertExpectedVersion,
  followLog,
  recordEvent,
  type ComplaintEvent,
  type EventLike,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '@redress/core';

export interface OwnStoreOptions {
  /** The log file, created if missing. */
  readonly file: string;
  /** Sync the file after each append (default true), so an acknowledged append survives a power cut. */
  readonly fsync?: boolean;
}

export interface OwnStore<E extends EventLike = ComplaintEvent> extends EventStore<E> {
  /** Closes the file; appends after this throw. */
  close(): void;
}

export function createOwnStore<E extends EventLike = ComplaintEvent>(options: OwnStoreOptions): OwnStore<E> {
  const log: RecordedEvent<E>[] = [];
  const streams = new Map<string, RecordedEvent<E>[]>();
  /** eventId → streamId: ids are unique in the whole log. */
  const streamOf = new Map<string, string>();
  let waiters: (() => void)[] = [];

  const remember = (events: readonly RecordedEvent<E>[]) => {
    for (const e of events) {
      const stream = streams.get(e.streamId) ?? [];
      streams.set(e.streamId, stream);
      stream.push(e);
      log.push(e);
      streamOf.set(e.eventId, e.streamId);
    }
  };

  // A last line without its newline is an append cut short by a crash. It was never
  // acknowledged, so it is dropped: all of an append or none of it.
  const text = existsSync(options.file) ? readFileSync(options.file, 'utf8') : '';
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  if (complete.length < text.length) truncateSync(options.file, Buffer.byteLength(complete));
  for (const line of complete.split('\n')) if (line !== '') remember(JSON.parse(line) as RecordedEvent<E>[]);
  const fd = openSync(options.file, 'a');

  /** Writes one line, or nothing: a failed write is cut off, or the next line would be appended to its remains. */
  function writeLine(line: string): void {
    const bytes = Buffer.from(line, 'utf8');
    const size = fstatSync(fd).size;
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
      if (options.fsync !== false) fsyncSync(fd);
    } catch (error) {
      ftruncateSync(fd, size);
      throw error;
    }
  }

  /** The stored events when `events` repeats an append already made; a conflict when it half-overlaps one. */
  function storedRun(streamId: string, stream: readonly RecordedEvent<E>[], events: readonly NewEvent<E>[]) {
    const first = events[0];
    if (first === undefined || streamOf.get(first.eventId) !== streamId) return undefined;
    const start = stream.findIndex((e) => e.eventId === first.eventId);
    const stored = stream.slice(start, start + events.length);
    if (stored.length === events.length && stored.every((e, i) => e.eventId === events[i]?.eventId)) return stored;
    throw new ConcurrencyConflictError(streamId, 'any', stream.length, `event ${first.eventId} is already stored, but the events appended with it differ`);
  }

  return {
    // No `await` in here: concurrent calls cannot interleave between the check and the write.
    async append(streamId, expected, events) {
      const stream = streams.get(streamId) ?? [];
      const current = stream.length;
      const repeated = storedRun(streamId, stream, events);
      if (repeated) return { events: repeated, streamVersion: current, duplicate: true };
      // All four kinds, 'noStream' included: "must not exist" is a check, not the absence of one.
      assertExpectedVersion(streamId, current, expected);
      const ids = new Set<string>();
      for (const { eventId } of events) {
        if (streamOf.has(eventId) || ids.has(eventId)) {
          throw new ConcurrencyConflictError(streamId, expected, current, `event id ${eventId} is already used`);
        }
        ids.add(eventId);
      }
      if (events.length === 0) return { events: [], streamVersion: current, duplicate: false };
      const recorded = events.map((e, i) => recordEvent(e, streamId, current + i + 1, log.length + i + 1));
      writeLine(`${JSON.stringify(recorded)}\n`); // the file first: if it throws, nothing changed
      remember(recorded);
      const woken = waiters;
      waiters = [];
      for (const wake of woken) wake();
      return { events: recorded, streamVersion: current + recorded.length, duplicate: false };
    },

    async readStream(streamId, fromVersion = 1) {
      return (streams.get(streamId) ?? []).slice(Math.max(0, fromVersion - 1));
    },

    async readAll(fromPosition = 1, limit = 1000) {
      const start = Math.max(0, fromPosition - 1);
      return log.slice(start, start + Math.max(0, limit));
    },

    subscribe(subscribeOptions) {
      return followLog(
        {
          readAll: async (from, limit) => log.slice(from - 1, from - 1 + limit),
          // At once when the position is already there (it was appended while the subscriber
          // was busy), else on the next append or when the subscription ends.
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
        subscribeOptions,
      );
    },

    close() {
      closeSync(fd);
    },
  };
}
