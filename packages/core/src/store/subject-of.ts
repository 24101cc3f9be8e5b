/**
 * Whose personal data a stream holds. A complaint's data subject is its customer: the
 * reference its `ComplaintReceived` names, in plaintext (it is the pseudonymous id the
 * keys are filed under). Later events of the stream (a note, a contact log) do not
 * repeat it, so it is read from the stream's first event.
 */
import type { EventLike, NewEvent, RecordedEvent } from '../events/envelope.js';

/**
 * The data subject of `streamId`, given the events being appended and a way to read the
 * stream as stored; undefined when it has none (nothing personal may then be appended).
 */
export type SubjectOf = (
  streamId: string,
  appending: readonly NewEvent<EventLike>[],
  stored: () => Promise<readonly RecordedEvent<EventLike>[]>,
) => string | undefined | Promise<string | undefined>;

function customerReference(event: EventLike | undefined): string | undefined {
  if (event?.type !== 'ComplaintReceived') return undefined;
  const reference: unknown = (event.data as { customer?: { reference?: unknown } } | null)?.customer?.reference;
  return typeof reference === 'string' && reference !== '' ? reference : undefined;
}

/** The customer a profile event or erasure names: on `customer:<reference>`, its `data.customerReference`. */
function profileReference(streamId: string, event: EventLike | undefined): string | undefined {
  if (!streamId.startsWith('customer:')) return undefined;
  const reference: unknown = (event?.data as { customerReference?: unknown } | null | undefined)?.customerReference;
  return typeof reference === 'string' && `customer:${reference}` === streamId ? reference : undefined;
}

/**
 * A complaint stream's subject: the customer reference of the `ComplaintReceived` stored
 * first, or, for a new stream, of the one being appended. The stored one wins: a second
 * receipt appended to an existing stream must not re-file its data under another customer.
 * A customer's profile stream, `customer:<reference>`, is that customer's: its events name
 * the reference, and one naming another customer gets no subject (so it is refused).
 */
export const complaintSubject: SubjectOf = async (streamId, appending, stored) => {
  // A customer's own stream (profile events, erasures) is filed under the customer it is named after.
  if (streamId.startsWith('customer:')) return profileReference(streamId, appending[0]);
  return customerReference((await stored())[0]) ?? customerReference(appending.find((e) => e.type === 'ComplaintReceived'));
};
