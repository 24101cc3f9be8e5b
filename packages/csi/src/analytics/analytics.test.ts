import { createEngine, createInMemoryEventStore, createManualClock, rebuildProjection, runProjection, type ComplaintEvent } from '@redress/core';
import { describe, expect, it } from 'vitest';
import { DAY, harness, HOUR, live, wired } from '../test-support/harness.js';
import { createCsiAutomation } from '../automation/automation.js';
import { analyze } from './analyze.js';
import { sliceBy } from './slice-by.js';
import { analyticsProjection } from './facts.js';
import { periodOf } from './period.js';
import { rebuildAnalytics } from './rebuild.js';
import { durationStats, percentile } from './stats.js';

const ratings = (skill: number, timeliness: number) => [
  { dimension: 'skill', score: skill },
  { dimension: 'timeliness', score: timeliness },
];

/** A small week: five complaints with known outcomes, one quarterly survey. */
async function week() {
  const h = harness();
  // c-1: general, on time, followed up after 24 h, satisfied: a first-contact resolution.
  await live(h, 'c-1', { branch: 'Pudong', segment: 'fleet', product: { kind: 'truck' }, cause: 'repairQuality', ratings: ratings(9, 8) });
  // c-2: reopened once, then satisfied; followed up after 96 h (late).
  await live(h, 'c-2', { branch: 'Pudong', handler: 'h-zhao', cause: 'price', reopen: true, followUpAfterHours: 96, ratings: ratings(6, 5) });
  // c-3: executed after the agreed deadline, plan after 8 days.
  await live(h, 'c-3', { branch: 'Minhang', cause: 'repairQuality', deadlineHours: 12, planAfterHours: 8 * 24, until: 'executed' });
  // c-4: withdrawn; c-5: only received.
  await live(h, 'c-4', { branch: 'Minhang', until: 'withdrawn' });
  await live(h, 'c-5', { until: 'received' });
  const survey = await h.desk.record({
    type: 'RecordSurvey',
    surveyId: 'q4-1',
    actor: { id: 'fu-wu', role: 'followUpStaff' },
    data: { programme: 'quarterly', customer: { reference: 'cust-x' }, branch: 'Minhang', ratings: [{ dimension: 'parts', score: 4, reasons: ['outOfStock'] }] },
  });
  if (!survey.ok) throw survey.error;
  h.clock.advance(10 * DAY);
  return h;
}

describe('complaint analytics', () => {
  it('counts, rates and times the week as defined', async () => {
    const h = await week();
    const { state } = await rebuildProjection(h.store, analyticsProjection());
    const a = analyze(state, { asOf: h.clock.now().toISOString() });

    expect(a.complaints).toBe(5);
    expect(a.byCause).toEqual([
      { cause: 'repairQuality', count: 2, share: 0.4, cumulativeShare: 0.4 },
      { cause: 'unknown', count: 2, share: 0.4, cumulativeShare: 0.8 },
      { cause: 'price', count: 1, share: 0.2, cumulativeShare: 1 },
    ]);
    expect(a.byStep).toMatchObject({ archived: 2, followingUp: 1, withdrawn: 1, received: 1, investigating: 0 });
    expect(a.bySeverity).toEqual({ general: 3, major: 0, unclassified: 2 });
    // Executions: c-1 once, c-2 twice, c-3 once late.
    expect(a.sla.remedyOnTime).toEqual({ met: 3, total: 4, rate: 0.75 });
    // Plans: c-1, c-2 within 7 days, c-3 after 8 days; c-4 withdrawn before its deadline; c-5 past its deadline with no plan.
    expect(a.sla.planWithin7Days).toEqual({ met: 2, total: 4, rate: 0.5 });
    // Follow-ups: c-1 in 24 h; c-2 twice in 96 h; c-3 none and overdue.
    expect(a.sla.followUpWithin3Days).toEqual({ met: 1, total: 4, rate: 0.25 });
    expect(a.followUpCoverage).toEqual({ met: 1, total: 3, rate: 1 / 3 });
    expect(a.firstContactResolution).toEqual({ met: 1, total: 2, rate: 0.5 });
    expect(a.reopen).toEqual({ met: 1, total: 2, rate: 0.5 });
    expect(a.repeat).toEqual({ met: 0, total: 5, rate: 0 });
    expect(a.timeToAcknowledge.calendar).toEqual({ count: 5, medianMs: 0, p90Ms: 0 });
    expect(a.timeToAcknowledge.business).toBeNull();
    expect(a.timeToResolve.calendar.count).toBe(2);

    expect(a.surveys.responses).toBe(3);
    expect(a.surveys.dimensions.skill).toEqual({ score: 75, count: 2 });
    expect(a.surveys.dimensions.timeliness).toEqual({ score: 65, count: 2 });
    expect(a.surveys.dimensions.parts).toEqual({ score: 40, count: 1 });
    expect(a.surveys.overall).toBeCloseTo((75 + 65 + 40) / 3, 10);
    expect(a.surveys.reasons).toEqual([{ dimension: 'parts', reason: 'outOfStock', count: 1 }]);
    expect(a.handlers.map((l) => [l.handler, l.open, l.assigned, l.archived, l.reopened])).toEqual([
      ['h-li', 1, 2, 1, 0],
      ['h-zhao', 0, 1, 1, 1],
    ]);
  });

  it('plugs business time and outside SLA results in through the hooks', async () => {
    const h = await week();
    const { state } = await rebuildProjection(h.store, analyticsProjection());
    const a = analyze(state, {
      hooks: {
        businessDuration: (from, to) => (Date.parse(to) - Date.parse(from)) / 3,
        slaResults: (c) => [{ rule: 'firstResponse4h', met: c.branch === 'Pudong' }],
      },
    });
    expect(a.timeToResolve.business?.medianMs).toBe((a.timeToResolve.calendar.medianMs ?? 0) / 3);
    expect(a.sla.external).toEqual({ firstResponse4h: { met: 2, total: 5, rate: 0.4 } });
  });

  it('filters and slices by branch, product type, customer type and handler', async () => {
    const h = await week();
    const { state } = await rebuildProjection(h.store, analyticsProjection());
    expect(analyze(state, { filter: { branch: 'Pudong' } }).complaints).toBe(2);
    expect(analyze(state, { filter: { productKind: 'truck', customerSegment: 'fleet' } }).complaints).toBe(1);
    expect(analyze(state, { filter: { branch: null } }).complaints).toBe(1);
    expect(sliceBy(state, 'branch').map((s) => [s.value, s.analytics.complaints, s.analytics.surveys.responses])).toEqual([
      ['Minhang', 2, 1],
      ['Pudong', 2, 2],
      [null, 1, 0],
    ]);
    expect(sliceBy(state, 'handler').map((s) => [s.value, s.analytics.complaints])).toEqual([
      ['h-li', 2],
      ['h-zhao', 1],
      [null, 2],
    ]);
  });

  it('gives the same analytics live (fed as events are appended) and rebuilt', async () => {
    const h = harness();
    const runner = runProjection(analyticsProjection());
    const subscription = h.store.subscribe();
    const feeding = (async () => {
      for await (const e of subscription) runner.apply(e);
    })();
    await live(h, 'c-1', { reopen: true, ratings: ratings(7, 9) });
    await live(h, 'c-2', { until: 'planned' });
    await h.desk.record({ type: 'RecordSurvey', actor: { id: 'fu-wu', role: 'followUpStaff' }, data: { programme: 'adHoc', customer: { reference: 'c' }, ratings: ratings(3, 4) } });
    while (runner.checkpoint < h.store.size) await new Promise((resolve) => setImmediate(resolve));
    subscription.close();
    await feeding;
    const rebuilt = await rebuildProjection(h.store, analyticsProjection());
    expect(runner.state).toEqual(rebuilt.state);
    expect(analyze(runner.state)).toEqual(analyze(rebuilt.state));
  });
});

