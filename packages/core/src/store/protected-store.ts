/**
 * The one read/write path of a store: `protectStore(store, { shredder, evolution })`
 * returns the same store whose appends encrypt personal data for the stream's data
 * subject, and whose every read (readStream, readAll, subscribe, an append's result)
 * goes through `createEventReader`: versions checked, personal data decrypted (or
 * `ERASED`), events upcast. Everything built on the store (the engine's loads, inline
 * projections, `rebuildProjection`, runners) therefore reads one way, on every store,
 * and an event of an unknown type or a newer version is refused, never folded.
 *
 * A decorator rather than a change to each store: the stores stay plain logs of what
 * they were given (their conformance suite is unchanged), and one piece of code decides
 * what is encrypted and how events are read. Other members of the store (a SQLite
 * store's `database`, a PostgreSQL store's `pool` and `waitForAppend`, `keys`) are passed
 * through untouched: the decorated store keeps the type it had.
 */
import type { EventLike, NewEvent, RecordedEvent } from '../events/envelope.js';
import { NoDataSubjectError } from '../errors/data-errors.js';
import { createEventReader, type EventReader } from '../evolution/event-reader.js';
import type { EventEvolution } from '../evolution/evolution.js';
import type { CryptoShredder } from '../privacy/crypto-shredder.js';
import type { AppendResult, EventStore, SubscribeOptions, Subscription } from './event-store.js';
import { complaintSubject, type SubjectOf } from './subject-of.js';

export type { SubjectOf } from './subject-of.js';

export interface ProtectStoreOptions {
  /** Encrypts on append, decrypts on read; without it personal data is stored as given. */
  readonly shredder?: CryptoShredder;
  /** Checks and upcasts every event read; without it versions are not checked. */
  readonly evolution?: EventEvolution;
  /**
   * The data subject of a stream (default `complaintSubject`: a complaint's customer
   * reference). Asked only for appends holding personal data.
   */
  readonly subjectOf?: SubjectOf;
}

/** Where a protected store keeps its read path, for code that reads rows itself (a SQL projector). */
const READ_PATH = Symbol.for('@redress/core:protectStore.readPath');

/** What a protected store reads through, and the store it decorates. */
export interface ProtectedReadPath {
  readonly reader: EventReader;
  /** The decorated store, as stored (encrypted, not upcast): to know where an unreadable event sits. */
  readonly unprotected: EventStore<EventLike>;
}

/**
 * The read path behind a store made by `protectStore`, or undefined for a plain store.
 * For adapters that read events straight from their tables (the SQLite projector reads
 * its batches inside its own transaction) or need the position of an event the reader
 * refuses (a projector failing on it): they pass what they read through `reader`, so
 * they read as every other path does.
 */
export function readPathOf(store: object): ProtectedReadPath | undefined {
  return (store as { readonly [READ_PATH]?: ProtectedReadPath })[READ_PATH];
}

/** How many streams' subjects are remembered (a subject never changes, so a hit is always right). */
const SUBJECT_CACHE = 10_000;

// Any store type: the decorator only replaces the four EventStore methods, whatever the events.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function protectStore<S extends EventStore<any>>(store: S, options: ProtectStoreOptions): S {
  const { shredder } = options;
  const reader = createEventReader(options);
  const subjectOf = options.subjectOf ?? complaintSubject;
  const subjects = new Map<string, string>();
  type E = EventLike;
  const inner = store as unknown as EventStore<E>;
  const read = (events: readonly RecordedEvent<E>[]) => reader.readAll<E>(events);
  const readPath: ProtectedReadPath = { reader, unprotected: inner };

  async function subjectFor(streamId: string, events: readonly NewEvent<E>[]): Promise<string> {
    const known = subjects.get(streamId);
    if (known !== undefined) return known;
    const subject = await subjectOf(streamId, events, () => inner.readStream(streamId));
    const personal = events.find((e) => shredder?.hasPersonalData(e));
    if (subject === undefined) throw new NoDataSubjectError(streamId, personal?.type ?? 'unknown');
    return subject;
  }

  /** Remembered only once the stream holds events under it: an append that lost a race must not name the stream's subject. */
  function remember(streamId: string, subject: string): void {
    if (subjects.size >= SUBJECT_CACHE) subjects.delete(subjects.keys().next().value as string);
    subjects.set(streamId, subject);
  }

  async function append(streamId: string, expected: Parameters<EventStore['append']>[1], events: readonly NewEvent<E>[]): Promise<AppendResult<E>> {
    let written = events;
    let subject: string | undefined;
    if (shredder && events.some((e) => shredder.hasPersonalData(e))) {
      subject = await subjectFor(streamId, events);
      written = await shredder.protect(events, { streamId, subject });
    }
    const result = await inner.append(streamId, expected, written);
    if (subject !== undefined && !result.duplicate) remember(streamId, subject);
    return { ...result, events: await read(result.events) };
  }

  function subscribe(subscribeOptions?: SubscribeOptions): Subscription<E> {
    const subscription = inner.subscribe(subscribeOptions);
    return {
      caughtUp: subscription.caughtUp,
      close: () => subscription.close(),
      [Symbol.asyncIterator]() {
        const it = subscription[Symbol.asyncIterator]();
        return {
          async next() {
            const step = await it.next();
            return step.done ? step : { done: false, value: await reader.read<E>(step.value) };
          },
          return: async () => (await it.return?.()) ?? { done: true, value: undefined },
        };
      },
    };
  }

  const replaced: Partial<EventStore<E>> = {
    append,
    readStream: async (streamId, fromVersion) => read(await inner.readStream(streamId, fromVersion)),
    readAll: async (fromPosition, limit) => read(await inner.readAll(fromPosition, limit)),
    subscribe,
  };
  // A proxy, not a spread: stores may be class instances with getters (a store's `migrations`).
  return new Proxy(store, {
    get(target, property) {
      if (property === READ_PATH) return readPath;
      if (typeof property === 'string' && Object.hasOwn(replaced, property)) return replaced[property as keyof EventStore<E>];
      // Getters and methods run on the store itself, never on the proxy.
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as S;
}
