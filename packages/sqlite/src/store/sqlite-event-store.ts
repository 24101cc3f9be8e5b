/**
 * The SQLite event store: the log in one WAL file, appended with one immediate
 * transaction per call (the engine makes one call per command), read by any number
 * of processes, and followed by a polling subscription.
 */
import {
  ConcurrencyConflictError,
  StoreUnavailableError,
  assertExpectedVersion,
  followLog,
  systemClock,
  type AppendResult,
  type Clock,
  type ComplaintEvent,
  createTableKeyStore,
  type KeyStore,
  type KeyWrapper,
  type EventLike,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '@redress/core';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { configure, openDatabase, type DatabaseSettings } from '../database/open.js';
import { StoreInputError } from '../errors.js';
import { typed } from './faults.js';
import { migrate, type MigrationReport } from '../migrations/migrate.js';
import { createAppendSignal } from './append-signal.js';
import { claimStream } from './claim-stream.js';
import { sqliteKeyTable } from '../keys/sqlite-key-table.js';
import { EVENT_COLUMNS, fromRow, recorded, type EventRow } from './rows.js';
import { checkExpected, checkFrom, checkLimit, checkStreamId, serialise, type SerialisedEvent } from './validate.js';

interface CommonOptions extends DatabaseSettings {
  /** Stamps `redress_migrations.applied_at` (default: the system clock). */
  readonly clock?: Clock;
  /** How often a waiting subscription looks for other processes' appends (default 100 ms). */
  readonly pollIntervalMs?: number;
  /**
   * Wraps the data keys `keys` stores (e.g. `aesGcmKeyWrapper(masterKey)`). Without one,
   * `keys` still destroys and lists keys, and reads erased subjects as erased, but creating
   * or reading key material throws `KeyWrapperMissingError`: keys never go into the file
   * unwrapped.
   */
  readonly keyWrapper?: KeyWrapper;
  /** Wrappers of earlier master keys, to read the keys they wrapped (matched by the row's wrapper id). */
  readonly previousKeyWrappers?: readonly KeyWrapper[];
}

export type SqliteEventStoreOptions = CommonOptions &
  (
    | {
        /** A file path (created if missing). The store opens it and `close()` closes it. */
        readonly file: string;
        readonly database?: never;
      }
    | {
        /** A connection the host opened; the host closes it. WAL and the other settings are applied to it. */
        readonly database: SqliteDatabase;
        readonly file?: never;
      }
  );

export interface SqliteEventStore<E extends EventLike = ComplaintEvent> extends EventStore<E> {
  /** The connection: read models and checkpoints live in the same file, see `createProjector`. */
  readonly database: SqliteDatabase;
  /** What opening the file did to its schema. */
  readonly migrations: MigrationReport;
  /** The data keys of crypto-shredding, in the same file (`redress_data_keys`, docs/privacy.md). */
  readonly keys: KeyStore;
  /**
   * Erasure in one transaction: appends the audit event(s) recording it, as `append` does,
   * and destroys every key of `subjects`. Both or neither: no key destroyed without its
   * record, no record whose keys survive. A retry (the same event ids) destroys again,
   * which changes nothing.
   */
  appendErasure(streamId: string, expected: ExpectedVersion, events: readonly NewEvent<E>[], subjects: readonly string[]): Promise<AppendResult<E>>;
  /** The global position of the last event stored (0 for an empty log). */
  head(): number;
  /** Resolves once the log holds `position` (at once if it does), or when `signal` aborts. */
  waitForAppend(position: number, signal: AbortSignal): Promise<void>;
  /** Closes the connection if the store opened it. */
  close(): void;
}

/** Thrown inside the fast append's transaction to roll it back: an event id was taken. */
class IdTaken extends Error {}

const isUniqueViolation = (e: unknown): boolean => e instanceof Error && (e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';

export function createSqliteEventStore<E extends EventLike = ComplaintEvent>(options: SqliteEventStoreOptions): SqliteEventStore<E> {
  if (options.file === undefined && options.database === undefined) throw new StoreInputError('options', 'give a file or a database');
  const owned = options.database === undefined;
  const db = typed('open', () => options.database ?? openDatabase(options.file));
  let migrations: MigrationReport;
  try {
    migrations = typed('open', () => {
      configure(db, options);
      return migrate(db, options.clock ?? systemClock);
    });
  } catch (e) {
    if (owned) db.close();
    throw e;
  }
  const pollIntervalMs = Math.max(1, options.pollIntervalMs ?? 100);

  const sql = {
    head: db.prepare('SELECT COALESCE(MAX(global_position), 0) FROM redress_events').pluck(),
    version: db.prepare('SELECT version FROM redress_streams WHERE stream_id = ?').pluck(),
    placeOf: db.prepare('SELECT stream_id AS streamId, stream_version AS version FROM redress_events WHERE event_id = ?'),
    insert: db.prepare(
      'INSERT INTO redress_events (stream_id, stream_version, event_id, type, data, occurred_at, actor, causation_id, correlation_id, schema_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    setVersion: db.prepare(
      'INSERT INTO redress_streams (stream_id, version) VALUES (?, ?) ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version',
    ),
    readStream: db.prepare(
      `SELECT ${EVENT_COLUMNS} FROM redress_events WHERE stream_id = ? AND stream_version >= ? ORDER BY stream_version LIMIT ?`,
    ),
    readAll: db.prepare(`SELECT ${EVENT_COLUMNS} FROM redress_events WHERE global_position >= ? ORDER BY global_position LIMIT ?`),
  };
  const claim = claimStream(db);
  const head = () => typed('head', () => sql.head.get() as number);
  const versionOf = (streamId: string) => (sql.version.get(streamId) as number | undefined) ?? 0;
  const readStream = (streamId: string, from: number, limit = -1) =>
    (sql.readStream.all(streamId, from, limit) as EventRow[]).map((row) => fromRow<E>(row));

  /** The stored events when `events` is a retry of an append already made; throws when it half-overlaps one. */
  function duplicateOf(streamId: string, current: number, events: readonly NewEvent<E>[]): RecordedEvent<E>[] | undefined {
    const first = events[0];
    if (first === undefined) return undefined;
    const place = sql.placeOf.get(first.eventId) as { streamId: string; version: number } | undefined;
    // Stored in another stream: not a retry, and the id check below refuses it.
    if (place === undefined || place.streamId !== streamId) return undefined;
    const existing = readStream(streamId, place.version, events.length);
    const same = existing.length === events.length && existing.every((e, i) => e.eventId === events[i]?.eventId);
    // Some ids stored, others not: this is not a retry of one append, so it is a conflict.
    if (!same) {
      throw new ConcurrencyConflictError(streamId, 'any', current, `event ${first.eventId} is already stored, but the events appended with it differ`);
    }
    return existing;
  }

  /** Inserts the events at `current` + 1 on, the stream's row already moved on to their last version. */
  function insertEvents(streamId: string, expected: ExpectedVersion, current: number, events: readonly NewEvent<E>[], rows: readonly SerialisedEvent[], fullPath: boolean): AppendResult<E> {
    // Ids repeated within the append (the database catches those used before). Thrown, the transaction rolls the row back.
    for (let i = 1; i < events.length; i++) {
      const eventId = (events[i] as NewEvent<E>).eventId;
      for (let j = 0; j < i; j++) {
        if ((events[j] as NewEvent<E>).eventId !== eventId) continue;
        // The full path looks for a stored retry first, and answers that one.
        if (!fullPath) throw new IdTaken();
        throw new ConcurrencyConflictError(streamId, expected, current, `event id ${eventId} is already used`);
      }
    }
    const stored: RecordedEvent<E>[] = new Array(events.length);
    let i = 0;
    try {
      for (; i < events.length; i++) {
        const e = events[i] as NewEvent<E>;
        const row = rows[i] as SerialisedEvent;
        const version = current + i + 1;
        // The position is SQLite's next rowid, the last one + 1: under the write lock, commit order.
        const at = sql.insert.run(streamId, version, e.eventId, e.type, row.data, e.occurredAt, row.actor, e.causationId, e.correlationId, e.schemaVersion).lastInsertRowid;
        stored[i] = recorded(e, streamId, version, Number(at));
      }
    } catch (error) {
      // Only the event id can collide: the stream version and the position are ours under the write lock.
      if (!isUniqueViolation(error)) throw error;
      // On the fast path a stored id may be a retry of this very append: roll back and decide it on the full path.
      if (!fullPath) throw new IdTaken();
      throw new ConcurrencyConflictError(streamId, expected, current, `event id ${String(events[i]?.eventId)} is already used`);
    }
    return { events: stored, streamVersion: current + events.length, duplicate: false };
  }

  /**
   * The full path: a retry of an append already made is answered with its stored events (looked up by the
   * first event id) before the expected version is checked, since a retry's expected version is stale.
   */
  const appendChecked = db.transaction(
    (streamId: string, expected: ExpectedVersion, events: readonly NewEvent<E>[], rows: readonly SerialisedEvent[]): AppendResult<E> => {
      const current = versionOf(streamId);
      const duplicate = duplicateOf(streamId, current, events);
      if (duplicate) return { events: duplicate, streamVersion: current, duplicate: true };
      assertExpectedVersion(streamId, current, expected);
      if (events.length === 0) return { events: [], streamVersion: current, duplicate: false };
      // The stream row first: events reference it.
      sql.setVersion.run(streamId, current + events.length);
      return insertEvents(streamId, expected, current, events, rows, true);
    },
  );

  /**
   * The common path, two statements fewer per command: the stream row's compare-and-set (claim-stream.ts)
   * checks and moves the version in one statement, and the events are inserted straight away, the look-up
   * of the first event id left to the unique index. When the expectation does not hold (nothing was
   * written) the full path decides in the same transaction; when an id is taken (a retry, or a reused id)
   * the append is rolled back and decided again on the full path. Either way the answer is the full path's.
   */
  const appendFast = db.transaction(
    (streamId: string, expected: ExpectedVersion, events: readonly NewEvent<E>[], rows: readonly SerialisedEvent[]): AppendResult<E> => {
      const current = events.length === 0 ? undefined : claim(streamId, expected, events.length);
      if (current === undefined) return appendChecked(streamId, expected, events, rows);
      return insertEvents(streamId, expected, current, events, rows, false);
    },
  );

  /** Appends on the fast path, falling back to the full one when an event id is taken. */
  const appendInTransaction = (streamId: string, expected: ExpectedVersion, events: readonly NewEvent<E>[], rows: readonly SerialisedEvent[]): AppendResult<E> => {
    try {
      return appendFast.immediate(streamId, expected, events, rows);
    } catch (error) {
      if (!(error instanceof IdTaken)) throw error;
      return appendChecked.immediate(streamId, expected, events, rows);
    }
  };

  const keyTable = sqliteKeyTable(db, options.clock ?? systemClock);
  const erasureInTransaction = db.transaction(
    (streamId: string, expected: ExpectedVersion, events: readonly NewEvent<E>[], rows: readonly SerialisedEvent[], subjects: readonly string[]) => {
      const result = appendChecked(streamId, expected, events, rows);
      for (const subject of subjects) keyTable.destroyInTransaction(subject);
      return result;
    },
  );

  const signal = createAppendSignal(head, pollIntervalMs);
  const closing = new AbortController();
  const readAll = async (from: number, limit: number) => typed('readAll', () => (sql.readAll.all(from, limit) as EventRow[]).map((row) => fromRow<E>(row)));

  return {
    database: db,
    migrations,
    keys: createTableKeyStore(keyTable, { wrapper: options.keyWrapper, previousWrappers: options.previousKeyWrappers }),
    head,
    waitForAppend: (position, abort) => signal.waitFor(position, abort),
    close() {
      closing.abort();
      if (owned && db.open) db.close();
      // Waiting subscriptions wake up to find the store closed, rather than poll forever.
      signal.notify();
    },

    async append(streamId, expected, events) {
      checkStreamId(streamId);
      checkExpected(expected);
      // Serialised before the transaction: the write lock is held only for the writes.
      const rows = serialise(events);
      // IMMEDIATE takes the write lock up front: a reader's lock is never upgraded mid-way,
      // which in WAL would fail with SQLITE_BUSY instead of waiting.
      const result = typed('append', () => appendInTransaction(streamId, expected, events, rows));
      if (result.events.length > 0 && !result.duplicate) signal.notify();
      return result;
    },

    async appendErasure(streamId, expected, events, subjects) {
      checkStreamId(streamId);
      checkExpected(expected);
      for (const subject of subjects) if (typeof subject !== 'string' || subject === '') throw new StoreInputError('subjects', 'each subject is a non-empty string');
      const rows = serialise(events);
      const result = typed('append', () => erasureInTransaction.immediate(streamId, expected, events, rows, subjects));
      if (result.events.length > 0 && !result.duplicate) signal.notify();
      return result;
    },

    async readStream(streamId, fromVersion = 1) {
      checkStreamId(streamId);
      const from = checkFrom('fromVersion', fromVersion);
      return typed('readStream', () => readStream(streamId, from));
    },

    async readAll(fromPosition = 1, limit = 1000) {
      const from = checkFrom('fromPosition', fromPosition);
      const count = checkLimit(limit);
      if (count === 0) return [];
      return readAll(from, count);
    },

    subscribe(subscribeOptions?: SubscribeOptions): Subscription<E> {
      return followLog(
        {
          readAll,
          waitForAppend: (position, abort) => signal.waitFor(position, abort),
          // Another process holding the write lock past the busy timeout: wait a poll interval, read again.
          recover: async (error, abort) => {
            if (!(error instanceof StoreUnavailableError)) throw error;
            await signal.waitFor(Number.POSITIVE_INFINITY, AbortSignal.any([abort, AbortSignal.timeout(pollIntervalMs)]));
          },
          closed: closing.signal,
        },
        subscribeOptions,
      );
    },
  };
}
