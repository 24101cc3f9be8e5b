/**
 * What other examples may use of the service station: its staff, its time zone and
 * opening hours, its SLA policy and the week of complaints itself. The service desk
 * serves this station (its logins are this staff, its seed is this week), so these are
 * the package's public entry (`@redress/example-service-station`); everything else in
 * `src/` is the demo's own and may change without notice.
 */
export { STAFF, type StaffMember } from './cast.js';
export { TIME_ZONE, WEEK_END } from './calendar.js';
export { SLA_CONFIG, STATION_CALENDAR } from './sla-config.js';
export { playWeek, type Week, type WeekOptions } from './week.js';
