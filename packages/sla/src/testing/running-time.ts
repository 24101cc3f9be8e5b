/**
 * An independent account of when a clock must breach, for the invariant: from the
 * clock's running intervals (read off its explain timeline) and the ticket's own
 * events, not from the thresholds the projection computes. Business time is only
 * ever measured with the calendar's `diff`, never `add` (which the projection uses
 * to find its due instants), and the target is re-derived from the policy at every
 * event, so a mistake in due-instant arithmetic, retargeting or pausing shows up as
 * a disagreement.
 */
import type { RecordedEvent, EventLike } from '@redress/core';
import type { ClockRun, Cycle } from '../clock/run.js';
import { field } from '../clock/ticket.js';
import { meets } from '../policy/condition.js';
import { msOf } from '../policy/duration.js';
import { matrixDuration } from '../policy/matrix.js';

type Interval = readonly [from: number, to: number];

/** When the cycle ran, by its timeline: [from, to) pairs, the last open until `now`. */
export function runningIntervals(run: ClockRun, cycle: Cycle, now: number): Interval[] {
  const out: Interval[] = [];
  let since: number | undefined;
  const close = (at: number) => {
    if (since !== undefined) out.push([since, Math.min(at, now)]);
    since = undefined;
  };
  for (const entry of run.timeline) {
    if (entry.cycle !== cycle.number || entry.at > now) continue;
    switch (entry.action) {
      case 'started':
      case 'resumed':
        since ??= entry.at;
        break;
      case 'reopened':
        // Resume mode carries the cycle on; the other modes end it.
        if (run.config.onReopen === 'resume') since ??= entry.at;
        else close(entry.at);
        break;
      case 'paused':
      case 'stopped':
      case 'cancelled':
      case 'reset':
      case 'rearmed':
        close(entry.at);
        break;
      case 'retargeted':
        break;
    }
  }
  close(now);
  return out;
}

/** What the target depends on, as of an instant: read from the ticket's events up to it. */
interface Facts {
  severity: string;
  priority: string | undefined;
  channel: string;
  deadline: number | undefined;
}

function factsAt(run: ClockRun, events: readonly RecordedEvent<EventLike>[], at: number): Facts {
  const facts: Facts = { severity: 'general', priority: undefined, channel: 'other', deadline: undefined };
  const target = run.config.target;
  for (const e of events) {
    if (Date.parse(e.occurredAt) > at) break;
    if (e.type === 'ComplaintReceived') facts.channel = String(field(e.data, 'channel') ?? 'other');
    if (e.type === 'ComplaintClassified') {
      facts.severity = String(field(e.data, 'severity'));
      const priority = field(e.data, 'priority');
      facts.priority = typeof priority === 'string' ? priority : undefined;
    }
    if ('deadline' in target && target.deadline.from.some((c) => meets(c, { type: e.type, data: e.data }))) {
      const raw = field(e.data, target.deadline.field);
      if (typeof raw === 'string' && !Number.isNaN(Date.parse(raw))) facts.deadline = Date.parse(raw);
    }
  }
  return facts;
}

/** The business ms a target allows, or the absolute deadline, from the facts. */
function targetOf(run: ClockRun, facts: Facts): { ms?: number; deadline?: number } {
  const t = run.config.target;
  if ('duration' in t) return { ms: msOf(t.duration) };
  if ('matrix' in t) return { ms: msOf(matrixDuration(t.matrix, facts)) };
  return facts.deadline === undefined ? {} : { deadline: facts.deadline };
}

/**
 * The first instant by `now` at which the cycle, while running, had used its whole
 * target (or was past its deadline), or undefined. Targets change only at the
 * ticket's events, so each running interval is cut at them and searched piece by piece.
 */
export function expectedBreach(run: ClockRun, cycle: Cycle, events: readonly RecordedEvent<EventLike>[], now: number): number | undefined {
  const intervals = runningIntervals(run, cycle, now);
  const used = (t: number) => intervals.reduce((sum, [a, b]) => (t > a ? sum + Math.max(0, run.calendar.diff(a, Math.min(b, t))) : sum), 0);
  const cuts = events.map((e) => Date.parse(e.occurredAt));
  for (const [a, b] of intervals) {
    const points = [a, ...new Set(cuts.filter((t) => t > a && t < b)), b];
    // An event at the interval's very end still counts: a target it lowers is reached then.
    if (b > a && cuts.includes(b)) points.push(b);
    for (let i = 0; i + 1 < points.length; i++) {
      const from = points[i] as number;
      const to = points[i + 1] as number;
      const target = targetOf(run, factsAt(run, events, from));
      if (target.deadline !== undefined) {
        if (target.deadline <= to) return Math.max(target.deadline, from);
        continue;
      }
      if (target.ms === undefined) continue;
      const goal = Math.max(1, target.ms);
      if (used(from) >= goal) return from;
      if (used(to) < goal) continue;
      // The first millisecond at which the target is used up.
      let lo = from;
      let hi = to;
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        if (used(mid) >= goal) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    }
  }
  return undefined;
}
