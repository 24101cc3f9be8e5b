import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { CAUSES, DEFAULT_SERVQUAL_FACTOR_OF_CAUSE, SATISFACTION_LEVELS, SERVQUAL_FACTORS, satisfactionLevelOf } from './vocabulary.js';

describe('the 10-point satisfaction scale', () => {
  it('puts two points in each of the five levels, best first', () => {
    const byScore = Array.from({ length: 10 }, (_, i) => [10 - i, satisfactionLevelOf(10 - i)]);
    expect(byScore).toEqual([
      [10, 'verySatisfied'],
      [9, 'verySatisfied'],
      [8, 'satisfied'],
      [7, 'satisfied'],
      [6, 'average'],
      [5, 'average'],
      [4, 'dissatisfied'],
      [3, 'dissatisfied'],
      [2, 'veryDissatisfied'],
      [1, 'veryDissatisfied'],
    ]);
  });

  it.each([0, 11, 7.5, Number.NaN])('refuses %s', (score) => {
    expect(() => satisfactionLevelOf(score)).toThrow(RangeError);
  });

  test.prop([fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 })])('a higher rating is never a worse level', (a, b) => {
    const rank = (s: number) => SATISFACTION_LEVELS.indexOf(satisfactionLevelOf(s));
    if (a >= b) expect(rank(a)).toBeLessThanOrEqual(rank(b));
  });
});

describe('SERVQUAL factors', () => {
  it('gives every cause a default factor, and every factor is some cause’s default but none is invented', () => {
    expect(Object.keys(DEFAULT_SERVQUAL_FACTOR_OF_CAUSE).sort()).toEqual([...CAUSES].sort());
    expect(new Set(Object.values(DEFAULT_SERVQUAL_FACTOR_OF_CAUSE))).toEqual(new Set(SERVQUAL_FACTORS));
  });
});
