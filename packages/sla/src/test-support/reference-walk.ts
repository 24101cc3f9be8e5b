/**
 * An independent reference of the clock rules, for property tests: a plain walk
 * over one ticket's events that keeps, per clock, its cycles and the business time
 * each used, and finds breaches by measuring used time with the calendar's `diff`
 * (a binary search, never `add`). It shares nothing with the projection but the
 * configuration's parsing and predicate evaluation, and it reads the rules as
 * docs/sla.md states them:
 *
 * - one transition per event: cancel, stop, rearm, reset (a cycle running or
 *   paused), start (a clock waiting for it), rearm (an ended clock);
 * - a pause event holds the clock until a resume event, started or not;
 *   `pauseWhile` holds it while the ticket's state meets it; a cycle runs exactly
 *   when nothing holds it;
 * - a target is read from the ticket as it was during each stretch of time; a
 *   deadline breaches at the deadline (or when it runs again after it);
 * - a clock with `follows` remembers the start event's value of that field: while
 *   its cycle is open, an event naming another value is not seen by the clock at all,
 *   and a cycle it stops or cancels leaves the clock waiting for its start again;
 * - the recorded pin measures the ticket from receipt; a migration, at its instant
 *   (never before the ticket's latest event), ends each running cycle and continues
 *   it under the new version with the time used, retires the clocks the new version
 *   lacks and starts those the migration lists. A continuing cycle whose predecessor
 *   had breached and which is past its new target is breached from the migration,
 *   without a new breach being announced.
 */
import { stepAfter, type ComplaintEvent, type ComplaintStep, type EventLike, type RecordedEvent } from '@redress/core';
import type { BusinessCalendar } from '../calendar/calendar.js';
import { holds, meets, type Condition } from '../policy/condition.js';
import type { SlaConfig } from '../policy/config.js';
import { msOf } from '../policy/duration.js';
import type { ClockConfig, MatrixRule, PolicyConfig } from '../policy/schema.js';
import { selectPolicy } from '../policy/select.js';

export interface RefCycle {
  readonly number: number;
  readonly startedAt: number;
  endedAt: number | undefined;
  outcome: string | undefined;
  running: boolean;
  /** Business ms used up to `since`. */
  used: number;
  since: number;
  breachAt: number | undefined;
  /** The breach is the predecessor's, carried over a migration (never announced again). */
  inheritedBreach: boolean;
  /** The start event's value of the clock's `follows` field (undefined: it follows nothing). */
  followed: unknown;
  deadline: number | undefined;
  readonly def: ClockConfig;
  readonly calendar: BusinessCalendar;
}

interface RefClock {
  def: ClockConfig;
  calendar: BusinessCalendar;
  cycles: RefCycle[];
  armed: boolean;
  held: boolean;
  deadline: number | undefined;
  retired: boolean;
}

interface State {
  severity: string;
  priority: string | undefined;
  channel: string;
  step: ComplaintStep;
  waiting: boolean;
  waitingReason: string | null;
  handlerId: string | null;
  escalationLevel: string | null;
  closed: boolean;
}

/** The value at a dotted path, undefined through anything that is not an object. */
const at = (data: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, key) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined), data);

const text = (data: unknown, key: string): string | undefined => {
  const v = (data as Record<string, unknown> | null)?.[key];
  return typeof v === 'string' ? v : undefined;
};

function durationOf(def: ClockConfig, s: State): string | undefined {
  const t = def.target;
  if ('duration' in t) return t.duration;
  if (!('matrix' in t)) return undefined;
  const m = t.matrix;
  if ('by' in m) {
    const v = m.by === 'severity' ? s.severity : m.by === 'channel' ? s.channel : s.priority;
    return (v === undefined ? undefined : m.values[v]) ?? m.otherwise;
  }
  const has = (wanted: MatrixRule['severity'] | MatrixRule['priority'] | MatrixRule['channel'], v: string | undefined) =>
    wanted === undefined || (v !== undefined && (typeof wanted === 'string' ? wanted === v : (wanted as readonly string[]).includes(v)));
  return m.rules.find((r) => has(r.severity, s.severity) && has(r.priority, s.priority) && has(r.channel, s.channel))?.duration ?? m.otherwise;
}

const isActive = (c: RefCycle | undefined): c is RefCycle => c !== undefined && c.endedAt === undefined;

/** Runs a cycle up to `t` under the state `s`, noting the first instant its target is used up. */
function advance(c: RefCycle, s: State, t: number): void {
  if (!isActive(c) || !c.running) return;
  if (c.breachAt === undefined) {
    if ('deadline' in c.def.target) {
      if (c.deadline !== undefined && Math.max(c.deadline, c.since) <= t) c.breachAt = Math.max(c.deadline, c.since);
    } else {
      const iso = durationOf(c.def, s);
      const goal = Math.max(1, iso === undefined ? Infinity : msOf(iso));
      const usedAt = (x: number) => c.used + Math.max(0, c.calendar.diff(c.since, x));
      if (usedAt(t) >= goal) {
        let lo = c.since;
        let hi = t;
        while (lo < hi) {
          const mid = Math.floor((lo + hi) / 2);
          if (usedAt(mid) >= goal) hi = mid;
          else lo = mid + 1;
        }
        c.breachAt = lo;
      }
    }
  }
  c.used += Math.max(0, c.calendar.diff(c.since, t));
  c.since = t;
}

