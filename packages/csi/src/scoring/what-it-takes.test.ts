import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { TIMELINESS_38 } from '../test-support/examples.js';
import { whatWouldItTake } from './what-it-takes.js';

describe('what would it take to reach a target', () => {
  it('works out the domain example: 79.2 → 80 takes 3 customers moving from 8 to 9', () => {
    const answer = whatWouldItTake(TIMELINESS_38, 80);
    expect(answer).toMatchObject({ target: 80, respondents: 38, reachable: true, moves: 3, steps: [{ from: 8, to: 9, count: 3 }] });
    expect(answer.after).toBe(80);
    // "very satisfied" (9-10) rises from 2.6% to 10.5% of respondents, the 6s and 7s unchanged.
    expect(answer.shares.before.verySatisfied).toBeCloseTo(1 / 38, 10);
    expect(answer.shares.after.verySatisfied).toBeCloseTo(4 / 38, 10);
    expect((answer.shares.after.verySatisfied * 100).toFixed(1)).toBe('10.5');
    expect(answer.shares.after.average).toBe(answer.shares.before.average);
  });

  it('needs nothing when the target is already reached', () => {
    expect(whatWouldItTake(TIMELINESS_38, 79.2)).toMatchObject({ moves: 0, steps: [], reachable: true });
  });

  it('moves the 7s once no 8 is left, each to the lowest rating of the next level', () => {
    expect(whatWouldItTake([7, 7, 8], 90).steps).toEqual([
      { from: 8, to: 9, count: 1 },
      { from: 7, to: 9, count: 2 },
    ]);
  });

  it('takes 9s to 10 only when nobody is below the top level', () => {
    expect(whatWouldItTake([9, 9], 100)).toMatchObject({ moves: 2, steps: [{ from: 9, to: 10, count: 2 }], after: 100 });
  });

  it('cannot reach above 100, nor anything without respondents', () => {
    expect(whatWouldItTake([5], 101)).toMatchObject({ reachable: false, moves: 0 });
    expect(whatWouldItTake([], 80)).toMatchObject({ reachable: false, current: null });
  });

  it('refuses ratings off the scale', () => {
    expect(() => whatWouldItTake([0, 5], 80)).toThrow(RangeError);
    expect(() => whatWouldItTake([5], Number.NaN)).toThrow(RangeError);
  });

  const ratings = fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 60 });
  test.prop([ratings, fc.integer({ min: 10, max: 100 })])('reaches the target, and one move fewer would not', (rs, target) => {
    const answer = whatWouldItTake(rs, target);
    expect(answer.reachable).toBe(true);
    expect(answer.after ?? 0).toBeGreaterThanOrEqual(target - 1e-9);
    expect(answer.moves).toBe(answer.steps.reduce((n, s) => n + s.count, 0));
    if (answer.moves > 0) {
      const last = answer.steps.at(-1);
      const before = ((answer.after ?? 0) * rs.length) / 10 - ((last?.to ?? 0) - (last?.from ?? 0));
      expect((before / rs.length) * 10).toBeLessThan(target);
    }
    for (const step of answer.steps) expect(step.to).toBeGreaterThan(step.from);
  });
});
