/**
 * A cycle's target from the clock's config and the ticket: a fixed duration, the
 * matrix entry for the ticket's severity, priority and channel, or the deadline
 * agreed with the customer (converted to business time on the clock's calendar).
 */
import { matrixDuration, type MatrixAttributes } from '../policy/matrix.js';
import { msOf } from '../policy/duration.js';
import type { ClockRun, Cycle } from './run.js';

/** What a target may depend on. */
export type TicketAttributes = MatrixAttributes;

export function targetFor(run: ClockRun, attributes: TicketAttributes, startedAt: number): { targetMs: number | undefined; deadline: number | undefined } {
  const t = run.config.target;
  if ('duration' in t) return { targetMs: msOf(t.duration), deadline: undefined };
  if ('matrix' in t) return { targetMs: msOf(matrixDuration(t.matrix, attributes)), deadline: undefined };
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
