/**
 * Runs a SQL projection behind the store, from its checkpoint on. Every app
 * instance may run one; exactly one is active at a time per tenant and projection:
 * the one holding a session advisory lock on its own connection. When that instance
 * dies its connection closes, PostgreSQL drops the lock, and a standby, retrying every
 * poll interval, takes over from the checkpoint.
 *
 * Each batch, its read-model writes and the new checkpoint commit in one transaction
 * on the lock's connection: a batch is applied once or not at all, and a standby can
 * never write while the active one still holds the lock. The checkpoint row is also
 * locked and re-read in that transaction, so a rebuild in between is noticed.
 */
import type { ComplaintEvent, EventLike } from '@redress/core';
import type { PoolClient } from 'pg';
import { LOCK_CLASS } from '../schema/migrations.js';
import type { PostgresEventStore } from '../store/postgres-event-store.js';
import { quoteIdentifier } from '../store/sql.js';
import { readCheckpoint, writeCheckpoint } from './checkpoints.js';
import type { ProjectionScope, SqlProjection } from './sql-projection.js';

export interface ProjectorOptions<E extends EventLike = ComplaintEvent> {
  readonly store: PostgresEventStore<E>;
  readonly projection: SqlProjection<E>;
  /** Events per transaction (default 500). */
  readonly batchSize?: number;
  /** How often a standby tries to become active, and how long it backs off after an error (default 1000 ms). */
  readonly pollIntervalMs?: number;
  /** Told of errors the projector recovers from (a lost connection, a failing batch); default: ignored. */
  readonly onError?: (error: unknown) => void;
}

export interface Projector {
  /** Whether this instance is the active one right now. */
  readonly active: boolean;
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

const ignore = () => undefined;

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    // A timer at the edge: a standby has nothing to wait on but time (PostgreSQL has no
    // "lock released" notification), and a failing connection needs a back-off.
    // eslint-disable-next-line no-restricted-globals -- standby retry and error back-off
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

export function createProjector<E extends EventLike = ComplaintEvent>(options: ProjectorOptions<E>): Projector {
  const { store, projection } = options;
  const batchSize = options.batchSize ?? 500;
  const pollMs = options.pollIntervalMs ?? 1000;
  const scope: ProjectionScope = { schema: quoteIdentifier(store.schema), tenant: store.tenant };
  const lockKey = `${store.schema}/${store.tenant}/${projection.name}`;
  let stop = new AbortController();
  let running: Promise<void> | undefined;
  let active = false;

  /** One batch in one transaction; returns the new checkpoint (unchanged: nothing to do). */
  async function applyNext(client: PoolClient, from: number): Promise<number> {
    const batch = await store.readAll(from + 1, batchSize);
    const last = batch[batch.length - 1];
    if (last === undefined) return from;
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
      throw error;
    }
  }

  /** Active until stopped or the connection fails: follow the log from the checkpoint. */
  async function lead(client: PoolClient, signal: AbortSignal): Promise<void> {
    let position = await readCheckpoint(client, scope, projection.name, false);
    while (!signal.aborted) {
      const next = await applyNext(client, position);
      if (next === position) await store.waitForAppend(position + 1, signal);
      position = next;
    }
  }

  async function run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      let client: PoolClient | undefined;
      let broken = false;
      try {
        client = await store.pool.connect();
        // A connection cut while idle (waiting for appends) is reported here; the next query fails and ends the lead.
        client.on('error', ignore);
        const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [LOCK_CLASS.projections, lockKey]);
        if (rows[0]?.locked) {
          active = true;
          try {
            await lead(client, signal);
          } finally {
            active = false;
            await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_CLASS.projections, lockKey]).catch(() => {
              broken = true;
            });
          }
          continue;
        }
      } catch (error) {
        // The connection died (and with it the lock) or a batch failed: back off, compete again.
        broken = true;
        options.onError?.(error);
      } finally {
        // A broken connection is destroyed, never reused: a session lock must not outlive it.
        client?.removeListener('error', ignore);
        client?.release(broken);
      }
      await pause(pollMs, signal);
    }
  }

  return {
    get active() {
      return active;
    },
    start() {
      if (running) return;
      stop = new AbortController();
      running = run(stop.signal);
    },
    async stop() {
      stop.abort();
      await running;
      running = undefined;
    },
    checkpoint: () => readCheckpoint(store.pool, scope, projection.name, false),
    async reached(position, signal = new AbortController().signal) {
      while (!signal.aborted && (await readCheckpoint(store.pool, scope, projection.name, false)) < position) {
        await pause(Math.min(pollMs, 25), signal);
      }
    },
  };
}
