/**
 * SLA clocks on screen: a badge with the state (running, warned, breached, paused…) in
 * words as well as colour, and a countdown to the due instant that the client script
 * keeps ticking on the desk's clock (`data-due`); the server's state wins on each refresh.
 */
import type { ClockLine } from '../desk/sla.js';
import type { TicketUrgency, UrgentClock } from '../desk/urgency.js';
import { formatDuration, formatInstant } from './format.js';
import { attr, html, type Html } from './html.js';
import type { Text } from './i18n.js';

export const clockName = (text: Text, clock: string): string => text.sla.clocks[clock] ?? clock;

export const stateOf = (clock: ClockLine): string => (clock.warned ? 'warned' : clock.state);

/** "2h 05m left" / "overdue 12m", as rendered on the server (the client takes over from there). */
function countdownText(text: Text, dueAt: string, now: Date): string {
  const left = Date.parse(dueAt) - now.getTime();
  return left >= 0 ? `${formatDuration(left)} ${text.sla.remaining}` : `${text.sla.overdue} ${formatDuration(-left)}`;
}

/**
 * The instant the clock is (or was) due. For a breached clock that is its breach instant:
 * the view's `dueAt` of a breached clock can move later (to the instant of a later event
 * such as the escalation), while `breachedAt` stays the first late millisecond.
 */
const dueOf = (clock: ClockLine): string | null => (clock.state === 'breached' ? (clock.breachedAt ?? clock.dueAt) : clock.dueAt);

export const countdown = (text: Text, clock: ClockLine, now: Date): Html => countdownTo(text, dueOf(clock), clock.active && clock.state !== 'paused', now);

function countdownTo(text: Text, due: string | null, ticking: boolean, now: Date): Html {
  if (due === null) return html``;
  return html`<span class="due">${text.sla.due} <time datetime="${due}">${formatInstant(due, text.locale)}</time></span>
    ${ticking ? html`<span class="countdown"${attr('data-due', due)} data-left="${text.sla.remaining}" data-overdue="${text.sla.overdue}">${countdownText(text, due, now)}</span>` : ''}`;
}

export const slaBadge = (text: Text, clock: ClockLine): Html => badge(text, clock.clock, stateOf(clock));

function badge(text: Text, clock: string, state: string): Html {
  return html`<span class="badge sla-${state}" data-sla-state="${state}">${clockName(text, clock)}: ${text.sla.states[state as keyof Text['sla']['states']] ?? state}</span>`;
}

/** The badge and countdown of a card: its most urgent clock, or nothing. */
export function urgencyBadge(text: Text, urgency: TicketUrgency, now: Date): Html {
  const clock: UrgentClock | null = urgency.clock;
  if (!clock) return html``;
  return html`<div class="sla-line">${badge(text, clock.clock, clock.state)} ${countdownTo(text, clock.dueAt, clock.state !== 'paused', now)}</div>`;
}

/** Every clock of a ticket, each with why it is where it is. */
export function clockTable(text: Text, clocks: readonly ClockLine[], now: Date): Html {
  if (clocks.length === 0) return html`<p>—</p>`;
  const rows = clocks.map(
    (c) => html`<li class="clock" data-clock="${c.clock}">${slaBadge(text, c)} ${countdown(text, c, now)}
      <details><summary>${text.ticket.explain}</summary><ol class="explain">${c.explain.map(
        (line) => html`<li><time datetime="${line.at}">${formatInstant(line.at, text.locale)}</time> · ${line.action} · ${line.reason}</li>`,
      )}</ol></details></li>`,
  );
  return html`<ul class="clocks">${rows}</ul>`;
}
