/**
 * The clock state machine: one complaint event applied to one clock.
 *
 * At most one of these ends or starts a cycle, checked in this order: cancel,
 * stop, rearm, reset (for a running or paused cycle), start (for a clock waiting
 * for it). Then the clock's hold is settled: an event meeting a pause condition
 * holds the clock until one meets a resume condition, whether or not a cycle runs,
 * and `pauseWhile` holds it while the ticket's state meets it; a cycle runs exactly
 * when nothing holds it, so a cycle that starts during a hold starts paused. Last,
 * the target is re-read (the ticket was reclassified, or the deadline renegotiated).
 * Reopening follows the clock's `onReopen`.
 */
import type { Condition } from '../policy/condition.js';
import { holds, meets, readField } from '../policy/condition.js';
import type { TicketState } from '../policy/ticket-state.js';
import { addCycle, addLine, CycleRecord, follow, followedBy } from './records.js';
import { currentCycle, type ClockRun, type Cycle, type ExplainEntry } from './run.js';
import { retarget, targetFor } from './target.js';
import { breached, settle } from './thresholds.js';

export interface ClockEvent {
  readonly type: string;
  readonly data: unknown;
  readonly eventId: string;
  /** Epoch ms of `occurredAt`. */
  readonly at: number;
}

/** Reasons are interned: a million tickets started by the same condition share one string. */
const reasons = new WeakMap<Condition, Map<string, string>>();

const describe = (conditions: readonly Condition[], event: ClockEvent, state: TicketState): string | undefined => {
  const i = conditions.findIndex((c) => meets(c, event, state));
  if (i < 0) return undefined;
  const c = conditions[i] as Condition;
  let byType = reasons.get(c);
  if (!byType) reasons.set(c, (byType = new Map()));
  let reason = byType.get(event.type);
  if (reason === undefined) {
    const where = c.where ? ` (${JSON.stringify(c.where)})` : '';
    const when = c.when ? ` with the ticket ${JSON.stringify(c.when)}` : '';
    byType.set(event.type, (reason = `${event.type} meets condition #${i}${where}${when}`));
  }
  return reason;
};

/** Adds an explain line (a start's line comes with its cycle: `startCycle`). */
export function note(run: ClockRun, cycle: number, action: Exclude<ExplainEntry['action'], 'started'>, event: Pick<ClockEvent, 'type' | 'eventId' | 'at'>, reason: string): void {
  addLine(run, { at: event.at, cycle, action, eventType: event.type, eventId: event.eventId, reason });
}

/** Starts the next cycle at the event, running; `carriedMs` of business time already used (a migrated cycle). */
export function startCycle(run: ClockRun, attributes: TicketState, event: ClockEvent, reason: string, carriedMs = 0): Cycle {
  const cycle = new CycleRecord(run.cycles.length + 1, event.at, targetFor(run, attributes, event.at), carriedMs, event.type, event.eventId, reason);
  // Only a migrated cycle carries time: the others keep the common shape.
  if (carriedMs > 0) (cycle as { carriedMs?: number }).carriedMs = carriedMs;
  if (run.config.follows !== undefined) follow(cycle, readField(event.data, run.config.follows));
  addCycle(run, cycle);
  run.armed = false;
  return cycle;
}

export function end(cycle: Cycle, at: number, outcome: Cycle['outcome']): void {
  cycle.status = 'ended';
  cycle.endedAt = at;
  cycle.outcome = outcome;
}

export const active = (c: Cycle | undefined): c is Cycle => c !== undefined && c.status !== 'ended';

/**
 * Whether the event is about what the clock's running cycle follows (`follows`): an event naming another one (another
 * promise's id) is not, and leaves the cycle alone; an event that names none, or a clock following nothing, is.
 */
function concerns(run: ClockRun, event: ClockEvent): boolean {
  const { follows } = run.config;
  if (follows === undefined) return true;
  const cycle = currentCycle(run);
  if (!active(cycle)) return true;
  const followed = followedBy(cycle);
  const named = readField(event.data, follows);
  return followed === undefined || named === undefined || named === followed;
}

/**
 * A clock that follows one thing at a time (`follows`: one promise) measures each in turn: once the cycle following
 * one has ended, it waits for the start condition again (the next promise). Returns the explain line's reason.
 */
function afterFollowed(run: ClockRun, why: string): string {
  if (run.config.follows === undefined) return why;
  run.armed = true;
  return `${why}; the clock waits for its start condition again (it follows ${run.config.follows})`;
}

