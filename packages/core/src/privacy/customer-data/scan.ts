/**
 * The whole log, batch by batch, through the store it is given (a protected store reads
 * decrypted). Erasure recovery, retention and subject access need facts spread over many
 * streams (which complaints a customer made, which were archived when), and the
 * EventStore contract has no index by customer: a pass over the log is the one read
 * every store supports. Hosts with large logs run these from a job, not a request.
 */
import { CUSTOMER_PROFILE_EVENT_TYPES } from '../../customers/schema.js';
import type { EventLike, RecordedEvent } from '../../events/envelope.js';
import type { EventStore } from '../../store/event-store.js';
import { customerStreamId } from './erase-command.js';

const BATCH = 500;

export async function* scanLog(store: EventStore<EventLike>): AsyncGenerator<RecordedEvent<EventLike>> {
  for (let from = 1; ; ) {
    const batch = await store.readAll(from, BATCH);
    yield* batch;
    const last = batch.at(-1);
    if (!last || batch.length < BATCH) return;
    from = last.globalPosition + 1;
  }
}

/** A complaint stream's customer reference, from its ComplaintReceived. */
export function receivedFor(event: RecordedEvent<EventLike>): string | undefined {
  if (event.type !== 'ComplaintReceived') return undefined;
  const reference: unknown = (event.data as { customer?: { reference?: unknown } } | null)?.customer?.reference;
  return typeof reference === 'string' ? reference : undefined;
}

/** The customer an erasure audit event names. */
export function erasedBy(event: RecordedEvent<EventLike>): string | undefined {
  if (event.type !== 'CustomerDataErased') return undefined;
  const reference: unknown = (event.data as { customerReference?: unknown } | null)?.customerReference;
  return typeof reference === 'string' ? reference : undefined;
}

const PROFILE_EVENT_TYPES = new Set<string>(CUSTOMER_PROFILE_EVENT_TYPES);

/** The customer a profile event is activity of: one on their own stream `customer:<reference>` (the erasure is not). */
export function profileActivityOf(event: RecordedEvent<EventLike>): string | undefined {
  if (!PROFILE_EVENT_TYPES.has(event.type)) return undefined;
  const reference: unknown = (event.data as { customerReference?: unknown } | null)?.customerReference;
  return typeof reference === 'string' && event.streamId === customerStreamId(reference) ? reference : undefined;
}
