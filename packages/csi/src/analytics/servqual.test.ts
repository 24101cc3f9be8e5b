import { DEFAULT_SERVQUAL_FACTOR_OF_CAUSE } from '@redress/core';
import { describe, expect, it } from 'vitest';
import { renderReport, paretoSvg } from '../report/render.js';
import { harness, HOUR, live, type Harness } from '../test-support/harness.js';
import { analyze } from './analyze.js';
import { rebuildAnalytics } from './rebuild.js';
import { sliceBy } from './slice-by.js';

/** A cause identified the way events were recorded before SERVQUAL factors: without one. */
async function causeWithoutFactor(h: Harness, complaintId: string, cause: 'environment' | 'price'): Promise<void> {
  const stream = await h.store.readStream(complaintId);
  await h.store.append(complaintId, stream.length, [
    {
      type: 'CauseIdentified',
      data: { cause, findings: 'Recorded by an older version' },
      eventId: `old-${complaintId}`,
      occurredAt: h.clock.now().toISOString(),
      actor: { id: 'h-li', role: 'handler' },
      causationId: `old-${complaintId}`,
      correlationId: `old-${complaintId}`,
      schemaVersion: 1,
    },
  ]);
}

async function station(): Promise<Harness> {
  const h = harness();
  // Reliability twice (repair quality by default), empathy once by the handler's choice (a price
  // complaint that was really about how the customer was treated), assurance once by default.
  await live(h, 'c-1', { cause: 'repairQuality', ratings: [{ dimension: 'attitude', score: 6 }] });
  await live(h, 'c-2', { cause: 'productQuality', until: 'planned' });
  await live(h, 'c-3', { cause: 'price', servqualFactor: 'empathy', until: 'planned' });
  await live(h, 'c-4', { cause: 'communication', until: 'planned' });
  // An older event: the cause's default factor (environment → tangibles).
  await live(h, 'c-5', { until: 'investigating' });
  h.clock.advance(HOUR);
  await causeWithoutFactor(h, 'c-5', 'environment');
  // No cause yet.
  await live(h, 'c-6', { until: 'received' });
  return h;
}

describe('analytics by SERVQUAL factor', () => {
  it('counts complaints per factor of their latest cause, largest first, the default factor for older events', async () => {
    const h = await station();
    const a = analyze(await rebuildAnalytics(h.store));
    expect(DEFAULT_SERVQUAL_FACTOR_OF_CAUSE.price).toBe('assurance');
    expect(a.byServqualFactor).toEqual([
      { factor: 'reliability', count: 2, share: 2 / 6, cumulativeShare: 2 / 6 },
      { factor: 'tangibles', count: 1, share: 1 / 6, cumulativeShare: 3 / 6 },
      { factor: 'assurance', count: 1, share: 1 / 6, cumulativeShare: 4 / 6 },
      { factor: 'empathy', count: 1, share: 1 / 6, cumulativeShare: 5 / 6 },
      { factor: 'unknown', count: 1, share: 1 / 6, cumulativeShare: 1 },
    ]);
    const c3 = (await rebuildAnalytics(h.store)).complaints.get('c-3');
    expect(c3).toMatchObject({ cause: 'price', servqualFactor: 'empathy' });
  });

  it('slices by factor: each slice holds its complaints and the follow-up surveys of them', async () => {
    const h = await station();
    const state = await rebuildAnalytics(h.store);
    const slices = sliceBy(state, 'servqualFactor');
    expect(slices.map((s) => [s.value, s.analytics.complaints, s.analytics.surveys.responses])).toEqual([
      ['assurance', 1, 0],
      ['empathy', 1, 0],
      ['reliability', 2, 1],
      ['tangibles', 1, 0],
      [null, 1, 0],
    ]);
    const reliability = slices.find((s) => s.value === 'reliability')?.analytics;
    expect(reliability?.byCause.map((r) => [r.cause, r.count])).toEqual([
      ['repairQuality', 1],
      ['productQuality', 1],
    ]);
    expect(analyze(state, { filter: { servqualFactor: 'empathy' } }).byCause.map((r) => r.cause)).toEqual(['price']);
  });

  it('follows the latest cause: a cause found again under another factor moves the complaint', async () => {
    const h = harness();
    await live(h, 'c-1', { until: 'investigating' });
    for (const cause of ['repairQuality', 'repairDuration'] as const) {
      await h.engine.executeOrThrow({ type: 'IdentifyCause', complaintId: 'c-1', actor: { id: 'h-li', role: 'handler' }, data: { cause, findings: 'Found' } });
    }
    const a = analyze(await rebuildAnalytics(h.store));
    expect(a.byServqualFactor.map((r) => [r.factor, r.count])).toEqual([['responsiveness', 1]]);
  });

  it('is in the report, in English and in Chinese, and in the SVG chart', async () => {
    const h = await station();
    const a = analyze(await rebuildAnalytics(h.store));
    const en = renderReport(a);
    expect(en).toContain('### Complaints by service-quality factor (SERVQUAL, Pareto)');
    expect(en).toContain('| Reliability | 2 | 33.3% | 33.3% | ████████████████████████ |');
    expect(en).toContain('| Empathy | 1 | 16.7% | 83.3% | ████████████ |');
    expect(en).toContain('| Cause not identified yet | 1 | 16.7% | 100.0% | ████████████ |');
    const zh = renderReport(a, { locale: 'zh-CN' });
    expect(zh).toContain('### 服务质量要素分布（SERVQUAL，帕累托）');
    expect(zh).toContain('| 信赖度 | 2 | 33.3% | 33.3% |');
    expect(zh).toContain('| 同理度 | 1 | 16.7% | 83.3% |');
    const svg = paretoSvg(a, { locale: 'zh-CN', of: 'servqualFactor' });
    expect(svg.match(/<rect /g)).toHaveLength(5);
    expect(svg).toContain('有形度');
  });
});
