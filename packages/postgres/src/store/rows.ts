/** How events are read back: one column list and one row mapping for every query. */
import type { Actor, EventLike, RecordedEvent } from '@redress/core';

export const EVENT_COLUMNS =
  'global_position, stream_id, stream_version, event_id, type, data, occurred_at, actor, causation_id, correlation_id, schema_version';

export interface EventRow {
  /** bigint: the driver returns it as a string. */
  readonly global_position: string;
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

/** A row as a recorded event. */
export function toRecorded<E extends EventLike>(row: EventRow): RecordedEvent<E> {
  // Positions stay below 2^53 for 9e12 transactions after the schema was created, so a number is exact.
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
