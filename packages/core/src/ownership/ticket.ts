/**
 * First-contact responsibility on the ticket view: who is accountable now, who was
 * at every moment (periods, oldest first), and the hand-over waiting for an answer.
 */
import type { RecordedEvent } from '../events/envelope.js';
import type { ComplaintEventOf } from '../events/schema.js';

/** One stretch of accountability: from its start (receipt or an accepted hand-over) until the next accepted hand-over. */
export interface AccountablePeriod {
  /** The user id accountable during the period (the receiver, or whoever accepted the hand-over). */
  readonly id: string;
  /** When the period began (ISO-8601): the complaint's receipt or the hand-over's acceptance; `accountableAt` compares instants against it. */
  readonly since: string;
  /** When a hand-over to the next owner was accepted; null while it lasts. */
  readonly until: string | null;
  /** How the person became accountable: by receiving the complaint (the first period) or by accepting a hand-over. */
  readonly via: 'receipt' | 'handOver';
}

/** An offer not yet accepted or declined: the first owner stays accountable meanwhile. */
export interface HandOverView {
  /** The person accountable when the offer was made, who stays accountable until it is accepted. */
  readonly from: string;
  /** The person offered the complaint: the only one who may accept or decline it (rule `answeredByRecipient`). */
  readonly to: string;
  /** When the offer was recorded (ISO-8601): how long it has waited for an answer, which an SLA clock can time. */
  readonly offeredAt: string;
  /** Who made the offer: the accountable person, or a head stepping in for them. */
  readonly offeredBy: string;
}

/** The ownership fields of a ticket. */
export interface TicketOwnership {
  /** Who answers for the complaint now: the receiver until a hand-over is accepted. Null only for logs older than `receivedBy` without an actor. */
  readonly accountableId: string | null;
  /** Every period of accountability, oldest first, the last one open (`until` null): who answered for the complaint at any moment (see `accountableAt`). */
  readonly accountability: readonly AccountablePeriod[];
  /** The offer waiting for an answer, to show the recipient an accept/decline action; null when none is pending (a new offer replaces a pending one). */
  readonly handOver: HandOverView | null;
}

type HandOverEvent = RecordedEvent<ComplaintEventOf<'HandOverOffered' | 'HandOverAccepted' | 'HandOverDeclined'>>;

/** The ownership of a ticket just received. */
export function receivedOwnership(event: RecordedEvent<ComplaintEventOf<'ComplaintReceived'>>): TicketOwnership {
  const id = event.data.receivedBy ?? event.actor.id;
  return { accountableId: id, accountability: [{ id, since: event.occurredAt, until: null, via: 'receipt' }], handOver: null };
}

/** The ownership after a hand-over event. */
export function handOverOwnership(ticket: TicketOwnership, event: HandOverEvent): TicketOwnership {
  switch (event.type) {
    case 'HandOverOffered':
      return { ...ticket, handOver: { from: event.data.from, to: event.data.to, offeredAt: event.occurredAt, offeredBy: event.data.offeredBy } };
    case 'HandOverDeclined':
      return { ...ticket, handOver: null };
    case 'HandOverAccepted': {
      const closed = ticket.accountability.map((p) => (p.until === null ? { ...p, until: event.occurredAt } : p));
      return {
        accountableId: event.data.to,
        accountability: [...closed, { id: event.data.to, since: event.occurredAt, until: null, via: 'handOver' }],
        handOver: null,
      };
    }
  }
}

/**
 * Who was accountable at `instant` (ISO-8601): the period it falls in, a hand-over's
 * instant belonging to the new owner. Null before the complaint was received.
 */
export function accountableAt(ticket: Pick<TicketOwnership, 'accountability'>, instant: string): string | null {
  const t = Date.parse(instant);
  let who: string | null = null;
  for (const period of ticket.accountability) if (Date.parse(period.since) <= t) who = period.id;
  return who;
}
