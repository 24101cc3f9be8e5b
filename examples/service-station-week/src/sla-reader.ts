/**
 * The questions the SLA board asks ("which clocks are breached, of whom?", "which
 * are warned?"), and the answers from @redress/sla's in-memory projection. A
 * SQLite store answers the same questions from SQL (sla-sql.ts); the board cannot
 * tell the two apart, and a test holds them to the same answers.
 */
import { breachedClocks, explain, ticketClocks, type SlaState, type TicketClockView } from '@redress/sla';

/** One clock, as much of it as the board shows: both a SQL row and an in-memory view have these. */
export interface SlaClockLine {
  readonly complaintId: string;
  readonly clock: string;
  readonly handlerId: string | null;
  readonly severity: string;
  readonly dueAt: string | null;
  readonly breachedAt: string | null;
}

export interface SlaReader {
  /** Clocks breached by the reader's `now`: late and still running, or ended late; of one handler when given. */
  breached(handlerId?: string): SlaClockLine[];
  /** Active clocks not breached by `now` that reached a warning threshold of their current cycle. */
  warned(): SlaClockLine[];
}

/** Just the fields the board shows, so answers from both sources compare equal. */
export const toLine = (v: SlaClockLine): SlaClockLine => ({
  complaintId: v.complaintId,
  clock: v.clock,
  handlerId: v.handlerId,
  severity: v.severity,
  dueAt: v.dueAt,
  breachedAt: v.breachedAt,
});

/** In the SQL read model's order (ORDER BY complaint_id, clock: binary text comparison). */
const bySqlOrder = (a: SlaClockLine, b: SlaClockLine) =>
  a.complaintId < b.complaintId ? -1 : a.complaintId > b.complaintId ? 1 : a.clock < b.clock ? -1 : a.clock > b.clock ? 1 : 0;

/** Warned as the SQL read model defines it: active, not breached, a warning reached in the current cycle. */
function isWarned(state: SlaState, view: TicketClockView, now: Date): boolean {
  if (!view.active || view.state === 'breached') return false;
  return explain(state, view.complaintId, view.clock, now).some((e) => e.action === 'warning' && e.cycle === view.cycle);
}

export function memorySlaReader(state: SlaState, now: Date): SlaReader {
  return {
    breached: (handlerId) => breachedClocks(state, now, handlerId === undefined ? {} : { handlerId }).map(toLine).sort(bySqlOrder),
    warned: () =>
      [...state.tickets.keys()]
        .flatMap((id) => ticketClocks(state, id, now))
        .filter((v) => isWarned(state, v, now))
        .map(toLine)
        .sort(bySqlOrder),
  };
}
