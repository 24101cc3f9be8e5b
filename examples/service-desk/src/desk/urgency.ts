/**
 * How urgent a ticket is by its SLA clocks, for sorting boards and queues and for the
 * badge on a card: its most urgent active clock (breached, then warned, then the earliest
 * due). A clock that ended, late or not, is history: the ticket page shows it.
 *
 * Read from deadline rows (@redress/sla's `deadlineRows`, what the SQL read models store):
 * a row is exact when it is computed and after that a clock only changes with time, so
 * "breached by now" and "warned by now" are comparisons of instants. A board of many
 * tickets then costs no calendar arithmetic per request; the rows of a ticket are computed
 * again only when one of its clocks changed (deadlines.ts).
 */
import { isBreachedAt, isWarnedAt, type SlaDeadlineRow } from '@redress/sla';

export type Urgency = 'breached' | 'warned' | 'running' | 'paused' | 'none';

export interface UrgentClock {
  readonly clock: string;
  readonly state: Exclude<Urgency, 'none'>;
  /** When it is due; for a breached clock, the instant it breached (its first late millisecond). */
  readonly dueAt: string | null;
}

export interface TicketUrgency {
  readonly level: Urgency;
  readonly clock: UrgentClock | null;
}

const RANK: Record<Urgency, number> = { breached: 0, warned: 1, running: 2, paused: 3, none: 4 };

function levelOf(row: SlaDeadlineRow, now: Date): Exclude<Urgency, 'none'> | null {
  if (row.ticketClosed || (!row.running && row.state !== 'paused')) return null;
  if (isBreachedAt(row, now)) return 'breached';
  if (isWarnedAt(row, now)) return 'warned';
  return row.state === 'paused' ? 'paused' : 'running';
}

export function urgencyOf(rows: readonly SlaDeadlineRow[], now: Date): TicketUrgency {
  let best: TicketUrgency = { level: 'none', clock: null };
  for (const row of rows) {
    const level = levelOf(row, now);
    if (level === null) continue;
    const dueAt = level === 'breached' ? (row.breachedAt ?? row.dueAt) : row.dueAt;
    const better = RANK[level] < RANK[best.level] || (RANK[level] === RANK[best.level] && (dueAt ?? '9') < (best.clock?.dueAt ?? '9'));
    if (better) best = { level, clock: { clock: row.clock, state: level, dueAt } };
  }
  return best;
}

export const byUrgency = (a: TicketUrgency, b: TicketUrgency): number =>
  RANK[a.level] - RANK[b.level] || (a.clock?.dueAt ?? '9').localeCompare(b.clock?.dueAt ?? '9');
