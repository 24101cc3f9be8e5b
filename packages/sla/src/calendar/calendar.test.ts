import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { SlaConfigError } from '../errors.js';
import { alwaysOpenCalendar, createBusinessCalendar } from './calendar.js';
import type { CalendarInput } from './schema.js';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

const weekdays = (spans: { from: string; to: string }[]) => ({
  monday: spans,
  tuesday: spans,
  wednesday: spans,
  thursday: spans,
  friday: spans,
});

/** A Shanghai service station: split shift with a lunch break, Chinese holidays and a 调休 Saturday. */
const shanghai: CalendarInput = {
  name: 'service-hours',
  version: 1,
  timeZone: 'Asia/Shanghai',
  weekly: weekdays([
    { from: '08:30', to: '12:00' },
    { from: '13:30', to: '17:30' },
  ]),
  holidays: [{ date: '2026-10-01', name: 'National Day' }, { date: '2026-10-02' }],
  makeUpWorkdays: [{ date: '2026-10-10', hoursOf: 'monday', name: '调休' }],
  exceptions: [{ date: '2026-10-05', hours: [{ from: '10:00', to: '12:00' }] }],
};

describe('a business calendar', () => {
  const cal = createBusinessCalendar(shanghai);

  it('skips the lunch break and the night', () => {
    // Monday 2026-11-23 11:00 (+08:00) plus 2 h: 1 h before lunch, 1 h after.
    expect(iso(cal.add(at('2026-11-23T11:00:00+08:00'), 2 * H))).toBe('2026-11-23T06:30:00.000Z');
    // 17:00 plus 1 h: 30 min today, 30 min at 08:30 tomorrow.
    expect(iso(cal.add(at('2026-11-23T17:00:00+08:00'), H))).toBe('2026-11-24T01:00:00.000Z');
  });

  it('skips holidays, works make-up days and honours exceptions', () => {
    // Wednesday 30 Sept 17:00 + 1 h → 30 min, then Thu 1 and Fri 2 Oct are holidays, weekend, Monday 5 opens at 10:00.
    expect(iso(cal.add(at('2026-09-30T17:00:00+08:00'), H))).toBe('2026-10-05T02:30:00.000Z');
    // Saturday 10 Oct is worked with Monday's hours.
    expect(cal.isOpen(at('2026-10-10T09:00:00+08:00'))).toBe(true);
    expect(cal.isOpen(at('2026-10-11T09:00:00+08:00'))).toBe(false);
    expect(cal.isOpen(at('2026-10-05T09:00:00+08:00'))).toBe(false);
    expect(cal.isOpen(at('2026-10-05T10:30:00+08:00'))).toBe(true);
  });

  it('answers isOpen, nextOpen and diff', () => {
    expect(cal.isOpen(at('2026-11-23T12:30:00+08:00'))).toBe(false);
    expect(iso(cal.nextOpen(at('2026-11-23T12:30:00+08:00')))).toBe('2026-11-23T05:30:00.000Z');
    expect(iso(cal.nextOpen(at('2026-11-27T18:00:00+08:00')))).toBe('2026-11-30T00:30:00.000Z');
    const t = at('2026-11-23T11:00:00+08:00');
    expect(cal.nextOpen(t)).toBe(t);
    // A whole working day is 7.5 h; Monday 08:30 to Tuesday 08:30.
    expect(cal.diff(at('2026-11-23T08:30:00+08:00'), at('2026-11-24T08:30:00+08:00'))).toBe(7.5 * H);
    expect(cal.diff(at('2026-11-24T08:30:00+08:00'), at('2026-11-23T08:30:00+08:00'))).toBe(-7.5 * H);
  });

  it('runs overnight spans into the next day', () => {
    const night = createBusinessCalendar({ name: 'night', version: 1, timeZone: 'Europe/Berlin', weekly: { friday: [{ from: '22:00', to: '06:00' }] } });
    expect(night.isOpen(at('2026-11-28T03:00:00+01:00'))).toBe(true); // Saturday 03:00
    expect(iso(night.add(at('2026-11-27T21:00:00+01:00'), 8 * H))).toBe('2026-11-28T05:00:00.000Z');
    expect(night.diff(at('2026-11-27T00:00:00+01:00'), at('2026-12-04T00:00:00+01:00'))).toBe(8 * H);
  });

  it('counts an hour once when an overnight span and an exception overlap', () => {
    const cal = createBusinessCalendar({
      name: 'overlap',
      version: 1,
      timeZone: 'Europe/Berlin',
      weekly: { friday: [{ from: '22:00', to: '06:00' }] },
      exceptions: [{ date: '2026-11-28', hours: [{ from: '05:00', to: '08:00' }] }],
    });
    // Friday 22:00 to Saturday 08:00 is open without a gap: 10 h, not 11.
    expect(cal.diff(at('2026-11-27T00:00:00+01:00'), at('2026-11-29T00:00:00+01:00'))).toBe(10 * H);
    expect(iso(cal.add(at('2026-11-27T22:00:00+01:00'), 10 * H))).toBe('2026-11-28T07:00:00.000Z');
  });

  it('counts the real length of a working day across a DST change', () => {
    // Berlin falls back on Sunday 2026-10-25 02:00-03:00 twice: a 00:00-24:00 Sunday lasts 25 h.
    const sundays = createBusinessCalendar({ name: 's', version: 1, timeZone: 'Europe/Berlin', weekly: { sunday: [{ from: '00:00', to: '24:00' }] } });
    expect(sundays.diff(at('2026-10-24T12:00:00Z'), at('2026-10-26T12:00:00Z'))).toBe(25 * H);
    // New York springs forward on 2026-03-08: that Sunday lasts 23 h.
    const ny = createBusinessCalendar({ name: 'n', version: 1, timeZone: 'America/New_York', weekly: { sunday: [{ from: '00:00', to: '24:00' }] } });
    expect(ny.diff(at('2026-03-07T12:00:00Z'), at('2026-03-09T12:00:00Z'))).toBe(23 * H);
  });

  it('refuses invalid and contradictory calendars with every problem listed', () => {
    const bad = () =>
      createBusinessCalendar({
        name: 'bad',
        version: 0,
        timeZone: 'Mars/Olympus',
        weekly: { monday: [{ from: '09:00', to: '12:00' }, { from: '11:00', to: '13:00' }], sunday: [{ from: '22:00', to: '10:00' }] },
        holidays: [{ date: '2026-13-01' }],
      });
    expect(bad).toThrow(SlaConfigError);
    try {
      bad();
    } catch (e) {
      const paths = (e as SlaConfigError).issues.map((i) => i.path);
      expect(paths).toEqual(expect.arrayContaining(['version', 'timeZone', 'holidays.0.date']));
    }
    const contradictory = () =>
      createBusinessCalendar({
        name: 'c',
        version: 1,
        timeZone: 'UTC',
        weekly: { monday: [{ from: '09:00', to: '12:00' }, { from: '11:00', to: '13:00' }], sunday: [{ from: '22:00', to: '10:00' }] },
        holidays: [{ date: '2026-10-10' }],
        makeUpWorkdays: [{ date: '2026-10-10', hoursOf: 'monday' }],
      });
    expect(contradictory).toThrow(/weekly.monday.1: overlaps span 0[\s\S]*weekly.sunday.0: runs overnight[\s\S]*also a holiday/);
    expect(() => createBusinessCalendar({ name: 'never', version: 1, timeZone: 'UTC', weekly: {} })).toThrow(/never open/);
    expect(() => createBusinessCalendar({ name: 'x', version: 1, timeZone: 'UTC', weekly: { monday: [{ from: '09:00', to: '09:00' }] } })).toThrow(
      /same time/,
    );
  });

  it('refuses negative durations', () => {
    expect(() => cal.add(0, -1)).toThrow(RangeError);
    expect(() => alwaysOpenCalendar.add(0, -1)).toThrow(RangeError);
  });
});

