/**
 * What a clock looks like at `now`: derived, never stored, so it is always
 * consistent with the log and the injected time.
 */
import { currentCycle, type ClockRun, type Crossing, type Cycle, type CycleOutcome, type ExplainEntry } from './run.js';
import { breached, dueAtOf, liveCrossings, usedMsAt } from './thresholds.js';

export type ClockState = 'pending' | 'running' | 'paused' | 'met' | 'breached' | 'cancelled';

export interface CycleView {
  readonly cycle: number;
  readonly startedAt: string;
  readonly endedAt: string | null;
  readonly outcome: CycleOutcome | null;
  readonly breachedAt: string | null;
}

export interface ClockView {
  readonly clock: string;
  /** `breached` wins while the clock still runs after its due instant. */
  readonly state: ClockState;
  /** Running or paused (a breached clock may still be running). */
  readonly active: boolean;
  readonly cycle: number;
  readonly targetMs: number | null;
  readonly elapsedMs: number;
  readonly remainingMs: number | null;
  /** When the current cycle is (or was) due; null while paused (it depends on when it resumes) or without a target. */
  readonly dueAt: string | null;
  readonly breachedAt: string | null;
  readonly cycles: readonly CycleView[];
}

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/** Crossings of a cycle by `now`: settled ones and those of the running segment. */
export function crossingsBy(run: ClockRun, cycle: Cycle, now: number): Crossing[] {
  const out: Crossing[] = [];
  for (const c of cycle.crossings) if (c.at <= now) out.push(c);
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

export interface ExplainLine {
  readonly at: string;
  readonly cycle: number;
  readonly action: ExplainEntry['action'] | 'warning' | 'breached';
  /** The event that did it, or null for a threshold reached as time passed. */
  readonly event: { readonly type: string; readonly eventId: string } | null;
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
