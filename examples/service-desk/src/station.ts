/**
 * The station this desk serves: the service-station demo's (its time zone, opening hours
 * and SLA policy, the domain's default on the station's own calendar), so the seeded week
 * and new complaints are measured alike. A host changes these three lines.
 */
import { SLA_CONFIG, STATION_CALENDAR, TIME_ZONE } from '@redress/example-service-station';

export const STATION = { timeZone: TIME_ZONE, sla: { config: SLA_CONFIG, calendar: STATION_CALENDAR } } as const;
