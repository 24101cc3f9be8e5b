/**
 * Records the repeat of a closed complaint in csi's own stream (see schema.ts), with the
 * engine's envelope (event id from the injected generator, time from the injected clock,
 * actor, causation and correlation ids, schema version). The stream is appended once,
 * with expected version `noStream`: a second detector, or the same one reading the log
 * again, finds the first record and gets it back as a duplicate.
 */
import {
  type Actor,
  type ConcurrencyConflictError,
  type Clock,
  type EventStore,
  type IdGenerator,
  type NewEvent,
  type RecordedEvent,
  type Result,
} from '@redress/core';
import { appendOnce } from '../support/append-once.js';
import { isRepeatRecorded } from '../support/log.js';
import type { CsiLogEvent } from '../surveys/schema.js';
import type { RepeatDetection } from './history.js';
import { REPEAT_EVENT_SCHEMA_VERSION, repeatStreamId, type RepeatRecorded } from './schema.js';

export interface RepeatRecord {
  readonly event: RecordedEvent<RepeatRecorded>;
  /** True when the repeat had already been recorded: nothing was written. */
  readonly duplicate: boolean;
}

export interface RepeatRecorder {
  readonly store: Pick<EventStore<CsiLogEvent>, 'append' | 'readStream'>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly actor: Actor;
}

export async function recordRepeat(
  recorder: RepeatRecorder,
  found: { readonly detection: RepeatDetection; readonly closedStep: 'archived' | 'withdrawn'; readonly correlationId: string },
): Promise<Result<RepeatRecord, ConcurrencyConflictError>> {
  const { complaintId, basis, count, windowDays, related } = found.detection;
  const streamId = repeatStreamId(basis, complaintId);
  const event: NewEvent<RepeatRecorded> = {
    type: 'RepeatRecorded',
    data: { complaintId, basis, count, windowDays, related: [...related], closedStep: found.closedStep },
    eventId: recorder.ids(),
    occurredAt: recorder.clock.now().toISOString(),
    actor: recorder.actor,
    causationId: streamId,
    correlationId: found.correlationId,
    schemaVersion: REPEAT_EVENT_SCHEMA_VERSION,
  };
  return appendOnce({ store: recorder.store, streamId, event, is: isRepeatRecorded, taken: `the repeat of ${complaintId} on ${basis} was recorded by another command` });
}
