import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { TIMELINESS_38 } from '../test-support/examples.js';
import { whatWouldItTake, type WhatItTakes } from './what-it-takes.js';

/**
 * The oracle, written from the definition and nothing else: a customer either stays or moves
 * up one level, to the lowest rating of the next level (levels are 1-2, 3-4, 5-6, 7-8, 9-10),
 * or, inside the top level, from 9 to 10. Every customer's every destination is tried.
 */
const level = (r: number) => Math.ceil(r / 2);
const isMove = (from: number, to: number) => (level(from) < 5 && to === 2 * (level(from) + 1) - 1) || (from === 9 && to === 10);

function bruteForce(ratings: readonly number[], target: number, unchanged: readonly number[] = []): number | null {
  const options = ratings.map((r) => [r, ...(unchanged.includes(r) ? [] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].filter((to) => isMove(r, to)))]);
  let best: number | null = null;
  const walk = (i: number, sum: number, moved: number) => {
    if (best !== null && moved >= best) return;
    if (i === ratings.length) {
      if (sum * 10 >= target * ratings.length - 1e-9) best = moved;
      return;
    }
    for (const to of options[i] ?? []) walk(i + 1, sum + to, moved + (to === ratings[i] ? 0 : 1));
  };
  walk(0, 0, 0);
  return best;
}

/** The ratings after the answer's steps, checking each step is a legal move of customers who are there. */
function applySteps(ratings: readonly number[], answer: WhatItTakes, unchanged: readonly number[] = []): number[] {
  const left = [...ratings];
  const after: number[] = [];
  for (const step of answer.steps) {
    expect(isMove(step.from, step.to), `${step.from} → ${step.to}`).toBe(true);
    expect(unchanged).not.toContain(step.from);
    for (let k = 0; k < step.count; k++) {
      const i = left.indexOf(step.from);
      expect(i, `a customer rating ${step.from} to move`).toBeGreaterThanOrEqual(0);
      left.splice(i, 1);
      after.push(step.to);
    }
  }
  return [...left, ...after];
}

