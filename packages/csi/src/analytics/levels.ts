/**
 * How the ratings of each dimension spread over the five levels, as shares of the
 * customers reached (占成功回访比例), the material's base for every percentage: a
 * customer reached who did not rate the dimension (declined, or skipped it) is in the
 * base and in `notRated`, so the five levels and `notRated` add up to the customers reached.
 */
import { SATISFACTION_LEVELS, satisfactionLevelOf, type SatisfactionLevel } from '@redress/core';
import type { SurveyResponse } from './facts.js';
import { rate, type Rate } from './stats.js';

/**
 * How one dimension's ratings spread over the five levels, each level and the customers who did
 * not rate it as a share of the customers reached: together they add up to the customers reached.
 */
export interface LevelShares {
  /**
   * Per level (very satisfied 10-9, satisfied 8-7, average 6-5, dissatisfied 4-3, very dissatisfied 2-1): the customers whose rating falls in it, of the customers reached.
   */
  readonly levels: Readonly<Record<SatisfactionLevel, Rate>>;
  /**
   * Customers reached who did not rate the dimension (declined, skipped it, or their follow-up had no survey), of the customers reached.
   */
  readonly notRated: Rate;
}

/**
 * Each dimension's `LevelShares` over these responses, with `reached` as the base (the customers
 * reached in the slice, not the responses: a customer reached who gave no rating still counts).
 */
export function levelShares(responses: readonly SurveyResponse[], dimensions: readonly string[], reached: number): Record<string, LevelShares> {
  const out: Record<string, LevelShares> = {};
  for (const dimension of dimensions) {
    const counts = Object.fromEntries(SATISFACTION_LEVELS.map((l) => [l, 0])) as Record<SatisfactionLevel, number>;
    let rated = 0;
    for (const r of responses) {
      const rating = r.ratings.find((x) => x.dimension === dimension);
      if (!rating) continue;
      counts[satisfactionLevelOf(rating.score)]++;
      rated++;
    }
    const levels = Object.fromEntries(SATISFACTION_LEVELS.map((l) => [l, rate(counts[l], reached)])) as Record<SatisfactionLevel, Rate>;
    out[dimension] = { levels, notRated: rate(reached - rated, reached) };
  }
  return out;
}

/** Customers reached who rated any dimension dissatisfied or very dissatisfied (4 or less): the unhappy ones the 100% follow-up looks for. */
export function dissatisfiedShare(responses: readonly SurveyResponse[], reached: number): Rate {
  return rate(responses.filter((r) => r.ratings.some((x) => x.score <= 4)).length, reached);
}
