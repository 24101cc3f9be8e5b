/**
 * Clocks for property tests: a start instant and a plan of time steps (minutes,
 * hours, days), advanced by an `advance` hook. The default hook is calendar time;
 * a business calendar (working hours, holidays, waits on the customer) plugs in by
 * passing its own `advance(instant, step)`, so the same plans exercise either.
 */
import type { Clock } from '@redress/core';
import fc from 'fast-check';

/**
 * The unit of a `TimeStep`: `minute` and `hour` are elapsed (or, with `businessTime`, open) time; `day` is a date
 * change, so the 3- and 7-day rules are crossed in whole days.
 */
export type TimeUnit = 'minute' | 'hour' | 'day';

/** How much time passes between two commands. */
export interface TimeStep {
  /** How many units pass: a whole number ≥ 0 (0 minutes: two commands at the same instant). */
  readonly amount: number;
  /** Which unit `amount` counts; how a day moves depends on the `AdvanceTime` in use. */
  readonly unit: TimeUnit;
}

/** Moves an instant forward by a step: calendar time by default, business time when a calendar provides one. */
export type AdvanceTime = (instant: Date, step: TimeStep) => Date;

const MS: Record<Exclude<TimeUnit, 'day'>, number> = { minute: 60_000, hour: 3_600_000 };

/** Calendar time: minutes and hours are elapsed time; a day is the same wall-clock time on the next UTC date. */
export const calendarTime: AdvanceTime = (instant, step) => {
  if (step.unit === 'day') {
    const next = new Date(instant);
    next.setUTCDate(next.getUTCDate() + step.amount);
    return next;
  }
  return new Date(instant.getTime() + step.amount * MS[step.unit]);
};

/**
 * Upper bounds of the generated time steps: raise `maxDays` to cross the 7-day resolution rule in one step, lower them
 * to keep commands close together.
 */
export interface TimeStepOptions {
  /** Largest minute step (default 90); minute steps start at 0, so two commands can share an instant. */
  readonly maxMinutes?: number;
  /** Largest hour step (default 12, from 1). */
  readonly maxHours?: number;
  /** Largest day step (default 8, from 1: past the 7-day rule). */
  readonly maxDays?: number;
}

/** A time step: mostly minutes (desk work), sometimes hours, now and then days (the 3- and 7-day rules). Shrinks to 0 minutes. */
export function timeStep(options: TimeStepOptions = {}): fc.Arbitrary<TimeStep> {
  const { maxMinutes = 90, maxHours = 12, maxDays = 8 } = options;
  return fc.oneof(
    { arbitrary: fc.nat({ max: maxMinutes }).map((amount) => ({ amount, unit: 'minute' as const })), weight: 6 },
    { arbitrary: fc.integer({ min: 1, max: maxHours }).map((amount) => ({ amount, unit: 'hour' as const })), weight: 3 },
    { arbitrary: fc.integer({ min: 1, max: maxDays }).map((amount) => ({ amount, unit: 'day' as const })), weight: 1 },
  );
}

/** A step as the failure traces print it: `+5min`, `+2h`, `+3d`. */
export const formatStep = (step: TimeStep): string => `+${step.amount}${step.unit === 'minute' ? 'min' : step.unit === 'hour' ? 'h' : 'd'}`;

/** A clock that follows a plan: `tick()` takes the next step (cycling through the plan), `advance(step)` any step. */
export interface SimulatedClock extends Clock {
  /** The instant the clock started at; `now()` before any step. */
  readonly start: Date;
  /** The steps `tick()` takes, in order, starting over after the last (an empty plan never moves). */
  readonly plan: readonly TimeStep[];
  /** Takes the plan's next step and returns the new `now()`; with an empty plan, time stands still. */
  tick(): Date;
  /**
   * Moves by any step, outside the plan, and returns the new `now()`; throws a `RangeError` if the `AdvanceTime` hook
   * moved time backwards.
   */
  advance(step: TimeStep): Date;
}

/**
 * A deterministic core `Clock` for a test: starts at `start` (a `Date` or ISO string; an invalid one throws a
 * `RangeError`), moves only when told, through `advance` (default `calendarTime`; pass `businessTime(calendar)` for
 * business hours). Stateful: build one per run, or use `clockArbitrary`, whose clocks are cloned per run so shrinking
 * replays.
 *
 * @example
 * ```ts
 * const clock = simulatedClock('2026-03-02T09:00:00Z', [{ amount: 3, unit: 'day' }]);
 * const engine = createEngine({ store: createInMemoryEventStore(), clock });
 * clock.tick(); // 2026-03-05T09:00:00Z: three days on, as far as the 3-day follow-up rule
 * ```
 */
