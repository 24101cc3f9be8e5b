/**
 * Difficult-customer hints where the handler works: the profiles as a projection over
 * the whole log (keyed by customer), joined to the work queue and to a ticket by the
 * customer reference the complaint names. A join, not a field copied into each ticket:
 * a tag added today must show on every open complaint of the customer at once, and the
 * ticket view (and the SQL ticket tables built from it) stays a fold of its own stream.
 */
import type { EventLike, RecordedEvent } from '../events/envelope.js';
import type { CustomerDataErased } from '../privacy/customer-data/erase-command.js';
import type { Projection } from '../projections/projection.js';
import type { QueuesState } from '../projections/queues.js';
import type { TicketView } from '../projections/ticket.js';
import { evolveProfile, isProfileEvent, type CustomerProfile, type DifficultTag } from './profile.js';
import { CUSTOMER_PROFILE_EVENT_TYPES, type CustomerProfileEvent } from './schema.js';

/** The events of customers' own streams: profile events and erasures. */
export type CustomerLogEvent = CustomerProfileEvent | CustomerDataErased;

/** Every customer's current profile, by customer reference. */
export type CustomerProfilesState = Map<string, CustomerProfile>;

/**
 * The profiles projection: every customer's current profile as of the last event read
 * (the table is updated in place). Typed over any event, so it runs on the complaints'
 * store as it is (`runProjection(...).catchUp(store)`, `rebuildProjection(store, ...)`).
 */
export function customerProfilesProjection(): Projection<CustomerProfilesState, EventLike> {
  return {
    name: 'customerProfiles',
    handles: [...CUSTOMER_PROFILE_EVENT_TYPES, 'CustomerDataErased'],
    initialState: () => new Map(),
    evolve(table, recorded) {
      // Only the handled types reach here: profile events and erasures, each naming its customer.
      const event = recorded as RecordedEvent<CustomerLogEvent>;
      const reference = event.data.customerReference;
      const before = table.get(reference) ?? null;
      if (isProfileEvent(event)) {
        const after = evolveProfile(before, event);
        if (after !== null) table.set(reference, after);
      } else if (before !== null) table.set(reference, { ...before, erased: true });
      return table;
    },
  };
}

/** The difficult-customer tags in force for a customer, with their hints (none without a profile). */
export function handlingHintsOf(profiles: ReadonlyMap<string, CustomerProfile>, customerReference: string): readonly DifficultTag[] {
  return profiles.get(customerReference)?.tags ?? [];
}

/** The hints to show with a ticket: its customer's tags in force. */
export const ticketHints = (profiles: ReadonlyMap<string, CustomerProfile>, ticket: Pick<TicketView, 'customer'>): readonly DifficultTag[] =>
  handlingHintsOf(profiles, ticket.customer.reference);

/** One line of a handler's queue: an open complaint and the hints for its customer. */
export interface HandlerQueueItem {
  /** The complaint. */
  readonly complaintId: string;
  /** Its step. */
  readonly step: string;
  /** Its severity; null before classification. */
  readonly severity: string | null;
  /** The customer reference. */
  readonly customer: string;
  /** The customer's difficult-customer tags in force (empty for most). */
  readonly hints: readonly DifficultTag[];
}

/** A handler's open complaints (`null`: the unassigned), each with its customer's handling hints. */
export function handlerQueue(queues: QueuesState, profiles: ReadonlyMap<string, CustomerProfile>, handlerId: string | null): readonly HandlerQueueItem[] {
  return [...(queues.byHandler.get(handlerId) ?? [])].flatMap((complaintId) => {
    const entry = queues.open.get(complaintId);
    return entry ? [{ complaintId, step: entry.step, severity: entry.severity, customer: entry.customer, hints: handlingHintsOf(profiles, entry.customer) }] : [];
  });
}
