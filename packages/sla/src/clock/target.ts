/**
 * A cycle's target from the clock's config and the ticket: a fixed duration, the
 * matrix entry for the ticket's severity or channel, or the deadline agreed with
 * the customer (converted to business time on the clock's calendar).
 */
import { msOf } from '../policy/duration.js';
import type { ClockRun, Cycle } from './run.js';

/** What a target may depend on. */
export interface TicketAttributes {
  readonly severity: string;
  readonly channel: string;
}

export function targetFor(run: ClockRun, attributes: TicketAttributes, startedAt: number): { targetMs: number | undefined; deadline: number | undefined } {
  const t = run.config.target;
  if ('duration' in t) return { targetMs: msOf(t.duration), deadline: undefined };
  if ('matrix' in t) {
    const key = t.matrix.by === 'severity' ? attributes.severity : attributes.channel;
    return { targetMs: msOf(t.matrix.values[key] ?? t.matrix.otherwise), deadline: undefined };
  }
  if (run.deadline === undefined) return { targetMs: undefined, deadline: undefined };
  return { targetMs: Math.max(0, run.calendar.diff(startedAt, run.deadline)), deadline: run.deadline };
}

/** Sets a cycle's target; true when it changed. */
export function retarget(run: ClockRun, cycle: Cycle, attributes: TicketAttributes): boolean {
  const next = targetFor(run, attributes, cycle.startedAt);
  if (next.targetMs === cycle.targetMs && next.deadline === cycle.deadline) return false;
  cycle.targetMs = next.targetMs;
  cycle.deadline = next.deadline;
  return true;
}
