/**
 * The PostgreSQL event store. Appends commit in one transaction with a
 * compare-and-set on the stream row; the public global position is given after
 * commit, by a serialised positioner that only ever sees committed events, so the
 * order readers see is gapless and final (see redress_assign_positions and
 * docs/stores/postgres.md). Every query is scoped to the store's tenant.
 */
import {
  ConcurrencyConflictError,
  isRedressError,
  followLog,
  type ComplaintEvent,
  type EventLike,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
  type AppendResult,
} from '@redress/core';
import pg from 'pg';
import type { Pool, PoolClient } from 'pg';
import { migrate } from '../schema/migrate.js';
import { appendInTransaction, streamVersion, type StoreTables } from './append.js';
import { allPositioned, EVENT_COLUMNS, toRecorded, type EventRow } from './rows.js';
import { pgError, quoteIdentifier, UNIQUE_VIOLATION } from './sql.js';
import { createWakeUps } from './wake-ups.js';

export interface PostgresEventStoreOptions {
  /** A pool the host owns (and ends). Give this or `connectionString`. */
  readonly pool?: Pool;
  /** A connection string; the store then owns its pool and ends it on `close()`. */
  readonly connectionString?: string;
  /** Whose log this is (default `'default'`). Tenants share the tables and never see each other's events. */
  readonly tenant?: string;
  /** The PostgreSQL schema holding the tables (default `'public'`). */
  readonly schema?: string;
  /** Run the migrations on creation (default true). Turn off when a deploy step runs `migrate()`. */
  readonly migrate?: boolean;
  /** How long a subscriber waits for a notification before it reads anyway (default 1000 ms). */
  readonly pollIntervalMs?: number;
}

