/**
 * Subject access: everything held about one customer, as JSON, decrypted. Read through
 * the protected store, so what the customer gets is what Redress reads: their complaints
 * event by event (with who did what and when), and the events of their own stream
 * (their profile, their erasure). After an erasure the personal fields read `ERASED`, which is the truth of what
 * is held.
 */
import type { EventLike, RecordedEvent } from '../../events/envelope.js';
import type { EventStore } from '../../store/event-store.js';
import { customerStreamId } from './erase-command.js';
import { receivedFor, scanLog } from './scan.js';

/** Everything the log holds about one customer, decrypted: the answer to a subject access request. */
export interface CustomerDataExport {
  /** The customer the export is for. */
  readonly customerReference: string;
  /** When the export was made (the injected clock). */
  readonly exportedAt: string;
  /** True when the customer's personal data was erased (the fields read `ERASED`). */
  readonly erased: boolean;
  /** Each complaint of the customer with its whole history, in stream order. */
  readonly complaints: readonly { readonly complaintId: string; readonly events: readonly RecordedEvent<EventLike>[] }[];
  /** The customer's own stream (`customer:<reference>`): their profile events (see customers/) and erasures. */
  readonly privacy: readonly RecordedEvent<EventLike>[];
}

export async function exportCustomerData(store: EventStore<EventLike>, customerReference: string, now: Date): Promise<CustomerDataExport> {
  const complaints = new Map<string, RecordedEvent<EventLike>[]>();
  const privacy: RecordedEvent<EventLike>[] = [];
  const own = customerStreamId(customerReference);
  for await (const event of scanLog(store)) {
    if (receivedFor(event) === customerReference) complaints.set(event.streamId, []);
    complaints.get(event.streamId)?.push(event);
    if (event.streamId === own) privacy.push(event);
  }
  return {
    customerReference,
    exportedAt: now.toISOString(),
    erased: privacy.some((e) => e.type === 'CustomerDataErased'),
    complaints: [...complaints].map(([complaintId, events]) => ({ complaintId, events })),
    privacy,
  };
}
