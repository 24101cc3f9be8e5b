/**
 * Runs a SQL projection behind the store, from its checkpoint on. Every app
 * instance may run one; exactly one is active at a time per tenant and projection:
 * the one holding a session advisory lock (projector-lock.ts) on its own connection.
 * When that instance dies, or the server restarts, its connection closes, PostgreSQL
 * drops the lock, and whoever reconnects first takes over from the checkpoint.
 *
 * Each batch, its read-model writes and the new checkpoint commit in one transaction
 * on the lock's connection: a batch is applied once or not at all, and an instance
 * whose connection (and so lock) is gone cannot commit anything more. The checkpoint
 * row is also locked and re-read in that transaction, so a rebuild in between is
 * noticed. A batch that fails is retried, narrowed down to the failing event, and
 * never skipped; `status` says so meanwhile.
 */
import { ProjectionFailedError, readPathOf, StoreUnavailableError, type ComplaintEvent, type EventLike, type RecordedEvent } from '@redress/core';
import type { PoolClient } from 'pg';
import { storeError, typed } from '../store/faults.js';
import { pause } from '../store/pause.js';
import type { PostgresEventStore } from '../store/postgres-event-store.js';
import { quoteIdentifier } from '../store/sql.js';
import { readCheckpoint, writeCheckpoint } from './checkpoints.js';
import { projectorLockKey } from './projector-lock.js';
import type { ProjectorStatus } from './projector-status.js';
import type { ProjectionScope, SqlProjection } from './sql-projection.js';

export type { ProjectorStatus };

export interface ProjectorOptions<E extends EventLike = ComplaintEvent> {
  readonly store: PostgresEventStore<E>;
  readonly projection: SqlProjection<E>;
  /** Events per transaction (default 500). */
  readonly batchSize?: number;
  /** How often a standby tries to become active, and how long it backs off after an error (default 1000 ms). */
  readonly pollIntervalMs?: number;
  /** Told of errors the projector recovers from (a lost connection, a failing batch); default: ignored. */
  readonly onError?: (error: unknown) => void;
  /** Told of every change of `status`. */
  readonly onStatus?: (status: ProjectorStatus) => void;
}

export interface Projector {
  /** Whether this instance is the active one right now. */
  readonly active: boolean;
  /** What this instance is doing, and why it is not progressing when it is not. */
  readonly status: ProjectorStatus;
  /** Starts competing for the projection; returns at once. */
  start(): void;
  /** Stops, releasing the lock so a standby takes over. */
  stop(): Promise<void>;
  /** The checkpoint as stored (0 before any event). */
  checkpoint(): Promise<number>;
  /**
   * Resolves once the checkpoint reaches `position` (e.g. an append's last global
   * position: read your own writes from the SQL tables), or when `signal` aborts.
   * Polls the checkpoint, as no one notifies it.
   */
  reached(position: number, signal?: AbortSignal): Promise<void>;
}

const failedAt = (event: RecordedEvent<EventLike>) => ({ globalPosition: event.globalPosition, eventId: event.eventId, streamId: event.streamId, type: event.type });