describe('what would it take to reach a target', () => {
  it('works out the domain example: with the 6s and 7s unchanged, 79.2 → 80 takes 3 customers moving from 8 to 9', () => {
    const answer = whatWouldItTake(TIMELINESS_38, 80, { unchanged: [6, 7] });
    expect(answer).toMatchObject({ target: 80, respondents: 38, reachable: true, moves: 3, steps: [{ from: 8, to: 9, count: 3 }] });
    expect(answer.after).toBe(80);
    // "very satisfied" (9-10) rises from 2.6% to 10.5% of respondents, the 6s and 7s unchanged.
    expect(answer.shares.before.verySatisfied).toBeCloseTo(1 / 38, 10);
    expect(answer.shares.after.verySatisfied).toBeCloseTo(4 / 38, 10);
    expect((answer.shares.after.verySatisfied * 100).toFixed(1)).toBe('10.5');
    expect(answer.shares.after.average).toBe(answer.shares.before.average);
  });

  it('without that condition, two customers are enough: a 7 to 9 and an 8 to 9', () => {
    expect(whatWouldItTake(TIMELINESS_38, 80)).toMatchObject({ moves: 2, steps: [{ from: 8, to: 9, count: 1 }, { from: 7, to: 9, count: 1 }], after: 80 });
  });

  it('returns the fewest customers: [8,8,8,7,7,7] reaches 85 with three 7s moving to 9, not five moves', () => {
    expect(whatWouldItTake([8, 8, 8, 7, 7, 7], 85)).toMatchObject({ moves: 3, steps: [{ from: 7, to: 9, count: 3 }], after: 85 });
  });

  it('among as few customers, makes the smallest change, crossing a level before moving a 9 to 10', () => {
    // Three points with two customers: 7 → 9 and one more point, not two 7s (four points).
    expect(whatWouldItTake([7, 7, 8, 8], 82).steps).toEqual([
      { from: 8, to: 9, count: 1 },
      { from: 7, to: 9, count: 1 },
    ]);
    // One point: the 8 becomes very satisfied rather than the 9 becoming a 10.
    expect(whatWouldItTake([9, 8], 90).steps).toEqual([{ from: 8, to: 9, count: 1 }]);
    expect(whatWouldItTake([9, 9], 100)).toMatchObject({ moves: 2, steps: [{ from: 9, to: 10, count: 2 }], after: 100 });
  });

  it('needs nothing when the target is already reached', () => {
    expect(whatWouldItTake(TIMELINESS_38, 79.2)).toMatchObject({ moves: 0, steps: [], reachable: true });
  });

  it('says when no set of moves reaches the target, and how high they could go', () => {
    // Each customer moves once: [1, 1] can reach 3 and 3 at best.
    expect(whatWouldItTake([1, 1], 50)).toMatchObject({ reachable: false, moves: 0, steps: [], ceiling: 30 });
    expect(whatWouldItTake([8, 6], 90, { unchanged: [6] })).toMatchObject({ reachable: false, ceiling: 75 });
    expect(whatWouldItTake([5], 101)).toMatchObject({ reachable: false, moves: 0 });
    expect(whatWouldItTake([], 80)).toMatchObject({ reachable: false, current: null, ceiling: null });
  });

  it('refuses ratings off the scale', () => {
    expect(() => whatWouldItTake([0, 5], 80)).toThrow(RangeError);
    expect(() => whatWouldItTake([5], Number.NaN)).toThrow(RangeError);
    expect(() => whatWouldItTake([5], 80, { unchanged: [11] })).toThrow(/unchanged ratings are integers from 1 to 10, got 11/);
  });

  const small = fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 7 });
  const target = fc.oneof(fc.integer({ min: 10, max: 100 }), fc.double({ min: 10, max: 100, noNaN: true }).map((t) => Math.round(t * 10) / 10));
  const unchanged = fc.subarray([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { maxLength: 4 });

  test.prop([small, target, unchanged], { numRuns: 400 })('moves the fewest customers: no assignment of who moves where does it with fewer', (rs, t, keep) => {
    const answer = whatWouldItTake(rs, t, { unchanged: keep });
    const best = bruteForce(rs, t, keep);
    expect(answer.reachable).toBe(best !== null);
    if (best === null) return;
    expect(answer.moves).toBe(best);
    expect(answer.moves).toBe(answer.steps.reduce((n, s) => n + s.count, 0));
    const after = applySteps(rs, answer, keep);
    expect(after.reduce((a, b) => a + b, 0) * 10).toBeGreaterThanOrEqual(t * rs.length - 1e-9);
    expect(answer.after).toBeCloseTo((after.reduce((a, b) => a + b, 0) / rs.length) * 10, 9);
  });

  const ratings = fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 60 });
  test.prop([ratings, fc.integer({ min: 10, max: 100 })])('on larger inputs, reaches the target with legal moves, and one customer fewer would not', (rs, t) => {
    const answer = whatWouldItTake(rs, t);
    if (!answer.reachable) {
      expect(answer.ceiling ?? 0).toBeLessThan(t);
      return;
    }
    const after = applySteps(rs, answer);
    expect(after.reduce((a, b) => a + b, 0) * 10).toBeGreaterThanOrEqual(t * rs.length);
    // The best any (moves - 1) customers can add: the largest gains available.
    const gains = rs.map((r): number => (r === 10 ? 0 : r === 9 ? 1 : r % 2 === 1 ? 2 : 1)).sort((a, b) => b - a);
    const bestWithFewer = gains.slice(0, Math.max(0, answer.moves - 1)).reduce((a, b) => a + b, 0);
    if (answer.moves > 0) expect((rs.reduce((a, b) => a + b, 0) + bestWithFewer) * 10).toBeLessThan(t * rs.length);
  });
});
