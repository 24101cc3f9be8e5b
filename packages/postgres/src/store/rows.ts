/** How events are read back: one column list and one row mapping for every query. */
import type { Actor, EventLike, RecordedEvent } from '@redress/core';

export const EVENT_COLUMNS =
  'global_position, stream_id, stream_version, event_id, type, data, occurred_at, actor, causation_id, correlation_id, schema_version';

export interface EventRow {
  /** bigint: the driver returns it as a string. Null until the positioner has run. */
  readonly global_position: string | null;
  readonly stream_id: string;
  readonly stream_version: number;
  readonly event_id: string;
  readonly type: string;
  readonly data: unknown;
  readonly occurred_at: string;
  readonly actor: Actor;
  readonly causation_id: string;
  readonly correlation_id: string;
  readonly schema_version: number;
}

/** Rows that all have a position, as recorded events (the caller checked `global_position`). */
export function toRecorded<E extends EventLike>(row: EventRow): RecordedEvent<E> {
  // Positions are far below 2^53 in any real log (9e15 events), so a number is exact.
  return {
    type: row.type,
    data: row.data,
    eventId: row.event_id,
    occurredAt: row.occurred_at,
    actor: row.actor,
    causationId: row.causation_id,
    correlationId: row.correlation_id,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    globalPosition: Number(row.global_position),
  } as RecordedEvent<E>;
}

export const allPositioned = (rows: readonly EventRow[]): boolean => rows.every((r) => r.global_position !== null);
