import { rebuildProjection } from '@redress/core';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analytics/analyze.js';
import { analyticsProjection } from '../analytics/facts.js';
import { harness, live } from '../test-support/harness.js';
import { REPORT_LABELS } from './labels.js';
import { paretoSvg, renderReport } from './render.js';

async function report() {
  const h = harness();
  await live(h, 'c-1', { cause: 'repairQuality', ratings: [{ dimension: 'timeliness', score: 8 }, { dimension: 'skill', score: 6 }] });
  await live(h, 'c-2', { cause: 'repairQuality', until: 'executed' });
  await live(h, 'c-3', { cause: 'price', handler: 'h-zhao', until: 'planned' });
  return analyze((await rebuildProjection(h.store, analyticsProjection())).state);
}

describe('the report', () => {
  it('renders the measures, the Pareto of causes with bars, scores and workload in English', async () => {
    const md = renderReport(await report());
    expect(md).toContain('## Complaints and satisfaction');
    expect(md).toContain('| Complaints | 3 |');
    expect(md).toContain('| Repair quality | 2 | 66.7% | 66.7% | ████████████████████████ |');
    expect(md).toContain('| Price | 1 | 33.3% | 100.0% | ████████████ |');
    expect(md).toContain('| Timeliness | 80.0 | 1 | 1 |');
    expect(md).toContain('| Service skill | 60.0 | 2 | 1 |');
    expect(md).toContain('| Parts supply | n/a | n/a | 0 |');
    expect(md).toContain('| Remedy executed by the agreed deadline | 100.0% (2/2) |');
    expect(md).toMatch(/\| h-li \| 1 \| 2 \| 1 \| 0 \|/);
  });

  it('renders in Simplified Chinese with the domain’s words', async () => {
    const md = renderReport(await report(), { locale: 'zh-CN' });
    expect(md).toContain('## 投诉处理与客户满意度');
    expect(md).toContain('| 维修质量 | 2 |');
    expect(md).toContain('| 服务及时性 | 80.0 | 1 | 1 |');
    expect(md).toContain('执行后3天内回访');
    expect(md).not.toContain('Repair quality');
  });

  it('labels every report word in both languages, nested choices (methods, outcomes, experiences) included', () => {
    const leaves = (o: object, path = ''): [string, string][] =>
      Object.entries(o).flatMap(([k, v]): [string, string][] => (typeof v === 'string' ? [[`${path}${k}`, v]] : leaves(v as object, `${path}${k}.`)));
    const en = leaves(REPORT_LABELS.en);
    const zh = leaves(REPORT_LABELS['zh-CN']);
    expect(zh.map(([k]) => k).sort()).toEqual(en.map(([k]) => k).sort());
    for (const [key, value] of zh) expect(value.trim(), key).not.toBe('');
    // Chinese labels are Chinese: only names, codes and symbols may stay as they are.
    const untranslated = zh.filter(([k, v]) => v === en.find(([ek]) => ek === k)?.[1] && !/^(p90|\(|SLA)/.test(v)).map(([k]) => k);
    expect(untranslated).toEqual([]);
  });

  it('escapes pipes in host values so a table cannot break', async () => {
    const h = harness();
    await live(h, 'c-1', { until: 'planned' });
    const state = (await rebuildProjection(h.store, analyticsProjection())).state;
    const md = renderReport(analyze(state, { hooks: { slaResults: () => [{ rule: 'response|4h', met: true }] } }));
    expect(md).toContain('| response\\|4h | 100.0% (1/1) |');
  });

  it("puts the host's SLA rules under their own heading, not the calendar-time one, and only when there are some", async () => {
    const h = harness();
    await live(h, 'c-1', { until: 'planned' });
    const state = (await rebuildProjection(h.store, analyticsProjection())).state;
    const withRules = renderReport(analyze(state, { hooks: { slaResults: () => [{ rule: 'firstResponse4h', met: false }] } }));
    const sections = withRules.split('### ');
    const calendar = sections.find((s) => s.startsWith('Time rules (calendar time)')) ?? '';
    const external = sections.find((s) => s.startsWith('SLA rules (from your SLA clocks)')) ?? '';
    expect(calendar).not.toContain('firstResponse4h');
    expect(external).toContain('| firstResponse4h | 0.0% (0/1) |');
    expect(renderReport(analyze(state))).not.toContain('SLA rules (from your SLA clocks)');
    expect(renderReport(analyze(state, { hooks: { slaResults: () => [{ rule: 'r', met: true }] } }), { locale: 'zh-CN' })).toContain('### SLA规则（来自SLA时钟）');
  });

  it('draws the causes as an SVG bar chart', async () => {
    const svg = paretoSvg(await report(), { locale: 'zh-CN' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg).toContain('维修质量');
  });
});
