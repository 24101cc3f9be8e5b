/**
 * Queries over the SLA projection at a given `now`: a ticket's clocks, explain,
 * and the breached or at-risk clocks, filtered by handler, severity and priority. They
 * scan the tickets (a read model query, not the hot path: the ticker uses the
 * due index).
 */
import type { ClockRun } from './run.js';
import type { SlaState } from './projection.js';
import type { TicketSla } from './ticket.js';
import { explainClock, viewClock, type ClockView, type ExplainLine } from './view.js';

/** One clock of one ticket, as a board lists it. */
export interface TicketClockView extends ClockView {
  /** The complaint the clock belongs to. */
  readonly complaintId: string;
  /** The handler assigned now; null while unassigned (a board's "unassigned" column). */
  readonly handlerId: string | null;
  /** The ticket's current severity (`general` until classified). */
  readonly severity: string;
  /** Null when the classification recorded none. */
  readonly priority: string | null;
  /** The policy version measuring the ticket; null when no policy matched it. */
  readonly policy: { readonly name: string; readonly version: number } | null;
}

/** Which clocks a query picks. */
export interface SlaQueryFilter {
  /** A handler's clocks; `null` for unassigned tickets. */
  readonly handlerId?: string | null;
  /** Only tickets of this severity (`general`, `major`). */
  readonly severity?: string;
  /** A priority's clocks; `null` for tickets whose classification recorded none. */
  readonly priority?: string | null;
  /** Only this clock (`resolution`, `followUp`, …); every clock when absent. */
  readonly clock?: string;
}

const at = (now: Date | number) => (typeof now === 'number' ? now : now.getTime());

const withTicket = (ticket: TicketSla, view: ClockView): TicketClockView => ({
  ...view,
  complaintId: ticket.complaintId,
  handlerId: ticket.handlerId,
  severity: ticket.severity,
  priority: ticket.priority ?? null,
  policy: ticket.policy ?? null,
});

/** One clock of one ticket from the SLA state; undefined when the ticket has no such clock. */
export const clockOf = (state: SlaState, complaintId: string, clock: string): ClockRun | undefined =>
  state.tickets.get(complaintId)?.clocks.find((c) => c.config.name === clock);

/** Every clock of a ticket at `now` (empty for an unknown ticket). */
export function ticketClocks(state: SlaState, complaintId: string, now: Date | number): TicketClockView[] {
  const ticket = state.tickets.get(complaintId);
  return ticket ? ticket.clocks.map((c) => withTicket(ticket, viewClock(c, at(now)))) : [];
}

/** Why a clock is where it is: the events that moved it and the thresholds it reached. */
export function explain(state: SlaState, complaintId: string, clock: string, now: Date | number): ExplainLine[] {
  const run = clockOf(state, complaintId, clock);
  if (!run) throw new RangeError(`no clock "${clock}" on complaint ${complaintId}`);
  return explainClock(run, at(now));
}

function* matching(state: SlaState, now: number, filter: SlaQueryFilter): Generator<TicketClockView> {
  for (const ticket of state.tickets.values()) {
    if (filter.handlerId !== undefined && ticket.handlerId !== filter.handlerId) continue;
    if (filter.severity !== undefined && ticket.severity !== filter.severity) continue;
    if (filter.priority !== undefined && (ticket.priority ?? null) !== filter.priority) continue;
    for (const run of ticket.clocks) {
      if (filter.clock !== undefined && run.config.name !== filter.clock) continue;
      if (run.cycles.length === 0) continue;
      yield withTicket(ticket, viewClock(run, now));
    }
  }
}

/** Clocks breached by `now` (running late, or ended late). */
export function breachedClocks(state: SlaState, now: Date | number, filter: SlaQueryFilter = {}): TicketClockView[] {
  return [...matching(state, at(now), filter)].filter((v) => v.state === 'breached');
}

/** Active clocks not breached yet with at most `share` (default 25%) of their target left. */
export function atRisk(state: SlaState, now: Date | number, filter: SlaQueryFilter & { readonly share?: number } = {}): TicketClockView[] {
  const share = filter.share ?? 0.25;
  return [...matching(state, at(now), filter)].filter(
    (v) => v.active && v.state !== 'breached' && v.targetMs !== null && v.remainingMs !== null && v.remainingMs <= v.targetMs * share,
  );
}
