/**
 * How urgent a ticket is by its SLA clocks, for sorting boards and queues and for the
 * badge on a card: its most urgent active clock (breached, then warned, then the
 * earliest due). A clock that ended, late or not, is history: the ticket page shows it.
 */
import type { ClockLine } from './sla.js';

export type Urgency = 'breached' | 'warned' | 'running' | 'paused' | 'none';

export interface TicketUrgency {
  readonly level: Urgency;
  /** The clock the badge shows, if any. */
  readonly clock: ClockLine | null;
}

const RANK: Record<Urgency, number> = { breached: 0, warned: 1, running: 2, paused: 3, none: 4 };

const levelOf = (c: ClockLine): Urgency =>
  c.state === 'breached' ? 'breached' : c.warned ? 'warned' : c.state === 'running' ? 'running' : c.state === 'paused' ? 'paused' : 'none';

export function urgencyOf(clocks: readonly ClockLine[]): TicketUrgency {
  let best: TicketUrgency = { level: 'none', clock: null };
  for (const clock of clocks) {
    // Only clocks still running (or paused) tell what is urgent now; ended ones are history.
    if (!clock.active) continue;
    const level = levelOf(clock);
    const better =
      RANK[level] < RANK[best.level] ||
      (RANK[level] === RANK[best.level] && best.clock !== null && (clock.dueAt ?? '9') < (best.clock.dueAt ?? '9'));
    if (better) best = { level, clock };
  }
  return best;
}

export const byUrgency = (a: TicketUrgency, b: TicketUrgency): number =>
  RANK[a.level] - RANK[b.level] || (a.clock?.dueAt ?? '9').localeCompare(b.clock?.dueAt ?? '9');
