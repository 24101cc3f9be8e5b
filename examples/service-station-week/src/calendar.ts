/**
 * The station's calendar: one week in Shanghai (UTC+8, no daylight saving), open
 * 08:30-18:00 every day: a 4S shop works weekends, when private owners bring
 * their cars in. Instants are kept as UTC `Date`s and written as ISO strings with
 * `Z`; only what people read is shown in local time.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
/** Opening and closing time, in minutes after local midnight (the SLA calendar is built from them too). */
export const OPENS = 8 * 60 + 30;
export const CLOSES = 18 * 60;
export const TIME_ZONE = 'Asia/Shanghai';

/** Monday 23 November 2026, 08:30 in Shanghai. */
export const WEEK_START = new Date('2026-11-23T00:30:00Z');
/** Sunday 29 November 2026, 18:00 in Shanghai: whatever is due later is still in progress. */
export const WEEK_END = new Date('2026-11-29T10:00:00Z');
export const DAYS_IN_WEEK = 7;

/** Local midnight starting Monday 23 November, on a clock shifted to Shanghai time. */
const MONDAY_MIDNIGHT_SHIFTED = Date.UTC(2026, 10, 23);

/** The day of the week counted from Monday = 0, and the minutes since local midnight. */
function local(t: Date): { day: number; minute: number } {
  const sinceMonday = t.getTime() + SHANGHAI_OFFSET_MS - MONDAY_MIDNIGHT_SHIFTED;
  const day = Math.floor(sinceMonday / DAY);
  return { day, minute: Math.floor((sinceMonday - day * DAY) / MINUTE) };
}

/** The instant of a local time on a day of the week (Monday = 0). */
export function atLocal(day: number, hours: number, minutes = 0): Date {
  return new Date(Date.UTC(2026, 10, 23 + day, hours, minutes) - SHANGHAI_OFFSET_MS);
}

/** `minutes` of opening hours after `from`: work left at closing time carries over to the next morning. */
export function workingMinutesAfter(from: Date, minutes: number): Date {
  let { day, minute } = local(from);
  if (minute < OPENS) minute = OPENS;
  if (minute >= CLOSES) [day, minute] = [day + 1, OPENS];
  let left = minutes;
  while (minute + left > CLOSES) {
    left -= CLOSES - minute;
    [day, minute] = [day + 1, OPENS];
  }
  return atLocal(day, 0, minute + left);
}

/** A local time on the day after `from` (e.g. "tomorrow 10:00"). */
export function nextDayAt(from: Date, hours: number, minutes = 0): Date {
  return atLocal(local(from).day + 1, hours, minutes);
}

/** `days` days after `from`, at 17:30 local: deadlines agreed with a customer are end of day. */
export function endOfDayAfter(from: Date, days: number): Date {
  return atLocal(local(from).day + days, 17, 30);
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** "Tue 24 14:05": the weekday, the day of the month and the local time. */
export function formatLocal(instant: string | Date): string {
  const shifted = new Date(new Date(instant).getTime() + SHANGHAI_OFFSET_MS);
  const weekday = WEEKDAYS[(shifted.getUTCDay() + 6) % 7] ?? '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${weekday} ${pad(shifted.getUTCDate())} ${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}

/** "Tue 14:05": enough within one week. */
export const formatClock = (instant: string | Date): string => {
  const [weekday, , time] = formatLocal(instant).split(' ');
  return `${weekday} ${time}`;
};

/** Hours between two instants. */
export const hoursBetween = (from: string | Date, to: string | Date): number =>
  (new Date(to).getTime() - new Date(from).getTime()) / (60 * MINUTE);
