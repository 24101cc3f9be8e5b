/**
 * A projection whose read model is SQL tables in the store's file. The projector
 * calls `apply` inside the transaction that also moves the checkpoint, so the
 * tables and the checkpoint can never disagree, whatever crashes.
 */
import type { ComplaintEvent, EventLike, RecordedEvent } from '@redress/core';
import type { Database as SqliteDatabase } from 'better-sqlite3';

/**
 * A read model kept in SQLite tables by a checkpointed projector: its name, its tables and a writer bound to
 * the database.
 */
export interface SqlProjection<E extends EventLike = ComplaintEvent> {
  /** Its checkpoint's and lease's key: unique per projection. */
  readonly name: string;
  /** The event types it reacts to; others only advance the checkpoint. */
  readonly handles: readonly E['type'][];
  /** Prepares its statements on a connection (once per projector). */
  bind(db: SqliteDatabase): SqlProjectionWriter<E>;
}

/** A projection bound to one database: prepared statements, applied inside the projector's transaction. */
export interface SqlProjectionWriter<E extends EventLike = ComplaintEvent> {
  /** Writes one event's effect. Runs inside the projector's transaction: synchronous, no other I/O. */
  apply(event: RecordedEvent<E>): void;
  /** Empties the read model, before a rebuild from zero. */
  reset(): void;
  /**
   * Writes what `apply` kept in memory, if anything: called at the end of every batch,
   * inside its transaction, and after a failed batch too (its writes are then rolled
   * back), so nothing kept outlives the batch.
   */
  flush?(): void;
}
