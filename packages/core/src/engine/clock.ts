/**
 * Time is injected. The core asks a Clock and never reads the system time itself,
 * so tests, replays and simulations control "now".
 */
export interface Clock {
  /** The current instant. The engine calls it once per command, so one command's events share an instant. */
  now(): Date;
}

/** The host's real clock: the one place that reads the system time. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock the caller moves by hand: for tests, simulations and the demo. It only
 * moves forward, as time does: a log whose later events happened earlier would be
 * a simulation bug, so going back throws a RangeError.
 */
export interface ManualClock extends Clock {
  /** Moves to this instant; a RangeError when it is earlier than now. */
  set(instant: Date | string): void;
  /** Moves forward by this many milliseconds; a RangeError for a negative step. */
  advance(ms: number): void;
}

/** A clock starting at `start` that moves only when told to. */
export function createManualClock(start: Date | string): ManualClock {
  let current = new Date(start).getTime();
  if (Number.isNaN(current)) throw new RangeError(`invalid start instant: ${String(start)}`);
  return {
    now: () => new Date(current),
    set: (instant) => {
      const next = new Date(instant).getTime();
      if (Number.isNaN(next)) throw new RangeError(`invalid instant: ${String(instant)}`);
      if (next < current) throw new RangeError(`the clock only moves forward: ${new Date(next).toISOString()} is before ${new Date(current).toISOString()}`);
      current = next;
    },
    advance: (ms) => {
      if (!(ms >= 0)) throw new RangeError(`the clock only moves forward: cannot advance by ${ms} ms`);
      current += ms;
    },
  };
}
