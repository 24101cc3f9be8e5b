/**
 * What it takes to reach a target score: the fewest customers who must move up a level.
 *
 * A customer **moves** once, up one level, to the lowest rating of the next level
 * (8 → 9, 7 → 9, 6 → 7, 5 → 7, … 1 → 3), or, inside the top level, from 9 to 10. So a
 * move adds 2 points for an odd rating up to 7 and 1 point for any other rating below 10.
 * The fewest customers reaching a deficit of D points are therefore the largest gains
 * first: ⌈D/2⌉ customers while enough of them can gain 2, then one per missing point.
 * Among the answers with that many customers, this one makes the smallest change (the
 * score lands nearest the target), moves customers across a level before it turns a 9
 * into a 10, and prefers the highest ratings (those nearest the next level).
 *
 * `unchanged` keeps ratings where they are, as the domain's worked example does: 38
 * timeliness ratings score 79.2, and "to reach 80 with the 6s and 7s unchanged, 3 more
 * customers move from 8 to 9" (without the condition, a 7 and an 8 moving to 9 suffice).
 *
 * A hand-written rule, since the optimum has this closed form; a property test checks it
 * against an exhaustive search over who moves where. Sums are integers, so 80 means
 * exactly 80 and not 79.99999.
 */
import { SATISFACTION_LEVELS, satisfactionLevelOf, type SatisfactionLevel } from '@redress/core';

/**
 * Customers moving up from one rating to the lowest rating of the next level (9 to 10 inside the
 * top level): one step of a `WhatItTakes` plan.
 */
export interface Move {
  /** The rating they gave, 1-9. */
  readonly from: number;
  /** The rating they move to: `from + 2` for an odd rating up to 7, else `from + 1`. */
  readonly to: number;
  /** How many customers make this move. */
  readonly count: number;
}

/** Conditions on the plan `whatWouldItTake` draws up. */
export interface WhatItTakesOptions {
  /** Ratings whose customers stay where they are (the domain's "with the 6s and 7s unchanged"). */
  readonly unchanged?: readonly number[];
}

/**
 * The plan to reach a target score: how many customers must move up a level and which, what the
 * score becomes, the most moves could ever reach, and how the five levels' shares change. When the
 * target is already met `reachable` is true with no moves; when it cannot be met, `reachable` is
 * false, no moves, and `after` equals `current`.
 */
export interface WhatItTakes {
  /** The target score asked for, as given (10-100 is the scale; a target above `ceiling` is unreachable). */
  readonly target: number;
  /** How many ratings the plan is over (every customer, movable or `unchanged`); the base of `shares`. */
  readonly respondents: number;
  /** The score now (mean × 10); `null` without respondents. */
  readonly current: number | null;
  /** False when no set of moves reaches the target (above the ceiling, or nobody answered). */
  readonly reachable: boolean;
  /** How many customers must move (each moves once); 0 when the target is already reached or cannot be. */
  readonly moves: number;
  /** The moves, highest `from` first. */
  readonly steps: readonly Move[];
  /** The score after the moves. */
  readonly after: number | null;
  /** The highest score moves can reach (every customer who may move, moved); `null` without respondents. */
  readonly ceiling: number | null;
  /** The share (0-1) of respondents in each level, before and after the moves. */
  readonly shares: { readonly before: Readonly<Record<SatisfactionLevel, number>>; readonly after: Readonly<Record<SatisfactionLevel, number>> };
}

/** The rating a customer moves to: the lowest rating of the next level; 10 for a 9. */
const nextUp = (score: number): number => (score === 9 ? 10 : score % 2 === 1 ? score + 2 : score + 1);

/** Two-point movers, best first: the highest ratings, nearest the next level. */
const GAIN_2 = [7, 5, 3, 1] as const;
/** One-point movers: across a level first (highest first), a 9 becoming a 10 last. */
const GAIN_1 = [8, 6, 4, 2, 9] as const;

function shares(counts: readonly number[], n: number): Record<SatisfactionLevel, number> {
  const out = Object.fromEntries(SATISFACTION_LEVELS.map((l) => [l, 0])) as Record<SatisfactionLevel, number>;
  if (n === 0) return out;
  for (let s = 1; s <= 10; s++) out[satisfactionLevelOf(s)] += (counts[s] ?? 0) / n;
  return out;
}