export interface PostgresEventStore<E extends EventLike = ComplaintEvent> extends EventStore<E> {
  readonly tenant: string;
  readonly schema: string;
  readonly pool: Pool;
  /**
   * Resolves when an event at `position` or later may be there: at once when it is,
   * else on the next notification for this tenant or after the poll interval.
   */
  waitForAppend(position: number, signal: AbortSignal): Promise<void>;
  /** The position of the last event of the log (0 when empty). */
  headPosition(): Promise<number>;
  /** Stops listening; ends the pool when the store created it. */
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

export async function createPostgresEventStore<E extends EventLike = ComplaintEvent>(options: PostgresEventStoreOptions): Promise<PostgresEventStore<E>> {
  if (!options.pool && options.connectionString === undefined) throw new TypeError('createPostgresEventStore needs a pool or a connectionString');
  const ownsPool = !options.pool;
  const pool = options.pool ?? new pg.Pool({ connectionString: options.connectionString });
  // An idle connection of our own pool that the server closes must not crash the host: the pool replaces it.
  if (ownsPool) pool.on('error', () => undefined);
  const schemaName = options.schema ?? 'public';
  const tables: StoreTables = { schema: quoteIdentifier(schemaName), tenant: options.tenant ?? 'default' };
  const s = tables.schema;
  if (options.migrate !== false) await migrate(pool, schemaName);
  const wakeUps = createWakeUps(pool, tables.tenant, options.pollIntervalMs ?? 1000);

  /** Gives positions to committed events that have none. `wait`: queue behind a running positioner instead of leaving it the work. */
  async function assignPositions(wait: boolean): Promise<number> {
    const { rows } = await pool.query<{ n: string }>(`SELECT ${s}.redress_assign_positions($1, $2) AS n`, [tables.tenant, wait]);
    return Number(rows[0]?.n ?? 0);
  }

  async function selectStream(streamId: string, fromVersion: number, toVersion = 2_147_483_647): Promise<EventRow[]> {
    const { rows } = await pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${s}.redress_events
       WHERE tenant = $1 AND stream_id = $2 AND stream_version >= $3 AND stream_version <= $4 ORDER BY stream_version`,
      [tables.tenant, streamId, fromVersion, toVersion],
    );
    return rows;
  }

  /** A stream's events with their positions: events committed by a writer that died before positioning them get theirs now. */
  async function readPositioned(streamId: string, fromVersion: number, toVersion?: number): Promise<RecordedEvent<E>[]> {
    let rows = await selectStream(streamId, fromVersion, toVersion);
    if (!allPositioned(rows)) {
      await assignPositions(true);
      rows = await selectStream(streamId, fromVersion, toVersion);
    }
    return rows.map((r) => toRecorded<E>(r));
  }

  /**
   * What is stored under these ids: nothing (undefined), exactly these events in this
   * stream in this order (returned), or anything else (a conflict: some ids reused).
   */
  async function storedRun(streamId: string, expected: ExpectedVersion, events: readonly NewEvent<E>[]): Promise<RecordedEvent<E>[] | undefined> {
    const ids = events.map((e) => e.eventId);
    const { rows } = await pool.query<{ event_id: string; stream_id: string; stream_version: number }>(
      `SELECT event_id, stream_id, stream_version FROM ${s}.redress_events WHERE tenant = $1 AND event_id = ANY($2::text[]) ORDER BY stream_id, stream_version`,
      [tables.tenant, ids],
    );
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
        used?.stream_id === streamId
          ? `event ${used.event_id} is already stored, but the events appended with it differ`
          : `event id ${used?.event_id ?? ''} is already used`,
      );
    }
    return readPositioned(streamId, first.stream_version, first.stream_version + ids.length - 1);
  }

  /**
   * Runs `work` in a transaction on a client of its own, released before the caller goes
   * on: a caller that held it while querying the pool again could exhaust the pool.
   */
  async function inOneTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async function append(streamId: string, expected: ExpectedVersion, events: readonly NewEvent<E>[]): Promise<AppendResult<E>> {
    if (events.length === 0) return { events: [], streamVersion: await streamVersion(pool, tables, streamId), duplicate: false };
    const repeated = repeatedId(events);
    if (repeated !== undefined) {
      throw new ConcurrencyConflictError(streamId, expected, await streamVersion(pool, tables, streamId), `event id ${repeated} appears twice in one append`);
    }
    let previous: number;
    try {
      previous = await inOneTransaction((client) => appendInTransaction(client, tables, streamId, expected, events));
    } catch (error) {
      const failure = pgError(error);
      const isConflict = isRedressError(error, 'ConcurrencyConflict') || (failure.code === UNIQUE_VIOLATION && failure.constraint !== undefined);
      if (!isConflict) throw error;
      // The fast path writes first and asks questions after: only a refused append checks
      // whether it is the retry of one that already went through.
      const stored = await storedRun(streamId, expected, events);
      if (stored) return { events: stored, streamVersion: await streamVersion(pool, tables, streamId), duplicate: true };
      if (isRedressError(error, 'ConcurrencyConflict')) throw error;
      // An id clash whose owner is no longer there to compare with: still a conflict, never a write.
      throw new ConcurrencyConflictError(streamId, expected, await streamVersion(pool, tables, streamId));
    }
    await assignPositions(true);
    const recorded = await readPositioned(streamId, previous + 1, previous + events.length);
    return { events: recorded, streamVersion: previous + events.length, duplicate: false };
  }

  async function selectAll(fromPosition: number, limit: number): Promise<EventRow[]> {
    const { rows } = await pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${s}.redress_events WHERE tenant = $1 AND global_position >= $2 ORDER BY global_position LIMIT $3`,
      [tables.tenant, fromPosition, Math.ceil(limit)],
    );
    return rows;
  }

  async function readAll(fromPosition = 1, limit = 1000): Promise<RecordedEvent<E>[]> {
    if (!(limit > 0)) return [];
    const from = Number.isFinite(fromPosition) ? Math.max(1, Math.floor(fromPosition)) : 1;
    let rows = await selectAll(from, limit);
    // At the head of the log: events a writer committed but could not position (it died
    // in between) would wait for the next append; position them now instead.
    if (rows.length < limit && (await assignPositions(false)) > 0) rows = await selectAll(from, limit);
    return rows.map((r) => toRecorded<E>(r));
  }

  async function headPosition(): Promise<number> {
    await assignPositions(false);
    const { rows } = await pool.query<{ head: string | null }>(`SELECT max(global_position) AS head FROM ${s}.redress_events WHERE tenant = $1`, [tables.tenant]);
    return Number(rows[0]?.head ?? 0);
  }

  async function waitForAppend(position: number, signal: AbortSignal): Promise<void> {
    await wakeUps.next(signal, async () => (await headPosition()) >= position);
  }

  return {
    tenant: tables.tenant,
    schema: schemaName,
    pool,
    append,
    readStream: (streamId, fromVersion = 1) => readPositioned(streamId, Math.max(1, fromVersion)),
    readAll,
    headPosition,
    waitForAppend,
    subscribe(subscribeOptions?: SubscribeOptions): Subscription<E> {
      return followLog({ readAll, waitForAppend }, subscribeOptions);
    },
    async close() {
      await wakeUps.close();
      if (ownsPool) await pool.end();
    },
  };
}
