import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CSI_CONFIG } from '../dimensions/defaults.js';
import { harness } from '../test-support/harness.js';
import { surveyResponse } from '../test-support/responses.js';
import { play, programme } from '../test-support/survey-world.js';
import { analyze } from './analyze.js';
import { drivers } from './drivers.js';
import { rankDimensions } from './ranking.js';
import { rebuildAnalytics } from './rebuild.js';

const service = DEFAULT_CSI_CONFIG.dimensions;
const reasonsOf = (dimension: string) => service.find((d) => d.id === dimension)?.reasons.map((r) => r.id) ?? [];

const response = surveyResponse;

const ratingArb = fc.constantFrom(...service.map((d) => d.id)).chain((dimension) =>
  fc.record({
    dimension: fc.constant(dimension),
    score: fc.integer({ min: 1, max: 10 }),
    // Duplicates on purpose: a customer who gives a reason twice still counts once.
    reasons: fc.array(fc.constantFrom(...reasonsOf(dimension).slice(0, 3)), { maxLength: 3 }),
  }),
);
const responsesArb = fc.array(fc.uniqueArray(ratingArb, { selector: (r) => r.dimension, maxLength: 4 }), { maxLength: 12 }).map((rs) => rs.map((ratings, i) => response(i, ratings)));

describe('the main drivers of dissatisfaction', () => {
  test.prop([responsesArb, fc.integer({ min: 0, max: 30 })])('count each reason once per customer, and the main ones are the fewest top reasons making up 80%', (responses, extra) => {
    const reached = responses.length + extra;
    const rows = drivers(responses, DEFAULT_CSI_CONFIG, reached);
    // Independent count: per (dimension, reason), the customers who gave it.
    const counts = new Map<string, number>();
    for (const r of responses) for (const key of new Set(r.ratings.flatMap((x) => x.reasons.map((reason) => `${x.dimension}/${reason}`)))) counts.set(key, (counts.get(key) ?? 0) + 1);
    expect(new Map(rows.map((d) => [`${d.dimension}/${d.reason}`, d.customers]))).toEqual(counts);
    for (const d of rows) expect(d.ofReached).toEqual({ met: d.customers, total: reached, rate: reached === 0 ? null : d.customers / reached });
    expect(rows.map((d) => d.customers)).toEqual([...counts.values()].sort((a, b) => b - a));
    // The fewest top reasons whose customers make up at least 4/5 of all reasons given (exact integers).
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    let k = 0;
    for (let sum = 0; k < sorted.length && 5 * sum < 4 * total; k++) sum += sorted[k] ?? 0;
    expect(rows.filter((d) => d.main).length).toBe(k);
    expect(rows.every((d, i) => d.main === i < k)).toBe(true);
    if (rows.length > 0) expect(rows.at(-1)?.cumulativeShare).toBeCloseTo(1, 12);
  });

  it('refuses a main-driver share outside (0, 1] with a RangeError that says so', async () => {
    const state = await rebuildAnalytics(harness().store);
    for (const share of [0, 1.5, Number.NaN]) expect(() => analyze(state, { mainDriverShare: share })).toThrow(/mainDriverShare must be in \(0, 1\]/);
    expect(analyze(state, { mainDriverShare: 1 }).surveys.drivers).toEqual([]);
  });
});

describe('the ranking of dimensions', () => {
  test.prop([fc.dictionary(fc.constantFrom(...service.map((d) => d.id)), fc.option(fc.integer({ min: 10, max: 100 })))])(
    'is best first, with a rank of 1 + the number of better scores, unrated left out',
    (scores) => {
      const given = Object.fromEntries(Object.entries(scores).map(([id, score]) => [id, { score }]));
      const ranking = rankDimensions(DEFAULT_CSI_CONFIG, given);
      const rated = Object.entries(scores).filter(([, s]) => s !== null);
      expect(ranking.map((r) => r.dimension).sort()).toEqual(rated.map(([id]) => id).sort());
      for (const r of ranking) expect(r.rank).toBe(1 + rated.filter(([, s]) => (s ?? 0) > r.score).length);
      expect(ranking.map((r) => r.score)).toEqual([...ranking.map((r) => r.score)].sort((a, b) => b - a));
    },
  );

  it('puts the product-quality module in a ranking of its own', async () => {
    const h = harness();
    await play(h, [
      {
        kind: 'survey',
        branch: undefined,
        attempts: [],
        gapHours: 1,
        taken: {
          method: 'web',
          ratings: [
            { dimension: 'skill', score: 9 },
            { dimension: 'timeliness', score: 5 },
            { dimension: 'performance', score: 4 },
            { dimension: 'operation', score: 8 },
          ],
        },
      },
    ]);
    const s = analyze(await rebuildAnalytics(h.store)).surveys;
    expect(s.ranking.map((r) => [r.dimension, r.rank])).toEqual([
      ['skill', 1],
      ['timeliness', 2],
    ]);
    expect(s.productQuality.ranking.map((r) => [r.dimension, r.rank])).toEqual([
      ['operation', 1],
      ['performance', 2],
    ]);
    expect(s.overall).toBe(70);
    expect(s.productQuality.overall).toBe(60);
  });
});

describe('the trend', () => {
  it('compares a month with the last month that had responses, skipping months with attempts only', async () => {
    const h = harness();
    const plan = (score: number | null, gapHours: number) => ({
      kind: 'survey' as const,
      branch: undefined,
      attempts: score === null ? [{ method: 'telephone' as const, outcome: 'noAnswer' as const }] : [],
      taken: score === null ? null : { method: 'web' as const, ratings: [{ dimension: 'skill', score }] },
      gapHours,
    });
    // October 80, November one missed call, December 90.
    await play(h, [plan(8, 1), plan(null, 24 * 35), plan(9, 24 * 30)]);
    const trend = analyze(await rebuildAnalytics(h.store)).surveys.trend;
    expect(trend.map((t) => [t.period, t.overall, t.change, t.attempted, t.reached])).toEqual([
      ['2026-10', 80, null, 1, 1],
      ['2026-11', null, null, 1, 0],
      ['2026-12', 90, 10, 1, 1],
    ]);
  });

  test.prop([programme], { numRuns: 20 })('splits the responses and the customers reached by period, each change the difference to the period before', async (plans) => {
    const h = harness();
    await play(h, plans);
    const s = analyze(await rebuildAnalytics(h.store)).surveys;
    expect(s.trend.reduce((n, t) => n + t.responses, 0)).toBe(s.responses);
    expect(s.trend.reduce((n, t) => n + t.reached, 0)).toBe(s.reach.reached);
    expect(s.trend.reduce((n, t) => n + t.attempted, 0)).toBe(s.reach.attempted);
    const scored = s.trend.filter((t) => t.responses > 0);
    scored.forEach((t, i) => {
      const before = scored[i - 1];
      expect(t.change).toBe(before === undefined || before.overall === null || t.overall === null ? null : t.overall - before.overall);
    });
    expect(s.trend.map((t) => t.period)).toEqual([...s.trend.map((t) => t.period)].sort());
  });
});
