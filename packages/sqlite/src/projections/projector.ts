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
import {
  ProjectionFailedError,
  StorageFaultError,
  StoreUnavailableError,
  type Clock,
  type ComplaintEvent,
  readPathOf,
  type EventLike,
  type RecordedEvent,
} from '@redress/core';
import { StoreInputError } from '../errors.js';
import type { SqliteEventStore } from '../store/sqlite-event-store.js';
import { EVENT_COLUMNS, fromRow, type EventRow } from '../store/rows.js';
import { storageError, typed } from '../store/faults.js';
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
  /** How long `run` waits before trying a failed batch again (default 1000 ms). */
  readonly retryMs?: number;
  /** Told of every change of `status`. */
  readonly onStatus?: (status: ProjectorStatus) => void;
}

/** What `run` is doing, and why it is not progressing when it is not. */
export type ProjectorStatus =
  /** Not running (`run` not called, or its signal aborted). */
  | { readonly state: 'stopped' }
  /** Another instance holds the lease. */
  | { readonly state: 'standby' }
  | { readonly state: 'active' }
  /** Another process held the write lock past the busy timeout; retried every `retryMs`. */
  | { readonly state: 'unavailable'; readonly error: StoreUnavailableError; readonly attempts: number }
  /**
   * A batch cannot be applied (an event the projection fails on, a full disk): it rolled
   * back, the checkpoint stays before it, and it is retried every `retryMs`, never skipped.
   */
  | { readonly state: 'failing'; readonly error: ProjectionFailedError | StorageFaultError; readonly attempts: number };

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
  /** What `run` is doing; `step()` and friends throw their failures instead. */
  readonly status: ProjectorStatus;
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
   * idle, and on standby retries to take the lease every third of its length. A batch
   * that fails is retried every `retryMs` (never skipped) and shown in `status`.
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
  const retryMs = options.retryMs ?? 1000;
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
  /** After a failed batch: the last position it held; up to there batches hold one event. */
  let narrowUntil = 0;

  /** Why a batch failed, typed: the storage's fault, or the event the projection failed on. */
  function batchFailure(error: unknown, rows: readonly EventRow[], at: EventRow | undefined): unknown {
    try {
      // Nothing kept in memory may outlive the rolled-back batch.
      writer.flush?.();
    } catch {
      // its writes are rolled back with the batch
    }
    const typedError = storageError(error, 'project');
    const first = at ?? rows[0];
    if (typedError !== error || !first) return typedError;
    narrowUntil = Math.max(narrowUntil, rows.at(-1)?.global_position ?? 0);
    const event = { globalPosition: first.global_position, eventId: first.event_id, streamId: first.stream_id, type: first.type };
    // Failed in apply: that event. Failed in flush: the batch, narrowed down on the next attempts.
    return new ProjectionFailedError(projection.name, event, at ? 1 : rows.length, error);
  }

  /**
   * Behind `protectStore` events must go through its reader (versions checked, personal
   * data decrypted or ERASED), which is asynchronous and cannot run inside a
   * better-sqlite3 transaction. So such a batch is read and revealed first, and the
   * transaction applies it only if the checkpoint is still where the batch was read from
   * (another instance that took the lease meanwhile makes it read again).
   */
  const reader = readPathOf(store)?.reader;
  interface ReadBatch {
    readonly from: number;
    readonly rows: readonly EventRow[];
    readonly events: readonly RecordedEvent<E>[];
  }
  const limitFrom = (from: number) => (from < narrowUntil ? 1 : batchSize);

  async function readBatch(from: number): Promise<ReadBatch | undefined> {
    if (!reader) return undefined;
    const rows = typed('project', () => sql.batch.all(from, limitFrom(from)) as EventRow[]);
    try {
      return { from, rows, events: await reader.readAll<E>(rows.map((row) => fromRow<E>(row))) };
    } catch (error) {
      // An event this code cannot read (a newer version, tampered data): the batch fails on it, never skipped.
      const eventId = (error as { event?: { eventId?: unknown } }).event?.eventId;
      throw batchFailure(error, rows, rows.find((r) => r.event_id === eventId));
    }
  }

  /** The checkpoint moved between reading a batch and its transaction. */
  const STALE = Symbol('stale');

  /** One batch: lease, read, apply, checkpoint, all or nothing. */
  const applyBatch = db.transaction((fromZero: boolean, read?: ReadBatch): ProjectorStep | typeof STALE => {
    const now = clock.now();
    if (!lease.take(owner, now.getTime(), leaseMs)) return { active: false, applied: 0, checkpoint: checkpoint() };
    if (fromZero) {
      writer.reset();
      sql.setCheckpoint.run(projection.name, 0, now.toISOString());
    }
    const from = checkpoint();
    if (read && read.from !== from) return STALE;
    const rows = read?.rows ?? (sql.batch.all(from, limitFrom(from)) as EventRow[]);
    let at: EventRow | undefined;
    try {
      for (const [i, row] of rows.entries()) {
        at = row;
        if (handles.has(row.type)) writer.apply(read?.events[i] ?? fromRow<E>(row));
      }
      at = undefined;
      writer.flush?.();
    } catch (error) {
      throw batchFailure(error, rows, at);
    }
    const last = rows.at(-1)?.global_position ?? from;
    if (last !== from || fromZero) sql.setCheckpoint.run(projection.name, last, now.toISOString());
    return { active: true, applied: rows.length, checkpoint: last };
  });

  /** A batch (from zero for a rebuild), read through the protected store's reader when there is one. */
  async function applyNext(fromZero: boolean): Promise<ProjectorStep> {
    for (;;) {
      const read = await readBatch(fromZero ? 0 : checkpoint());
      // IMMEDIATE: the lease check and the writes happen under the one write lock.
      const done = typed(fromZero ? 'rebuild' : 'project', () => applyBatch.immediate(fromZero, read));
      if (done !== STALE) return done;
    }
  }

  const step = () => applyNext(false);

  async function catchUp(): Promise<ProjectorStep> {
    for (;;) {
      // A short batch is the end of the log, unless the projector is narrowing down a failure.
      const full = checkpoint() < narrowUntil ? 1 : batchSize;
      const done = await step();
      if (!done.active || done.applied < full) return done;
    }
  }

  let status: ProjectorStatus = { state: 'stopped' };
  const setStatus = (next: ProjectorStatus) => {
    if (next.state === status.state && !('attempts' in next)) return;
    status = next;
    options.onStatus?.(next);
  };
  const attemptsOf = (state: 'unavailable' | 'failing') => (status.state === state ? status.attempts + 1 : 1);

  /** One round of `run`: catch up, then wait for the next event, the lease or a retry. */
  async function round(signal: AbortSignal): Promise<void> {
    let done: ProjectorStep;
    try {
      done = await catchUp();
    } catch (error) {
      if (error instanceof StoreUnavailableError) setStatus({ state: 'unavailable', error, attempts: attemptsOf('unavailable') });
      else if (error instanceof ProjectionFailedError || error instanceof StorageFaultError) setStatus({ state: 'failing', error, attempts: attemptsOf('failing') });
      else throw error;
      await pause(retryMs, signal);
      return;
    }
    setStatus({ state: done.active ? 'active' : 'standby' });
    if (!done.active) return pause(leaseMs / 3, signal);
    // Caught up: wait for the next event, but wake in time to renew the lease.
    await store.waitForAppend(done.checkpoint + 1, AbortSignal.any([signal, AbortSignal.timeout(leaseMs / 3)]));
  }

  return {
    name: projection.name,
    checkpoint,
    lease: () => lease.holder(),
    step,
    catchUp,
    get status() {
      return status;
    },
    async rebuild() {
      // From zero, whatever was being narrowed down before.
      narrowUntil = 0;
      const first = await applyNext(true);
      if (!first.active || first.applied < batchSize) return first;
      return catchUp();
    },
    async run(signal) {
      try {
        while (!signal.aborted) await round(signal);
      } finally {
        setStatus({ state: 'stopped' });
      }
    },
    release: () => lease.release(owner),
  };
}