function checkRating(r: number, what: string): void {
  if (!Number.isInteger(r) || r < 1 || r > 10) throw new RangeError(`${what} are integers from 1 to 10, got ${r}`);
}

/** Takes up to `wanted` customers from the ratings in `order`, in that order, as moves. */
function take(counts: number[], order: readonly number[], wanted: number, steps: Move[]): void {
  let left = wanted;
  for (const from of order) {
    const count = Math.min(left, counts[from] ?? 0);
    if (count === 0) continue;
    steps.push({ from, to: nextUp(from), count });
    left -= count;
  }
}

/**
 * The fewest customers who must move up a level for these ratings (each 1-10) to score `target`
 * (10-100), and which; see the module comment for the rule and the tie-breaks.
 *
 * @throws RangeError when a rating or an `unchanged` rating is not an integer from 1 to 10, or
 * the target is not a finite number (a programming error, not a survey's content).
 * @example The domain's worked example: 38 timeliness ratings score 79.2; to reach 80 with the
 * 6s and 7s unchanged, three customers move from 8 to 9 ("very satisfied" 2.6% → 10.5%).
 * ```ts
 * const timeliness = [6, 7, 7, ...Array.from({ length: 34 }, () => 8), 9];
 * const plan = whatWouldItTake(timeliness, 80, { unchanged: [6, 7] });
 * plan.moves; // 3
 * plan.steps; // [{ from: 8, to: 9, count: 3 }]
 * roundScore(plan.after ?? 0); // 80
 * whatWouldItTake(timeliness, 80).steps; // [{ from: 8, to: 9, count: 1 }, { from: 7, to: 9, count: 1 }]
 * ```
 */
export function whatWouldItTake(ratings: readonly number[], target: number, options: WhatItTakesOptions = {}): WhatItTakes {
  if (!Number.isFinite(target)) throw new RangeError(`the target must be a number, got ${target}`);
  for (const r of ratings) checkRating(r, 'ratings');
  const unchanged = new Set(options.unchanged ?? []);
  for (const r of unchanged) checkRating(r, 'unchanged ratings');

  const n = ratings.length;
  const counts = Array.from({ length: 11 }, () => 0);
  for (const r of ratings) counts[r] = (counts[r] ?? 0) + 1;
  const movable = counts.map((c, r) => (unchanged.has(r) ? 0 : c));
  const sum = ratings.reduce((a, b) => a + b, 0);
  const twos = GAIN_2.reduce((a, r) => a + (movable[r] ?? 0), 0);
  const ones = GAIN_1.reduce((a, r) => a + (movable[r] ?? 0), 0);
  const before = shares(counts, n);
  const current = n === 0 ? null : (sum / n) * 10;
  const ceiling = n === 0 ? null : ((sum + 2 * twos + ones) / n) * 10;
  const unreachable = { target, respondents: n, current, reachable: false, moves: 0, steps: [], after: current, ceiling, shares: { before, after: before } };
  if (n === 0) return unreachable;

  // Points missing: the least integer D with (sum + D) × 10 ≥ target × n; a hair of tolerance
  // for targets given in decimals (79.2).
  const deficit = Math.max(0, Math.ceil((target * n - 1e-9) / 10 - sum));
  if (deficit > 2 * twos + ones) return unreachable;
  const customers = deficit <= 2 * twos ? Math.ceil(deficit / 2) : twos + (deficit - 2 * twos);
  // With `customers` fixed, x two-point and y one-point movers: x + y = customers,
  // 2x + y ≥ deficit, so x ≥ deficit − customers; the fewest two-point movers add the least,
  // unless there are too few one-point movers.
  const x = Math.max(deficit - customers, customers - ones);
  const steps: Move[] = [];
  take(movable, GAIN_2, x, steps);
  take(movable, GAIN_1, customers - x, steps);
  steps.sort((a, b) => b.from - a.from);

  const after = [...counts];
  for (const s of steps) {
    after[s.from] = (after[s.from] ?? 0) - s.count;
    after[s.to] = (after[s.to] ?? 0) + s.count;
  }
  const moved = sum + steps.reduce((a, s) => a + (s.to - s.from) * s.count, 0);
  return { target, respondents: n, current, reachable: true, moves: customers, steps, after: (moved / n) * 10, ceiling, shares: { before, after: shares(after, n) } };
}
