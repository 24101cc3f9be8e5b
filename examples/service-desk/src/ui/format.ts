/** Instants and durations as the desk's people read them: in the station's time zone, in their language. */
import type { Locale } from '@redress/core';
import { STATION } from '../station.js';

const formats = new Map<Locale, Intl.DateTimeFormat>();

/** "Sun 29 Nov 18:00" / "11月29日周日 18:00", in the station's time zone. */
export function formatInstant(instant: string | Date, locale: Locale): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: STATION.timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formats.set(locale, format);
  }
  return format.format(new Date(instant));
}

/** The value a datetime-local input shows for an instant, in the station's time zone. */
export function localInputValue(instant: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: STATION.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** "2h 05m", "3d 4h", "12m": the same shape the client's countdown writes. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  return `${m}m`;
}
