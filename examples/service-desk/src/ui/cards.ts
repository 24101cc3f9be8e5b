/** A ticket as a card on the board and in queues. */
import type { TicketCard } from '../desk/desk.js';
import type { StaffDirectory } from '../staff/directory.js';
import { formatInstant } from './format.js';
import { html, type Html } from './html.js';
import type { Text } from './i18n.js';
import { urgencyBadge } from './sla-view.js';

export const staffName = (staff: StaffDirectory, id: string | null): string => (id === null ? '—' : (staff.find(id)?.name ?? id));

export function card(text: Text, staff: StaffDirectory, { ticket, urgency }: TicketCard, now: Date): Html {
  const who = ticket.customer.name ?? ticket.customer.reference;
  return html`<li class="card urgency-${urgency.level}" data-complaint="${ticket.complaintId}">
    <a class="card-title" href="/tickets/${encodeURIComponent(ticket.complaintId)}">${ticket.complaintId}</a>
    <span class="badge severity-${ticket.severity ?? 'none'}">${ticket.severity ? text.core.severities[ticket.severity] : '—'}</span>
    <p class="who">${who}</p>
    <p class="what">${ticket.description.length > 90 ? `${ticket.description.slice(0, 88)}…` : ticket.description}</p>
    <p class="meta">${text.ticket.handler}: ${staffName(staff, ticket.handlerId)} · <time datetime="${ticket.receivedAt}">${formatInstant(ticket.receivedAt, text.locale)}</time></p>
    ${urgencyBadge(text, urgency, now)}
  </li>`;
}
