/**
 * The envelope every stored event carries. The engine fills in who, when and why;
 * the store assigns the stream version and the global position.
 */
import { z } from 'zod';
import { actorSchema, idSchema, instantSchema } from '../domain/primitives.js';
import type { Actor } from '../domain/primitives.js';

/** Anything storable: a `type` and a JSON-serialisable `data`. */
export interface EventLike {
  /** The event's name; readers dispatch on it. */
  readonly type: string;
  /** The event's payload, JSON-serialisable, checked against the type's schema when read. */
  readonly data: unknown;
}

/** What the engine attaches before appending. */
export interface EventMetadata {
  /** Unique id of this event (nanoid by default); appending the same id again is a no-op. */
  readonly eventId: string;
  /** When it happened, from the injected clock (ISO-8601, UTC). */
  readonly occurredAt: string;
  /** Who caused the event, as the command named them. */
  readonly actor: Actor;
  /** The id of the command that caused it. */
  readonly causationId: string;
  /**
   * The id shared by every event of one piece of work across streams (a survey and the complaint it reveals);
   * the causation id when nothing else is given.
   */
  readonly correlationId: string;
  /**
   * The version of the event type's schema the data was written in: readers upcast older versions before
   * folding.
   */
  readonly schemaVersion: number;
}

/** An event ready to append. */
export type NewEvent<E extends EventLike = EventLike> = E & EventMetadata;

/** An event as stored: with its stream, its 1-based version in the stream, and its 1-based position in the whole log. */
export type RecordedEvent<E extends EventLike = EventLike> = E &
  EventMetadata & {
    readonly streamId: string;
    readonly streamVersion: number;
    readonly globalPosition: number;
  };

/**
 * An event as a store records it: what was appended, placed in its stream and the log.
 * Built field by field (one object shape; spreading was measurably slower on the append
 * path), and shared by every store so the recorded shape cannot drift.
 */
export function recordEvent<E extends EventLike>(event: NewEvent<E>, streamId: string, streamVersion: number, globalPosition: number): RecordedEvent<E> {
  return {
    type: event.type,
    data: event.data,
    eventId: event.eventId,
    occurredAt: event.occurredAt,
    actor: event.actor,
    causationId: event.causationId,
    correlationId: event.correlationId,
    schemaVersion: event.schemaVersion,
    streamId,
    streamVersion,
    globalPosition,
  } as RecordedEvent<E>;
}

/** The envelope as a schema, for adapters that want to check what they read back. */
export const eventEnvelopeSchema = z.object({
  eventId: idSchema,
  occurredAt: instantSchema,
  actor: actorSchema,
  causationId: idSchema,
  correlationId: idSchema,
  schemaVersion: z.int().min(1),
  streamId: idSchema,
  streamVersion: z.int().min(1),
  globalPosition: z.int().min(1),
});
