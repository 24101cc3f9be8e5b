/**
 * What it takes to reach a target score: how many respondents must move up a level.
 *
 * The rule, as the domain works it out for 38 timeliness ratings scoring 79.2
 * ("to reach 80 with the 6s and 7s unchanged, 3 more customers move from 8 to 9"):
 *
 * 1. A move takes one respondent up one level, to the lowest rating of the next level
 *    (8 → 9, 7 → 9, 6 → 7, 4 → 5, 2 → 3…). Inside the top level a 9 can still become a
 *    10, but only once nobody is left below the top level.
 * 2. Moves are made one at a time, always for a respondent with the highest rating
 *    below the top level: those nearest to the next level are the easiest to win
 *    over, so the lower ratings stay unchanged as long as possible.
 * 3. Stop as soon as the score (mean × 10) reaches the target.
 *
 * The answer is the number of moves and what they are, the score after them, and the
 * share of respondents in each level before and after. It is computed on integer
 * sums, so 80 means exactly 80 and not 79.99999.
 */
import { SATISFACTION_LEVELS, satisfactionLevelOf, type SatisfactionLevel } from '@redress/core';

export interface Move {
  readonly from: number;
  readonly to: number;
  /** How many respondents make this move. */
  readonly count: number;
}

export interface WhatItTakes {
  readonly target: number;
  readonly respondents: number;
  /** The score now (mean × 10); `null` without respondents. */
  readonly current: number | null;
  /** False when the target cannot be reached (above 100, or nobody answered). */
  readonly reachable: boolean;
  /** How many respondent moves the target needs; 0 when it is already reached. */
  readonly moves: number;
  readonly steps: readonly Move[];
  /** The score after the moves. */
  readonly after: number | null;
  /** The share (0-1) of respondents in each level, before and after the moves. */
  readonly shares: { readonly before: Readonly<Record<SatisfactionLevel, number>>; readonly after: Readonly<Record<SatisfactionLevel, number>> };
}

/** The lowest rating of the level above `score`'s level; 10 for a 9. */
function nextUp(score: number): number {
  if (score === 9) return 10;
  // Levels are pairs (1-2, 3-4, …, 9-10): the next level starts at the next odd number above this pair.
  return score % 2 === 1 ? score + 2 : score + 1;
}

function shares(counts: readonly number[], n: number): Record<SatisfactionLevel, number> {
  const out = Object.fromEntries(SATISFACTION_LEVELS.map((l) => [l, 0])) as Record<SatisfactionLevel, number>;
  if (n === 0) return out;
  for (let s = 1; s <= 10; s++) out[satisfactionLevelOf(s)] += (counts[s] ?? 0) / n;
  return out;
}

/** How many respondents must move up a level for these ratings (each 1-10) to score `target` (10-100). */
export function whatWouldItTake(ratings: readonly number[], target: number): WhatItTakes {
  if (!Number.isFinite(target)) throw new RangeError(`the target must be a number, got ${target}`);
  for (const r of ratings) {
    if (!Number.isInteger(r) || r < 1 || r > 10) throw new RangeError(`ratings are integers from 1 to 10, got ${r}`);
  }
  const n = ratings.length;
  const counts = Array.from({ length: 11 }, () => 0);
  for (const r of ratings) counts[r] = (counts[r] ?? 0) + 1;
  const before = shares(counts, n);
  let sum = ratings.reduce((a, b) => a + b, 0);
  const current = n === 0 ? null : (sum / n) * 10;
  // sum × 10 ≥ target × n, with a hair of tolerance for targets such as 79.2 given in decimals.
  const reached = () => sum * 10 >= target * n - 1e-9;
  if (n === 0 || target > 100) {
    return { target, respondents: n, current, reachable: false, moves: 0, steps: [], after: current, shares: { before, after: before } };
  }

  const steps: Move[] = [];
  let moves = 0;
  while (!reached()) {
    // The highest rating below the top level (8 first, then 7, …); 9s only when no one is below 9.
    let from = 0;
    for (let s = 8; s >= 1 && from === 0; s--) if ((counts[s] ?? 0) > 0) from = s;
    if (from === 0) from = 9;
    const to = nextUp(from);
    counts[from] = (counts[from] ?? 0) - 1;
    counts[to] = (counts[to] ?? 0) + 1;
    sum += to - from;
    moves++;
    const last = steps.at(-1);
    if (last && last.from === from && last.to === to) steps[steps.length - 1] = { ...last, count: last.count + 1 };
    else steps.push({ from, to, count: 1 });
  }
  return { target, respondents: n, current, reachable: true, moves, steps, after: (sum / n) * 10, shares: { before, after: shares(counts, n) } };
}
