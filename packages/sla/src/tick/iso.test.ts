import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { isoWriter } from './iso.js';

const DAY = 86_400_000;
/** Instants anywhere Date can hold them, and runs of nearby ones (the cached minute). */
const instant = fc.oneof(fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.integer({ min: -62_198_755_200_000, max: 253_402_300_799_999 }), fc.double({ min: -1e13, max: 1e13, noNaN: true }));

describe('isoWriter', () => {
  test.prop([fc.array(fc.tuple(instant, fc.array(fc.integer({ min: -2 * 60_000, max: 2 * 60_000 }), { maxLength: 8 })), { minLength: 1, maxLength: 20 })])(
    'writes what Date#toISOString writes, for any instant and runs of nearby ones',
    (runs) => {
      const isoOf = isoWriter();
      for (const [base, offsets] of runs) {
        for (const at of [base, ...offsets.map((o) => base + o)]) {
          if (Math.abs(at) > 8.64e15) continue;
          expect(isoOf(at)).toBe(new Date(at).toISOString());
        }
      }
    },
  );

  test.prop([fc.integer({ min: 0, max: 4_000 * DAY })])('a minute\'s every millisecond boundary: 0, 999, 59 999', (day) => {
    const isoOf = isoWriter();
    for (const ms of [0, 1, 999, 1000, 59_999, 60_000, 60_001]) expect(isoOf(day + ms)).toBe(new Date(day + ms).toISOString());
  });

  test.prop([fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 8.64e15 + 1)])('throws the built-in RangeError for an instant Date cannot hold', (bad) => {
    const isoOf = isoWriter();
    isoOf(Date.parse('2026-12-02T10:00:00Z'));
    expect(() => isoOf(bad)).toThrow(RangeError);
  });
});
