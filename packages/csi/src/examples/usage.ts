import { createEngine, createInMemoryEventStore, createManualClock, sequentialIds } from '@redress/core';
import {
  analyze,
  complaintStore,
  createCsiAutomation,
  createSurveyDesk,
  dimensionScore,
  rebuildAnalytics,
  renderReport,
  roundScore,
  whatWouldItTake,
  type CsiLogEvent,
} from '@redress/csi';

// Scoring as the domain defines it: 38 ratings of timeliness score 79.2.
const timeliness = [6, 7, 7, ...Array.from({ length: 34 }, () => 8), 9];
console.log(roundScore(dimensionScore(timeliness) ?? 0));
// To reach 80 with the 6s and 7s unchanged, as the domain works it out; then the fewest customers overall.
const plan = whatWouldItTake(timeliness, 80, { unchanged: [6, 7] });
console.log(`to reach 80: ${plan.moves} customers from ${plan.steps[0]?.from} to ${plan.steps[0]?.to}`);
console.log(`or: ${whatWouldItTake(timeliness, 80).steps.map((s) => `${s.count} from ${s.from} to ${s.to}`).join(' and ')}`);

// One log for complaints and surveys; the engine sees its complaints, the survey desk its surveys.
const store = createInMemoryEventStore<CsiLogEvent>();
const clock = createManualClock('2026-11-23T09:00:00+08:00');
const engine = createEngine({ store: complaintStore(store), clock, ids: sequentialIds('ev') });
const desk = createSurveyDesk({ store, clock, ids: sequentialIds('sv') });

// The quarterly follow-up of every customer finds an unhappy one: a hidden complaint.
await desk.record({
  type: 'RecordSurvey',
  surveyId: 'q4-cust-7',
  actor: { id: 'fu-wu', role: 'followUpStaff' },
  data: {
    programme: 'quarterly',
    customer: { reference: 'cust-7' },
    branch: 'Pudong',
    ratings: [
      { dimension: 'timeliness', score: 3, reasons: ['lateArrival'] },
      { dimension: 'attitude', score: 9 },
    ],
  },
});
const { hidden } = await createCsiAutomation({ engine, store, clock }).catchUp();
console.log(hidden.map((h) => (h.result.ok ? h.result.value.complaintId : h.result.error.kind)).join(', '));

// Analytics from the log, and the report in Simplified Chinese.
const report = analyze(await rebuildAnalytics(store));
console.log(report.complaints, report.hidden.rate, report.surveys.overall);
console.log(renderReport(report, { locale: 'zh-CN' }).split('\n').slice(0, 14).join('\n'));
