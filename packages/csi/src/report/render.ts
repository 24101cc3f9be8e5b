/**
 * The report as Markdown: tables a service manager reads, a text bar chart of the
 * causes (it renders everywhere Markdown does, terminals included), in English or
 * Simplified Chinese. `paretoSvg` draws the same chart as SVG for HTML reports.
 */
import { labels as coreLabels, SEVERITIES, STEPS, type Locale } from '@redress/core';
import type { ComplaintAnalytics } from '../analytics/analyze.js';
import type { DurationStats, Rate } from '../analytics/stats.js';
import type { CsiConfig } from '../dimensions/config.js';
import { DEFAULT_CSI_CONFIG } from '../dimensions/defaults.js';
import { roundScore } from '../scoring/score.js';
import { REPORT_LABELS, type ReportLabels } from './labels.js';

export interface RenderOptions {
  readonly locale?: Locale;
  readonly config?: CsiConfig;
  /** Replaces the default title. */
  readonly title?: string;
  /** Width of the longest bar in the text chart, in characters (default 24). */
  readonly barWidth?: number;
}

const HOUR = 3_600_000;

const percent = (r: Rate, l: ReportLabels) => (r.rate === null ? l.notApplicable : `${(r.rate * 100).toFixed(1)}% (${r.met}/${r.total})`);
const share = (x: number) => `${(x * 100).toFixed(1)}%`;
const score = (s: number | null, l: ReportLabels) => (s === null ? l.notApplicable : roundScore(s).toFixed(1));

function duration(msValue: number | null, l: ReportLabels): string {
  if (msValue === null) return l.notApplicable;
  return msValue < 48 * HOUR ? `${(msValue / HOUR).toFixed(1)} ${l.hours}` : `${(msValue / (24 * HOUR)).toFixed(1)} ${l.days}`;
}

