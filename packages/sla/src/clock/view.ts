/**
 * What a clock looks like at `now`: derived, never stored, so it is always
 * consistent with the log and the injected time.
 */
import { currentCycle, type ClockRun, type Crossing, type Cycle, type CycleOutcome, type ExplainEntry } from './run.js';
import { crossingCount, recordedCrossing } from './records.js';
import { breached, dueAtOf, liveCrossings, usedMsAt } from './thresholds.js';

/** Where a clock stands at an instant. */
export type ClockState = 'pending' | 'running' | 'paused' | 'met' | 'breached' | 'cancelled';

/** One cycle of a clock as a screen shows it. */
export interface CycleView {
  /** The cycle's number, from 1. */
  readonly cycle: number;
  /** ISO-8601 UTC instant the cycle started. */
  readonly startedAt: string;
  /** ISO-8601 UTC instant it ended; null while running or paused. */
  readonly endedAt: string | null;
  /** How it ended (`met`, `breached`, `cancelled`, `reset`, `superseded`); null while not ended. */
  readonly outcome: CycleOutcome | null;
  /** When its target ran out (ISO-8601 UTC), as of the view's `now`; null when not breached (yet). */
  readonly breachedAt: string | null;
}

/** A clock as a screen shows it at an instant: state, due instant, business time used and left. */
export interface ClockView {
  /** The clock's name in the policy (`acknowledgement`, `resolution`, `remedy`, `followUp` in the default policy). */
  readonly clock: string;
  /** `breached` wins while the clock still runs after its due instant. */
  readonly state: ClockState;
  /** Running or paused (a breached clock may still be running). */
  readonly active: boolean;
  /** The current (last) cycle's number; 0 before the clock ever started. */
  readonly cycle: number;
  /**
   * Business ms the current cycle may use (for a deadline, the open time from its start to the deadline); null with no
   * current cycle or no deadline yet.
   */
  readonly targetMs: number | null;
  /**
   * Business ms the current cycle has used by `now`: open calendar time while running, pauses excluded, time carried
   * over a migration included.
   */
  readonly elapsedMs: number;
  /** Business ms left before the breach, never below 0 (a breached clock reads 0); null without a target. */
  readonly remainingMs: number | null;
  /** When the current cycle is (or was) due; null while paused (it depends on when it resumes) or without a target. */
  readonly dueAt: string | null;
  /** When the current cycle breached (ISO-8601 UTC); null when it has not by `now`. */
  readonly breachedAt: string | null;
  /** Every cycle, oldest first, the current one last: the history a reopened complaint keeps. */
  readonly cycles: readonly CycleView[];
}

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/** Crossings of a cycle by `now`: settled ones and those of the running segment. */
export function crossingsBy(run: ClockRun, cycle: Cycle, now: number): Crossing[] {
  const out: Crossing[] = [];
  for (let i = 0, n = crossingCount(cycle); i < n; i++) {
    const c = recordedCrossing(cycle, i) as Crossing;
    if (c.at <= now) out.push(c);
  }
  return liveCrossings(run, cycle, now, out);
}

function stateOf(run: ClockRun, cycle: Cycle | undefined, now: number): ClockState {
  if (cycle === undefined) return 'pending';
  if (cycle.status === 'ended') {
    if (run.armed) return 'pending';
    return cycle.outcome === 'cancelled' ? 'cancelled' : breached(cycle) ? 'breached' : 'met';
  }
  if (crossingsBy(run, cycle, now).some((c) => c.kind === 'breach')) return 'breached';
  return cycle.status;
}

/**
 * The view of a clock at `now` (milliseconds since the epoch): a pure function of the run and the instant.
 */
export function viewClock(run: ClockRun, now: number): ClockView {
  const last = currentCycle(run);
  // A clock waiting for its start again (rearmed) has no current cycle: no target, no due instant.
  const cycle = last !== undefined && last.status === 'ended' && run.armed ? undefined : last;
  const elapsedMs = cycle ? usedMsAt(run, cycle, now) : 0;
  const targetMs = cycle?.targetMs;
  const breach = cycle && crossingsBy(run, cycle, now).find((c) => c.kind === 'breach');
  return {
    clock: run.config.name,
    state: stateOf(run, last, now),
    active: cycle !== undefined && cycle.status !== 'ended',
    cycle: last?.number ?? 0,
    targetMs: targetMs ?? null,
    elapsedMs,
    remainingMs: targetMs === undefined ? null : Math.max(0, targetMs - elapsedMs),
    dueAt: cycle ? iso(dueAtOf(run, cycle) ?? (breach ? breach.at : undefined)) : null,
    breachedAt: iso(breach?.at),
    cycles: run.cycles.map((c) => ({
      cycle: c.number,
      startedAt: new Date(c.startedAt).toISOString(),
      endedAt: iso(c.endedAt),
      outcome: c.outcome ?? null,
      breachedAt: iso(crossingsBy(run, c, now).find((x) => x.kind === 'breach')?.at),
    })),
  };
}

/** One line of a clock's explanation: what happened and what it did to the clock. */
export interface ExplainLine {
  /** ISO-8601 UTC instant of the event or of the threshold crossing. */
  readonly at: string;
  /** The cycle it concerns, from 1. */
  readonly cycle: number;
  /**
   * What the event did (`started`, `paused`, `stopped`, …), or `warning`/`breached` for a threshold reached as time
   * ran.
   */
  readonly action: ExplainEntry['action'] | 'warning' | 'breached';
  /** The event that did it, or null for a threshold reached as time passed. */
  readonly event: { readonly type: string; readonly eventId: string } | null;
  /** Why, in words support staff can read: the condition an event met, or the share of the target used. */
  readonly reason: string;
}

/** The timeline of a clock: what started, paused, resumed, stopped it and why, with the thresholds reached, in time order. */
export function explainClock(run: ClockRun, now: number): ExplainLine[] {
  const lines: ExplainLine[] = run.timeline
    .filter((e) => e.at <= now)
    .map((e) => ({ at: new Date(e.at).toISOString(), cycle: e.cycle, action: e.action, event: { type: e.eventType, eventId: e.eventId }, reason: e.reason }));
  for (const c of run.cycles) {
    for (const x of crossingsBy(run, c, now)) {
      if (x.kind === 'started') continue;
      lines.push({
        at: new Date(x.at).toISOString(),
        cycle: c.number,
        action: x.kind === 'breach' ? 'breached' : 'warning',
        event: null,
        reason: x.inherited
          ? `${x.label} already passed when the cycle began: it continues cycle ${c.number - 1} with ${c.carriedMs ?? 0} ms used`
          : x.kind === 'breach'
            ? `due instant reached while running (target ${c.targetMs ?? '?'} ms)`
            : `${x.label} of the target used`,
      });
    }
  }
  // Stable: at equal instants, the event line comes before the threshold it caused.
  return lines.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
