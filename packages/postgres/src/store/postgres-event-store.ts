/**
 * The PostgreSQL event store. An append is one statement, one commit: a
 * compare-and-set on the stream row and the insert of its events, with positions
 * taken from the transaction id (append.ts, positions.ts). Readers of the global order
 * stop below the oldest transaction still running, so none of them ever moves past an
 * event that commits late, and all of them see one order (docs/stores/postgres.md).
 * Every query is scoped to the store's tenant; every driver failure about the server
 * surfaces as @redress/core's typed store errors (faults.ts).
 */
import {
  ConcurrencyConflictError,
  createTableKeyStore,
  isRedressError,
  type KeyStore,
  type KeyWrapper,
  followLog,
  StoreUnavailableError,
  type AppendResult,
  type ComplaintEvent,
  type EventLike,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '@redress/core';
import pg from 'pg';
import type { Pool } from 'pg';
import { assertMigrated, migrate, type MigrationReport } from '../schema/migrate.js';
import { appendStatement, streamVersion, type AppendRequest, type Placed, type StoreTables } from './append.js';
import { guardPool, inTransaction } from './clients.js';
import { destroyKeys, postgresKeyTable } from '../keys/postgres-key-table.js';
import { retried, typed } from './faults.js';
import { pause } from './pause.js';
import { AppendTooLargeError, EVENTS_PER_APPEND } from './positions.js';
import { readLog } from './read-log.js';
import { checkTenant, pgError, quoteIdentifier, UNIQUE_VIOLATION } from './sql.js';
import { createWakeUps } from './wake-ups.js';

export interface PostgresEventStoreOptions {
  /** A pool the host owns (and ends). Give this or `connectionString`. */
  readonly pool?: Pool;
  /** A connection string; the store then owns its pool and ends it on `close()`. */
  readonly connectionString?: string;
  /** Whose log this is (default `'default'`). Tenants share the tables and never see each other's events. */
  readonly tenant?: string;
  /** The PostgreSQL schema holding the tables (default `'public'`); see `quoteIdentifier` for what a name may hold. */
  readonly schema?: string;
  /** Run the migrations on creation (default true). Turn off when a deploy step runs `migrate()`. */
  readonly migrate?: boolean;
  /** How long a subscriber waits for a notification before it reads anyway, and backs off while the server is down (default 1000 ms). */
  readonly pollIntervalMs?: number;
  /**
   * Send the append statement as a named prepared statement, parsed and planned once per
   * connection (default true). Behind a pooler that does not keep prepared statements
   * (PgBouncer in transaction mode without `max_prepared_statements`) the store notices
   * the refusal and goes on unnamed; `false` skips the attempt.
   */
  readonly preparedStatements?: boolean;
  /**
   * Wraps the data keys `keys` stores (e.g. `aesGcmKeyWrapper(masterKey)`). Without one,
   * `keys` still destroys and lists keys, and reads erased subjects as erased, but creating
   * or reading key material throws `KeyWrapperMissingError`: keys never go into the
   * database unwrapped.
   */
  readonly keyWrapper?: KeyWrapper;
  /** Wrappers of earlier master keys, to read the keys they wrapped (matched by the row's wrapper id). */
  readonly previousKeyWrappers?: readonly KeyWrapper[];
}

export interface PostgresEventStore<E extends EventLike = ComplaintEvent> extends EventStore<E> {
  readonly tenant: string;
  readonly schema: string;
  readonly pool: Pool;
  /** Resolves when an event at `position` or later may be readable, or when `signal` aborts. */
  waitForAppend(position: number, signal: AbortSignal): Promise<void>;
  /**
   * The position of the last committed event of the log (0 when empty). A reader that
   * reaches it has read everything committed so far; it may have to wait for it a moment,
   * while a transaction that started before it is still running (see positions.ts).
   */
  headPosition(): Promise<number>;
  /**
   * What the open's `migrate()` run did (the schema version before and after, the
   * migrations applied), like the SQLite store's `migrations`; undefined when the store was
   * opened with `migrate: false` and only checked the schema.
   */
  readonly migrations: MigrationReport | undefined;
  /** The tenant's data keys of crypto-shredding (`redress_data_keys`, docs/privacy.md): other tenants' keys are out of its reach. */
  readonly keys: KeyStore;
  /**
   * Erasure in one transaction: appends the audit event(s) recording it, as `append` does,
   * and destroys every key of `subjects`. Both or neither: no key destroyed without its
   * record, no record whose keys survive. A retry (the same event ids) destroys again,
   * which changes nothing.
   */
  appendErasure(streamId: string, expected: ExpectedVersion, events: readonly NewEvent<E>[], subjects: readonly string[]): Promise<AppendResult<E>>;
  /** Ends its subscriptions and stops listening; ends the pool when the store created it. */
  close(): Promise<void>;
}

/** The first event id that appears twice in one append, if any: such an append is refused before anything is written. */
function repeatedId(events: readonly NewEvent<EventLike>[]): string | undefined {
  const seen = new Set<string>();
  for (const e of events) {
    if (seen.has(e.eventId)) return e.eventId;
    seen.add(e.eventId);
  }
  return undefined;
}

/** Could a stream at `current` have taken an append expecting `expected`? (Then only the position guard refused it.) */
function expectationHeld(expected: ExpectedVersion, current: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'streamExists') return current > 0;
  if (expected === 'noStream') return current === 0;
  return current === expected;
}

