/**
 * Events to rows and back. Payloads and actors are stored as JSON text, which
 * SQLite checks (`json_valid`) and can query (`data ->> '$.severity'`).
 */
import { recordEvent, type EventLike, type RecordedEvent } from '@redress/core';

export interface EventRow {
  readonly global_position: number;
  readonly stream_id: string;
  readonly stream_version: number;
  readonly event_id: string;
  readonly type: string;
  readonly data: string;
  readonly occurred_at: string;
  readonly actor: string;
  readonly causation_id: string;
  readonly correlation_id: string;
  readonly schema_version: number;
}

export const EVENT_COLUMNS =
  'global_position, stream_id, stream_version, event_id, type, data, occurred_at, actor, causation_id, correlation_id, schema_version';

// Field by field, in the in-memory store's order: one object shape for every event.
export function fromRow<E extends EventLike>(row: EventRow): RecordedEvent<E> {
  return {
    type: row.type,
    data: JSON.parse(row.data) as unknown,
    eventId: row.event_id,
    occurredAt: row.occurred_at,
    actor: JSON.parse(row.actor) as unknown,
    causationId: row.causation_id,
    correlationId: row.correlation_id,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    globalPosition: row.global_position,
  } as RecordedEvent<E>;
}

/** The event as the append returns it: what was given, placed in the stream and the log. */
export const recorded = recordEvent;
