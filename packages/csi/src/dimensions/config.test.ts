import { describe, expect, it } from 'vitest';
import { checkRatings } from './check-ratings.js';
import { defineCsiConfig, equalWeights, type CsiConfigInput } from './config.js';
import { DEFAULT_CSI_CONFIG } from './defaults.js';

const HAN = /\p{Script=Han}/u;
const dim = (id: string, weight: number) => ({ id, weight, labels: { en: id, 'zh-CN': `维度${id}` } });

function refusal(input: CsiConfigInput) {
  const result = defineCsiConfig(input);
  if (result.ok) throw new Error('expected the configuration to be refused');
  return result.error.issues.map((i) => `${i.path}: ${i.message}`);
}

describe('the survey configuration', () => {
  it('defaults to the domain: five dimensions at 20% each, with their reason codes in English and Chinese', () => {
    const result = defineCsiConfig(DEFAULT_CSI_CONFIG);
    expect(result.ok).toBe(true);
    expect(DEFAULT_CSI_CONFIG.dimensions.map((d) => [d.id, d.weight, d.labels['zh-CN']])).toEqual([
      ['skill', 0.2, '服务技能'],
      ['attitude', 0.2, '服务态度'],
      ['timeliness', 0.2, '服务及时性'],
      ['parts', 0.2, '配件供应'],
      ['overall', 0.2, '服务综合'],
    ]);
    expect(DEFAULT_CSI_CONFIG.dimensions.map((d) => d.reasons.length)).toEqual([5, 8, 6, 5, 4]);
    for (const r of DEFAULT_CSI_CONFIG.dimensions.flatMap((d) => d.reasons)) expect(r.labels['zh-CN']).toMatch(HAN);
  });

  it('refuses weights that do not add up to 1', () => {
    expect(refusal({ dimensions: [dim('a', 0.5), dim('b', 0.4)] })).toEqual(['dimensions: the weights must add up to 1']);
  });

  it('refuses a weight of 0, duplicate dimensions and duplicate reason codes', () => {
    expect(refusal({ dimensions: [dim('a', 0), dim('b', 1)] })).toEqual(['dimensions[0].weight: must be more than 0']);
    expect(refusal({ dimensions: [dim('a', 0.5), dim('a', 0.5)] })).toEqual(['dimensions: dimension ids must be unique']);
    const reasons = [
      { id: 'late', labels: { en: 'Late', 'zh-CN': '迟到' } },
      { id: 'late', labels: { en: 'Late again', 'zh-CN': '又迟到' } },
    ];
    expect(refusal({ dimensions: [{ ...dim('a', 1), reasons }] })).toEqual(['dimensions[0].reasons: reason codes must be unique within a dimension']);
  });

  it('refuses an empty configuration and unknown fields', () => {
    expect(refusal({ dimensions: [] })[0]).toMatch(/at least one dimension/);
    expect(refusal({ dimensions: [{ ...dim('a', 1), colour: 'red' } as never] })[0]).toMatch(/^dimensions\[0\]/);
  });

  it('spreads equal weights that pass the sum check', () => {
    const result = defineCsiConfig({ dimensions: equalWeights([1, 2, 3, 4, 5, 6, 7].map((n) => ({ ...dim(`d${n}`, 0), reasons: [] }))) });
    expect(result.ok).toBe(true);
  });
});

describe('ratings against the configuration', () => {
  it('refuses unknown dimensions and reason codes of another dimension, naming where', () => {
    const issues = checkRatings(
      DEFAULT_CSI_CONFIG,
      [
        { dimension: 'price', score: 3 },
        { dimension: 'timeliness', score: 3, reasons: ['lateArrival', 'outOfStock'] },
      ],
      'ratings',
    );
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['ratings[0].dimension', 'unknownDimension'],
      ['ratings[1].reasons[1]', 'unknownReason'],
    ]);
  });

  it('accepts the domain’s reason codes for their own dimension', () => {
    expect(checkRatings(DEFAULT_CSI_CONFIG, [{ dimension: 'parts', score: 2, reasons: ['outOfStock', 'wrongPart'] }], 'r')).toEqual([]);
  });
});

describe('the product-quality module', () => {
  it('defaults to performance, function and operation at a third each, beside the five service dimensions', () => {
    const result = defineCsiConfig({ dimensions: DEFAULT_CSI_CONFIG.dimensions });
    if (!result.ok) throw result.error;
    expect(result.value.productQuality.dimensions.map((d) => [d.id, d.labels['zh-CN']])).toEqual([
      ['performance', '性能'],
      ['function', '功能'],
      ['operation', '操作性'],
    ]);
    expect(result.value.productQuality.dimensions.reduce((s, d) => s + d.weight, 0)).toBeCloseTo(1, 12);
  });

  it('is validated like the service dimensions, and a dimension belongs to one module only', () => {
    expect(refusal({ dimensions: [dim('a', 1)], productQuality: { dimensions: [dim('p', 0.5)] } })).toEqual(['productQuality.dimensions: the weights must add up to 1']);
    expect(refusal({ dimensions: [dim('a', 1)], productQuality: { dimensions: [] } })[0]).toMatch(/^productQuality\.dimensions: at least one/);
    expect(refusal({ dimensions: [dim('a', 1)], productQuality: { dimensions: [dim('p', 0.5), dim('a', 0.5)] } })).toEqual([
      'productQuality.dimensions[1].id: "a" is already a service dimension; a dimension belongs to one module',
    ]);
  });

  it('accepts product ratings with their own reason codes, and refuses a service reason on a product dimension', () => {
    expect(checkRatings(DEFAULT_CSI_CONFIG, [{ dimension: 'performance', score: 3, reasons: ['lowPower'] }], 'r')).toEqual([]);
    expect(checkRatings(DEFAULT_CSI_CONFIG, [{ dimension: 'operation', score: 3, reasons: ['lateArrival'] }], 'r').map((i) => i.code)).toEqual(['unknownReason']);
  });
});
