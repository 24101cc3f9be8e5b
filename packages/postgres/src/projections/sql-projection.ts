/**
 * A projection into SQL tables. Unlike core's in-memory `Projection`, its state is
 * rows: `apply` writes them inside the transaction that also moves the checkpoint,
 * so a crash between the two cannot happen, and a batch is applied exactly once.
 */
import type { ComplaintEvent, EventLike, RecordedEvent } from '@redress/core';
import type { ClientBase } from 'pg';

/** Where a projection writes: the quoted schema and the tenant every row carries. */
export interface ProjectionScope {
  /** The schema, already quoted for SQL. */
  readonly schema: string;
  /** The tenant every row of this store carries. */
  readonly tenant: string;
}

/**
 * A read model kept in SQL tables by a checkpointed projector: its name, its tables and how one event changes
 * them.
 */
export interface SqlProjection<E extends EventLike = ComplaintEvent> {
  /** The checkpoint's name; rename it to rebuild under a new one. */
  readonly name: string;
  /** Applies events, in log order, inside the caller's transaction. */
  apply(tx: ClientBase, events: readonly RecordedEvent<E>[], scope: ProjectionScope): Promise<void>;
  /** Deletes the tenant's rows, inside the caller's transaction, before a rebuild. */
  reset(tx: ClientBase, scope: ProjectionScope): Promise<void>;
}
