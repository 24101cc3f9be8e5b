/** Survey scores in a slice: per dimension, overall, the trend per period, and the reasons given. */
import type { CsiConfig } from '../dimensions/config.js';
import { scoreRatings } from '../scoring/score.js';
import type { SurveyResponse } from './facts.js';
import { periodOf, type PeriodOptions } from './period.js';

export interface DimensionResult {
  readonly score: number | null;
  readonly count: number;
}

export interface SurveyTrendRow {
  readonly period: string;
  readonly responses: number;
  readonly dimensions: Readonly<Record<string, DimensionResult>>;
  readonly overall: number | null;
}

export interface SurveyAnalytics {
  readonly responses: number;
  readonly dimensions: Readonly<Record<string, DimensionResult>>;
  readonly overall: number | null;
  readonly trend: readonly SurveyTrendRow[];
  /** Reason codes given, most frequent first. */
  readonly reasons: readonly { readonly dimension: string; readonly reason: string; readonly count: number }[];
}

export function surveyAnalytics(responses: readonly SurveyResponse[], config: CsiConfig, period: PeriodOptions): SurveyAnalytics {
  const all = scoreRatings(config, responses.flatMap((r) => r.ratings));
  const byPeriod = new Map<string, SurveyResponse[]>();
  for (const r of responses) {
    const p = periodOf(r.at, period);
    const list = byPeriod.get(p);
    if (list) list.push(r);
    else byPeriod.set(p, [r]);
  }
  const trend = [...byPeriod]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([p, rs]) => {
      const s = scoreRatings(config, rs.flatMap((r) => r.ratings));
      return { period: p, responses: rs.length, dimensions: s.dimensions, overall: s.overall.score };
    });
  const reasonCounts = new Map<string, { dimension: string; reason: string; count: number }>();
  for (const r of responses) {
    for (const rating of r.ratings) {
      for (const reason of rating.reasons) {
        const key = `${rating.dimension}\u0000${reason}`;
        const row = reasonCounts.get(key) ?? { dimension: rating.dimension, reason, count: 0 };
        row.count++;
        reasonCounts.set(key, row);
      }
    }
  }
  const reasons = [...reasonCounts.values()].sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1));
  return { responses: responses.length, dimensions: all.dimensions, overall: all.overall.score, trend, reasons };
}