const any = (list: readonly Condition[], e: RecordedEvent<EventLike>, s: State) => list.some((c) => meets(c, e, s));

function startCycle(clock: RefClock, t: number, used = 0, followed: unknown = undefined): RefCycle {
  const c: RefCycle = {
    followed,
    number: clock.cycles.length + 1,
    startedAt: t,
    endedAt: undefined,
    outcome: undefined,
    running: true,
    used,
    since: t,
    breachAt: undefined,
    inheritedBreach: false,
    deadline: clock.deadline,
    def: clock.def,
    calendar: clock.calendar,
  };
  clock.cycles.push(c);
  clock.armed = false;
  return c;
}

const end = (c: RefCycle, t: number, outcome: string) => Object.assign(c, { endedAt: t, outcome, running: false });

/** The cycle runs exactly when nothing holds the clock. */
function hold(clock: RefClock, s: State, t: number): void {
  const c = clock.cycles.at(-1);
  if (!isActive(c)) return;
  const held = clock.held || (clock.def.pauseWhile !== undefined && holds(clock.def.pauseWhile, s));
  if (c.running && held) c.running = false;
  else if (!c.running && !held) Object.assign(c, { running: true, since: t });
}

function reopen(clock: RefClock, t: number): void {
  const c = clock.cycles.at(-1);
  const mode = clock.def.onReopen;
  if (c === undefined || mode === 'keep') return;
  if (mode === 'resume') {
    if (c.endedAt === undefined || c.outcome === 'cancelled') return;
    Object.assign(c, { endedAt: undefined, outcome: undefined, running: true, since: t });
    return;
  }
  if (isActive(c)) end(c, t, 'superseded');
  if (mode === 'restart') startCycle(clock, t);
  else clock.armed = true;
}

function onEvent(clock: RefClock, e: RecordedEvent<EventLike>, s: State, t: number): void {
  const def = clock.def;
  if (e.type === 'ComplaintReopened') reopen(clock, t);
  const open = clock.cycles.at(-1);
  const named = def.follows === undefined ? undefined : at(e.data, def.follows);
  // Another promise's event: the clock does not see it.
  if (isActive(open) && open.followed !== undefined && named !== undefined && named !== open.followed) return;
  const followed = def.follows === undefined ? undefined : named;
  const target = def.target;
  if ('deadline' in target && any(target.deadline.from, e, s)) {
    const raw = text(e.data, target.deadline.field);
    if (raw !== undefined && !Number.isNaN(Date.parse(raw))) clock.deadline = Date.parse(raw);
  }
  const paused = any(def.pause, e, s);
  const resumed = !paused && any(def.resume, e, s);
  const c = clock.cycles.at(-1);
  if (isActive(c)) {
    if (any(def.cancel, e, s)) end(c, t, 'cancelled');
    else if (any(def.stop, e, s)) end(c, t, c.breachAt !== undefined ? 'breached' : 'met');
    else if (any(def.rearm, e, s)) {
      end(c, t, 'cancelled');
      clock.armed = true;
    } else if (any(def.reset, e, s)) {
      end(c, t, 'reset');
      startCycle(clock, t, 0, followed);
    }
    // What a following clock measured is over: it waits for the next one.
    if (def.follows !== undefined && (c.outcome === 'cancelled' || c.outcome === 'met' || c.outcome === 'breached')) clock.armed = true;
  } else if (clock.armed) {
    if (any(def.start, e, s)) startCycle(clock, t, 0, followed);
  } else if (c !== undefined && any(def.rearm, e, s)) clock.armed = true;
  if (paused) clock.held = true;
  else if (resumed) clock.held = false;
  hold(clock, s, t);
  const now = clock.cycles.at(-1);
  if (isActive(now)) now.deadline = clock.deadline;
}

function evolveState(s: State, e: RecordedEvent<EventLike>): void {
  s.step = stepAfter(s.step, e as unknown as ComplaintEvent) ?? s.step;
  if (e.type === 'ComplaintClassified') [s.severity, s.priority] = [text(e.data, 'severity') ?? 'general', text(e.data, 'priority')];
  if (e.type === 'WaitingOnCustomerStarted') [s.waiting, s.waitingReason] = [true, text(e.data, 'reason') ?? 'other'];
  if (e.type === 'WaitingOnCustomerEnded') [s.waiting, s.waitingReason] = [false, null];
  if (e.type === 'HandlerAssigned') s.handlerId = text(e.data, 'handlerId') ?? null;
  if (e.type === 'ComplaintEscalated') s.escalationLevel = text(e.data, 'level') ?? null;
  if (e.type === 'ComplaintArchived' || e.type === 'ComplaintWithdrawn') s.closed = true;
}

