import { sequentialIds } from '@redress/core';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analytics/analyze.js';
import { rebuildAnalytics } from '../analytics/rebuild.js';
import { createImprovementRunner } from '../benchmark/raise.js';
import { defineLoyaltyInput } from '../loyalty/schema.js';
import { DAY, harness, live, START } from '../test-support/harness.js';
import { renderReport } from './render.js';

const staff = { id: 'fu-wu', role: 'followUpStaff' } as const;

/** A quarter of a small network: three stations surveyed, one far below the others, one customer never reached; a complaint followed up by phone. */
async function network() {
  const h = harness();
  const scores: [string, number, string[]][] = [
    ['Pudong', 9, []],
    ['Pudong', 9, []],
    ['Minhang', 8, []],
    ['Jiading', 4, ['lateArrival']],
  ];
  let i = 0;
  for (const [branch, score, reasons] of scores) {
    const surveyId = `q-${++i}`;
    const of = { kind: 'survey' as const, surveyId, programme: 'quarterly' as const, customer: { reference: `cust-${i}` }, branch };
    await h.desk.attempt({ type: 'RecordSurveyAttempt', actor: staff, data: { of, method: 'telephone', outcome: 'reached' } });
    const r = await h.desk.record({
      type: 'RecordSurvey',
      surveyId,
      actor: staff,
      data: {
        programme: 'quarterly',
        customer: { reference: `cust-${i}` },
        branch,
        ratings: [
          { dimension: 'timeliness', score, reasons },
          { dimension: 'performance', score: 7 },
        ],
      },
    });
    if (!r.ok) throw r.error;
  }
  await h.desk.attempt({
    type: 'RecordSurveyAttempt',
    actor: staff,
    data: { of: { kind: 'survey', surveyId: 'q-9', programme: 'quarterly', customer: { reference: 'cust-9' }, branch: 'Jiading' }, method: 'telephone', outcome: 'noAnswer' },
  });
  await live(h, 'c-1', { customer: 'cust-1', branch: 'Pudong', ratings: [{ dimension: 'attitude', score: 10 }] });
  h.clock.advance(100 * DAY);
  await createImprovementRunner({ store: h.store, clock: h.clock, ids: sequentialIds('imp') }).run();
  const loyalty = defineLoyaltyInput({ from: START, to: h.clock.now().toISOString(), customers: [{ customer: 'cust-1', purchases: [new Date(Date.parse(START) + DAY).toISOString()] }, { customer: 'cust-2' }] });
  if (!loyalty.ok) throw loyalty.error;
  return analyze(await rebuildAnalytics(h.store), { loyalty: loyalty.value });
}

const section = (md: string, heading: string) => md.split(/\n(?=###? )/).find((s) => s.startsWith(`### ${heading}`)) ?? '';

describe('the report’s survey, benchmark, staff and loyalty sections', () => {
  it('render in English, every percentage with its base', async () => {
    const md = renderReport(await network());
    const reach = section(md, 'Survey reach');
    expect(reach).toContain('| Customers attempted | 6 |');
    expect(reach).toContain('| Customers reached | 5 |');
    expect(reach).toContain('| Response rate (of customers reached) | 100.0% (5/5) |');
    expect(reach).toContain('| Reach rate (of customers attempted) | 83.3% (5/6) |');
    // The follow-up's channel (phone) makes it a telephone survey; the unreached call is an attempt, not a customer reached.
    expect(reach).toContain('| Telephone | 6 | 5 | 5 | 5 |');
    // Timeliness: 9, 9, 8, 4 from the four surveys; the follow-up's customer did not rate it.
    expect(section(md, 'Satisfaction (CSI)')).toContain('| Timeliness | 40.0% (2/5) | 20.0% (1/5) | 0.0% (0/5) | 20.0% (1/5) | 0.0% (0/5) | 20.0% (1/5) |');
    expect(section(md, 'Satisfaction (CSI)')).toContain('| Timeliness | 75.0 | 2 | 4 |');
    expect(md).toContain('| Timeliness | Late arrival | 1 | 20.0% (1/5) | 100.0% | 100.0% | ✔ |');
    expect(section(md, 'Product quality')).toContain('| Performance | 70.0 | 1 | 4 |');
    const benchmark = section(md, 'Benchmark against the network average');
    // Attitude 100 (the follow-up) and timeliness 75: 87.5; 10% below it is 78.75.
    expect(benchmark).toContain('| Network average (CSI of every response) | 87.5 |');
    expect(benchmark).toContain('| Lowest score not flagged | 78.8 |');
    expect(benchmark).toContain('| Pudong | 95.0 | 3 | 1 | -8.6% | Within range |');
    expect(benchmark).toContain('| Minhang | 80.0 | 1 | 2 | 8.6% | Within range |');
    expect(benchmark).toContain('| Jiading | 40.0 | 1 | 3 | 54.3% | Improvement needed |');
    expect(section(md, 'Improvement actions raised')).toMatch(/\| 2026-Q4 \| Jiading \| 40\.0 \| 87\.5 \| 54\.3% \| Timeliness \|/);
    const people = section(md, 'Staff assessment');
    expect(people).toContain('| h-li | 1 | 1 | 1 | 100.0% (1/1) | 0.0% (0/1) | 100.0 (1) | n/a |');
    expect(people).toContain('Promises kept: n/a until promises are recorded');
    const loyalty = section(md, 'Customer loyalty');
    expect(loyalty).toContain('| Customers at the start | 2 |');
    expect(loyalty).toContain('| Repeat-purchase rate | 50.0% (1/2) |');
    expect(loyalty).toContain('| Complaint rate (lower is better) | 50.0% (1/2) |');
    expect(loyalty).toContain('| Complained, resolved quickly | 1 | 100.0% (1/1) | 0.0% (0/1) |');
  });

  it('render in Simplified Chinese with the words stations use', async () => {
    const md = renderReport(await network(), { locale: 'zh-CN' });
    expect(md).toContain('### 回访情况');
    expect(md).toContain('| 调查完成率（占成功回访比例） | 100.0% (5/5) |');
    expect(md).toContain('#### 各满意度等级（占成功回访比例）');
    expect(md).toContain('| 服务及时性 | 到达不及时 | 1 | 20.0% (1/5) |');
    expect(md).toContain('### 产品质量');
    expect(md).toContain('| 性能 | 70.0 | 1 | 4 |');
    expect(md).toContain('| Jiading | 40.0 | 1 | 3 | 54.3% | 需流程改进 |');
    expect(md).toContain('### 已发起的改进措施');
    expect(md).toContain('### 人员考核');
    expect(md).toMatch(/\| h-li \| 1 \| 1 \| 1 \| .* \| 不适用 \|/);
    expect(md).toContain('| 客户流失率 | 0.0% (0/2) |');
    expect(md).not.toMatch(/Telephone|Improvement needed|Churn rate/);
  });
});