/** Attempts when the position guard refuses (each a new transaction with a newer id; one retry is the rule). */
const GUARD_ATTEMPTS = 10;

export async function createPostgresEventStore<E extends EventLike = ComplaintEvent>(options: PostgresEventStoreOptions): Promise<PostgresEventStore<E>> {
  if (!options.pool && options.connectionString === undefined) throw new TypeError('createPostgresEventStore needs a pool or a connectionString');
  const schemaName = options.schema ?? 'public';
  const tables: StoreTables = { schema: quoteIdentifier(schemaName), tenant: checkTenant(options.tenant ?? 'default') };
  const ownsPool = !options.pool;
  const pool = options.pool ?? new pg.Pool({ connectionString: options.connectionString });
  const unguard = guardPool(pool);
  const pollMs = options.pollIntervalMs ?? 1000;
  let migrations: MigrationReport | undefined;
  try {
    await typed('open', async () => {
      if (options.migrate !== false) migrations = await migrate(pool, schemaName);
      else await assertMigrated(pool, schemaName);
    });
  } catch (error) {
    unguard();
    if (ownsPool) await pool.end();
    throw error;
  }
  const wakeUps = createWakeUps(pool, tables.tenant, pollMs);
  const log = readLog<E>(pool, tables);
  const closing = new AbortController();

  /**
   * What is stored under these ids: nothing (undefined), exactly these events in this
   * stream in this order (returned), or anything else (a conflict: some ids reused).
   */
  async function storedRun(streamId: string, expected: ExpectedVersion, events: readonly NewEvent<E>[]): Promise<RecordedEvent<E>[] | undefined> {
    const ids = events.map((e) => e.eventId);
    const rows = await log.placesOf(ids);
    if (rows.length === 0) return undefined;
    const first = rows[0];
    const same =
      first !== undefined &&
      rows.length === ids.length &&
      rows.every((r, i) => r.stream_id === streamId && r.event_id === ids[i] && r.stream_version === first.stream_version + i);
    if (!same) {
      const used = rows[0];
      throw new ConcurrencyConflictError(
        streamId,
        expected,
        await streamVersion(pool, tables, streamId),
        used?.stream_id === streamId ? `event ${used.event_id} is already stored, but the events appended with it differ` : `event id ${used?.event_id ?? ''} is already used`,
      );
    }
    return log.readStream(streamId, first.stream_version, first.stream_version + ids.length - 1);
  }

  let prepared = options.preparedStatements !== false;
  /** The statement, named while the server keeps named statements. */
  async function statement(request: AppendRequest<E>): Promise<Placed | undefined> {
    try {
      return await appendStatement(pool, tables, request, prepared);
    } catch (error) {
      const { code } = pgError(error);
      // "does not exist" / "already exists": a pooler swapped the server connection under the name. Nothing ran.
      if (!prepared || (code !== '26000' && code !== '42P05')) throw error;
      prepared = false;
      return appendStatement(pool, tables, request, false);
    }
  }

  /** How one attempt runs: the statement alone, or inside a transaction with more (an erasure). */
  type Attempt = (request: AppendRequest<E>) => Promise<Placed | undefined>;

  /** The append's statement until it takes the stream row or the stream is not at `expected`. */
  async function place(streamId: string, expected: ExpectedVersion, events: readonly NewEvent<E>[], run: Attempt): Promise<Placed> {
    for (let attempt = 1; ; attempt++) {
      const placed = await run({ streamId, expected, events });
      if (placed) return placed;
      const current = await streamVersion(pool, tables, streamId);
      if (!expectationHeld(expected, current)) throw new ConcurrencyConflictError(streamId, expected, current);
      if (attempt >= GUARD_ATTEMPTS) {
        throw new Error(
          `stream ${streamId}'s last position lies above every new transaction's: the database was restored into another cluster? run migrate() to re-base the positions`,
        );
      }
    }
  }

  async function append(streamId: string, expected: ExpectedVersion, events: readonly NewEvent<E>[], run: Attempt = statement, onDuplicate?: () => Promise<void>): Promise<AppendResult<E>> {
    if (events.length === 0) return { events: [], streamVersion: await typed('append', () => streamVersion(pool, tables, streamId)), duplicate: false };
    if (events.length > EVENTS_PER_APPEND) throw new AppendTooLargeError(streamId, events.length);
    const repeated = repeatedId(events);
    if (repeated !== undefined) {
      const current = await typed('append', () => streamVersion(pool, tables, streamId));
      throw new ConcurrencyConflictError(streamId, expected, current, `event id ${repeated} appears twice in one append`);
    }
    let placed: Placed;
    try {
      placed = await retried('append', () => place(streamId, expected, events, run));
    } catch (error) {
      const failure = pgError(error);
      const isConflict = isRedressError(error, 'ConcurrencyConflict') || (failure.code === UNIQUE_VIOLATION && failure.constraint !== undefined);
      if (!isConflict) throw error;
      // The fast path writes first and asks questions after: only a refused append checks
      // whether it is the retry of one that already went through.
      const stored = await typed('append', () => storedRun(streamId, expected, events));
      if (stored) {
        await onDuplicate?.();
        return { events: stored, streamVersion: await typed('append', () => streamVersion(pool, tables, streamId)), duplicate: true };
      }
      if (isRedressError(error, 'ConcurrencyConflict')) throw error;
      // An id clash whose owner is no longer there to compare with: still a conflict, never a write.
      throw new ConcurrencyConflictError(streamId, expected, await typed('append', () => streamVersion(pool, tables, streamId)));
    }
    wakeUps.announce();
    const recorded = events.map(
      (e, i) =>
        ({
          type: e.type,
          data: e.data,
          eventId: e.eventId,
          occurredAt: e.occurredAt,
          actor: e.actor,
          causationId: e.causationId,
          correlationId: e.correlationId,
          schemaVersion: e.schemaVersion,
          streamId,
          streamVersion: placed.previous + i + 1,
          globalPosition: placed.first + i,
        }) as RecordedEvent<E>,
    );
    return { events: recorded, streamVersion: placed.previous + events.length, duplicate: false };
  }

  const keyTable = postgresKeyTable(pool, tables);
  async function appendErasure(streamId: string, expected: ExpectedVersion, events: readonly NewEvent<E>[], subjects: readonly string[]): Promise<AppendResult<E>> {
    for (const subject of subjects) if (typeof subject !== 'string' || subject === '') throw new TypeError('appendErasure: each subject is a non-empty string');
    // No audit event, no erasure: an erasure is never unrecorded.
    if (events.length === 0) throw new TypeError('appendErasure: give the audit event(s) that record the erasure');
    const destroyAll = async (q: Pick<pg.ClientBase, 'query'>) => {
      for (const subject of subjects) await destroyKeys(q, tables, subject);
    };
    const withDestruction: Attempt = (request) =>
      inTransaction(pool, 'append', async (tx) => {
        const placed = await appendStatement(tx, tables, request, false);
        if (placed) await destroyAll(tx);
        return placed;
      });
    return append(streamId, expected, events, withDestruction, () => inTransaction(pool, 'append', destroyAll));
  }

  const readAll = (fromPosition = 1, limit = 1000) => retried('readAll', () => log.readAll(fromPosition, limit));
  const headPosition = () => retried('headPosition', () => log.head(false));

  async function waitForAppend(position: number, signal: AbortSignal): Promise<void> {
    await wakeUps.next(signal, async () => (await retried('waitForAppend', () => log.head(true))) >= position);
  }

  /** A subscription outlives a server restart: it waits a poll interval and reads again from where it was. */
  async function recover(error: unknown, signal: AbortSignal): Promise<void> {
    if (!(error instanceof StoreUnavailableError)) throw error;
    await pause(pollMs, signal);
  }

  return {
    tenant: tables.tenant,
    schema: schemaName,
    pool,
    append: (streamId, expected, events) => append(streamId, expected, events),
    appendErasure,
    keys: createTableKeyStore(keyTable, { wrapper: options.keyWrapper, previousWrappers: options.previousKeyWrappers }),
    readStream: (streamId, fromVersion = 1) => retried('readStream', () => log.readStream(streamId, Math.max(1, fromVersion))),
    readAll,
    headPosition,
    migrations,
    waitForAppend,
    subscribe(subscribeOptions?: SubscribeOptions): Subscription<E> {
      return followLog({ readAll, waitForAppend, recover, closed: closing.signal }, subscribeOptions);
    },
    async close() {
      // Subscriptions end with the store, rather than fail on a pool that is gone.
      closing.abort();
      await wakeUps.close();
      unguard();
      if (ownsPool) await pool.end();
    },
  };
}
