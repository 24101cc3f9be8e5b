/**
 * One log for complaints, surveys and csi's repeat records. The engine's options ask for an
 * `EventStore<ComplaintEvent>`; a store that also holds the others is that store seen
 * through a narrower type. The view is safe because the engine reads only complaint
 * streams by id, and its projections skip event types they do not handle.
 */
import type { ComplaintEvent, EventStore } from '@redress/core';
import type { CsiLogEvent } from './schema.js';

/**
 * The shared log seen as the engine's `EventStore<ComplaintEvent>`: pass
 * `createEngine({ store: complaintStore(store) })` so complaints, surveys, attempts, repeat
 * records and improvement actions live in one store, one global order. The same object, retyped:
 * nothing is copied or filtered.
 */
export function complaintStore(store: EventStore<CsiLogEvent>): EventStore<ComplaintEvent> {
  // A widening of what may be read back, which the engine tolerates (see above); no runtime change.
  return store as unknown as EventStore<ComplaintEvent>;
}
