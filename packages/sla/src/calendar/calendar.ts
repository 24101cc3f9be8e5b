/**
 * Business-time arithmetic on a calendar: `add`, `diff`, `isOpen`, `nextOpen`.
 *
 * Written here rather than taken from npm: the business-hours packages surveyed
 * (dayjs-business-time, moment-business-time, …) keep global state, ignore time
 * zones or have no make-up workdays and per-date exceptions. What matters is
 * delegated: wall-clock → instant conversion, DST gaps and overlaps included,
 * comes from the Temporal polyfill and its IANA database.
 *
 * How it works: each local date is turned once into the sorted list of open
 * intervals (epoch milliseconds) of the spans that start on it, and cached. `add`
 * and `diff` walk those intervals with a cursor, so overlaps (an overnight span
 * running into the next day's hours) are counted once.
 */
import { Temporal } from 'temporal-polyfill';
import { CalendarClosedError, SlaConfigError, issuesFromZod, type SlaConfigIssue } from '../errors.js';
import { dateParts, epochDayOf, minutesOf, weekdayOf, type EpochDay } from './days.js';
import { ALWAYS_OPEN, calendarSchema, WEEKDAYS, type CalendarConfig, type Span } from './schema.js';

/**
 * Business-time arithmetic on one calendar (its time zone, opening hours, holidays and make-up workdays): SLA
 * clocks count only the time it is open.
 */
export interface BusinessCalendar {
  /**
   * The calendar's name as policies refer to it (`calendar: 'shanghai-workshop'`); `24x7` is the built-in always-open
   * one.
   */
  readonly name: string;
  /**
   * The config's version (from 1, bumped on every change), so a repair or an explain can say which hours it counted
   * with.
   */
  readonly version: number;
  /**
   * IANA time zone the weekly hours, holidays and exceptions are read in (`Asia/Shanghai`); instants stay UTC epoch
   * ms.
   */
  readonly timeZone: string;
  /** The instant at which `durationMs` of open time has elapsed from `instant` (`instant` itself for 0). */
  add(instant: number, durationMs: number): number;
  /** Open time between two instants, in ms; negative when `end` is before `start`. */
  diff(start: number, end: number): number;
  /**
   * Whether business time is counting at `instant` (epoch ms): open intervals include their start and exclude their
   * end, and an overnight span from the day before counts.
   */
  isOpen(instant: number): boolean;
  /** `instant` when open, else the start of the next open interval. */
  nextOpen(instant: number): number;
}

/** How long a calendar may stay closed before `add`/`nextOpen` give up (ten years). */
const HORIZON_DAYS = 3660;
const MAX_CACHED_DAYS = 50_000;
const DAY_MS = 86_400_000;

/** Validates JSON into a calendar config, or throws `SlaConfigError` listing every problem. */
export function parseCalendar(input: unknown): CalendarConfig {
  const parsed = calendarSchema.safeParse(input);
  if (!parsed.success) throw new SlaConfigError('calendar', issuesFromZod(parsed.error));
  const issues = contradictions(parsed.data);
  if (issues.length > 0) throw new SlaConfigError('calendar', issues);
  return parsed.data;
}

/** Rules zod cannot express: never open, overlapping spans, a date both off and worked. */
function contradictions(c: CalendarConfig): SlaConfigIssue[] {
  const issues: SlaConfigIssue[] = [];
  if (WEEKDAYS.every((d) => (c.weekly[d] ?? []).length === 0)) {
    issues.push({ path: 'weekly', message: 'the calendar is never open: give at least one weekday some hours' });
  }
  // Each weekday's spans as minute ranges from that day's midnight; the next day's are shifted by 1440.
  const ranges = (spans: readonly Span[], shift: number) =>
    spans.map((s) => {
      const from = minutesOf(s.from);
      const to = minutesOf(s.to);
      return [from + shift, (to <= from ? to + 1440 : to) + shift] as const;
    });
  WEEKDAYS.forEach((day, i) => {
    const own = ranges(c.weekly[day] ?? [], 0);
    const next = ranges(c.weekly[WEEKDAYS[(i + 1) % 7] as (typeof WEEKDAYS)[number]] ?? [], 1440);
    own.forEach((a, j) => {
      for (const [k, b] of [...own.entries()].filter(([k]) => k > j)) {
        if (a[0] < b[1] && b[0] < a[1]) issues.push({ path: `weekly.${day}.${k}`, message: `overlaps span ${j} of ${day}` });
      }
      next.forEach((b, k) => {
        if (a[0] < b[1] && b[0] < a[1]) issues.push({ path: `weekly.${day}.${j}`, message: `runs overnight into span ${k} of the next day` });
      });
    });
  });
  const seen = (list: readonly { date: string }[], path: string) => {
    const dates = new Set<string>();
    list.forEach((h, i) => {
      if (dates.has(h.date)) issues.push({ path: `${path}.${i}.date`, message: `${h.date} is listed twice` });
      dates.add(h.date);
    });
    return dates;
  };
  const holidays = seen(c.holidays, 'holidays');
  c.makeUpWorkdays.forEach((m, i) => {
    if (holidays.has(m.date)) issues.push({ path: `makeUpWorkdays.${i}.date`, message: `${m.date} is also a holiday; use an exception to say what happens` });
  });
  seen(c.makeUpWorkdays, 'makeUpWorkdays');
  seen(c.exceptions, 'exceptions');
  return issues;
}

