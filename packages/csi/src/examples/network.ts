import { createInMemoryEventStore, createManualClock, sequentialIds } from '@redress/core';
import {
  analyze,
  createImprovementRunner,
  createSurveyDesk,
  defineLoyaltyInput,
  rebuildAnalytics,
  renderReport,
  type CsiLogEvent,
} from '@redress/csi';

const store = createInMemoryEventStore<CsiLogEvent>();
const clock = createManualClock('2026-10-12T09:00:00+08:00');
const desk = createSurveyDesk({ store, clock, ids: sequentialIds('sv') });
const staff = { id: 'fu-wu', role: 'followUpStaff' } as const;

// The quarter's follow-up of every customer, station by station: a call per customer, a survey when reached.
const calls = [
  { station: 'Pudong', customer: 'c-1', timeliness: 9, performance: 8 },
  { station: 'Pudong', customer: 'c-2', timeliness: 8, performance: 7 },
  { station: 'Minhang', customer: 'c-3', timeliness: 8, performance: 6 },
  { station: 'Jiading', customer: 'c-4', timeliness: 4, performance: 5 },
  { station: 'Jiading', customer: 'c-5', timeliness: null, performance: null }, // never reached
];
for (const call of calls) {
  const surveyId = `q4-${call.customer}`;
  const context = { programme: 'quarterly', customer: { reference: call.customer }, branch: call.station } as const;
  const outcome = call.timeliness === null ? 'noAnswer' : 'reached';
  await desk.attempt({ type: 'RecordSurveyAttempt', actor: staff, data: { of: { kind: 'survey', surveyId, ...context }, method: 'telephone', outcome } });
  if (call.timeliness === null || call.performance === null) continue;
  await desk.record({
    type: 'RecordSurvey',
    surveyId,
    actor: staff,
    data: {
      ...context,
      method: 'telephone',
      ratings: [
        { dimension: 'timeliness', score: call.timeliness, ...(call.timeliness <= 4 ? { reasons: ['lateArrival'] } : {}) },
        { dimension: 'performance', score: call.performance }, // the product-quality module, scored apart
      ],
    },
  });
}

// Once the quarter is over, two runners race to raise the improvement actions: Jiading's is recorded once.
clock.advance(90 * 86_400_000);
const runner = (n: number) => createImprovementRunner({ store, clock, ids: sequentialIds(`imp-${n}`) });
const raced = (await Promise.all([runner(1).run(), runner(2).run()])).flat();
console.log(raced.map((o) => `${o.period} ${o.subject}: ${o.result.ok && o.result.value.duplicate ? 'already raised' : 'raised'}`).sort().join('; '));

// The quarter's figures: every percentage of the surveys is of the customers reached.
const loyalty = defineLoyaltyInput({
  from: '2026-10-01T00:00:00+08:00',
  to: '2027-01-01T00:00:00+08:00',
  customers: [
    { customer: 'c-1', purchases: ['2026-11-02T10:00:00+08:00'] },
    { customer: 'c-4', churnedAt: '2026-12-15T10:00:00+08:00', defection: 'service' },
  ],
});
if (!loyalty.ok) throw loyalty.error;
const report = analyze(await rebuildAnalytics(store), { loyalty: loyalty.value });
const { reach, productQuality, levels } = report.surveys;
console.log(`reached ${reach.reached} of ${reach.attempted}; answered ${reach.response.met}/${reach.response.total}`);
console.log(`timeliness dissatisfied: ${levels.timeliness?.levels.dissatisfied.met}/${levels.timeliness?.levels.dissatisfied.total}`);
console.log(`CSI ${report.surveys.overall}, product quality ${productQuality.overall}`);
console.log(report.benchmark.rows.map((r) => `${r.subject} ${r.score} #${r.rank}${r.belowThreshold ? ' improve' : ''}`).join(', '));
console.log(`churn ${report.loyalty?.churn.met}/${report.loyalty?.churn.total}, repeat purchase ${report.loyalty?.repeatPurchase.met}/${report.loyalty?.repeatPurchase.total}`);
const md = renderReport(report, { locale: 'zh-CN' });
console.log(md.slice(md.indexOf('### 与全网平均水平对比'), md.indexOf('### 已发起的改进措施')).trim());
