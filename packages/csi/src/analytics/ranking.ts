/** Dimensions ranked by score, best first: where the station does well, where it must improve. */
import type { ModuleConfig } from '../dimensions/config.js';

/** A dimension's place in its module's ranking: where the station does well, and where it must improve. */
export interface DimensionRank {
  /** The dimension's id. */
  readonly dimension: string;
  /** Its score (mean rating × 10, 10-100) in the slice. */
  readonly score: number;
  /** 1 for the best; equal scores share a rank (1, 2, 2, 4). */
  readonly rank: number;
}

/** The rated dimensions of a module by score, best first; ties in the module's order. Unrated dimensions are left out. */
export function rankDimensions(module: ModuleConfig, scores: Readonly<Record<string, { readonly score: number | null }>>): DimensionRank[] {
  const rated = module.dimensions.flatMap((d) => {
    const score = scores[d.id]?.score;
    return score === null || score === undefined ? [] : [{ dimension: d.id, score }];
  });
  // A stable sort keeps the module's order among equal scores. Equal means of ratings are equal
  // doubles (division is correctly rounded), so ties need no tolerance here.
  const sorted = [...rated].sort((a, b) => b.score - a.score);
  return sorted.map((r) => ({ ...r, rank: sorted.findIndex((x) => x.score === r.score) + 1 }));
}
