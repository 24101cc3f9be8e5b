/**
 * A ticket: what it is about, its SLA clocks and timeline (a live region), and the
 * actions the logged-in member may take now, each a form built from the command's schema.
 * A refused action comes back here with its typed reason and the fields it refers to.
 */
import type { CommandType, ComplaintState, TicketView } from '@redress/core';
import { endpointOf } from '../../api/commands.js';
import type { Problem } from '../../api/problems.js';
import type { DeskActions } from '../../desk/desk.js';
import type { ClockLine } from '../../desk/sla.js';
import type { StaffDirectory } from '../../staff/directory.js';
import { actionForm, refusalPanel, type FormState } from '../action-form.js';
import { staffName } from '../cards.js';
import type { Choice } from '../form-fields.js';
import { formatInstant } from '../format.js';
import { html, type Html } from '../html.js';
import type { Text } from '../i18n.js';
import { clockTable } from '../sla-view.js';
import { currentMeeting, ticketHistory } from './ticket-history.js';

export interface TicketPageInput {
  readonly text: Text;
  readonly staff: StaffDirectory;
  readonly ticket: TicketView;
  readonly state: ComplaintState;
  readonly clocks: readonly ClockLine[];
  readonly now: Date;
  readonly actions: DeskActions;
  readonly csrfToken: string;
  readonly choices: Readonly<Record<string, readonly Choice[]>>;
  readonly rows: Readonly<Record<string, number>>;
  /** The command just refused, with what was submitted. */
  readonly refused?: { readonly type: CommandType; readonly form: FormState; readonly problem: Problem };
}

const fact = (label: string, value: Html | string | null) => html`<dt>${label}</dt><dd>${value ?? '—'}</dd>`;

function facts(text: Text, staff: StaffDirectory, t: TicketView): Html {
  const product = t.product ? [t.product.model, t.product.identifier, t.product.mileageKm !== undefined ? `${t.product.mileageKm} km` : undefined].filter(Boolean).join(' · ') : null;
  return html`<dl class="facts">
    ${fact(text.ticket.customer, t.customer.name ? `${t.customer.name} (${t.customer.reference})` : t.customer.reference)}
    ${fact(text.ticket.product, product)}
    ${fact(text.fields.severity ?? 'severity', t.severity ? text.core.severities[t.severity] : null)}
    ${fact(text.ticket.priority, t.priority ? text.core.priorities[t.priority] : null)}
    ${fact(text.ticket.handler, staffName(staff, t.handlerId))}
    ${fact(text.ticket.meeting, currentMeeting(text, t))}
    ${fact(text.ticket.description, t.description)}
    ${fact(text.ticket.demand, t.demand)}
    ${fact(text.fields.cause ?? 'cause', t.cause ? text.core.causes[t.cause] : null)}
    ${fact(text.ticket.servqual, t.servqualFactor ? text.core.servqualFactors[t.servqualFactor] : null)}
    ${fact(text.ticket.remedy, t.remedy ? `${text.core.remedies[t.remedy.kind]}: ${t.remedy.description}` : null)}
    ${fact(text.ticket.deadline, t.agreedDeadline ? html`<time datetime="${t.agreedDeadline}">${formatInstant(t.agreedDeadline, text.locale)}</time>` : null)}
    ${fact(text.ticket.cycle, String(t.cycle))}
    ${fact(text.ticket.escalation, t.escalation ? text.core.escalationLevels[t.escalation.level] : null)}
    ${fact(text.ticket.escalations, t.escalations.map((l) => text.core.escalationLevels[l]).join(', ') || null)}
    ${fact(text.ticket.preventive, t.preventiveAction)}
  </dl>`;
}

function timeline(text: Text, staff: StaffDirectory, t: TicketView): Html {
  const entries = [...t.timeline].reverse().map(
    (e) => html`<li data-event="${e.type}"><time datetime="${e.at}">${formatInstant(e.at, text.locale)}</time>
      <strong>${text.core.events[e.type]}</strong> · ${staffName(staff, e.actor.id)} (${text.core.roles[e.actor.role]}) → ${text.core.steps[e.step]}</li>`,
  );
  return html`<ol class="timeline" reversed>${entries}</ol>`;
}

