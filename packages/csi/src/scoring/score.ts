/**
 * Scoring exactly as the domain defines it (CSI, 客户满意度): a dimension's score is
 * the mean rating × 10, so 10-100; the overall score is the weighted mean of the
 * dimension scores (the arithmetic mean with the default equal weights).
 */
import type { ModuleConfig } from '../dimensions/config.js';

/**
 * A dimension's score from its ratings (each 1-10): mean × 10, so 10-100. `null` when nobody
 * rated it, never 0, so an unrated dimension cannot drag an average down. Exact: round only for
 * display (`roundScore`).
 *
 * @example The domain's worked example: one 6, two 7s, thirty-four 8s and one 9.
 * ```ts
 * const timeliness = [6, 7, 7, ...Array.from({ length: 34 }, () => 8), 9];
 * dimensionScore(timeliness); // 79.210… (301 / 38 × 10)
 * roundScore(dimensionScore(timeliness) ?? 0); // 79.2
 * ```
 */
export function dimensionScore(ratings: readonly number[]): number | null {
  if (ratings.length === 0) return null;
  let sum = 0;
  for (const r of ratings) sum += r;
  return (sum / ratings.length) * 10;
}

/** Rounds a score for display, to one decimal by default, as the domain quotes them (79.2). */
export function roundScore(score: number, decimals = 1): number {
  const f = 10 ** decimals;
  return Math.round(score * f) / f;
}

/**
 * A module's overall score (the CSI for the service module), with the dimensions it had to leave
 * out: a score over three of five dimensions reads differently from one over all five, so the
 * gap is reported rather than hidden.
 */
export interface OverallScore {
  /** The weighted mean of the rated dimensions' scores; `null` when no dimension was rated. */
  readonly score: number | null;
  /** Dimensions left out because nobody rated them: their weight is spread over the others. */
  readonly unrated: readonly string[];
}

/**
 * The overall score: Σ weightᵢ × scoreᵢ / Σ weightᵢ over the dimensions that have a
 * score. Dividing by the weights actually used means an unrated dimension neither
 * counts as 0 nor distorts the others; with every dimension rated the divisor is 1.
 * Scores for dimensions the configuration does not know are ignored. `config` is a module:
 * the whole `CsiConfig` scores the service dimensions, `config.productQuality` the product.
 */
export function overallScore(config: ModuleConfig, scores: Readonly<Record<string, number | null | undefined>>): OverallScore {
  let weighted = 0;
  let weights = 0;
  const unrated: string[] = [];
  for (const d of config.dimensions) {
    const s = scores[d.id];
    if (s === null || s === undefined) {
      unrated.push(d.id);
      continue;
    }
    weighted += d.weight * s;
    weights += d.weight;
  }
  return { score: weights === 0 ? null : weighted / weights, unrated };
}

/**
 * What `scoreRatings` returns for one module: each configured dimension's score and rating count,
 * and the module's overall score.
 */
export interface SurveyScores {
  /**
   * Per configured dimension id: the score (mean rating × 10, 10-100; `null` when `count` is 0) and
   * how many ratings it was computed from. Every dimension of the module has an entry, rated or not.
   */
  readonly dimensions: Readonly<Record<string, { readonly score: number | null; readonly count: number }>>;
  /** The weighted mean of the rated dimensions' scores (see `overallScore`). */
  readonly overall: OverallScore;
}

/** Scores of a set of ratings (from one survey or many): per dimension of the module, then overall; ratings of other modules are ignored. */
export function scoreRatings(config: ModuleConfig, ratings: Iterable<{ readonly dimension: string; readonly score: number }>): SurveyScores {
  const byDimension = new Map<string, number[]>(config.dimensions.map((d) => [d.id, []]));
  for (const r of ratings) byDimension.get(r.dimension)?.push(r.score);
  const dimensions: Record<string, { score: number | null; count: number }> = {};
  for (const [id, rs] of byDimension) dimensions[id] = { score: dimensionScore(rs), count: rs.length };
  const overall = overallScore(config, Object.fromEntries(Object.entries(dimensions).map(([id, d]) => [id, d.score])));
  return { dimensions, overall };
}
