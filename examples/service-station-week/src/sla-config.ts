/**
 * The SLA clocks for this station. @redress/sla's default policy measures the
 * acknowledgement in business hours of a calendar named `service-hours`, and its
 * example calendar is Monday-Saturday 08:30-12:00 and 13:30-17:30. This station
 * keeps other hours (08:30-18:00 every day: a 4S shop works weekends, see
 * calendar.ts), so the policy runs on a calendar of the station's own, built from
 * the same opening hours the week is played with: the clocks count the time the
 * desk is really open, Sundays included, and not the lunch break it does not take.
 */
import { defaultPolicy, parseSlaConfig, WEEKDAYS, type CalendarInput, type SlaConfig } from '@redress/sla';
import { CLOSES, OPENS, TIME_ZONE } from './calendar.js';

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const OPEN = { from: hhmm(OPENS), to: hhmm(CLOSES) };
/** "08:30-18:00", for people. */
export const STATION_HOURS = `${OPEN.from}-${OPEN.to}`;

export const STATION_CALENDAR: CalendarInput = {
  name: 'station-hours',
  version: 1,
  timeZone: TIME_ZONE,
  weekly: Object.fromEntries(WEEKDAYS.map((day) => [day, [OPEN]])),
};

/** The domain's default policy, with its business-hour clocks on the station's calendar. */
export const SLA_CONFIG: SlaConfig = parseSlaConfig({
  calendars: [STATION_CALENDAR],
  policies: [defaultPolicy({ calendar: STATION_CALENDAR.name })],
});

/** The default policy's clocks, as the board names them. */
export const CLOCK_NAMES: Readonly<Record<string, string>> = {
  acknowledgement: 'First response 首次响应',
  resolution: 'Plan 制定方案',
  remedy: 'Remedy on time 按约执行',
  followUp: 'Follow-up call 回访',
};

export const clockName = (clock: string): string => CLOCK_NAMES[clock] ?? clock;
