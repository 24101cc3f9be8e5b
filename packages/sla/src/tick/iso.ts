/**
 * `new Date(ms).toISOString()` for the ticker's hot path: every SLA event carries
 * two instants, and the built-in formatter was the largest single cost of handing
 * one out. Thresholds handed out together fall within minutes of each other, so a
 * writer keeps the text up to the minute from its last call and only formats
 * seconds and milliseconds (one writer per kind of instant: occurredAt and dueAt
 * minutes differ); anything else (another minute, a fractional or
 * non-finite instant, a year outside 0000-9999) goes to the built-in, which also
 * throws the same RangeError for an invalid instant.
 */
const MINUTE = 60_000;
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const SECONDS = Array.from({ length: 60 }, (_, s) => `${pad(s, 2)}.`);
const MILLIS = Array.from({ length: 1000 }, (_, ms) => `${pad(ms, 3)}Z`);

/** A formatter of epoch-ms instants to ISO-8601 UTC, exactly as `Date#toISOString` writes them. */
export function isoWriter(): (ms: number) => string {
  let minute = Number.NaN;
  let upToMinute = '';
  return (ms) => {
    const m = Math.floor(ms / MINUTE);
    if (m === minute && Number.isInteger(ms)) {
      const within = ms - m * MINUTE;
      const s = Math.floor(within / 1000);
      return upToMinute + (SECONDS[s] as string) + (MILLIS[within - s * 1000] as string);
    }
    const text = new Date(ms).toISOString();
    // `YYYY-MM-DDTHH:mm:ss.sssZ`: years beyond 9999 or before 0 are longer and not cached.
    if (text.length === 24 && Number.isInteger(ms)) {
      minute = m;
      upToMinute = text.slice(0, 17);
    }
    return text;
  };
}
