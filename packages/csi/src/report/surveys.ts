/**
 * The report's survey sections: reach (attempted, reached, answered, per method), the
 * service scores with their ranking, levels and main drivers (every percentage shown with
 * its base, the customers reached), the trend, the product-quality module apart, and the
 * reasons given.
 */
import { SATISFACTION_LEVELS } from '@redress/core';
import type { ModuleConfig } from '../dimensions/config.js';
import type { ModuleScorecard, SurveyAnalytics } from '../analytics/survey-scores.js';
import type { ReportContext } from './context.js';
import { percent, score, share, signed, table } from './markdown.js';

export function reachSection(s: SurveyAnalytics, ctx: ReportContext): string[] {
  const { l } = ctx;
  const r = s.reach;
  if (r.attempted === 0) return [];
  const out = [`### ${l.reachHeading}`, ''];
  out.push(
    table(
      [l.measure, l.value],
      [
        [l.attempted, String(r.attempted)],
        [l.reached, String(r.reached)],
        [l.responded, String(r.responded)],
        [l.attempts, String(r.attempts)],
        [l.reachRate, percent(r.reach, l)],
        [l.responseRate, percent(r.response, l)],
        [l.dissatisfiedShare, percent(s.dissatisfied, l)],
      ],
    ),
    '',
  );
  out.push(`#### ${l.byMethod}`, '');
  out.push(
    table(
      [l.method, l.attempts, l.reachedAttempts, l.reached, l.responded],
      r.byMethod.map((m) => [m.method === null ? l.noMethod : l.methods[m.method], String(m.attempts), String(m.reachedAttempts), String(m.reached), String(m.responded)]),
    ),
    '',
  );
  return out;
}

/** A module's dimensions: score, rank and ratings; the module's own overall last. */
function scoresTable(card: ModuleScorecard, module: ModuleConfig, overallCount: number, ctx: ReportContext): string {
  const { l } = ctx;
  const rank = (id: string) => card.ranking.find((r) => r.dimension === id)?.rank;
  return table(
    [l.dimension, l.score, l.rank, l.responses],
    [
      ...module.dimensions.map((d) => [ctx.dimensionName(d.id), score(card.dimensions[d.id]?.score ?? null, l), String(rank(d.id) ?? l.notApplicable), String(card.dimensions[d.id]?.count ?? 0)]),
      [l.overall, score(card.overall, l), '', String(overallCount)],
    ],
  );
}

function levelsTable(card: ModuleScorecard, module: ModuleConfig, ctx: ReportContext): string[] {
  const { l, core } = ctx;
  const rows = module.dimensions.flatMap((d) => {
    const shares = card.levels[d.id];
    return shares ? [[ctx.dimensionName(d.id), ...SATISFACTION_LEVELS.map((level) => percent(shares.levels[level], l)), percent(shares.notRated, l)]] : [];
  });
  if (rows.length === 0 || rows.every((r) => r.slice(1).every((c) => c === l.notApplicable))) return [];
  return [`#### ${l.levelsHeading}`, '', table([l.dimension, ...SATISFACTION_LEVELS.map((level) => core.satisfactionLevels[level]), l.notRated], rows), ''];
}

function driversTable(card: ModuleScorecard, ctx: ReportContext): string[] {
  const { l } = ctx;
  if (card.drivers.length === 0) return [];
  return [
    `#### ${l.driversHeading}`,
    '',
    table(
      [l.dimension, l.reason, l.customers, l.ofReached, l.share, l.cumulative, l.mainDriver],
      card.drivers.map((d) => [ctx.dimensionName(d.dimension), ctx.reasonName(d.dimension, d.reason), String(d.customers), percent(d.ofReached, l), share(d.share), share(d.cumulativeShare), d.main ? '✔' : '']),
    ),
    '',
  ];
}

export function satisfactionSection(s: SurveyAnalytics, ctx: ReportContext): string[] {
  const { l, config } = ctx;
  const out = [`### ${l.satisfaction}`, '', scoresTable(s, config, s.responses, ctx), ''];
  out.push(...levelsTable(s, config, ctx), ...driversTable(s, ctx));
  if (s.trend.length > 0) {
    out.push(`#### ${l.trend}`, '');
    out.push(
      table(
        [l.period, ...config.dimensions.map((d) => ctx.dimensionName(d.id)), l.overall, l.change, l.productQuality, l.responses, l.reached],
        s.trend.map((t) => [
          t.period,
          ...config.dimensions.map((d) => score(t.dimensions[d.id]?.score ?? null, l)),
          score(t.overall, l),
          signed(t.change, l),
          score(t.productQuality, l),
          String(t.responses),
          String(t.reached),
        ]),
      ),
      '',
    );
  }
  return out;
}

export function productSection(s: SurveyAnalytics, ctx: ReportContext): string[] {
  const p = s.productQuality;
  if (p.rated === 0) return [];
  const module = ctx.config.productQuality;
  return [`### ${ctx.l.productQuality}`, '', scoresTable(p, module, p.rated, ctx), '', ...levelsTable(p, module, ctx), ...driversTable(p, ctx)];
}

export function reasonsSection(s: SurveyAnalytics, ctx: ReportContext): string[] {
  const { l } = ctx;
  if (s.reasons.length === 0) return [];
  return [`#### ${l.reasons}`, '', table([l.dimension, l.reason, l.count], s.reasons.map((r) => [ctx.dimensionName(r.dimension), ctx.reasonName(r.dimension, r.reason), String(r.count)])), ''];
}
