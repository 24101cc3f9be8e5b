/**
 * Retention: a customer's personal data is erased once every complaint of theirs has been
 * archived, and their profile left unchanged, for `months` (calendar months, UTC). What
 * starts the wait is the later of the last archive and the profile's last event: a
 * customer with a profile and no complaint is due `months` after the profile's last
 * change, and a profile changed after the last archive holds the customer back. An open
 * complaint holds them back whatever their profile. `due(log, now)` is a pure function of
 * the log and the instant; the run erases each due customer through `EraseCustomerData`, as
 * `system`, so every erasure is recorded as its audit event. Customers already erased are
 * not due, and erasing is idempotent, so running it twice, or two instances at once,
 * erases each customer once. Run it from the host's scheduler with the injected clock.
 */
import type { EventLike, RecordedEvent } from '../../events/envelope.js';
import { erasedBy, profileActivityOf, receivedFor } from './scan.js';

/** How long personal data is kept after a customer's last complaint is archived, or their profile last changed. */
export interface RetentionPolicy {
  /** Whole months after the later of the customer's last archive and their profile's last change (≥ 1). */
  readonly months: number;
}

/** `instant` plus whole calendar months, UTC (a day the month does not have rolls over, as Date does). */
function addMonths(instant: number, months: number): number {
  const at = new Date(instant);
  at.setUTCMonth(at.getUTCMonth() + months);
  return at.getTime();
}

interface Complaint {
  readonly customer: string;
  archivedAt: string | undefined;
}

/** What holds a customer's data: a complaint still open, and the latest archive or profile change (ms). */
interface Held {
  open: boolean;
  last: number;
}

/**
 * The customers due for erasure at `now`, sorted: not erased, every complaint archived, and the later of the
 * last archive and the profile's last change `months` ago or more (a customer with only a profile: its last change).
 */
export function dueForRetention(log: Iterable<RecordedEvent<EventLike>>, policy: RetentionPolicy, now: Date): string[] {
  if (!(Number.isSafeInteger(policy.months) && policy.months >= 1)) throw new RangeError('retention: months must be a whole number ≥ 1');
  const complaints = new Map<string, Complaint>();
  const customers = new Map<string, Held>();
  const held = (customer: string): Held => {
    let h = customers.get(customer);
    if (h === undefined) customers.set(customer, (h = { open: false, last: -Infinity }));
    return h;
  };
  const erased = new Set<string>();
  for (const event of log) {
    const customer = receivedFor(event);
    if (customer !== undefined) complaints.set(event.streamId, { customer, archivedAt: undefined });
    const complaint = complaints.get(event.streamId);
    // Archive ends a complaint; any later event of it (none today) would make it live again.
    if (complaint) complaint.archivedAt = event.type === 'ComplaintArchived' ? event.occurredAt : undefined;
    const profiled = profileActivityOf(event);
    if (profiled !== undefined) held(profiled).last = Math.max(held(profiled).last, Date.parse(event.occurredAt));
    const gone = erasedBy(event);
    if (gone !== undefined) erased.add(gone);
  }
  for (const { customer, archivedAt } of complaints.values()) {
    const h = held(customer);
    if (archivedAt === undefined) h.open = true;
    else h.last = Math.max(h.last, Date.parse(archivedAt));
  }
  return [...customers]
    .filter(([customer, h]) => !erased.has(customer) && !h.open && addMonths(h.last, policy.months) <= now.getTime())
    .map(([customer]) => customer)
    .sort();
}