/** A calendar that is always open: calendar-duration clocks use it. */
export const alwaysOpenCalendar: BusinessCalendar = {
  name: ALWAYS_OPEN,
  version: 1,
  timeZone: 'UTC',
  add: (instant, durationMs) => {
    if (!(durationMs >= 0)) throw new RangeError(`cannot add a negative duration (${durationMs} ms)`);
    return instant + durationMs;
  },
  diff: (start, end) => end - start,
  isOpen: () => true,
  nextOpen: (instant) => instant,
};

/** Builds the arithmetic for a calendar (validated first; pass JSON or a parsed config). */
export function createBusinessCalendar(input: unknown): BusinessCalendar {
  const config = parseCalendar(input);
  const { timeZone } = config;
  const holidays = new Set(config.holidays.map((h) => epochDayOf(h.date)));
  const makeUp = new Map(config.makeUpWorkdays.map((m) => [epochDayOf(m.date), m.hoursOf]));
  const exceptions = new Map(config.exceptions.map((e) => [epochDayOf(e.date), e.hours]));
  const cache = new Map<EpochDay, readonly number[]>();

  const hoursOn = (day: EpochDay): readonly Span[] => {
    const exception = exceptions.get(day);
    if (exception) return exception;
    if (holidays.has(day)) return [];
    const worked = makeUp.get(day);
    return config.weekly[worked ?? weekdayOf(day)] ?? [];
  };

  /** Wall-clock time on a local date → epoch ms; a time inside a DST gap moves forward ("compatible"). */
  const instantAt = (day: EpochDay, minutes: number): number => {
    const { year, month, day: d } = dateParts(day + Math.floor(minutes / 1440));
    const m = minutes % 1440;
    return new Temporal.PlainDateTime(year, month, d, Math.floor(m / 60), m % 60).toZonedDateTime(timeZone, { disambiguation: 'compatible' })
      .epochMilliseconds;
  };

  /** Open intervals [start, end) of the spans starting on `day`, flattened as start,end,start,end… */
  const intervalsOn = (day: EpochDay): readonly number[] => {
    const cached = cache.get(day);
    if (cached) return cached;
    const out: [number, number][] = [];
    for (const span of hoursOn(day)) {
      const from = minutesOf(span.from);
      const to = minutesOf(span.to);
      const start = instantAt(day, from);
      const end = instantAt(day, to <= from ? to + 1440 : to);
      if (end > start) out.push([start, end]);
    }
    out.sort((a, b) => a[0] - b[0]);
    const flat = out.flat();
    if (cache.size >= MAX_CACHED_DAYS) cache.clear();
    cache.set(day, flat);
    return flat;
  };

  /**
   * The local date of an instant. Converting every instant with Temporal costs
   * microseconds; instead the local midnights (each converted once, by Temporal,
   * and cached) bracket the instant, starting from a guess with the last offset seen.
   */
  const midnights = new Map<EpochDay, number>();
  const midnight = (day: EpochDay): number => {
    let m = midnights.get(day);
    if (m === undefined) {
      m = instantAt(day, 0);
      if (midnights.size >= MAX_CACHED_DAYS) midnights.clear();
      midnights.set(day, m);
    }
    return m;
  };
  let offsetGuess = 0;
  const localDay = (instant: number): EpochDay => {
    let day = Math.floor((instant + offsetGuess) / DAY_MS);
    while (instant < midnight(day)) day--;
    while (instant >= midnight(day + 1)) day++;
    offsetGuess = day * DAY_MS - midnight(day);
    return day;
  };

  /**
   * Visits the open intervals from the day before `instant`'s local date on (an
   * overnight span may still be running), clipped so no millisecond is seen twice,
   * until `visit` returns true.
   */
  const walk = (instant: number, visit: (start: number, end: number) => boolean): void => {
    const first = localDay(instant) - 1;
    let cursor = instant;
    let lastOpenDay = first;
    for (let day = first; ; day++) {
      const iv = intervalsOn(day);
      if (iv.length > 0) lastOpenDay = day;
      else if (day - lastOpenDay > HORIZON_DAYS) throw new CalendarClosedError(config.name, new Date(instant).toISOString(), HORIZON_DAYS);
      for (let i = 0; i < iv.length; i += 2) {
        const start = Math.max(iv[i] as number, cursor);
        const end = iv[i + 1] as number;
        if (end <= start) continue;
        if (visit(start, end)) return;
        cursor = end;
      }
    }
  };

  return {
    name: config.name,
    version: config.version,
    timeZone,
    add(instant, durationMs) {
      if (!(durationMs >= 0)) throw new RangeError(`cannot add a negative duration (${durationMs} ms)`);
      if (durationMs === 0) return instant;
      let left = durationMs;
      let result = instant;
      walk(instant, (start, end) => {
        if (left <= end - start) {
          result = start + left;
          return true;
        }
        left -= end - start;
        return false;
      });
      return result;
    },
    diff(start, end) {
      if (end < start) return 0 - this.diff(end, start); // never -0
      let total = 0;
      walk(start, (s, e) => {
        if (s >= end) return true;
        total += Math.min(e, end) - s;
        return e >= end;
      });
      return total;
    },
    isOpen(instant) {
      const day = localDay(instant);
      for (const d of [day - 1, day]) {
        const iv = intervalsOn(d);
        for (let i = 0; i < iv.length; i += 2) if ((iv[i] as number) <= instant && instant < (iv[i + 1] as number)) return true;
      }
      return false;
    },
    nextOpen(instant) {
      let result = instant;
      walk(instant, (start) => {
        result = start;
        return true;
      });
      return result;
    },
  };
}
