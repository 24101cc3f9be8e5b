/**
 * The board: every step of the workflow with its count and its tickets, most urgent
 * first; closed complaints folded away. The region refreshes itself whenever the log
 * moves (`desk:changed`, from the server-sent events).
 */
import { OPEN_STEPS, type Step } from '@redress/core';
import type { TicketCard } from '../../desk/desk.js';
import { byUrgency } from '../../desk/urgency.js';
import type { StaffDirectory } from '../../staff/directory.js';
import { card } from '../cards.js';
import { html, type Html } from '../html.js';
import type { Text } from '../i18n.js';

const CLOSED: readonly Step[] = ['archived', 'withdrawn'];

/** The live region: what `/fragments/board` answers, and what the page embeds. */
export function boardRegion(text: Text, staff: StaffDirectory, cards: readonly TicketCard[], now: Date): Html {
  const byStep = (step: Step) => cards.filter((c) => c.ticket.step === step);
  const columns = OPEN_STEPS.map((step) => {
    const list = byStep(step).sort((a, b) => byUrgency(a.urgency, b.urgency));
    return html`<section class="column" aria-labelledby="step-${step}" data-step="${step}">
      <h2 id="step-${step}">${text.core.steps[step]} <span class="count" data-count="${list.length}">${list.length}</span></h2>
      <ul class="cards">${list.map((c) => card(text, staff, c, now))}</ul>
    </section>`;
  });
  const closed = CLOSED.map((step) => {
    const list = byStep(step);
    return html`<details class="closed" data-step="${step}"><summary>${text.core.steps[step]} <span class="count" data-count="${list.length}">${list.length}</span></summary>
      <ul class="cards">${list.map((c) => card(text, staff, c, now))}</ul></details>`;
  });
  return html`<div id="board" class="board-region" hx-get="/fragments/board" hx-trigger="desk:changed from:body" hx-swap="outerHTML">
    <div class="board">${columns}</div>
    <div class="closed-steps"><h2 class="visually-hidden">${text.board.closed}</h2>${closed}</div>
  </div>`;
}

export function boardPage(text: Text, staff: StaffDirectory, cards: readonly TicketCard[], now: Date, mayReceive: boolean): Html {
  return html`<div class="page-head"><h1>${text.board.title}</h1>${mayReceive ? html`<a class="button" href="/complaints/new">${text.board.receive}</a>` : ''}</div>
    ${boardRegion(text, staff, cards, now)}`;
}
