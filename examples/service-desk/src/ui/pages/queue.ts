/** My queue: the open tickets waiting for the logged-in member, most urgent first. */
import type { TicketCard } from '../../desk/desk.js';
import { byUrgency } from '../../desk/urgency.js';
import type { StaffDirectory } from '../../staff/directory.js';
import { card } from '../cards.js';
import { html, type Html } from '../html.js';
import type { Text } from '../i18n.js';

export function queueRegion(text: Text, staff: StaffDirectory, cards: readonly TicketCard[], now: Date): Html {
  const list = [...cards].sort((a, b) => byUrgency(a.urgency, b.urgency));
  return html`<div id="queue" hx-get="/fragments/queue" hx-trigger="desk:changed from:body" hx-swap="outerHTML">
    <p class="count-line"><span class="count" data-count="${list.length}">${list.length}</span></p>
    ${list.length ? html`<ul class="cards queue">${list.map((c) => card(text, staff, c, now))}</ul>` : html`<p>${text.queue.empty}</p>`}
  </div>`;
}

export function queuePage(text: Text, staff: StaffDirectory, cards: readonly TicketCard[], now: Date): Html {
  return html`<h1>${text.queue.title}</h1><p class="lead">${text.queue.why}</p>${queueRegion(text, staff, cards, now)}`;
}
