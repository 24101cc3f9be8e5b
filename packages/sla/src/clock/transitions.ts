/**
 * The clock state machine: one complaint event applied to one clock. At most one
 * transition applies, checked in this order: cancel, stop, reset, pause, resume,
 * start (start only starts an armed clock). Then the target is re-read (the
 * ticket was reclassified, or the deadline renegotiated). Reopening follows the
 * clock's `onReopen`.
 */
import type { Condition } from '../policy/condition.js';
import { meets } from '../policy/condition.js';
import { currentCycle, type ClockRun, type Cycle, type ExplainEntry } from './run.js';
import { retarget, targetFor, type TicketAttributes } from './target.js';
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

const describe = (conditions: readonly Condition[], event: ClockEvent): string | undefined => {
  const i = conditions.findIndex((c) => meets(c, event));
  if (i < 0) return undefined;
  const c = conditions[i] as Condition;
  let byType = reasons.get(c);
  if (!byType) reasons.set(c, (byType = new Map()));
  let reason = byType.get(event.type);
  if (reason === undefined) byType.set(event.type, (reason = `${event.type} meets condition #${i}${c.where ? ` (${JSON.stringify(c.where)})` : ''}`));
  return reason;
};

function note(run: ClockRun, cycle: number, action: ExplainEntry['action'], event: ClockEvent, reason: string) {
  run.timeline.push({ at: event.at, cycle, action, eventType: event.type, eventId: event.eventId, reason });
}

function startCycle(run: ClockRun, attributes: TicketAttributes, event: ClockEvent, reason: string): void {
  const number = run.cycles.length + 1;
  const { targetMs, deadline } = targetFor(run, attributes, event.at);
  run.cycles.push({
    number,
    startedAt: event.at,
    targetMs,
    deadline,
    elapsedMs: 0,
    since: event.at,
    status: 'running',
    outcome: undefined,
    endedAt: undefined,
    crossings: [{ label: 'started', kind: 'started', at: event.at }],
    emitted: 0,
  });
  run.armed = false;
  note(run, number, 'started', event, reason);
}

function end(cycle: Cycle, at: number, outcome: Cycle['outcome']) {
  cycle.status = 'ended';
  cycle.endedAt = at;
  cycle.outcome = outcome;
}

const active = (c: Cycle | undefined): c is Cycle => c !== undefined && c.status !== 'ended';

/** Applies one event to one clock; returns true when anything changed. */
export function applyToClock(run: ClockRun, attributes: TicketAttributes, event: ClockEvent): boolean {
  const before = run.generation;
  const cycle = currentCycle(run);
  const { config } = run;
  const changed = () => run.generation++;

  // The deadline is read from whichever configured event carries it.
  const t = config.target;
  if ('deadline' in t && t.deadline.from.some((c) => meets(c, event))) {
    const raw = (event.data as Record<string, unknown> | null)?.[t.deadline.field];
    if (typeof raw === 'string' && !Number.isNaN(Date.parse(raw))) run.deadline = Date.parse(raw);
  }

  if (active(cycle)) {
    settle(run, cycle, event.at);
    let why: string | undefined;
    if ((why = describe(config.cancel, event))) {
      end(cycle, event.at, 'cancelled');
      note(run, cycle.number, 'cancelled', event, why);
      changed();
    } else if ((why = describe(config.stop, event))) {
      end(cycle, event.at, breached(cycle) ? 'breached' : 'met');
      note(run, cycle.number, 'stopped', event, why);
      changed();
    } else if ((why = describe(config.reset, event))) {
      end(cycle, event.at, 'reset');
      note(run, cycle.number, 'reset', event, why);
      startCycle(run, attributes, event, `new cycle after reset: ${why}`);
      changed();
    } else if (cycle.status === 'running' && (why = describe(config.pause, event))) {
      cycle.status = 'paused';
      note(run, cycle.number, 'paused', event, why);
      changed();
    } else if (cycle.status === 'paused' && (why = describe(config.resume, event))) {
      cycle.status = 'running';
      cycle.since = event.at;
      note(run, cycle.number, 'resumed', event, why);
      changed();
    }
  } else if (run.armed) {
    const why = describe(config.start, event);
    if (why) {
      startCycle(run, attributes, event, why);
      changed();
    }
  }

  const now = currentCycle(run);
  if (active(now) && retarget(run, now, attributes)) {
    // A smaller target can put thresholds behind us: they are reached now, not in the past.
    settle(run, now, event.at);
    note(run, now.number, 'retargeted', event, `${event.type}: target now ${now.targetMs ?? 'unknown'} ms${now.deadline ? `, deadline ${new Date(now.deadline).toISOString()}` : ''}`);
    changed();
  }
  return run.generation !== before;
}

/** Reopening the complaint, per the clock's `onReopen`. */
export function reopenClock(run: ClockRun, attributes: TicketAttributes, event: ClockEvent): boolean {
  const cycle = currentCycle(run);
  const mode = run.config.onReopen;
  if (mode === 'keep' || cycle === undefined) return false;
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
