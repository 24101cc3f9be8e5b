/**
 * The report as Markdown: tables a service manager reads, a text bar chart of the
 * causes (it renders everywhere Markdown does, terminals included), in English or
 * Simplified Chinese: the complaint measures here, the surveys (reach, scores, levels,
 * drivers, trend, product quality), the benchmark and improvement actions, the staff
 * assessment and loyalty in their own sections. `paretoSvg` draws the chart as SVG.
 */
import { labels as coreLabels, SEVERITIES, STEPS, type Locale } from '@redress/core';
import type { ComplaintAnalytics } from '../analytics/analyze.js';
import type { CsiConfig } from '../dimensions/config.js';
import { DEFAULT_CSI_CONFIG } from '../dimensions/defaults.js';
import { REPORT_LABELS } from './labels.js';
import { benchmarkSection, improvementsSection, staffSection } from './assessment.js';
import { reportContext } from './context.js';
import { loyaltySection } from './loyalty.js';
import { bar, durationRow, percent, score, share, table } from './markdown.js';
import { productSection, reachSection, reasonsSection, satisfactionSection } from './surveys.js';

/** How `renderReport` prints a report. */
export interface RenderOptions {
  /** `en` (default) or `zh-CN`: the report's own words from `REPORT_LABELS`, the domain's from core's labels. */
  readonly locale?: Locale;
  /**
   * Where dimension and reason names come from; pass the configuration the report was computed with (`DEFAULT_CSI_CONFIG` when left out), or configured dimensions print as ids.
   */
  readonly config?: CsiConfig;
  /** Replaces the default title. */
  readonly title?: string;
  /** Width of the longest bar in the text chart, in characters (default 24). */
  readonly barWidth?: number;
}

/**
 * The report as Markdown, for a service manager: the overview, the Paretos of causes and of
 * SERVQUAL factors (with a text bar chart that renders wherever Markdown does), steps and
 * severities, the time rules, handling times, survey reach, scores with ranking, level shares and
 * main drivers, the trend, reasons, product quality, the benchmark and improvement actions, the
 * workload, the staff assessment and loyalty. Every percentage is printed with its base
 * (`37.5% (3/8)`); a figure with no base prints as n/a. Tables with no rows (no causes yet, no
 * reasons given) are left out.
 *
 * @example
 * ```ts
 * const report = analyze(await rebuildAnalytics(store), { filter: { branch: 'Pudong' } });
 * const markdown = renderReport(report, { locale: 'zh-CN', title: '浦东服务站：投诉与满意度' });
 * // '## 浦东服务站：投诉与满意度\n\n统计截至: …\n\n### 概览\n\n| 指标 | 数值 |\n…'
 * ```
 */
export function renderReport(report: ComplaintAnalytics, options: RenderOptions = {}): string {
  const locale = options.locale ?? 'en';
  const l = REPORT_LABELS[locale];
  const core = coreLabels(locale);
  const config = options.config ?? DEFAULT_CSI_CONFIG;
  const width = options.barWidth ?? 24;
  const ctx = reportContext(locale, config);
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
        [`${l.productQuality}: ${l.overall}`, score(report.surveys.productQuality.overall, l)],
        [l.responseRate, percent(report.surveys.reach.response, l)],
        [l.promisesKept, report.promisesKept === null ? l.notApplicable : percent(report.promisesKept, l)],
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
  out.push(...reachSection(s, ctx), ...satisfactionSection(s, ctx), ...reasonsSection(s, ctx), ...productSection(s, ctx));
  out.push(...benchmarkSection(report.benchmark, ctx), ...improvementsSection(report.improvements, ctx));

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
  out.push(...staffSection(report.staff, ctx), ...loyaltySection(report.loyalty, ctx));
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

/** How `paretoSvg` draws its chart. */
export interface ParetoSvgOptions {
  /** `en` (default) or `zh-CN`: the causes' or factors' names and the chart's accessible name. */
  readonly locale?: Locale;
  /** The SVG's width in pixels (480 by default); the bars scale to it, the labels keep 170 pixels. */
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
