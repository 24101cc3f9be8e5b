import { describe, expect, it } from 'vitest';
import { createManualClock } from './clock.js';

describe('the manual clock', () => {
  it('starts where it is told and moves forward', () => {
    const clock = createManualClock('2026-11-23T08:30:00+08:00');
    expect(clock.now().toISOString()).toBe('2026-11-23T00:30:00.000Z');
    clock.advance(90 * 60_000);
    expect(clock.now().toISOString()).toBe('2026-11-23T02:00:00.000Z');
    clock.set('2026-11-24T00:00:00Z');
    expect(clock.now().toISOString()).toBe('2026-11-24T00:00:00.000Z');
  });

  it('refuses to go back in time, or to a date that is not one', () => {
    const clock = createManualClock('2026-11-23T09:00:00Z');
    expect(() => clock.set('2026-11-23T08:59:59Z')).toThrow(/only moves forward: 2026-11-23T08:59:59.000Z is before/);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
    expect(() => clock.set('next tuesday')).toThrow(/invalid instant/);
    expect(() => createManualClock('soon')).toThrow(/invalid start instant/);
    expect(clock.now().toISOString()).toBe('2026-11-23T09:00:00.000Z');
  });

  it('hands out copies, so callers cannot move it by mutating a date', () => {
    const clock = createManualClock('2026-11-23T09:00:00Z');
    clock.now().setFullYear(1999);
    expect(clock.now().getUTCFullYear()).toBe(2026);
  });
});
