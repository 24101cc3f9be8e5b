/**
 * An independent account of when a clock must breach, for the invariant: from the
 * clock's running intervals (read off its explain timeline) and the ticket's own
 * events, not from the thresholds the projection computes. Business time is only
 * ever measured with the calendar's `diff`, never `add` (which the projection uses
 * to find its due instants), and the target is re-derived from the policy at every
 * event, so a mistake in due-instant arithmetic, retargeting or pausing shows up as
 * a disagreement. A cycle that continues another under a new policy version (a
 * migration) starts with the time it carried, on the definition that measures it.
 */
import { stepAfter, type ComplaintEvent, type ComplaintStep, type EventLike, type RecordedEvent } from '@redress/core';
import type { BusinessCalendar } from '../calendar/calendar.js';
import type { ClockRun, Cycle } from '../clock/run.js';
import { field } from '../clock/ticket.js';
import { meets } from '../policy/condition.js';
import { msOf } from '../policy/duration.js';
import { matrixDuration } from '../policy/matrix.js';
import type { ClockConfig } from '../policy/schema.js';
import type { TicketState } from '../policy/ticket-state.js';

type Interval = readonly [from: number, to: number];
/** An interval and the event that closed it (none for the one still open at `now`). */
type ClosedInterval = readonly [from: number, to: number, closedBy: string | undefined];

/**
 * When the cycle ran, by its timeline: [from, to) pairs, the last open until `now`.
 * A cycle started (or resumed) and paused by one event, because something held it,
 * never ran: no interval.
 */
export function runningIntervals(run: ClockRun, cycle: Cycle, now: number): Interval[] {
  return closedIntervals(run, cycle, now).map(([from, to]) => [from, to]);
}

function closedIntervals(run: ClockRun, cycle: Cycle, now: number): ClosedInterval[] {
  const out: ClosedInterval[] = [];
  let since: number | undefined;
  let openedBy: string | undefined;
  const open = (at: number, eventId: string) => {
    if (since !== undefined) return;
    since = at;
    openedBy = eventId;
  };
  const close = (at: number, eventId?: string) => {
    if (since !== undefined) out.push([since, Math.min(at, now), eventId]);
    since = undefined;
  };
  for (const entry of run.timeline) {
    if (entry.cycle !== cycle.number || entry.at > now) continue;
    switch (entry.action) {
      case 'started':
      case 'resumed':
        open(entry.at, entry.eventId);
        break;
      case 'reopened':
        // Resume mode carries the cycle on; the other modes end it.
        if (run.config.onReopen === 'resume') open(entry.at, entry.eventId);
        else close(entry.at, entry.eventId);
        break;
      case 'paused':
        if (since === entry.at && openedBy === entry.eventId) since = undefined;
        else close(entry.at, entry.eventId);
        break;
      case 'stopped':
      case 'cancelled':
      case 'reset':
      case 'rearmed':
      case 'migrated':
        close(entry.at, entry.eventId);
        break;
      case 'retargeted':
        break;
    }
  }
  close(now);
  return out;
}

/** What the target depends on, as of an instant: read from the ticket's events up to it. */
interface Facts extends TicketState {
  deadline: number | undefined;
}

/**
 * The facts as of an instant; with `before`, only the events before that one (several
 * events can share an instant, and a cycle ended by one of them ran under the facts of
 * the events before it).
 */