describe('repeat and hidden complaints in the analytics', () => {
  it('counts complaints flagged as repeats and those revealed by surveys', async () => {
    const h = harness();
    for (const id of ['c-1', 'c-2', 'c-3']) await live(h, id, { customer: 'cust-9', until: 'received' });
    await h.desk.record({
      type: 'RecordSurvey',
      surveyId: 'q4-1',
      actor: { id: 'fu-wu', role: 'followUpStaff' },
      data: { programme: 'quarterly', customer: { reference: 'cust-1' }, ratings: [{ dimension: 'skill', score: 2 }] },
    });
    await createCsiAutomation({ ...wired(h) }).catchUp(h.store);
    const a = analyze(await rebuildAnalytics(h.store));
    expect(a.complaints).toBe(4);
    expect(a.repeat).toEqual({ met: 1, total: 4, rate: 0.25 });
    expect(a.hidden).toEqual({ met: 1, total: 4, rate: 0.25 });
    expect(a.surveys.dimensions.skill).toEqual({ score: 20, count: 1 });
  });
});

describe('periods and statistics', () => {
  it('places an instant in its local day, month, quarter and year', () => {
    const at = '2026-12-31T17:30:00Z';
    expect(periodOf(at, { granularity: 'month' })).toBe('2026-12');
    expect(periodOf(at, { granularity: 'day', utcOffsetMinutes: 480 })).toBe('2027-01-01');
    expect(periodOf(at, { granularity: 'quarter', utcOffsetMinutes: 480 })).toBe('2027-Q1');
    expect(periodOf(at, { granularity: 'year' })).toBe('2026');
  });

  it('uses nearest-rank percentiles', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(durationStats([5 * HOUR, HOUR, 3 * HOUR])).toEqual({ count: 3, medianMs: 3 * HOUR, p90Ms: 5 * HOUR });
    expect(durationStats([])).toEqual({ count: 0, medianMs: null, p90Ms: null });
  });
});

describe('rebuildAnalytics', () => {
  it('reads a complaints-only store as well (the demo’s)', async () => {
    const store = createInMemoryEventStore<ComplaintEvent>();
    const engine = createEngine({ store, clock: createManualClock('2026-11-23T09:00:00Z') });
    await engine.executeOrThrow({
      type: 'ReceiveComplaint',
      complaintId: 'c-1',
      actor: { id: 'fd', role: 'frontDesk' },
      data: { customer: { reference: 'x' }, channel: 'phone', description: 'Noise', demand: 'Fix it' },
    });
    const state = await rebuildAnalytics(store);
    expect(analyze(state).complaints).toBe(1);
  });
});
