/**
 * Appends the one event of a new stream, once. csi's own records (surveys, repeats of
 * closed complaints) each get a stream of their own, appended with expected version
 * `noStream`: whoever appends first wins. A second attempt of the same command (a retry,
 * a second process, a replay of the log) finds the first event, recorded with the same
 * causation id, and gets it back as a duplicate; anything else in the stream is a conflict.
 */
import { ConcurrencyConflictError, err, isRedressError, ok, type EventStore, type NewEvent, type RecordedEvent, type Result } from '@redress/core';
import type { CsiLogEvent } from '../surveys/schema.js';

export interface AppendOnce<E extends CsiLogEvent> {
  readonly store: Pick<EventStore<CsiLogEvent>, 'append' | 'readStream'>;
  readonly streamId: string;
  readonly event: NewEvent<E>;
  /** Tells the stored event of this kind from anything else the stream might hold. */
  readonly is: (e: RecordedEvent<CsiLogEvent>) => e is RecordedEvent<E> & RecordedEvent<CsiLogEvent>;
  /** What the conflict says when another command wrote the stream. */
  readonly taken: string;
}

export async function appendOnce<E extends CsiLogEvent>(
  once: AppendOnce<E>,
): Promise<Result<{ readonly event: RecordedEvent<E>; readonly duplicate: boolean }, ConcurrencyConflictError>> {
  const { store, streamId, event, is } = once;
  try {
    const appended = await store.append(streamId, 'noStream', [event]);
    const recorded = appended.events.find(is);
    if (!recorded) throw new Error(`the store did not return the event appended to ${streamId}`);
    return ok({ event: recorded, duplicate: false });
  } catch (e) {
    if (!isRedressError(e, 'ConcurrencyConflict')) throw e;
    const stored = await store.readStream(streamId);
    const first = stored.find(is);
    if (first && first.causationId === event.causationId) return ok({ event: first, duplicate: true });
    return err(new ConcurrencyConflictError(streamId, 'noStream', stored.length, once.taken));
  }
}

/**
 * The event `causationId` already recorded in `streamId`, if any: how a retry is recognised in
 * a stream an older version derived differently (see `legacyRecordIdFromCommandId`).
 */
export async function recordedBy<E extends CsiLogEvent>(
  store: Pick<EventStore<CsiLogEvent>, 'readStream'>,
  streamId: string,
  is: AppendOnce<E>['is'],
  causationId: string,
): Promise<(RecordedEvent<E> & RecordedEvent<CsiLogEvent>) | undefined> {
  const stored = await store.readStream(streamId);
  return stored.find((e): e is RecordedEvent<E> & RecordedEvent<CsiLogEvent> => is(e) && e.causationId === causationId);
}
