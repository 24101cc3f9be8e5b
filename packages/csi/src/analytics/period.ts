/**
 * Periods for slicing and trends: the calendar day, month, quarter or year an
 * instant falls in, at a fixed UTC offset (service stations report in local time:
 * +480 minutes for China). Fixed offsets, not time zones: reports must not change
 * with the machine's zone, and the regions concerned have no daylight saving.
 */
export const GRANULARITIES = ['day', 'month', 'quarter', 'year'] as const;
/** The length of a reporting period (`GRANULARITIES`): `day`, `month`, `quarter` or `year`. */
export type Granularity = (typeof GRANULARITIES)[number];

/**
 * How instants are grouped into periods: the granularity and the fixed UTC offset of the local
 * calendar (480 for China). Used by `period` filters and slices, the survey trend and benchmarking.
 */
export interface PeriodOptions {
  /** The period length; reports default to `month`, benchmarking to `quarter` (surveys are quarterly). */
  readonly granularity: Granularity;
  /** Minutes east of UTC; 0 by default. */
  readonly utcOffsetMinutes?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-11-23`, `2026-11`, `2026-Q4` or `2026`: strings that sort in time order. */
export function periodOf(instant: string, options: PeriodOptions): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${instant}`);
  const local = new Date(ms + (options.utcOffsetMinutes ?? 0) * 60_000);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + 1;
  switch (options.granularity) {
    case 'day':
      return `${y}-${pad(m)}-${pad(local.getUTCDate())}`;
    case 'month':
      return `${y}-${pad(m)}`;
    case 'quarter':
      return `${y}-Q${Math.ceil(m / 3)}`;
    case 'year':
      return String(y);
  }
}