const policyOf = (config: SlaConfig, ref: { name: string; version: number } | null | undefined) =>
  ref == null ? undefined : config.policies.find((p) => p.name === ref.name && p.version === ref.version);

const clocksOf = (config: SlaConfig, policy: PolicyConfig | undefined): RefClock[] =>
  (policy?.clocks ?? []).map((def) => ({ def, calendar: config.calendars.get(def.calendar) as BusinessCalendar, cycles: [], armed: true, held: false, deadline: undefined, retired: false }));

function migrate(config: SlaConfig, clocks: RefClock[], s: State, data: Record<string, unknown>, t: number): RefClock[] {
  const to = policyOf(config, data.to as { name: string; version: number });
  const starts = (data.start as { clock: string; held: boolean; deadline: string | null }[]) ?? [];
  const next: RefClock[] = [];
  for (const fresh of clocksOf(config, to)) {
    const old = clocks.find((c) => c.def.name === fresh.def.name);
    if (old && !old.retired) {
      const c = old.cycles.at(-1);
      const carried: RefClock = { ...old, def: fresh.def, calendar: fresh.calendar };
      if (isActive(c)) {
        end(c, t, 'superseded');
        // A deadline runs on to the same instant: nothing to carry, and past it if the predecessor breached.
        // Whether it runs is the new version's holds' business (settled below).
        const deadline = 'deadline' in fresh.def.target;
        startCycle(carried, t, deadline ? 0 : c.used, fresh.def.follows === undefined ? undefined : c.followed);
        const n = carried.cycles.at(-1) as RefCycle;
        const iso = durationOf(fresh.def, s);
        const past = deadline ? true : iso !== undefined && c.used >= Math.max(1, msOf(iso));
        if (c.breachAt !== undefined && past) Object.assign(n, { breachAt: t, inheritedBreach: true });
      }
      next.push(carried);
      continue;
    }
    // Back after a version without it: the same clock, its history kept.
    const clock: RefClock = old ? { ...fresh, cycles: old.cycles } : fresh;
    const start = starts.find((x) => x.clock === clock.def.name);
    if (start) {
      clock.held = start.held;
      clock.deadline = start.deadline === null ? undefined : Date.parse(start.deadline);
      startCycle(clock, t);
    }
    next.push(clock);
  }
  for (const old of clocks) {
    if (next.some((c) => c.def.name === old.def.name)) continue;
    const c = old.cycles.at(-1);
    if (isActive(c)) end(c, t, 'cancelled');
    old.retired = true;
    old.armed = false;
    if (old.cycles.length > 0) next.push(old);
  }
  for (const clock of next) if (!clock.retired) hold(clock, s, t);
  return next;
}

/**
 * The clocks of one ticket at `now`, by name: its events are the complaint stream's
 * and the pin events of its SLA stream, in log order.
 */
export function referenceWalk(config: SlaConfig, events: readonly RecordedEvent<EventLike>[], now: number): Map<string, RefCycle[]> {
  const received = events.find((e) => e.type === 'ComplaintReceived');
  if (received === undefined) return new Map();
  const firstPin = events.find((e) => e.type === 'SlaPolicyApplied' || e.type === 'SlaPolicyMigrated');
  const pinned = firstPin?.type === 'SlaPolicyApplied' ? (firstPin.data as { policy: { name: string; version: number } | null }).policy : (firstPin?.data as { from?: { name: string; version: number } | null } | undefined)?.from;
  const initial = firstPin === undefined ? selectPolicy(config.policies, received.data, Date.parse(received.occurredAt)) : policyOf(config, pinned);
  let clocks = clocksOf(config, initial);
  const s: State = { severity: 'general', priority: undefined, channel: text(received.data, 'channel') ?? 'other', step: 'none', waiting: false, waitingReason: null, handlerId: null, escalationLevel: null, closed: false };
  let lastAt = Date.parse(received.occurredAt);
  const advanceAll = (t: number) => clocks.forEach((c) => c.cycles.forEach((cy) => advance(cy, s, t)));
  for (const e of events) {
    if (e.type === 'SlaPolicyApplied') continue;
    if (e.type === 'SlaPolicyMigrated') {
      const t = Math.max(Date.parse(e.occurredAt), lastAt);
      advanceAll(t);
      clocks = migrate(config, clocks, s, e.data as Record<string, unknown>, t);
      advanceAll(t);
      lastAt = t;
      continue;
    }
    const t = Date.parse(e.occurredAt);
    lastAt = Math.max(lastAt, t);
    // Time up to the event is measured against the ticket as it was before it.
    advanceAll(t);
    evolveState(s, e);
    for (const clock of clocks) if (!clock.retired) onEvent(clock, e, s, t);
    // A target the event lowered below the time used is reached at the event.
    advanceAll(t);
  }
  advanceAll(now);
  return new Map(clocks.map((c) => [c.def.name, c.cycles]));
}