function factsAt(config: ClockConfig, events: readonly RecordedEvent<EventLike>[], at: number, before?: string): Facts {
  const facts: { -readonly [K in keyof Facts]: Facts[K] } = {
    severity: 'general',
    priority: undefined,
    channel: 'other',
    step: 'none' as ComplaintStep,
    waiting: false,
    waitingReason: null,
    handlerId: null,
    escalationLevel: null,
    closed: false,
    deadline: undefined,
  };
  const target = config.target;
  for (const e of events) {
    if (Date.parse(e.occurredAt) > at || e.eventId === before) break;
    facts.step = stepAfter(facts.step, e as unknown as ComplaintEvent) ?? facts.step;
    const text = (key: string) => {
      const v = field(e.data, key);
      return typeof v === 'string' ? v : undefined;
    };
    if (e.type === 'ComplaintReceived') facts.channel = text('channel') ?? 'other';
    if (e.type === 'ComplaintClassified') [facts.severity, facts.priority] = [String(field(e.data, 'severity')), text('priority')];
    if (e.type === 'WaitingOnCustomerStarted') [facts.waiting, facts.waitingReason] = [true, text('reason') ?? 'other'];
    if (e.type === 'WaitingOnCustomerEnded') [facts.waiting, facts.waitingReason] = [false, null];
    if (e.type === 'HandlerAssigned') facts.handlerId = String(field(e.data, 'handlerId'));
    if (e.type === 'ComplaintEscalated') facts.escalationLevel = String(field(e.data, 'level'));
    if (e.type === 'ComplaintArchived' || e.type === 'ComplaintWithdrawn') facts.closed = true;
    if ('deadline' in target && target.deadline.from.some((c) => meets(c, { type: e.type, data: e.data }, facts))) {
      const raw = field(e.data, target.deadline.field);
      if (typeof raw === 'string' && !Number.isNaN(Date.parse(raw))) facts.deadline = Date.parse(raw);
    }
  }
  return facts;
}

/** The business ms a target allows, or the absolute deadline, from the facts. */
function targetOf(config: ClockConfig, facts: Facts): { ms?: number; deadline?: number } {
  const t = config.target;
  if ('duration' in t) return { ms: msOf(t.duration) };
  if ('matrix' in t) return { ms: msOf(matrixDuration(t.matrix, facts)) };
  return facts.deadline === undefined ? {} : { deadline: facts.deadline };
}

/**
 * A cycle that continues a breached one over a migration, already past its new
 * target when it begins, is breached from its start (the breach carried over).
 */
function inheritedBreach(run: ClockRun, cycle: Cycle, events: readonly RecordedEvent<EventLike>[], config: ClockConfig): number | undefined {
  const start = run.timeline.find((e) => e.cycle === cycle.number && e.action === 'started');
  const predecessor = run.cycles[cycle.number - 2];
  const continues = run.timeline.some((e) => e.cycle === cycle.number - 1 && e.action === 'migrated' && e.eventId === start?.eventId);
  if (!continues || predecessor === undefined || !predecessor.crossings.some((c) => c.kind === 'breach')) return undefined;
  const target = targetOf(config, factsAt(config, events, cycle.startedAt));
  const past = 'deadline' in config.target || (target.ms !== undefined && (cycle.carriedMs ?? 0) >= Math.max(1, target.ms));
  return past ? cycle.startedAt : undefined;
}

/**
 * The first instant by `now` at which the cycle, while running, had used its whole
 * target (or was past its deadline), or undefined. Targets change only at the
 * ticket's events, so each running interval is cut at them and searched piece by piece.
 */
export function expectedBreach(run: ClockRun, cycle: Cycle, events: readonly RecordedEvent<EventLike>[], now: number): number | undefined {
  const intervals = closedIntervals(run, cycle, now);
  const measuredBy: { readonly config: ClockConfig; readonly calendar: BusinessCalendar } = cycle.measuredBy ?? run;
  const inherited = inheritedBreach(run, cycle, events, measuredBy.config);
  if (inherited !== undefined) return inherited <= now ? inherited : undefined;
  const { calendar } = measuredBy;
  const used = (t: number) => intervals.reduce((sum, [a, b]) => (t > a ? sum + Math.max(0, calendar.diff(a, Math.min(b, t))) : sum), cycle.carriedMs ?? 0);
  const cuts = events.map((e) => Date.parse(e.occurredAt));
  for (const [a, b, closedBy] of intervals) {
    const points = [a, ...new Set(cuts.filter((t) => t > a && t < b)), b];
    // An event at the interval's very end still counts: a target it lowers is reached then.
    if (b > a && cuts.includes(b)) points.push(b);
    for (let i = 0; i + 1 < points.length; i++) {
      const from = points[i] as number;
      const to = points[i + 1] as number;
      // At the interval's end (a whole cycle, when it began and ended at one instant) the cycle ran
      // under the facts before the event that ended it: a reset's new deadline is the next cycle's.
      const target = targetOf(measuredBy.config, factsAt(measuredBy.config, events, from, from === b ? closedBy : undefined));
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