export function createProjector<E extends EventLike = ComplaintEvent>(options: ProjectorOptions<E>): Projector {
  const { store, projection } = options;
  const batchSize = options.batchSize ?? 500;
  const pollMs = options.pollIntervalMs ?? 1000;
  const scope: ProjectionScope = { schema: quoteIdentifier(store.schema), tenant: store.tenant };
  let stop = new AbortController();
  let running: Promise<void> | undefined;
  let status: ProjectorStatus = { state: 'stopped' };
  let lockKey: string | undefined;
  /** After a failed batch: the last position it held; up to there batches hold one event. */
  let narrowUntil = 0;

  const setStatus = (next: ProjectorStatus) => {
    status = next;
    options.onStatus?.(next);
  };
  const attemptsOf = (state: 'unavailable' | 'failing') => (status.state === state ? status.attempts + 1 : 1);

  const readPath = readPathOf(store);

  /**
   * The next batch as the readers of the store read it. Behind `protectStore` it is read
   * as stored, then through the reader, so an event the reader refuses (a newer version,
   * tampered data) fails the batch at its position, like an event the projection fails on.
   */
  async function readBatch(from: number): Promise<readonly RecordedEvent<E>[]> {
    const limit = from < narrowUntil ? 1 : batchSize;
    if (!readPath) return store.readAll(from + 1, limit);
    const stored = await readPath.unprotected.readAll(from + 1, limit);
    try {
      return await readPath.reader.readAll<E>(stored);
    } catch (error) {
      const eventId = (error as { event?: { eventId?: unknown } }).event?.eventId;
      const found = stored.find((e) => e.eventId === eventId);
      const at = found ?? stored[0];
      if (!at) throw error;
      narrowUntil = Math.max(narrowUntil, stored.at(-1)?.globalPosition ?? 0);
      throw new ProjectionFailedError(projection.name, failedAt(at), found ? 1 : stored.length, error);
    }
  }

  /** One batch in one transaction; returns the new checkpoint (unchanged: nothing to do). */
  async function applyNext(client: PoolClient, from: number): Promise<number> {
    const batch = await readBatch(from);
    const first = batch[0];
    const last = batch[batch.length - 1];
    if (first === undefined || last === undefined) return from;
    await client.query('BEGIN');
    try {
      const now = await readCheckpoint(client, scope, projection.name, true);
      // Someone rebuilt the projection meanwhile: start again from what it left.
      if (now !== from) {
        await client.query('ROLLBACK');
        return now;
      }
      await projection.apply(client, batch, scope);
      await writeCheckpoint(client, scope, projection.name, last.globalPosition);
      await client.query('COMMIT');
      return last.globalPosition;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      const typed = storeError(error, 'project');
      if (typed instanceof StoreUnavailableError) throw typed;
      narrowUntil = Math.max(narrowUntil, last.globalPosition);
      throw new ProjectionFailedError(projection.name, failedAt(first), batch.length, error);
    }
  }

  /** Active until stopped or the connection fails: follow the log from the checkpoint. */
  async function lead(client: PoolClient, signal: AbortSignal): Promise<void> {
    let position = await readCheckpoint(client, scope, projection.name, false);
    while (!signal.aborted) {
      let next: number;
      try {
        next = await applyNext(client, position);
      } catch (error) {
        if (!(error instanceof ProjectionFailedError)) throw error;
        setStatus({ state: 'failing', error, attempts: attemptsOf('failing') });
        options.onError?.(error);
        await pause(pollMs, signal);
        continue;
      }
      if (status.state !== 'active') setStatus({ state: 'active' });
      if (next === position) await store.waitForAppend(position + 1, signal);
      position = next;
    }
  }

  /** One connection's life: take it, try for the lock, lead while it lasts. */
  async function session(signal: AbortSignal): Promise<void> {
    let client: PoolClient | undefined;
    // The connection's own failure (a restart) ends the lead at once: its lock is gone.
    const cut = new AbortController();
    const onError = () => cut.abort();
    const onStop = () => cut.abort();
    signal.addEventListener('abort', onStop, { once: true });
    let broken = false;
    try {
      lockKey ??= await projectorLockKey(store.pool, scope, store.schema, projection.name);
      client = await store.pool.connect();
      client.on('error', onError);
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [lockKey]);
      if (!rows[0]?.locked) {
        if (status.state !== 'standby') setStatus({ state: 'standby' });
        return;
      }
      setStatus({ state: 'active' });
      try {
        await lead(client, cut.signal);
      } finally {
        if (!cut.signal.aborted || signal.aborted) {
          await client.query('SELECT pg_advisory_unlock($1::bigint)', [lockKey]).catch(() => {
            broken = true;
          });
        }
      }
      if (cut.signal.aborted && !signal.aborted) throw new StoreUnavailableError({ store: 'postgres', operation: 'project', cause: new Error('the connection holding the lock was lost'), maybeWritten: true });
    } catch (error) {
      broken = true;
      throw storeError(error, 'project');
    } finally {
      signal.removeEventListener('abort', onStop);
      // A broken connection is destroyed, never reused: a session lock must not outlive it.
      client?.removeListener('error', onError);
      client?.release(broken || (cut.signal.aborted && !signal.aborted) ? true : undefined);
    }
  }

  async function run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        await session(signal);
      } catch (error) {
        if (signal.aborted) break;
        if (error instanceof StoreUnavailableError) setStatus({ state: 'unavailable', error, attempts: attemptsOf('unavailable') });
        options.onError?.(error);
      }
      await pause(pollMs, signal);
    }
    setStatus({ state: 'stopped' });
  }

  return {
    get active() {
      return status.state === 'active' || status.state === 'failing';
    },
    get status() {
      return status;
    },
    start() {
      if (running) return;
      stop = new AbortController();
      setStatus({ state: 'standby' });
      running = run(stop.signal);
    },
    async stop() {
      stop.abort();
      await running;
      running = undefined;
    },
    checkpoint: () => typed('checkpoint', () => readCheckpoint(store.pool, scope, projection.name, false)),
    async reached(position, signal = new AbortController().signal) {
      // A wait: a server restart meanwhile only makes it longer.
      const at = () => readCheckpoint(store.pool, scope, projection.name, false).catch((error: unknown) => {
        if (storeError(error, 'checkpoint') instanceof StoreUnavailableError) return -1;
        throw error;
      });
      while (!signal.aborted && (await at()) < position) await pause(Math.min(pollMs, 25), signal);
    },
  };
}
