/** A ticket on the board, as the API lists it: what a card shows, not the whole ticket view. */
import type { TicketCard } from '../desk/desk.js';

export function cardJson({ ticket, urgency }: TicketCard) {
  return {
    complaintId: ticket.complaintId,
    step: ticket.step,
    severity: ticket.severity,
    handlerId: ticket.handlerId,
    customer: ticket.customer,
    channel: ticket.channel,
    receivedAt: ticket.receivedAt,
    updatedAt: ticket.updatedAt,
    version: ticket.version,
    urgency,
  };
}