/** A Markdown table; pipes in cells are escaped so a host's branch name cannot break it. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [`| ${header.map(cell).join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

const bar = (count: number, max: number, width: number) => '█'.repeat(max === 0 ? 0 : Math.round((count / max) * width));

function durationRow(name: string, d: { calendar: DurationStats; business: DurationStats | null }, l: ReportLabels): string[][] {
  const rows = [[`${name} (${l.calendar})`, duration(d.calendar.medianMs, l), duration(d.calendar.p90Ms, l), String(d.calendar.count)]];
  if (d.business) rows.push([`${name} (${l.business})`, duration(d.business.medianMs, l), duration(d.business.p90Ms, l), String(d.business.count)]);
  return rows;
}

export function renderReport(report: ComplaintAnalytics, options: RenderOptions = {}): string {
  const locale = options.locale ?? 'en';
  const l = REPORT_LABELS[locale];
  const core = coreLabels(locale);
  const config = options.config ?? DEFAULT_CSI_CONFIG;
  const width = options.barWidth ?? 24;
  const dimensionName = (id: string) => config.dimensions.find((d) => d.id === id)?.labels[locale] ?? id;
  const reasonName = (dimension: string, code: string) =>
    config.dimensions.find((d) => d.id === dimension)?.reasons.find((r) => r.id === code)?.labels[locale] ?? code;
  const out: string[] = [];

  out.push(`## ${options.title ?? l.title}`, '');
  if (report.asOf) out.push(`${l.asOf}: ${report.asOf}`, '');

  out.push(`### ${l.overview}`, '');
  out.push(
    table(
      [l.measure, l.value],
      [
        [l.complaints, String(report.complaints)],
        [l.firstContactResolution, percent(report.firstContactResolution, l)],
        [l.reopenRate, percent(report.reopen, l)],
        [l.repeatRate, percent(report.repeat, l)],
        [l.hiddenShare, percent(report.hidden, l)],
        [l.followUpCoverage, percent(report.followUpCoverage, l)],
        [`${l.satisfaction}: ${l.overall}`, score(report.surveys.overall, l)],
      ],
    ),
    '',
  );

  const paretoTable = (heading: string, column: string, rows: readonly { name: string; count: number; share: number; cumulativeShare: number }[]) => {
    if (rows.length === 0) return;
    const max = Math.max(...rows.map((r) => r.count));
    out.push(`### ${heading}`, '');
    out.push(table([column, l.count, l.share, l.cumulative, ''], rows.map((r) => [r.name, String(r.count), share(r.share), share(r.cumulativeShare), bar(r.count, max, width)])), '');
  };
  paretoTable(l.byCause, l.cause, paretoRows(report, 'cause', locale));
  paretoTable(l.byServqualFactor, l.servqualFactor, paretoRows(report, 'servqualFactor', locale));

  out.push(`### ${l.byStep}`, '');
  out.push(table([l.step, l.count], STEPS.filter((s) => report.byStep[s] > 0).map((s) => [core.steps[s], String(report.byStep[s])])), '');
  out.push(`### ${l.bySeverity}`, '');
  out.push(
    table(
      [l.severity, l.count],
      [...SEVERITIES.map((s) => [core.severities[s], String(report.bySeverity[s])]), [l.unclassified, String(report.bySeverity.unclassified)]],
    ),
    '',
  );

  out.push(`### ${l.sla}`, '');
  out.push(
    table(
      [l.measure, l.value],
      [
        [l.remedyOnTime, percent(report.sla.remedyOnTime, l)],
        [l.planWithin7Days, percent(report.sla.planWithin7Days, l)],
        [l.followUpWithin3Days, percent(report.sla.followUpWithin3Days, l)],
      ],
    ),
    '',
  );
  // The host's own rules (the `slaResults` hook) are measured however its SLA engine measures them:
  // not under the calendar-time heading.
  const external = Object.entries(report.sla.external);
  if (external.length > 0) {
    out.push(`### ${l.slaExternal}`, '');
    out.push(table([l.measure, l.value], external.map(([rule, r]) => [rule, percent(r, l)])), '');
  }

  out.push(`### ${l.times}`, '');
  out.push(
    table(
      [l.measure, l.median, l.p90, l.count],
      [...durationRow(l.timeToAcknowledge, report.timeToAcknowledge, l), ...durationRow(l.timeToResolve, report.timeToResolve, l)],
    ),
    '',
  );

  const s = report.surveys;
  out.push(`### ${l.satisfaction}`, '');
  out.push(
    table(
      [l.dimension, l.score, l.responses],
      [
        ...config.dimensions.map((d) => [dimensionName(d.id), score(s.dimensions[d.id]?.score ?? null, l), String(s.dimensions[d.id]?.count ?? 0)]),
        [l.overall, score(s.overall, l), String(s.responses)],
      ],
    ),
    '',
  );
  if (s.trend.length > 0) {
    out.push(`#### ${l.trend}`, '');
    out.push(
      table(
        [l.period, ...config.dimensions.map((d) => dimensionName(d.id)), l.overall, l.responses],
        s.trend.map((t) => [t.period, ...config.dimensions.map((d) => score(t.dimensions[d.id]?.score ?? null, l)), score(t.overall, l), String(t.responses)]),
      ),
      '',
    );
  }
  if (s.reasons.length > 0) {
    out.push(`#### ${l.reasons}`, '');
    out.push(table([l.dimension, l.reason, l.count], s.reasons.map((r) => [dimensionName(r.dimension), reasonName(r.dimension, r.reason), String(r.count)])), '');
  }

  if (report.handlers.length > 0) {
    out.push(`### ${l.workload}`, '');
    out.push(
      table(
        [l.handler, l.open, l.assigned, l.archived, l.reopened],
        report.handlers.map((h) => [h.handler, String(h.open), String(h.assigned), String(h.archived), String(h.reopened)]),
      ),
      '',
    );
  }
  return out.join('\n');
}

/** The rows of one Pareto table with their display names; an unknown cause (and so factor) has the same words. */
function paretoRows(report: ComplaintAnalytics, of: ParetoOf, locale: Locale): { name: string; count: number; share: number; cumulativeShare: number }[] {
  const core = coreLabels(locale);
  const unknown = REPORT_LABELS[locale].unknownCause;
  return of === 'cause'
    ? report.byCause.map((r) => ({ ...r, name: r.cause === 'unknown' ? unknown : core.causes[r.cause] }))
    : report.byServqualFactor.map((r) => ({ ...r, name: r.factor === 'unknown' ? unknown : core.servqualFactors[r.factor] }));
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** What a Pareto chart counts by: the cause, or the SERVQUAL factor of the cause. */
export type ParetoOf = 'cause' | 'servqualFactor';

export interface ParetoSvgOptions {
  readonly locale?: Locale;
  readonly width?: number;
  /** `cause` by default. */
  readonly of?: ParetoOf;
}

/** The causes (or their SERVQUAL factors) as a horizontal bar chart in SVG (counts, largest first), for HTML reports. */
export function paretoSvg(report: ComplaintAnalytics, options: ParetoSvgOptions = {}): string {
  const locale = options.locale ?? 'en';
  const l = REPORT_LABELS[locale];
  const of = options.of ?? 'cause';
  const width = options.width ?? 480;
  const rowHeight = 22;
  const labelWidth = 170;
  const data = paretoRows(report, of, locale);
  const max = Math.max(1, ...data.map((r) => r.count));
  const rows = data.map(({ name, ...r }, i) => {
    const w = Math.round(((width - labelWidth - 60) * r.count) / max);
    const y = i * rowHeight;
    return (
      `<text x="0" y="${y + 15}" font-size="12">${escapeXml(name)}</text>` +
      `<rect x="${labelWidth}" y="${y + 4}" width="${w}" height="14" fill="#4a7bb7"/>` +
      `<text x="${labelWidth + w + 6}" y="${y + 15}" font-size="12">${r.count}</text>`
    );
  });
  const height = Math.max(rowHeight, data.length * rowHeight);
  const title = of === 'cause' ? l.byCause : l.byServqualFactor;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="${escapeXml(title)}">${rows.join('')}</svg>`;
}
