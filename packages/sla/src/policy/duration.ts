/**
 * Durations as ISO-8601 strings (`PT4H`, `P7D`, `PT30M`), parsed by Temporal so
 * the format is the standard one. Only exact units are accepted: years, months and
 * weeks have no fixed length, and business durations refuse days too (is a
 * business day 8 hours or 24?); say `PT8H` or use a calendar duration.
 */
import { z } from 'zod';
import { Temporal } from 'temporal-polyfill';

const DAY = 86_400_000;

/** Milliseconds of an ISO duration, or an error message. */
export function durationMs(iso: string, allowDays: boolean): number | string {
  let d: Temporal.Duration;
  try {
    d = Temporal.Duration.from(iso);
  } catch {
    return `"${iso}" is not an ISO-8601 duration such as PT4H or P7D`;
  }
  if (d.sign < 0) return `"${iso}" is negative`;
  if (d.years || d.months || d.weeks) return `"${iso}" uses years, months or weeks, which have no fixed length`;
  if (d.days && !allowDays) return `"${iso}" counts days, which are ambiguous in business time: say PT8H or use a calendar duration`;
  return d.days * DAY + d.hours * 3_600_000 + d.minutes * 60_000 + d.seconds * 1000 + d.milliseconds;
}

/** A positive duration; `days` says whether days are allowed. */
export const durationSchema = (days: boolean) =>
  z.string().superRefine((s, ctx) => {
    const ms = durationMs(s, days);
    if (typeof ms === 'string') ctx.addIssue({ code: 'custom', message: ms });
    else if (ms <= 0) ctx.addIssue({ code: 'custom', message: `"${s}" must be longer than zero` });
  });

const parsed = new Map<string, number>();

/** The milliseconds of a duration already validated (memoised: targets are read on every clock start). */
export function msOf(iso: string): number {
  let ms = parsed.get(iso);
  if (ms === undefined) {
    const result = durationMs(iso, true);
    if (typeof result === 'string') throw new RangeError(result);
    ms = result;
    // Policies hold a handful of distinct durations; the bound only guards against misuse.
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(iso, ms);
  }
  return ms;
}
