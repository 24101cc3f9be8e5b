/** Customer updates on the ticket view: every progress notice and result feedback, and when the customer last heard. */
import type { RecordedEvent } from '../events/envelope.js';
import type { ComplaintEventOf } from '../events/schema.js';
import type { Channel } from '../domain/vocabulary.js';
import type { CustomerUpdateKind } from './schema.js';

/** One update sent to the customer, as the ticket view lists it. */
export interface CustomerUpdateView {
  /** When it was sent (ISO-8601). */
  readonly at: string;
  /** A progress notice or the result's feedback. */
  readonly kind: CustomerUpdateKind;
  /** The channel it went out on. */
  readonly channel: Channel;
  /** Where its content is kept in the host's systems. */
  readonly contentRef: string;
  /** What the customer was told, in short; null when not recorded (personal data: see docs/privacy.md). */
  readonly summary: string | null;
  /** The id of whoever sent it. */
  readonly by: string;
}

/** The customer-update fields of a ticket. */
export interface TicketCustomerUpdates {
  /** Every update sent to the customer, oldest first. */
  readonly customerUpdates: readonly CustomerUpdateView[];
  /** When the latest update was sent (ISO-8601); null before the first (the SLA clock counts from receipt then). */
  readonly lastCustomerUpdateAt: string | null;
}

type UpdateEvent = RecordedEvent<ComplaintEventOf<'ProgressNoticeSent' | 'ResultFeedbackSent'>>;

/** The customer-update fields after one update: a new list (never pushed to, so a ticket handed out keeps its own). */
export function customerUpdatesAfter(updates: readonly CustomerUpdateView[], event: UpdateEvent): TicketCustomerUpdates {
  const { channel, contentRef, summary } = event.data;
  const kind: CustomerUpdateKind = event.type === 'ProgressNoticeSent' ? 'progress' : 'result';
  const update: CustomerUpdateView = { at: event.occurredAt, kind, channel, contentRef, summary: summary ?? null, by: event.actor.id };
  return { customerUpdates: [...updates, update], lastCustomerUpdateAt: event.occurredAt };
}