export function simulatedClock(start: Date | string, plan: readonly TimeStep[] = [], advance: AdvanceTime = calendarTime): SimulatedClock {
  const first = new Date(start);
  if (Number.isNaN(first.getTime())) throw new RangeError(`invalid start instant: ${String(start)}`);
  let current = first;
  let next = 0;
  const move = (step: TimeStep) => {
    const moved = advance(current, step);
    if (moved.getTime() < current.getTime()) throw new RangeError(`advance() moved time backwards from ${current.toISOString()} by ${formatStep(step)}`);
    current = moved;
    return new Date(current);
  };
  const clock: SimulatedClock & { toString(): string } = {
    start: first,
    plan,
    now: () => new Date(current),
    advance: move,
    tick: () => {
      const step = plan[next % Math.max(1, plan.length)];
      next++;
      return step === undefined ? new Date(current) : move(step);
    },
    toString: () => `clock(${first.toISOString()} ${plan.map(formatStep).join(' ')})`,
  };
  return clock;
}

/**
 * Options of `clockArbitrary`: the start instant, how many steps, their sizes (`TimeStepOptions`) and how a step moves
 * time.
 */
export interface ClockOptions extends TimeStepOptions {
  /** The start instant, or an arbitrary of it (default: any instant in 2025-2027, whole minutes). */
  readonly start?: Date | string | fc.Arbitrary<Date>;
  /** How many steps the plan has at most (default 20). */
  readonly maxSteps?: number;
  /** How a step moves time (default `calendarTime`); pass a business calendar's to count business time. */
  readonly advance?: AdvanceTime;
}

const defaultStart = fc
  .integer({ min: 0, max: 3 * 365 * 24 * 60 })
  .map((minutes) => new Date(Date.UTC(2025, 0, 1) + minutes * 60_000));

/**
 * A clock with a generated start and plan. Each use gets a fresh clock (fast-check
 * clones it), so a property may tick it freely and still replay.
 *
 * @example
 * ```ts
 * const calendar = createBusinessCalendar(serviceHoursCalendar); // from @redress/sla
 * test.prop([clockArbitrary({ start: '2026-11-23T01:00:00Z', advance: businessTime(calendar) })])(
 *   'an hour step is an hour of opening time',
 *   (clock) => {
 *     for (const step of clock.plan) {
 *       const before = clock.now().getTime();
 *       const after = clock.advance(step).getTime();
 *       if (step.unit === 'hour') expect(calendar.diff(before, after)).toBe(step.amount * 3_600_000);
 *     }
 *   },
 * );
 * ```
 */
export function clockArbitrary(options: ClockOptions = {}): fc.Arbitrary<SimulatedClock> {
  const { start, maxSteps = 20, advance = calendarTime } = options;
  const startArb = start === undefined ? defaultStart : start instanceof fc.Arbitrary ? start : fc.constant(new Date(start));
  return fc.tuple(startArb, fc.array(timeStep(options), { maxLength: maxSteps })).map(([s, plan]) => {
    const make = (): SimulatedClock => Object.assign(simulatedClock(s, plan, advance), { [fc.cloneMethod]: make });
    return make();
  });
}

/**
 * What `businessTime` needs from a business calendar: the shape of `@redress/sla`'s
 * `BusinessCalendar` (instants in epoch ms), so that package plugs in without this one
 * depending on it.
 */
export interface OpenTimeCalendar {
  /** The instant at which `durationMs` of open time has elapsed from `instant`. */
  add(instant: number, durationMs: number): number;
  /** `instant` when open, else the start of the next open interval. */
  nextOpen(instant: number): number;
}

/**
 * Business time: minutes and hours are open time on the calendar (an hour before
 * closing lands an hour into the next opening), a day is the next calendar date at
 * the same time, moved to the calendar's next opening if it is closed then.
 */
export function businessTime(calendar: OpenTimeCalendar): AdvanceTime {
  return (instant, step) =>
    step.unit === 'day'
      ? new Date(calendar.nextOpen(calendarTime(instant, step).getTime()))
      : new Date(calendar.add(instant.getTime(), step.amount * MS[step.unit]));
}
