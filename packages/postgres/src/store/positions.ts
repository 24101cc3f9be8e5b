/**
 * Global positions, and when a reader may trust them. An append is one transaction;
 * its events take the positions
 *
 *     (transaction id − base_xid) × 1000 + 0, 1, 2, …   (at most 1000 events)
 *
 * PostgreSQL hands out transaction ids in increasing order, so positions follow the
 * order in which appends got their ids, not the order they commit in. That is what
 * makes a late commit safe: `pg_snapshot_xmin(pg_current_snapshot())` is the oldest
 * transaction id still running, so below (xmin − base_xid) × 1000 every position is
 * final: committed, or never to be. Readers read below that horizon only. A reader
 * therefore never moves past an event that commits later, and every reader sees the
 * same order (by position: by transaction, then by place in the append), with one
 * append's events side by side. Positions have gaps (a transaction that wrote no
 * events, a rolled-back append); the contract asks only that they increase.
 *
 * This is Emmett's and Marten's ordering by (transaction id, sequence) read below
 * xmin, folded into one number so the EventStore contract's position stays a number
 * and checkpoints stay one integer. base_xid is set by the migration so that new
 * positions lie above those of schema 3 and before. The price, as in those stores: a
 * transaction that stays open after writing (any database of the cluster) holds
 * every reader back until it ends; it delays, it never reorders or loses.
 */

/** Events one append may hold: the room each transaction id has in the positions. */
export const EVENTS_PER_APPEND = 1000;

/** SQL for the first position the current transaction may give (it takes a transaction id). */
export const firstPosition = (schema: string): string =>
  `(SELECT (pg_current_xact_id()::text::bigint - base_xid) * ${EVENTS_PER_APPEND} FROM ${schema}.redress_positions)`;

/** SQL for the horizon: every position below it is final. */
export const horizon = (schema: string): string =>
  `(SELECT (pg_snapshot_xmin(pg_current_snapshot())::text::bigint - base_xid) * ${EVENTS_PER_APPEND} FROM ${schema}.redress_positions)`;

/** An append too large for its transaction's room in the positions: nothing was written. */
export class AppendTooLargeError extends Error {
  /** The class name as a string, so logs still name it after a bundler renames the class. */
  override readonly name = 'AppendTooLargeError';
  /**
   * Always `'AppendTooLarge'`: recognise the error by this, not `instanceof`, which fails across the ESM and
   * CommonJS builds.
   */
  readonly kind = 'AppendTooLarge' as const;
  constructor(
    /** The stream the append was for. */
    readonly streamId: string,
    /** How many events it held. */
    readonly count: number,
  ) {
    super(`an append to ${streamId} holds ${count} events; PostgreSQL appends hold at most ${EVENTS_PER_APPEND} (split it over several appends)`);
  }
}
