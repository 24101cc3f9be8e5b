/**
 * The desk's clock: the host's real clock, shifted by an offset.
 *
 * Why shifted: the seeded week happened on fixed dates (23-29 November 2026), so a desk
 * seeded with it starts its clock at the end of that week and runs on at real speed from
 * there; and a log must never hold events later than "now" (SLA views and the deadline
 * guards compare with it), so a restarted desk starts no earlier than its last event.
 * `advance` moves it forward by hand: the test-only hook uses it to make an SLA clock
 * breach while a browser watches. It never goes back.
 */
import type { Clock } from '@redress/core';

export interface DeskClock extends Clock {
  /** Moves the clock forward (tests and demos only: the route that calls it is off in production). */
  advance(ms: number): void;
  /** How far the desk's time is ahead of the host's clock, in ms. */
  readonly offsetMs: number;
}

/** A clock running at `base`'s speed from `startAt` (earlier or later than `base`'s time), or `base`'s time. */
export function createDeskClock(base: Clock, startAt?: Date): DeskClock {
  const realStart = base.now().getTime();
  let offset = startAt === undefined ? 0 : startAt.getTime() - realStart;
  let last = 0;
  return {
    now() {
      // Monotonic even if the host's clock steps back (NTP): the log's order is time's order.
      last = Math.max(last, base.now().getTime() + offset);
      return new Date(last);
    },
    advance(ms) {
      if (!(Number.isFinite(ms) && ms >= 0)) throw new RangeError(`the desk clock only moves forward: cannot advance by ${ms} ms`);
      offset += ms;
    },
    get offsetMs() {
      return offset;
    },
  };
}
