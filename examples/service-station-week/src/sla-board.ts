/**
 * "SLA at the end of the week": the breached clocks per handler (who has to call
 * whom back), how many more are warned or at risk, the SQL a host on SQLite would
 * run for one handler, and `explain` for one breached clock, so the reader sees
 * why it counts as late. Plain text, 100 columns, like the board.
 */
import { labels, type Severity } from '@redress/core';
import { atRisk, explain, type ExplainLine } from '@redress/sla';
import { byStaffOrder, staffName } from './board.js';
import { formatLocal } from './calendar.js';
import { clockName, STATION_HOURS } from './sla-config.js';
import type { SlaClockLine } from './sla-reader.js';
import { HANDLER_BREACHES_SQL } from './sla-sql.js';
import type { SlaWeek } from './sla-week.js';
import { columns, title, underline } from './text.js';

const en = labels('en');
const zh = labels('zh-CN');
const HOUR = 3_600_000;

const when = (instant: string | null) => (instant === null ? '-' : formatLocal(instant));
const severity = (s: string) => (s in en.severities ? `${en.severities[s as Severity]} ${zh.severities[s as Severity]}` : s);

/** "1 day", "4 h", "90 min": targets as people say them. */
function duration(ms: number): string {
  if (ms % (24 * HOUR) === 0) return `${ms / (24 * HOUR)} day${ms === 24 * HOUR ? '' : 's'}`;
  return ms % HOUR === 0 ? `${ms / HOUR} h` : `${Math.round(ms / 60_000)} min`;
}

/** One handler's breached clocks; the handler comes first because the board is read per desk. */
function handlerTable(handlerId: string | null, breached: readonly SlaClockLine[]): string[] {
  const rows = breached.map((c) => [c.complaintId, severity(c.severity), clockName(c.clock), when(c.dueAt), when(c.breachedAt)]);
  return [
    `${staffName(handlerId)} · ${breached.length} breached`,
    ...underline(columns([['Complaint', 'Severity', 'Clock', 'Due', 'Breached at'], ...rows], [], '  '), '  '),
  ];
}

/** The library's reasons, with milliseconds said as durations. */
const reason = (e: ExplainLine) => e.reason.replace(/target (\d+) ms/, (_, ms: string) => `target ${duration(Number(ms))}`);

function explained(sla: SlaWeek, c: SlaClockLine): string[] {
  const lines = explain(sla.state, c.complaintId, c.clock, sla.now);
  const rows = lines.map((e) => [when(e.at), e.action, e.event?.type ?? '(time passed)', reason(e)]);
  return [
    `Why ${c.complaintId}'s ${clockName(c.clock)} clock is breached (explain):`,
    ...underline(columns([['When', 'What', 'Event', 'Why'], ...rows], [], '  '), '  '),
  ];
}

export function renderSlaBoard(sla: SlaWeek): string {
  const all = sla.reader.breached();
  const handlers = [...new Set(all.map((c) => c.handlerId))].sort(byStaffOrder);
  // Each desk asks for its own clocks (the host's query); the unassigned have no desk to ask for them.
  const perHandler = handlers.map((h) => [h, h === null ? all.filter((c) => c.handlerId === null) : sla.reader.breached(h)] as const);
  const warned = sla.reader.warned().length;
  // Remaining business time needs the clocks themselves (the calendar), not their SQL rows: in memory either way.
  const risky = atRisk(sla.state, sla.now).length;
  const desk = handlers.find((h): h is string => h !== null);

  const sections: string[][] = [
    [
      ...title(`SLA at the end of the week · as of ${formatLocal(sla.now)}`),
      `@redress/sla's default policy on the station's hours (${STATION_HOURS} every day): first response`,
      'within 4 opening hours (major 2), a plan within 7 days (major 3), the remedy by the date agreed',
      'with the customer, the follow-up call within 3 days of the remedy (major 1).',
      '',
      `${all.length} ${all.length === 1 ? 'clock' : 'clocks'} breached · ${warned} warned, not breached yet · ` +
        `${risky} at risk (a quarter of the target left or less)`,
    ],
    ...perHandler.map(([h, breached]) => handlerTable(h, breached)),
  ];
  if (desk !== undefined) {
    sections.push([
      "On SQLite, one desk's breached clocks are one query on the read model (redress_sla_clocks):",
      ...HANDLER_BREACHES_SQL.split('\n').map((l) => `  ${l}`),
      `  -- :handler = '${desk}', :now = '${sla.now.toISOString()}' (the week's end)`,
    ]);
  }
  const example = perHandler[0]?.[1][0];
  if (example) sections.push(explained(sla, example));
  return sections.map((lines) => lines.join('\n')).join('\n\n');
}
