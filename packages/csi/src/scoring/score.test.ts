import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { defineCsiConfig, type CsiConfig, type ModuleConfig } from '../dimensions/config.js';
import { DEFAULT_CSI_CONFIG } from '../dimensions/defaults.js';
import { TIMELINESS_38 } from '../test-support/examples.js';
import { dimensionScore, overallScore, roundScore, scoreRatings } from './score.js';

const rating = fc.integer({ min: 1, max: 10 });
const ratings = fc.array(rating, { minLength: 1, maxLength: 200 });

describe('a dimension score is the mean rating × 10', () => {
  it('gives 79.2 for the worked example', () => {
    expect(TIMELINESS_38).toHaveLength(38);
    const score = dimensionScore(TIMELINESS_38);
    expect(score).toBeCloseTo(301 / 3.8, 10);
    expect(roundScore(score ?? 0)).toBe(79.2);
  });

  it('is null when nobody rated the dimension', () => {
    expect(dimensionScore([])).toBeNull();
  });

  test.prop([ratings])('stays within [10, 100]', (rs) => {
    const s = dimensionScore(rs) ?? Number.NaN;
    expect(s).toBeGreaterThanOrEqual(10);
    expect(s).toBeLessThanOrEqual(100);
  });
});

describe('the overall score is the weighted mean of the dimension scores', () => {
  const scoresOf = (values: readonly number[]) => Object.fromEntries(DEFAULT_CSI_CONFIG.dimensions.map((d, i) => [d.id, values[i] ?? null]));

  it('is the arithmetic mean of the five with the default 20% weights', () => {
    expect(overallScore(DEFAULT_CSI_CONFIG, scoresOf([80, 90, 79.2, 60, 70])).score).toBeCloseTo((80 + 90 + 79.2 + 60 + 70) / 5, 10);
  });

  it('weighs each dimension by its configured weight', () => {
    const config = defineCsiConfig({
      dimensions: [
        { id: 'skill', weight: 0.5, labels: { en: 'Skill', 'zh-CN': '技能' } },
        { id: 'parts', weight: 0.3, labels: { en: 'Parts', 'zh-CN': '配件' } },
        { id: 'overall', weight: 0.2, labels: { en: 'Overall', 'zh-CN': '综合' } },
      ],
    });
    if (!config.ok) throw config.error;
    expect(overallScore(config.value, { skill: 100, parts: 50, overall: 10 }).score).toBeCloseTo(50 + 15 + 2, 10);
  });

  it('spreads an unrated dimension’s weight over the rated ones and says which it left out', () => {
    const result = overallScore(DEFAULT_CSI_CONFIG, { skill: 80, attitude: 60 });
    expect(result.score).toBeCloseTo(70, 10);
    expect(result.unrated).toEqual(['timeliness', 'parts', 'overall']);
    expect(overallScore(DEFAULT_CSI_CONFIG, {}).score).toBeNull();
  });

  test.prop([fc.array(ratings, { minLength: 5, maxLength: 5 })])('with equal weights, equals the mean of the dimension scores', (perDimension) => {
    const config: CsiConfig = DEFAULT_CSI_CONFIG;
    const all = perDimension.flatMap((rs, i) => rs.map((score) => ({ dimension: config.dimensions[i]?.id ?? '', score })));
    const scored = scoreRatings(config, all);
    const dims = perDimension.map((rs) => dimensionScore(rs) ?? 0);
    expect(scored.overall.score).toBeCloseTo(dims.reduce((a, b) => a + b, 0) / 5, 9);
    perDimension.forEach((rs, i) => expect(scored.dimensions[config.dimensions[i]?.id ?? '']?.count).toBe(rs.length));
  });

  const weights = fc
    .array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 8 })
    .map((ws) => ws.map((w) => w / ws.reduce((a, b) => a + b, 0)));

  test.prop([weights, fc.array(fc.option(fc.double({ min: 10, max: 100, noNaN: true }), { nil: null }), { minLength: 8, maxLength: 8 })])(
    'stays within [10, 100] whatever the weights',
    (ws, scores) => {
      const config: ModuleConfig = { dimensions: ws.map((weight, i) => ({ id: `d${i}`, weight, labels: { en: `D${i}`, 'zh-CN': `维度${i}` }, reasons: [] })) };
      const result = overallScore(config, Object.fromEntries(scores.map((s, i) => [`d${i}`, s])));
      if (result.score === null) {
        expect(scores.slice(0, ws.length).every((s) => s === null)).toBe(true);
      } else {
        expect(result.score).toBeGreaterThanOrEqual(10 - 1e-9);
        expect(result.score).toBeLessThanOrEqual(100 + 1e-9);
      }
    },
  );
});

describe('the product-quality module is scored apart', () => {
  it('leaves the service score alone, and has an overall of its own', () => {
    const service = [
      { dimension: 'skill', score: 8 },
      { dimension: 'attitude', score: 6 },
    ];
    const product = [
      { dimension: 'performance', score: 3 },
      { dimension: 'function', score: 9 },
      { dimension: 'operation', score: 6 },
    ];
    expect(scoreRatings(DEFAULT_CSI_CONFIG, [...service, ...product]).overall.score).toBe(scoreRatings(DEFAULT_CSI_CONFIG, service).overall.score);
    expect(scoreRatings(DEFAULT_CSI_CONFIG.productQuality, [...service, ...product]).overall.score).toBeCloseTo(60, 10);
    expect(scoreRatings(DEFAULT_CSI_CONFIG.productQuality, service).overall.score).toBeNull();
  });
});
