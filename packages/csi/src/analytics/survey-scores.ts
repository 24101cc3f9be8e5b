/**
 * Survey results in a slice: who was reached, the scores of each module (the service
 * dimensions, the CSI proper, and the product-quality module, scored apart) with their
 * ranking, the spread over the levels and the main drivers as shares of the customers
 * reached, the trend per period, and the reasons given.
 */
import { allDimensions, moduleOf, type CsiConfig, type ModuleConfig } from '../dimensions/config.js';
import { scoreRatings } from '../scoring/score.js';
import type { ResolvedContact } from './contacts.js';
import { drivers, type Driver } from './drivers.js';
import type { SurveyResponse } from './facts.js';
import { dissatisfiedShare, levelShares, type LevelShares } from './levels.js';
import { periodOf, type PeriodOptions } from './period.js';
import { rankDimensions, type DimensionRank } from './ranking.js';
import { surveyReach, type SurveyReach } from './reach.js';
import type { Rate } from './stats.js';

/** A dimension's score in a slice or a period, with the ratings it is computed from. */
export interface DimensionResult {
  /** Mean rating × 10 (10-100); `null` when nobody rated the dimension. */
  readonly score: number | null;
  /** How many ratings of the dimension the score is the mean of. */
  readonly count: number;
}

/** One module's results: its dimensions, its own overall score, ranking, levels and drivers. */
export interface ModuleScorecard {
  /** Responses that rated at least one dimension of the module. */
  readonly rated: number;
  /** Per dimension of the module (every one listed, rated or not). */
  readonly dimensions: Readonly<Record<string, DimensionResult>>;
  /**
   * The module's overall score: the weighted mean of its rated dimensions' scores (for the service module, the CSI); `null` when none was rated.
   */
  readonly overall: number | null;
  /** The module's rated dimensions by score, best first; equal scores share a rank (1, 2, 2, 4). */
  readonly ranking: readonly DimensionRank[];
  /** Per dimension, each level as a share of the customers reached. */
  readonly levels: Readonly<Record<string, LevelShares>>;
  /**
   * The module's reason codes as a Pareto, each with its share of the customers reached; `main` marks the fewest top reasons making up the main-driver share (80%).
   */
  readonly drivers: readonly Driver[];
}

/**
 * One period of the survey trend (the last of the six phases: track the change over time).
 * Periods without responses but with contacts still appear, with `null` scores.
 */
export interface SurveyTrendRow {
  /** The period (`2026-11`, `2026-Q4`…, at the report's granularity and offset); rows sort in time order. */
  readonly period: string;
  /** Survey responses recorded in the period. */
  readonly responses: number;
  /** Each service dimension's score in the period. */
  readonly dimensions: Readonly<Record<string, DimensionResult>>;
  /** The CSI of the period's responses; `null` when no service dimension was rated. */
  readonly overall: number | null;
  /** The product-quality module's overall score in the period. */
  readonly productQuality: number | null;
  /** `overall` minus the previous row's (the previous period with responses); `null` for the first or when either is unrated. */
  readonly change: number | null;
  /** Customers the surveys set out to reach whose contact falls in the period. */
  readonly attempted: number;
  /** Of those, the customers reached. */
  readonly reached: number;
}

export interface SurveyAnalytics extends ModuleScorecard {
  /** Every survey response (outside complaints and with follow-ups). */
  readonly responses: number;
  /** Customers attempted, reached and answering, attempts, and their split by method and outcome. */
  readonly reach: SurveyReach;
  /** Customers reached who rated anything 4 or less. */
  readonly dissatisfied: Rate;
  /** The product-quality module (performance, function, operation), scored apart: never part of the CSI. */
  readonly productQuality: ModuleScorecard;
  /** Per period with responses or contacts, in time order: scores, the CSI's change, and reach. */
  readonly trend: readonly SurveyTrendRow[];
  /** Reason codes given (both modules), most frequent first. */
  readonly reasons: readonly { readonly dimension: string; readonly reason: string; readonly count: number }[];
}

export interface SurveyInputs {
  readonly responses: readonly SurveyResponse[];
  readonly contacts: readonly ResolvedContact[];
  readonly config: CsiConfig;
  readonly period: PeriodOptions;
  readonly mainDriverShare?: number;
}

function scorecard(module: ModuleConfig, responses: readonly SurveyResponse[], reached: number, mainShare: number | undefined): ModuleScorecard {
  const ids = new Set(module.dimensions.map((d) => d.id));
  const s = scoreRatings(module, responses.flatMap((r) => r.ratings));
  return {
    rated: responses.filter((r) => r.ratings.some((x) => ids.has(x.dimension))).length,
    dimensions: s.dimensions,
    overall: s.overall.score,
    ranking: rankDimensions(module, s.dimensions),
    levels: levelShares(responses, [...ids], reached),
    drivers: drivers(responses, module, reached, mainShare),
  };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function trend(inputs: SurveyInputs): SurveyTrendRow[] {
  const { config, period } = inputs;
  const responses = groupBy(inputs.responses, (r) => periodOf(r.at, period));
  const contacts = groupBy(inputs.contacts, (c) => periodOf(c.at, period));
  const periods = [...new Set([...responses.keys(), ...contacts.keys()])].sort();
  let previous: number | null = null;
  return periods.map((p) => {
    const rs = responses.get(p) ?? [];
    const cs = contacts.get(p) ?? [];
    const s = scoreRatings(config, rs.flatMap((r) => r.ratings));
    const product = scoreRatings(config.productQuality, rs.flatMap((r) => r.ratings));
    const overall = s.overall.score;
    const change = previous === null || overall === null ? null : overall - previous;
    if (rs.length > 0) previous = overall;
    return {
      period: p,
      responses: rs.length,
      dimensions: s.dimensions,
      overall,
      productQuality: product.overall.score,
      change,
      attempted: cs.length,
      reached: cs.filter((c) => c.reached).length,
    };
  });
}

function reasonCounts(responses: readonly SurveyResponse[]): SurveyAnalytics['reasons'] {
  const counts = new Map<string, { dimension: string; reason: string; count: number }>();
  for (const r of responses) {
    for (const rating of r.ratings) {
      for (const reason of rating.reasons) {
        const key = `${rating.dimension}\u0000${reason}`;
        const row = counts.get(key) ?? { dimension: rating.dimension, reason, count: 0 };
        row.count++;
        counts.set(key, row);
      }
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1));
}

export function surveyAnalytics(inputs: SurveyInputs): SurveyAnalytics {
  const { responses, config } = inputs;
  const reach = surveyReach(inputs.contacts);
  const service = scorecard(moduleOf(config, 'service'), responses, reach.reached, inputs.mainDriverShare);
  const known = new Set(allDimensions(config).map((d) => d.id));
  return {
    ...service,
    responses: responses.length,
    reach,
    dissatisfied: dissatisfiedShare(
      responses.map((r) => ({ ...r, ratings: r.ratings.filter((x) => known.has(x.dimension)) })),
      reach.reached,
    ),
    productQuality: scorecard(moduleOf(config, 'productQuality'), responses, reach.reached, inputs.mainDriverShare),
    trend: trend(inputs),
    reasons: reasonCounts(responses),
  };
}
