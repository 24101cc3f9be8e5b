/** Markdown building blocks shared by the report's sections: tables, percentages with their base, scores, durations, bars. */
import type { DurationStats, Rate } from '../analytics/stats.js';
import { roundScore } from '../scoring/score.js';
import type { ReportLabels } from './labels.js';

const HOUR = 3_600_000;

/** A rate as `37.5% (3/8)`: the base is always shown, so a reader knows what the percentage is of. */
export const percent = (r: Rate, l: ReportLabels): string => (r.rate === null ? l.notApplicable : `${(r.rate * 100).toFixed(1)}% (${r.met}/${r.total})`);
export const share = (x: number): string => `${(x * 100).toFixed(1)}%`;
export const score = (s: number | null, l: ReportLabels): string => (s === null ? l.notApplicable : roundScore(s).toFixed(1));
/** A signed score difference (+1.5, −2.0). */
export const signed = (d: number | null, l: ReportLabels): string => (d === null ? l.notApplicable : `${d > 0 ? '+' : d < 0 ? '−' : '±'}${roundScore(Math.abs(d)).toFixed(1)}`);

export function duration(msValue: number | null, l: ReportLabels): string {
  if (msValue === null) return l.notApplicable;
  return msValue < 48 * HOUR ? `${(msValue / HOUR).toFixed(1)} ${l.hours}` : `${(msValue / (24 * HOUR)).toFixed(1)} ${l.days}`;
}

/** A Markdown table; pipes in cells are escaped so a host's branch name cannot break it. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [`| ${header.map(cell).join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

export const bar = (count: number, max: number, width: number): string => '█'.repeat(max === 0 ? 0 : Math.round((count / max) * width));

export function durationRow(name: string, d: { calendar: DurationStats; business: DurationStats | null }, l: ReportLabels): string[][] {
  const rows = [[`${name} (${l.calendar})`, duration(d.calendar.medianMs, l), duration(d.calendar.p90Ms, l), String(d.calendar.count)]];
  if (d.business) rows.push([`${name} (${l.business})`, duration(d.business.medianMs, l), duration(d.business.p90Ms, l), String(d.business.count)]);
  return rows;
}
