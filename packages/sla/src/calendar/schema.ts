/**
 * Business calendars as data: zod-validated JSON with a version. A calendar says
 * when a team works, in its own IANA time zone: weekly hours (split shifts and
 * overnight spans), holidays, make-up workdays (days normally off that are worked,
 * as with China's 调休) and per-date exceptions that close or open.
 */
import { z } from 'zod';
import { Temporal } from 'temporal-polyfill';

/** The days of the week, Monday first, as a calendar's opening hours name them. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
/** A day of the week, as a calendar names it. */
export type Weekday = (typeof WEEKDAYS)[number];

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a wall-clock time HH:MM (00:00-24:00)');
const date = z.iso.date({ message: 'must be a calendar date YYYY-MM-DD' });

/**
 * One span of work that starts on a day: `to` after `from` ends the same day,
 * `to` before `from` runs overnight into the next day (`22:00`-`06:00`), `24:00`
 * ends at midnight.
 */
export const spanSchema = z
  .strictObject({ from: time, to: time })
  .refine((s) => s.from !== s.to, { message: 'a span must not start and end at the same time' })
  .refine((s) => s.from !== '24:00', { message: 'a span cannot start at 24:00' });
/** One opening span of a day, from and to as wall-clock times. */
export type Span = z.infer<typeof spanSchema>;

const spans = z.array(spanSchema).max(24);

/** Asks the Temporal polyfill (its IANA database), never a hand-written table. */
const validZone = (zone: string) => {
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
};

/** The shape of a business calendar: time zone, weekly opening hours, holidays and make-up workdays. */
export const calendarSchema = z.strictObject({
  /** The name policies refer to. */
  name: z.string().regex(/^[A-Za-z0-9_\-.]{1,64}$/, 'must be 1-64 letters, digits, _ - .'),
  /** Bumped whenever the calendar changes, so a repair can say which version it used. */
  version: z.int().min(1),
  /** An IANA time zone such as `Asia/Shanghai`; wall-clock hours are read in it. */
  timeZone: z.string().refine(validZone, { message: 'must be an IANA time zone such as Asia/Shanghai' }),
  /** Hours per weekday; a weekday left out is closed. */
  weekly: z.partialRecord(z.enum(WEEKDAYS), spans),
  /** Dates closed all day (spans starting on them are dropped). */
  holidays: z.array(z.strictObject({ date, name: z.string().max(200).optional() })).default([]),
  /** Days normally off that are worked, with the hours of a given weekday (调休). */
  makeUpWorkdays: z.array(z.strictObject({ date, hoursOf: z.enum(WEEKDAYS), name: z.string().max(200).optional() })).default([]),
  /** Dates whose hours are replaced: `hours: []` closes the date, other spans open it differently. Wins over everything else. */
  exceptions: z.array(z.strictObject({ date, hours: spans, note: z.string().max(200).optional() })).default([]),
});

/** A validated business calendar. */
export type CalendarConfig = z.output<typeof calendarSchema>;
/** A business calendar as a host writes it. */
export type CalendarInput = z.input<typeof calendarSchema>;

/** The calendar every calendar-duration clock uses: always open, in UTC. */
export const ALWAYS_OPEN = '24x7';
