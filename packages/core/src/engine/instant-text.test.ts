import { fc, test } from '@fast-check/vitest';
import { expect, it } from 'vitest';
import { instantText } from './instant-text.js';

/** The whole range a Date can hold (±100,000,000 days around 1970). */
const MAX = 8.64e15;

test.prop([fc.array(fc.oneof(fc.integer({ min: -MAX, max: MAX }), fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 })), { minLength: 1, maxLength: 50 }), fc.array(fc.nat({ max: 2 * 86_400_000 }), { maxLength: 50 })])(
  'gives exactly what toISOString gives, for any instants in any order, near one another or far apart',
  (starts, steps) => {
    const format = instantText();
    for (const start of starts) {
      // A start, then small steps from it: the same day, the next, the same instant again.
      let ms = start;
      for (const step of [0, ...steps, 0]) {
        ms = Math.min(MAX, ms + step);
        const date = new Date(ms);
        expect(format(date)).toBe(date.toISOString());
      }
    }
  },
);

it('formats the edges of a day and of the Date range as toISOString does', () => {
  const format = instantText();
  for (const text of ['2026-03-02T23:59:59.999Z', '2026-03-03T00:00:00.000Z', '2026-03-02T00:00:00.000Z', '1969-12-31T23:59:59.999Z', '1970-01-01T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '0000-01-01T00:00:00.001Z']) {
    expect(format(new Date(text))).toBe(text);
  }
});

it('throws the RangeError toISOString throws for an invalid date, every time', () => {
  const format = instantText();
  format(new Date('2026-03-02T08:00:00.000Z'));
  expect(() => format(new Date(Number.NaN))).toThrow(RangeError);
  expect(() => format(new Date(Number.NaN))).toThrow(RangeError);
  expect(format(new Date('2026-03-02T08:00:01.000Z'))).toBe('2026-03-02T08:00:01.000Z');
});
