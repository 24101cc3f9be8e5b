/**
 * Retention: a customer's personal data is erased once every complaint of theirs has been
 * archived for `months` (calendar months, UTC). `due(log, now)` is a pure function of the
 * log and the instant; the run erases each due customer through `EraseCustomerData`, as
 * `system`, so every erasure is recorded as its audit event. Customers already erased are
 * not due, and erasing is idempotent, so running it twice, or two instances at once,
 * erases each customer once. Run it from the host's scheduler with the injected clock.
 */
import type { EventLike, RecordedEvent } from '../../events/envelope.js';
import { erasedBy, receivedFor } from './scan.js';

export interface RetentionPolicy {
  /** Whole months after the customer's last archive (≥ 1). */
  readonly months: number;
}

/** `instant` plus whole calendar months, UTC (a day the month does not have rolls over, as Date does). */
function addMonths(instant: string, months: number): number {
  const at = new Date(instant);
  at.setUTCMonth(at.getUTCMonth() + months);
  return at.getTime();
}

interface Complaint {
  readonly customer: string;
  archivedAt: string | undefined;
}

/** The customers due for erasure at `now`, sorted: not erased, every complaint archived, the last `months` ago or more. */
export function dueForRetention(log: Iterable<RecordedEvent<EventLike>>, policy: RetentionPolicy, now: Date): string[] {
  if (!(Number.isSafeInteger(policy.months) && policy.months >= 1)) throw new RangeError('retention: months must be a whole number ≥ 1');
  const complaints = new Map<string, Complaint>();
  const erased = new Set<string>();
  for (const event of log) {
    const customer = receivedFor(event);
    if (customer !== undefined) complaints.set(event.streamId, { customer, archivedAt: undefined });
    const complaint = complaints.get(event.streamId);
    // Archive ends a complaint; any later event of it (none today) would make it live again.
    if (complaint) complaint.archivedAt = event.type === 'ComplaintArchived' ? event.occurredAt : undefined;
    const gone = erasedBy(event);
    if (gone !== undefined) erased.add(gone);
  }
  const lastArchive = new Map<string, string | undefined>();
  for (const { customer, archivedAt } of complaints.values()) {
    const before = lastArchive.get(customer);
    const live = archivedAt === undefined || (lastArchive.has(customer) && before === undefined);
    lastArchive.set(customer, live ? undefined : before === undefined || Date.parse(archivedAt) > Date.parse(before) ? archivedAt : before);
  }
  return [...lastArchive]
    .filter(([customer, at]) => !erased.has(customer) && at !== undefined && addMonths(at, policy.months) <= now.getTime())
    .map(([customer]) => customer)
    .sort();
}
