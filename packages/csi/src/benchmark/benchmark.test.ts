import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { SurveyResponse } from '../analytics/facts.js';
import { DEFAULT_CSI_CONFIG } from '../dimensions/defaults.js';
import { surveyResponse } from '../test-support/responses.js';
import { benchmark } from './benchmark.js';
import { defineBenchmarkPolicy, type BenchmarkPolicyInput } from './policy.js';

/** Exact rationals: the oracle must not share the implementation's floating point. */
interface Q {
  readonly n: bigint;
  readonly d: bigint;
}
const q = (n: bigint | number, d: bigint | number = 1n): Q => ({ n: BigInt(n), d: BigInt(d) });
const add = (a: Q, b: Q): Q => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
const mul = (a: Q, b: Q): Q => ({ n: a.n * b.n, d: a.d * b.d });
const div = (a: Q, b: Q): Q => ({ n: a.n * b.d, d: a.d * b.n });
const less = (a: Q, b: Q) => a.n * b.d < b.n * a.d;
const asNumber = (a: Q) => Number(a.n) / Number(a.d);

const DIMENSIONS = DEFAULT_CSI_CONFIG.dimensions.map((d) => d.id);

/** The CSI as defined, exactly: the mean of the rated dimensions' (mean × 10), the weights being equal. */
function exactScore(responses: readonly SurveyResponse[]): Q | null {
  const rated = DIMENSIONS.flatMap((d) => {
    const scores = responses.flatMap((r) => r.ratings.filter((x) => x.dimension === d).map((x) => x.score));
    return scores.length === 0 ? [] : [q(scores.reduce((a, b) => a + b, 0) * 10, scores.length)];
  });
  if (rated.length === 0) return null;
  return div(rated.reduce(add), q(rated.length));
}

const response = (i: number, branch: string | null, ratings: SurveyResponse['ratings']): SurveyResponse => surveyResponse(i, ratings, branch);

/** Few dimensions and scores, so that scores exactly at the threshold come up often. */
const responses = fc
  .array(
    fc.record({
      branch: fc.constantFrom('A', 'B', 'C', 'D', null),
      ratings: fc.uniqueArray(fc.record({ dimension: fc.constantFrom('skill', 'timeliness'), score: fc.constantFrom(5, 6, 7, 8, 9), reasons: fc.constant([]) }), {
        selector: (r) => r.dimension,
        maxLength: 2,
      }),
    }),
    { minLength: 1, maxLength: 14 },
  )
  .map((rs) => rs.map((r, i) => response(i, r.branch, r.ratings)));

/**
 * Worlds with a station exactly at 90% of the average (6 against others summing to 14, one
 * response each, the whole set repeated): the cases floating point gets wrong.
 */
const onTheFloor = fc
  .tuple(fc.constantFrom([7, 7], [5, 9], [4, 10], [8, 6]), fc.integer({ min: 1, max: 3 }), fc.shuffledSubarray(['A', 'B', 'C', 'D'], { minLength: 3, maxLength: 3 }))
  .map(([others, copies, names]) =>
    Array.from({ length: copies }, () => [6, ...others])
      .flat()
      .map((score, i) => response(i, names[i % 3] ?? null, [{ dimension: 'skill', score, reasons: [] }])),
  );

const thresholds = [q(1, 10), q(1, 20), q(1, 4), q(1, 3)];

describe('benchmarking stations against the network average', () => {
  test.prop([fc.oneof(responses, onTheFloor), fc.constantFrom(0, 0, 1, 2, 3), fc.constantFrom('responses', 'subjects'), fc.integer({ min: 1, max: 3 })], { numRuns: 800 })(
    'flags exactly the stations more than the threshold below the average, as exact arithmetic decides',
    (rs, t, average, minResponses) => {
      const threshold = thresholds[t] ?? q(1, 10);
      const input: BenchmarkPolicyInput = { belowAverageBy: asNumber(threshold), average, minResponses };
      const policy = defineBenchmarkPolicy(input);
      if (!policy.ok) throw policy.error;
      const result = benchmark({ surveys: rs }, { policy: policy.value });

      // Brute force: every station, its responses, its exact score, eligibility, the exact average.
      const stations = [...new Set(rs.map((r) => r.branch).filter((b): b is string => b !== null))];
      const exact = stations.map((s) => {
        const mine = rs.filter((r) => r.branch === s);
        const score = exactScore(mine);
        return { s, score, eligible: score !== null && mine.length >= minResponses };
      });
      const eligible = exact.filter((e) => e.eligible);
      const avg =
        average === 'responses'
          ? exactScore(rs)
          : eligible.length === 0
            ? null
            : div(eligible.map((e) => e.score ?? q(0)).reduce(add), q(eligible.length));
      const floor = avg && mul(avg, add(q(1), mul(q(-1), threshold)));
      const flagged = exact.filter((e) => e.eligible && floor !== null && e.score !== null && less(e.score, floor)).map((e) => e.s);

      expect(result.rows.filter((r) => r.belowThreshold).map((r) => r.subject).sort()).toEqual(flagged.sort());
      expect(result.average === null).toBe(avg === null);
      if (avg) expect(result.average).toBeCloseTo(asNumber(avg), 9);
      for (const e of exact) {
        const row = result.rows.find((r) => r.subject === e.s);
        expect(row?.eligible, e.s).toBe(e.eligible);
        // Rank: 1 + the eligible stations with an exactly higher score.
        const better = eligible.filter((o) => e.score && o.score && less(e.score, o.score)).length;
        expect(row?.rank, e.s).toBe(e.eligible ? better + 1 : null);
      }
      // Responses that name no station count in the network, never as a station.
      const unnamed = result.rows.find((r) => r.subject === null);
      expect(unnamed?.belowThreshold ?? false).toBe(false);
      expect(result.rows.reduce((n, r) => n + r.responses, 0)).toBe(rs.length);
    },
  );

  it('does not flag a station exactly 10% below the average (the material: more than 10%)', () => {
    // 70, 60, 70: the average is 66.67 and 90% of it is 60 exactly, which floating point puts a hair above 60.
    const rs = [response(1, 'A', [{ dimension: 'skill', score: 7, reasons: [] }]), response(2, 'B', [{ dimension: 'skill', score: 6, reasons: [] }]), response(3, 'C', [{ dimension: 'skill', score: 7, reasons: [] }])];
    const result = benchmark({ surveys: rs });
    expect((result.floor ?? 0) > 60).toBe(true);
    expect(result.rows.map((r) => [r.subject, r.rank, r.belowThreshold])).toEqual([
      ['A', 1, false],
      ['C', 1, false],
      ['B', 3, false],
    ]);
    const lower = benchmark({ surveys: [...rs, response(4, 'B', [{ dimension: 'skill', score: 5, reasons: [] }])] });
    expect(lower.rows.find((r) => r.subject === 'B')).toMatchObject({ score: 55, belowThreshold: true });
  });

  it('refuses a threshold outside (0, 1), an unknown subject and a minimum below 1, naming each', () => {
    const result = defineBenchmarkPolicy({ belowAverageBy: 1.5, by: 'planet', minResponses: 0 } as never);
    expect(!result.ok && result.error.issues.map((i) => i.path).sort()).toEqual(['belowAverageBy', 'by', 'minResponses']);
  });
});
