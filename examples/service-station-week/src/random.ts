/**
 * A seeded pseudo-random generator, so the same seed plays exactly the same week.
 *
 * Why not Math.random: it cannot be seeded, and the demo must print the same board
 * on every run (the test compares two runs, the docs quote the output). The numbers
 * come from pure-rand, the generator fast-check itself uses.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * Floats in [0, 1) from a seed. Stream `n` of a seed starts n jumps (2^64 draws each)
 * along the generator's sequence: streams of one seed never overlap, so what one
 * stream is used for cannot change what another draws.
 */
export function seeded(seed: number, stream = 0): () => number {
  const rng = xoroshiro128plus(seed);
  for (let i = 0; i < stream; i++) rng.jump();
  return () => uniformFloat64(rng);
}

/** The few draws the simulation needs, all from one stream of numbers. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** An index drawn in proportion to `weights`. */
  weighted(weights: readonly number[]): number;
  /** Draws like dealing cards: every item once, in a shuffled order, before any comes again. */
  deck<T>(items: readonly T[]): () => T;
}

export function createRandom(seed: number, stream = 0): Random {
  const next = seeded(seed, stream);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(0, i);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  };
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[int(0, items.length - 1)] as (typeof items)[number];
    },
    shuffle,
    weighted: (weights) => {
      const total = weights.reduce((sum, w) => sum + w, 0);
      let r = next() * total;
      for (const [i, w] of weights.entries()) {
        r -= w;
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
    deck: <T>(items: readonly T[]) => {
      if (items.length === 0) throw new RangeError('cannot deal from an empty deck');
      let hand: T[] = [];
      return () => {
        if (hand.length === 0) hand = shuffle(items);
        return hand.pop() as T;
      };
    },
  };
}
