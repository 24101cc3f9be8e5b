/**
 * The clock's instant as text, `toISOString()`'s exact output, made cheaply.
 *
 * Every command stamps its events with `clock.now()` as ISO-8601 text, and
 * `Date.prototype.toISOString` was a twentieth of `execute()` in the profile. One
 * engine's instants mostly fall on the same day, so the date part is formatted by
 * `toISOString` once per day and the time of day from its digits, as one
 * `String.fromCharCode` call: a template of nine parts made a rope of eight string
 * nodes per instant, which every event kept (about 250 bytes, where the flat text is
 * 40). The same instant twice gives the same string back. A property test
 * (`instant-text.test.ts`) checks it against `toISOString` over the whole Date range.
 */

const MS_PER_DAY = 86_400_000;
const pad2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const pad3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
const ZERO = 48;
const [COLON, DOT, Z] = [':', '.', 'Z'].map((c) => c.charCodeAt(0)) as [number, number, number];

/** A formatter with its own one-day cache: `format(date)` equals `date.toISOString()`, a RangeError included. */
export function instantText(): (instant: Date) => string {
  let dayStart = Number.NaN;
  /** `YYYY-MM-DDT` (or `±YYYYYY-MM-DDT`) of the cached day. */
  let datePart = '';
  /** Its character codes when it is `YYYY-MM-DDT` (years 0 to 9999), else empty. */
  let d: number[] = [];
  let lastMs = Number.NaN;
  let last = '';
  return (instant) => {
    const ms = instant.getTime();
    if (ms === lastMs) return last;
    if (!(ms >= dayStart && ms < dayStart + MS_PER_DAY)) {
      // Also the path of an invalid date (NaN): toISOString throws its RangeError here.
      const text = instant.toISOString();
      dayStart = Math.floor(ms / MS_PER_DAY) * MS_PER_DAY;
      datePart = text.slice(0, text.length - 13);
      d = datePart.length === 11 ? Array.from(datePart, (c) => c.charCodeAt(0)) : [];
      lastMs = ms;
      last = text;
      return text;
    }
    let rest = ms - dayStart;
    const hours = Math.floor(rest / 3_600_000);
    rest -= hours * 3_600_000;
    const minutes = Math.floor(rest / 60_000);
    rest -= minutes * 60_000;
    const seconds = Math.floor(rest / 1000);
    rest -= seconds * 1000;
    lastMs = ms;
    // Six-digit years (before 0 or after 9999) are rare enough for the template.
    last =
      d.length === 11
        ? // prettier-ignore
          String.fromCharCode(
            (d[0] as number), (d[1] as number), (d[2] as number), (d[3] as number), (d[4] as number), (d[5] as number), (d[6] as number), (d[7] as number), (d[8] as number), (d[9] as number), (d[10] as number),
            ZERO + ((hours / 10) | 0), ZERO + (hours % 10), COLON, ZERO + ((minutes / 10) | 0), ZERO + (minutes % 10), COLON,
            ZERO + ((seconds / 10) | 0), ZERO + (seconds % 10), DOT, ZERO + ((rest / 100) | 0), ZERO + (((rest / 10) | 0) % 10), ZERO + (rest % 10), Z,
          )
        : `${datePart}${pad2[hours]}:${pad2[minutes]}:${pad2[seconds]}.${pad3[rest]}Z`;
    return last;
  };
}
