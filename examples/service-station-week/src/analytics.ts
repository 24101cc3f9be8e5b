/**
 * The week's complaint analytics (@redress/csi), with @redress/sla plugged into
 * its hooks: on its own the report knows only calendar time, so it is also given
 * the station's business time (time to acknowledge and to resolve, in opening
 * hours) and the SLA clocks' results (met or breached per clock cycle). Judged as
 * of the week's end, the instant the SLA board uses.
 */
import { analyze, rebuildAnalytics, type ComplaintAnalytics } from '@redress/csi';
import { createBusinessCalendar, ticketClocks, type SlaState } from '@redress/sla';
import { clockName, STATION_CALENDAR } from './sla-config.js';
import type { SlaWeek } from './sla-week.js';
import type { Week } from './week.js';

/**
 * Every cycle whose result is known by `now`: met, or breached (ended late, or
 * running past its due instant). Cycles still on time, cancelled or reset before
 * their due instant are not counted, as the report treats its own time rules.
 */
function slaResults(state: SlaState, complaintId: string, now: Date) {
  return ticketClocks(state, complaintId, now).flatMap((clock) =>
    clock.cycles
      .filter((c) => c.breachedAt !== null || c.outcome === 'met')
      .map((c) => ({ rule: `SLA: ${clockName(clock.clock)}`, met: c.breachedAt === null })),
  );
}

export async function weekAnalytics(week: Pick<Week, 'store'>, sla: SlaWeek): Promise<ComplaintAnalytics> {
  const calendar = createBusinessCalendar(STATION_CALENDAR);
  return analyze(await rebuildAnalytics(week.store), {
    asOf: sla.now.toISOString(),
    hooks: {
      businessDuration: (from, to) => calendar.diff(Date.parse(from), Date.parse(to)),
      slaResults: (complaint) => slaResults(sla.state, complaint.complaintId, sla.now),
    },
  });
}