/** The live part of the page; `seen` is the version the page was opened at. */
export function ticketRegion(input: Pick<TicketPageInput, 'text' | 'staff' | 'ticket' | 'clocks' | 'now'>, seen: number): Html {
  const { text, ticket } = input;
  const id = encodeURIComponent(ticket.complaintId);
  const changed = ticket.version > seen;
  return html`<div id="ticket-live" hx-get="/fragments/tickets/${id}?seen=${seen}" hx-trigger="desk:changed from:body" hx-swap="outerHTML" data-version="${ticket.version}">
    ${changed ? html`<p class="changed" role="status">${text.ticket.changed} <a href="/tickets/${id}">${text.ticket.reload}</a></p>` : ''}
    <p class="step-line"><span class="badge step" data-step="${ticket.step}">${text.core.steps[ticket.step]}</span> · ${text.ticket.version} ${ticket.version}</p>
    <div class="ticket-grid">
      <section aria-labelledby="facts-h"><h2 id="facts-h" class="visually-hidden">${text.ticket.customer}</h2>${facts(text, input.staff, ticket)}</section>
      <section aria-labelledby="sla-h" class="sla-panel"><h2 id="sla-h">${text.ticket.sla}</h2>${clockTable(text, input.clocks, input.now)}</section>
    </div>
    <section aria-labelledby="history-h"><h2 id="history-h">${text.ticket.history}</h2>${ticketHistory(text, input.staff, ticket)}</section>
    <section aria-labelledby="timeline-h"><h2 id="timeline-h">${text.ticket.timeline}</h2>${timeline(text, input.staff, ticket)}</section>
  </div>`;
}

function actions(input: TicketPageInput): Html {
  const { text, ticket, refused } = input;
  if (ticket.step === 'archived' || ticket.step === 'withdrawn') return html`<p>${text.ticket.closed}</p>`;
  const id = encodeURIComponent(ticket.complaintId);
  const forms = input.actions.mine.map((type) => {
    const endpoint = endpointOf(type);
    const state = refused?.type === type ? refused.form : undefined;
    const form = actionForm({ text, endpoint, action: `/tickets/${id}/do/${endpoint.segment}`, csrfToken: input.csrfToken, version: ticket.version, choices: input.choices, rows: input.rows, ...(state && { state }) });
    return html`<details class="action" data-command="${type}"${state ? ' open' : ''}><summary>${text.core.commands[type]}</summary>${form}</details>`;
  });
  // One line per reason: the assigned-handler rule usually bars a whole step's commands at once.
  const reasons = new Map<string, DeskActions['barred']>();
  for (const b of input.actions.barred) reasons.set(b.reason, [...(reasons.get(b.reason) ?? []), b]);
  const barred = [...reasons].map(([reason, list]) => html`<li data-commands="${list.map((b) => b.type).join(' ')}">${list.map((b) => text.core.commands[b.type]).join(', ')}: <span class="reason">${reason}</span></li>`);
  const others = input.actions.others.map((type) => html`<li>${text.core.commands[type]}</li>`);
  return html`${forms.length ? forms : html`<p>${text.ticket.noActions}</p>`}
    ${barred.length ? html`<h3>${text.ticket.barred}</h3><ul class="barred">${barred}</ul>` : ''}
    ${others.length ? html`<h3>${text.ticket.othersCan}</h3><ul class="others">${others}</ul>` : ''}`;
}

export function ticketPage(input: TicketPageInput): Html {
  const { text, ticket, refused } = input;
  const label = (type: CommandType) => text.core.commands[type];
  return html`<h1>${ticket.complaintId}</h1>
    ${ticketRegion(input, ticket.version)}
    <section aria-labelledby="actions-h" class="actions"><h2 id="actions-h">${text.ticket.actions}</h2>
      ${refused ? refusalPanel(text, refused.problem, label) : ''}
      ${actions(input)}
    </section>`;
}
