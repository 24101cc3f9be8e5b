/**
 * Who has held the ticket and where the customer is met, in order: every assignment
 * (with the handler it came from and why) and every arrangement of the meeting (its
 * time, venue and why it moved), from the ticket view's `assignments` and `meetings`.
 * The timeline says that something happened; this says to whom and where.
 */
import type { TicketView } from '@redress/core';
import type { StaffDirectory } from '../../staff/directory.js';
import { staffName } from '../cards.js';
import { enumLabel } from '../form-fields.js';
import { formatInstant } from '../format.js';
import { html, type Html } from '../html.js';
import type { Text } from '../i18n.js';

interface Entry {
  readonly at: string;
  readonly kind: 'assignment' | 'meeting';
  readonly markup: Html;
}

const when = (text: Text, at: string) => html`<time datetime="${at}">${formatInstant(at, text.locale)}</time>`;

function entries(text: Text, staff: StaffDirectory, t: TicketView): Entry[] {
  const assignments = t.assignments.map((a) => ({
    at: a.at,
    kind: 'assignment' as const,
    markup: html`${text.ticket.assigned} <strong>${staffName(staff, a.handlerId)}</strong>${a.previousHandlerId ? html` (${text.ticket.reassigned} ${staffName(staff, a.previousHandlerId)})` : ''} · ${enumLabel(text, a.reason)} · ${text.ticket.by} ${staffName(staff, a.by)}`,
  }));
  const meetings = t.meetings.map((m) => ({
    at: m.arrangedAt,
    kind: 'meeting' as const,
    markup: html`${text.ticket.meetingSet} ${when(text, m.at)} · ${m.venue}${m.reason ? html` · ${text.core.meetingReasons[m.reason]}` : ''} · ${text.ticket.by} ${staffName(staff, m.by)}`,
  }));
  return [...assignments, ...meetings].sort((a, b) => a.at.localeCompare(b.at));
}

export function ticketHistory(text: Text, staff: StaffDirectory, t: TicketView): Html {
  const list = entries(text, staff, t);
  if (list.length === 0) return html`<p>—</p>`;
  return html`<ol class="history">${list.map((e) => html`<li data-history="${e.kind}">${when(text, e.at)} · ${e.markup}</li>`)}</ol>`;
}

/** The meeting as it stands: when and where. */
export const currentMeeting = (text: Text, t: TicketView): Html | null => (t.meeting ? html`${when(text, t.meeting.at)} · ${t.meeting.venue}` : null);
