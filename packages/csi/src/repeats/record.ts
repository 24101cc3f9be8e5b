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

/** The outcome of recording a closed complaint's repeat. */
export interface RepeatRecord {
  /** The `RepeatRecorded` as stored in `repeat:<basis>:<complaintId>` (the first one, for a duplicate). */
  readonly event: RecordedEvent<RepeatRecorded>;
  /** True when the repeat had already been recorded: nothing was written. */
  readonly duplicate: boolean;
}

/** The effects `recordRepeat` uses, injected so the record is deterministic in tests. */
export interface RepeatRecorder {
  /** The shared log the record is appended to (and read back from, on a duplicate). */
  readonly store: Pick<EventStore<CsiLogEvent>, 'append' | 'readStream'>;
  /** Gives the record's `occurredAt`. */
  readonly clock: Clock;
  /** Gives the record's event id (its causation id is the stream id, so a retry is recognised whatever id is drawn). */
  readonly ids: IdGenerator;
  /** Who records it: the detector's actor, `CSI_SYSTEM_ACTOR` by default. */
  readonly actor: Actor;
}

/**
 * Appends `RepeatRecorded` for a repeat found after its complaint had closed (archived or
 * withdrawn: the engine refuses to flag it), once: a second call for the same complaint and basis,
 * from this process or another, returns the stored record as a duplicate; a foreign event in the
 * stream is a `ConcurrencyConflictError`. The analytics count these in the repeat rate like flags.
 */
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
