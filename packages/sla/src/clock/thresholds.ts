/**
 * Thresholds as business time used: a warning at p% fires when p% of the target
 * is used, "PT1H before" when the target less one hour is, the breach when all of
 * it is. Used time only grows, so the thresholds of a cycle are reached in this
 * order and those reached are always a prefix of the list.
 */
import { msOf } from '../policy/duration.js';
import { crossingCount, recordCrossings, recordedBreach, recordedCrossing } from './records.js';
import type { ClockRun, Crossing, Cycle, Threshold } from './run.js';

interface Budgeted extends Threshold {
  /** Business ms used when it fires (at least 1 ms: a threshold never fires before the clock runs). */
  readonly usedMs: number;
}

/**
 * The last list built per clock definition: a tick asks for the same target over and
 * over (every ticket under a duration target has the same one), and rebuilding and
 * re-sorting it per call was a good part of tick()'s garbage. One entry per
 * definition, so deadline targets (one per ticket) cannot make it grow.
 */
const lastList = new WeakMap<ClockRun['config'], { readonly targetMs: number; readonly list: readonly Budgeted[] }>();

/** The thresholds after `started`, for a target, in the order they are reached. */
export function thresholdsOf(run: ClockRun, targetMs: number): readonly Budgeted[] {
  const last = lastList.get(run.config);
  if (last !== undefined && last.targetMs === targetMs) return last.list;
  const list = buildThresholds(run, targetMs);
  lastList.set(run.config, { targetMs, list });
  return list;
}

function buildThresholds(run: ClockRun, targetMs: number): readonly Budgeted[] {
  const warnings = run.config.warnings.map((w): Budgeted => {
    const usedMs = 'percent' in w ? Math.floor((targetMs * w.percent) / 100) : targetMs - msOf(w.before);
    return { label: 'percent' in w ? `${w.percent}%` : `${w.before} before`, kind: 'warning', usedMs: Math.max(1, Math.min(usedMs, targetMs)) };
  });
  warnings.sort((a, b) => a.usedMs - b.usedMs);
  warnings.push({ label: 'breach', kind: 'breach', usedMs: Math.max(1, targetMs) });
  return Object.freeze(warnings);
}

/** Index of the next threshold a cycle has not reached yet (crossings include `started`). */
const reachedCount = (cycle: Cycle) => crossingCount(cycle) - 1;

/**
 * The thresholds the running segment reaches up to `until`, with their instants,
 * without changing the cycle. Deadline clocks breach at the deadline itself.
 */
export function liveCrossings(run: ClockRun, cycle: Cycle, until: number, out: Crossing[] = []): Crossing[] {
  if (cycle.status !== 'running' || cycle.targetMs === undefined) return out;
  const list = thresholdsOf(run, cycle.targetMs);
  for (let i = reachedCount(cycle); i < list.length; i++) {
    const t = list[i] as Budgeted;
    const at = instantOf(run, cycle, t);
    if (at > until) break;
    out.push({ label: t.label, kind: t.kind, at });
  }
  return out;
}

/**
 * When a threshold is reached if the clock keeps running (never before the segment
 * began). A deadline cycle breaches at its deadline, and no warning comes after it
 * (a deadline already due when the cycle starts has a zero target: its warnings,
 * at least 1 ms in, are reached with the breach).
 */
function instantOf(run: ClockRun, cycle: Cycle, t: Budgeted): number {
  const at = run.calendar.add(cycle.since, Math.max(0, t.usedMs - cycle.elapsedMs));
  if (cycle.deadline === undefined) return at;
  const due = Math.max(cycle.deadline, cycle.since);
  return t.kind === 'breach' ? due : Math.min(at, due);
}

/** The next threshold instant of a running cycle, or undefined. */
export function nextThresholdAt(run: ClockRun, cycle: Cycle): number | undefined {
  if (cycle.status !== 'running' || cycle.targetMs === undefined) return undefined;
  const t = thresholdsOf(run, cycle.targetMs)[reachedCount(cycle)];
  return t === undefined ? undefined : instantOf(run, cycle, t);
}

/** The due instant of a running cycle (the breach threshold's instant). */
export function dueAtOf(run: ClockRun, cycle: Cycle): number | undefined {
  if (cycle.targetMs === undefined) return undefined;
  if (cycle.deadline !== undefined) return cycle.deadline;
  if (cycle.status !== 'running') return undefined;
  // Once breached, the due instant is the breach's: an event settling the cycle later moves
  // `since`, and computing from it would put the due instant at that event.
  const breach = recordedBreach(cycle);
  if (breach !== undefined) return breach.at;
  return instantOf(run, cycle, { label: 'breach', kind: 'breach', usedMs: Math.max(1, cycle.targetMs) });
}

/** Business ms used by `now`. */
export const usedMsAt = (run: ClockRun, cycle: Cycle, now: number): number =>
  cycle.status === 'running' ? cycle.elapsedMs + Math.max(0, run.calendar.diff(cycle.since, now)) : cycle.elapsedMs;

/**
 * Closes the running segment at `at`: records the thresholds it reached and moves
 * `since` to `at`. Every change to a running cycle goes through here first.
 */
export function settle(run: ClockRun, cycle: Cycle, at: number): void {
  if (cycle.status !== 'running') return;
  recordCrossings(cycle, liveCrossings(run, cycle, at));
  cycle.elapsedMs = usedMsAt(run, cycle, at);
  cycle.since = at;
}

export const breached = (cycle: Cycle): boolean => recordedBreach(cycle) !== undefined;

/**
 * The instant of the n-th crossing of a cycle (0 = `started`) as things stand:
 * settled, or, for the running segment, when it will be reached. Undefined when
 * it will never be reached as things stand (paused, ended, no target, past the breach).
 */
export function crossingAt(run: ClockRun, cycle: Cycle, n: number): number | undefined {
  const settled = recordedCrossing(cycle, n);
  if (settled) return settled.at;
  if (cycle.status !== 'running' || cycle.targetMs === undefined) return undefined;
  const t = thresholdsOf(run, cycle.targetMs)[n - 1];
  return t === undefined ? undefined : instantOf(run, cycle, t);
}