/** Cancel, stop, rearm, reset or start: the one transition that ends or starts a cycle, if any. */
function transition(run: ClockRun, ticket: TicketState, event: ClockEvent): boolean {
  const { config } = run;
  const cycle = currentCycle(run);
  let why: string | undefined;
  if (cycle !== undefined && cycle.status !== 'ended') {
    settle(run, cycle, event.at);
    if ((why = describe(config.cancel, event, ticket))) {
      end(cycle, event.at, 'cancelled');
      note(run, cycle.number, 'cancelled', event, afterFollowed(run, why));
    } else if ((why = describe(config.stop, event, ticket))) {
      end(cycle, event.at, breached(cycle) ? 'breached' : 'met');
      note(run, cycle.number, 'stopped', event, afterFollowed(run, why));
    } else if ((why = describe(config.rearm, event, ticket))) {
      end(cycle, event.at, 'cancelled');
      run.armed = true;
      note(run, cycle.number, 'rearmed', event, `${why}: cycle ended, a new one waits for the start condition`);
    } else if ((why = describe(config.reset, event, ticket))) {
      end(cycle, event.at, 'reset');
      note(run, cycle.number, 'reset', event, why);
      startCycle(run, ticket, event, `new cycle after reset: ${why}`);
    } else return false;
    return true;
  }
  if (run.armed) {
    if (!(why = describe(config.start, event, ticket))) return false;
    startCycle(run, ticket, event, why);
    return true;
  }
  if (cycle !== undefined && (why = describe(config.rearm, event, ticket))) {
    run.armed = true;
    note(run, cycle.number, 'rearmed', event, `${why}: a new cycle waits for the start condition`);
    return true;
  }
  return false;
}

/** Pauses or resumes the current cycle so that it runs exactly when nothing holds the clock. */
function settleHold(run: ClockRun, ticket: TicketState, event: ClockEvent, pausedBy: string | undefined, resumedBy: string | undefined): boolean {
  const cycle = currentCycle(run);
  if (!active(cycle)) return false;
  const { pauseWhile } = run.config;
  const byState = pauseWhile !== undefined && holds(pauseWhile, ticket);
  const held = run.heldBy !== undefined || byState;
  if (cycle.status === 'running' && held) {
    // Settled at `event.at` already: either it was active before this event, or it began at it.
    cycle.status = 'paused';
    const why = pausedBy ?? (run.heldBy ? `held since ${run.heldBy.type} (${run.heldBy.eventId})` : `the ticket meets pauseWhile ${JSON.stringify(pauseWhile)}`);
    note(run, cycle.number, 'paused', event, why);
    return true;
  }
  if (cycle.status === 'paused' && !held) {
    cycle.status = 'running';
    cycle.since = event.at;
    note(run, cycle.number, 'resumed', event, resumedBy ?? `the ticket no longer meets pauseWhile ${JSON.stringify(pauseWhile)}`);
    return true;
  }
  return false;
}

/** Pauses or resumes the current cycle for what holds the clock now (after a migration); true when it moved. */
export const applyHold = (run: ClockRun, ticket: TicketState, event: ClockEvent): boolean => settleHold(run, ticket, event, undefined, undefined);

/** Applies one event to one clock; returns true when anything changed. */
export function applyToClock(run: ClockRun, ticket: TicketState, event: ClockEvent): boolean {
  if (run.retired || !concerns(run, event)) return false;
  const before = run.generation;
  const { config } = run;

  // The deadline is read from whichever configured event carries it.
  const t = config.target;
  if ('deadline' in t && t.deadline.from.some((c) => meets(c, event, ticket))) {
    const raw = (event.data as Record<string, unknown> | null)?.[t.deadline.field];
    if (typeof raw === 'string' && !Number.isNaN(Date.parse(raw))) run.deadline = Date.parse(raw);
  }

  const pausedBy = describe(config.pause, event, ticket);
  const resumedBy = pausedBy === undefined ? describe(config.resume, event, ticket) : undefined;
  let moved = transition(run, ticket, event);
  if (pausedBy !== undefined) run.heldBy = { type: event.type, eventId: event.eventId };
  else if (resumedBy !== undefined) run.heldBy = undefined;
  moved = settleHold(run, ticket, event, pausedBy, resumedBy) || moved;

  const now = currentCycle(run);
  if (active(now) && retarget(run, now, ticket)) {
    // A smaller target can put thresholds behind us: they are reached now, not in the past.
    settle(run, now, event.at);
    note(run, now.number, 'retargeted', event, `${event.type}: target now ${now.targetMs ?? 'unknown'} ms${now.deadline ? `, deadline ${new Date(now.deadline).toISOString()}` : ''}`);
    moved = true;
  }
  if (moved) run.generation++;
  return run.generation !== before;
}

/** Reopening the complaint, per the clock's `onReopen`. */
export function reopenClock(run: ClockRun, attributes: TicketState, event: ClockEvent): boolean {
  const cycle = currentCycle(run);
  const mode = run.config.onReopen;
  if (run.retired || mode === 'keep' || cycle === undefined) return false;
  if (mode === 'resume') {
    if (cycle.status !== 'ended' || cycle.outcome === 'cancelled') return false;
    cycle.status = 'running';
    cycle.since = event.at;
    cycle.outcome = undefined;
    cycle.endedAt = undefined;
    note(run, cycle.number, 'reopened', event, 'complaint reopened: the cycle resumes with the time it had used');
  } else {
    if (active(cycle)) {
      settle(run, cycle, event.at);
      end(cycle, event.at, 'superseded');
    }
    if (mode === 'restart') {
      note(run, cycle.number, 'reopened', event, 'complaint reopened: cycle kept, a new one starts now');
      startCycle(run, attributes, event, 'restarted on reopening');
    } else {
      run.armed = true;
      note(run, cycle.number, 'rearmed', event, 'complaint reopened: cycle kept, a new one waits for the start condition');
    }
  }
  run.generation++;
  return true;
}