/** Calendars around DST changes: split shifts, an overnight span, a weekend day and a holiday on a DST date. */
const dstCalendars = ['America/New_York', 'Europe/Berlin'].map((timeZone) =>
  createBusinessCalendar({
    name: `dst-${timeZone.replace("/", "-")}`,
    version: 1,
    timeZone,
    weekly: {
      ...weekdays([
        { from: '08:00', to: '12:00' },
        { from: '13:00', to: '17:00' },
      ]),
      saturday: [{ from: '01:30', to: '03:30' }],
      sunday: [{ from: '22:00', to: '02:30' }],
    },
    holidays: [{ date: '2026-03-30' }, { date: '2026-11-02' }],
    makeUpWorkdays: [{ date: '2026-03-28', hoursOf: 'friday' }],
  }),
);

// Instants from two weeks before to two weeks after both 2026 DST changes of both zones.
const instant = fc.oneof(
  fc.integer({ min: Date.parse('2026-03-01T00:00:00Z'), max: Date.parse('2026-04-12T00:00:00Z') }),
  fc.integer({ min: Date.parse('2026-10-18T00:00:00Z'), max: Date.parse('2026-11-15T00:00:00Z') }),
);
const duration = fc.integer({ min: 0, max: 60 * H });
const calendar = fc.constantFrom(...dstCalendars);

describe('business-time laws across DST (America/New_York, Europe/Berlin)', () => {
  test.prop([calendar, instant, duration])('diff(t, add(t, d)) = d', (cal, t, d) => {
    expect(cal.diff(t, cal.add(t, d))).toBe(d);
  });

  test.prop([calendar, instant, duration, duration])('add is monotonic in the duration and never goes back', (cal, t, a, b) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    expect(cal.add(t, lo)).toBeLessThanOrEqual(cal.add(t, hi));
    expect(cal.add(t, lo)).toBeGreaterThanOrEqual(t);
  });

  test.prop([calendar, instant, instant])('add is monotonic in the start', (cal, a, b) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    expect(cal.add(lo, H)).toBeLessThanOrEqual(cal.add(hi, H));
  });

  test.prop([calendar, instant, instant, instant])('diff is additive and antisymmetric', (cal, a, b, c) => {
    const [x, y, z] = [a, b, c].sort((p, q) => p - q) as [number, number, number];
    expect(cal.diff(x, y) + cal.diff(y, z)).toBe(cal.diff(x, z));
    expect(cal.diff(y, x) + cal.diff(x, y)).toBe(0);
    expect(cal.diff(x, z)).toBeLessThanOrEqual(z - x);
  });

  test.prop([calendar, instant])('nextOpen is open, not before t, and nothing is open in between', (cal, t) => {
    const n = cal.nextOpen(t);
    expect(n).toBeGreaterThanOrEqual(t);
    expect(cal.isOpen(n)).toBe(true);
    expect(cal.diff(t, n)).toBe(0);
    expect(cal.isOpen(t)).toBe(n === t);
  });

  test.prop([calendar, instant, fc.integer({ min: 1, max: 60 * H })])('add lands on open time or the end of an open interval', (cal, t, d) => {
    const end = cal.add(t, d);
    // The last millisecond counted is open.
    expect(cal.isOpen(end - 1)).toBe(true);
  });
});
