/**
 * Where every cycle of a ticket stands at `now`, by clock and cycle number: what
 * repairs and migrations compare before and after. A cycle counts as breached as
 * soon as its breach is reached, running or not; otherwise it is running (or
 * paused) or ended as its outcome says.
 */
import type { ClockRun, Cycle } from '../clock/run.js';
import type { TicketSla } from '../clock/ticket.js';
import { crossingsBy } from '../clock/view.js';
import type { CycleStatus } from '../tick/events.js';

/** One cycle whose status differs between two computations. */
export interface CycleChange {
  /** The complaint whose cycle changes. */
  readonly complaintId: string;
  /** The clock's name. */
  readonly clock: string;
  /** The cycle's number (from 1); with a changed policy a cycle may exist on one side only (`none` on the other). */
  readonly cycle: number;
  /** Where the cycle stands at `now` as things are (the configuration in force, or before the migration). */
  readonly before: CycleStatus;
  /** Where it stands at `now` under the change (the proposed configuration, or after the migration). */
  readonly after: CycleStatus;
}

export function cycleStatus(run: ClockRun, cycle: Cycle, now: number): CycleStatus {
  if (cycle.startedAt > now) return 'none';
  if (crossingsBy(run, cycle, now).some((c) => c.kind === 'breach')) return 'breached';
  if (cycle.status !== 'ended' || (cycle.endedAt ?? 0) > now) return 'running';
  return cycle.outcome ?? 'met';
}

/** Clock name → cycle number → status. */
export type TicketStatuses = Map<string, Map<number, CycleStatus>>;

export function ticketStatuses(ticket: TicketSla | undefined, now: number): TicketStatuses {
  const out: TicketStatuses = new Map();
  for (const run of ticket?.clocks ?? []) {
    const cycles = new Map<number, CycleStatus>();
    for (const c of run.cycles) cycles.set(c.number, cycleStatus(run, c, now));
    out.set(run.config.name, cycles);
  }
  return out;
}

/** The cycles whose status differs, clocks in `after`'s order then those only `before` has, cycles in order. */
export function changesBetween(complaintId: string, before: TicketStatuses, after: TicketStatuses): CycleChange[] {
  const changes: CycleChange[] = [];
  const clocks = [...new Set([...after.keys(), ...before.keys()])];
  for (const clock of clocks) {
    const b = before.get(clock) ?? new Map<number, CycleStatus>();
    const a = after.get(clock) ?? new Map<number, CycleStatus>();
    const numbers = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x - y);
    for (const cycle of numbers) {
      const was = b.get(cycle) ?? 'none';
      const is = a.get(cycle) ?? 'none';
      if (was !== is) changes.push({ complaintId, clock, cycle, before: was, after: is });
    }
  }
  return changes;
}
