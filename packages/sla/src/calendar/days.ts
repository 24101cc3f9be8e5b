/**
 * Calendar dates as epoch-day numbers (days since 1970-01-01 in the proleptic
 * Gregorian calendar). Pure arithmetic on dates, not instants: no time zone is
 * involved, so this is not a hand-rolled offset.
 */
import { WEEKDAYS, type Weekday } from './schema.js';

const DAY_MS = 86_400_000;

export type EpochDay = number;

/** `2026-11-23` → its epoch day. */
export function epochDayOf(isoDate: string): EpochDay {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** Year, month (1-12) and day of an epoch day. */
export function dateParts(day: EpochDay): { readonly year: number; readonly month: number; readonly day: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 1970-01-01 was a Thursday. */
export const weekdayOf = (day: EpochDay): Weekday => WEEKDAYS[(((day + 3) % 7) + 7) % 7] as Weekday;

/** `HH:MM` → minutes after midnight (`24:00` → 1440). */
export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
