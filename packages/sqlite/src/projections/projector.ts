/**
 * Runs a SQL projection from the log, checkpointed: each batch of events, the
 * read-model writes it causes, the checkpoint and the lease renewal commit in one
 * transaction. A crash loses at most the batch in flight, which is simply applied
 * again: the checkpoint never runs ahead of or behind the tables.
 *
 * Several instances may run the same projection; the lease makes exactly one of
 * them active, and a standby takes over once the active one stops renewing (it
 * died, or hung past the lease). Time comes from the injected clock.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock, ComplaintEvent, EventLike } from '@redress/core';
import { StoreInputError } from '../errors.js';
import type { SqliteEventStore } from '../store/sqlite-event-store.js';
import { EVENT_COLUMNS, fromRow, type EventRow } from '../store/rows.js';
import { leaseOf, type LeaseRow } from './lease.js';
import type { SqlProjection } from './sql-projection.js';

export interface ProjectorOptions<E extends EventLike = ComplaintEvent> {
  readonly store: SqliteEventStore<E>;
  readonly projection: SqlProjection<E>;
  /** This instance's name in the lease, unique among the instances (e.g. `${hostname}:${pid}`). */
  readonly owner: string;
  readonly clock: Clock;
  /** How long the lease lasts unless renewed (default 30,000 ms). A standby takes over at most this long after the active instance dies. */
  readonly leaseMs?: number;
  /** Events per transaction (default 500). */
  readonly batchSize?: number;
}

export interface ProjectorStep {
  /** Whether this instance holds the lease (and so did the work). */
  readonly active: boolean;
  /** Events read and checkpointed by this step (0 when caught up or on standby). */
  readonly applied: number;
  /** The projection's checkpoint after the step. */
  readonly checkpoint: number;
}

export interface Projector {
  readonly name: string;
  /** The last global position the read model reflects (0 before any). */
  checkpoint(): number;
  /** Who holds the lease, and until when. */
  lease(): LeaseRow | undefined;
  /** Takes or renews the lease, then applies at most one batch. */
  step(): Promise<ProjectorStep>;
  /** Steps until the read model reflects the whole log, or the lease is lost. */
  catchUp(): Promise<ProjectorStep>;
  /** Empties the read model and replays the log from zero (needs the lease). */
  rebuild(): Promise<ProjectorStep>;
  /**
   * Follows the log until `signal` aborts: applies what comes, renews the lease while
   * idle, and on standby retries to take the lease every third of its length.
   */
  run(signal: AbortSignal): Promise<void>;
  /** Gives up the lease, so a standby can take over without waiting for it to expire. */
  release(): void;
}

/**
 * A pause that ends early when `signal` aborts. The projector's loop is an edge (it
 * runs for the life of a host process), the only place this package waits on the
 * wall clock. The timer is a referenced one on purpose: a standby instance has
 * nothing else to keep its process alive while it waits to take over.
 */
async function pause(ms: number, signal: AbortSignal): Promise<void> {
  try {
    await sleep(ms, undefined, { signal });
  } catch (e) {
    if (!signal.aborted) throw e;
  }
}

export function createProjector<E extends EventLike = ComplaintEvent>(options: ProjectorOptions<E>): Projector {
  const { store, projection, owner, clock } = options;
  const leaseMs = options.leaseMs ?? 30_000;
  const batchSize = options.batchSize ?? 500;
  if (!(typeof owner === 'string' && owner.length > 0)) throw new StoreInputError('owner', 'must be a non-empty string');
  if (!(Number.isSafeInteger(leaseMs) && leaseMs > 0)) throw new StoreInputError('leaseMs', 'must be a positive integer');
  if (!(Number.isSafeInteger(batchSize) && batchSize > 0)) throw new StoreInputError('batchSize', 'must be a positive integer');

  const db = store.database;
  const handles = new Set<string>(projection.handles);
  const writer = projection.bind(db);
  const lease = leaseOf(db, projection.name);
  const sql = {
    checkpoint: db.prepare('SELECT position FROM redress_checkpoints WHERE projection = ?').pluck(),
    setCheckpoint: db.prepare(
      'INSERT INTO redress_checkpoints (projection, position, updated_at) VALUES (?, ?, ?) ON CONFLICT (projection) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at',
    ),
    batch: db.prepare(`SELECT ${EVENT_COLUMNS} FROM redress_events WHERE global_position > ? ORDER BY global_position LIMIT ?`),
  };
  const checkpoint = () => (sql.checkpoint.get(projection.name) as number | undefined) ?? 0;

  /** One batch: lease, read, apply, checkpoint, all or nothing. */
  const applyBatch = db.transaction((fromZero: boolean): ProjectorStep => {
    const now = clock.now();
    if (!lease.take(owner, now.getTime(), leaseMs)) return { active: false, applied: 0, checkpoint: checkpoint() };
    if (fromZero) {
      writer.reset();
      sql.setCheckpoint.run(projection.name, 0, now.toISOString());
    }
    const from = checkpoint();
    const rows = sql.batch.all(from, batchSize) as EventRow[];
    try {
      for (const row of rows) {
        if (handles.has(row.type)) writer.apply(fromRow<E>(row));
      }
    } finally {
      writer.flush?.();
    }
    const last = rows.at(-1)?.global_position ?? from;
    if (last !== from || fromZero) sql.setCheckpoint.run(projection.name, last, now.toISOString());
    return { active: true, applied: rows.length, checkpoint: last };
  });

  // IMMEDIATE: the lease check and the writes happen under the one write lock.
  const step = async () => applyBatch.immediate(false);

  async function catchUp(): Promise<ProjectorStep> {
    for (;;) {
      const done = await step();
      if (!done.active || done.applied < batchSize) return done;
    }
  }

  return {
    name: projection.name,
    checkpoint,
    lease: () => lease.holder(),
    step,
    catchUp,
    async rebuild() {
      const first = applyBatch.immediate(true);
      if (!first.active || first.applied < batchSize) return first;
      return catchUp();
    },
    async run(signal) {
      while (!signal.aborted) {
        const done = await catchUp();
        if (!done.active) {
          await pause(leaseMs / 3, signal);
          continue;
        }
        // Caught up: wait for the next event, but wake in time to renew the lease.
        const renew = AbortSignal.any([signal, AbortSignal.timeout(leaseMs / 3)]);
        await store.waitForAppend(done.checkpoint + 1, renew);
      }
    },
    release: () => lease.release(owner),
  };
}
