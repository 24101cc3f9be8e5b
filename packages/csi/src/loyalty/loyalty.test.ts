import { fc, test } from '@fast-check/vitest';
import { ValidationError } from '@redress/core';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analytics/analyze.js';
import { createCsiAutomation } from '../automation/automation.js';
import { rebuildAnalytics } from '../analytics/rebuild.js';
import { sliceBy } from '../analytics/slice-by.js';
import { DAY, harness, HOUR, live, START, type Harness } from '../test-support/harness.js';
import { CUSTOMER_EXPERIENCES, type CustomerExperience } from './loyalty.js';
import { DEFECTION_TYPES, defineLoyaltyInput, type LoyaltyInputData } from './schema.js';

const day = (n: number) => new Date(Date.parse(START) + n * DAY).toISOString();
const WINDOW = { from: START, to: day(200) };
const staff = { id: 'fu-wu', role: 'followUpStaff' } as const;

function input(data: LoyaltyInputData) {
  const r = defineLoyaltyInput(data);
  if (!r.ok) throw r.error;
  return r.value;
}

async function survey(h: Harness, id: string, customer: string, score: number) {
  const r = await h.desk.record({ type: 'RecordSurvey', surveyId: id, actor: staff, data: { programme: 'quarterly', customer: { reference: customer }, ratings: [{ dimension: 'overall', score }] } });
  if (!r.ok) throw r.error;
}

describe('the host’s customer facts', () => {
  it('are refused with a ValidationError naming each problem', () => {
    const r = defineLoyaltyInput({
      from: day(10),
      to: day(10),
      customers: [
        { customer: 'a', defection: 'price' },
        { customer: 'b', since: day(5), churnedAt: day(1) },
        { customer: 'b', purchases: ['yesterday'] },
      ],
    });
    expect(!r.ok && r.error).toBeInstanceOf(ValidationError);
    expect(!r.ok && r.error.issues.map((i) => i.path).sort()).toEqual(['customers[0].defection', 'customers[1].churnedAt', 'customers[2].customer', 'customers[2].purchases[0]', 'to']);
  });
});

describe('loyalty', () => {
  it('rates churn, retention, repeat purchase, referral and complaints over the customers at the start, and splits them by experience', async () => {
    const h = harness();
    // cust-a complains and is resolved in about three days; cust-b's takes twelve; cust-c's is still open.
    await live(h, 'c-1', { customer: 'cust-a' });
    await live(h, 'c-2', { customer: 'cust-b', planAfterHours: 240 });
    await live(h, 'c-3', { customer: 'cust-c', until: 'planned' });
    h.clock.advance(HOUR);
    // cust-d never complains but rates the service 3; cust-x is not in the host's facts.
    await survey(h, 'q-1', 'cust-d', 3);
    await survey(h, 'q-2', 'cust-x', 9);
    // cust-d's 3 opens a hidden complaint for them: revealed, not made, so cust-d still never complained.
    const { hidden } = await createCsiAutomation({ engine: h.engine, store: h.store, clock: h.clock }).catchUp();
    expect(hidden).toHaveLength(1);
    const loyalty = input({
      ...WINDOW,
      customers: [
        { customer: 'cust-a', since: day(-400), purchases: [day(-400), day(30)], referrals: [day(40)] },
        { customer: 'cust-b', purchases: [day(50)] },
        { customer: 'cust-c', since: day(-10), churnedAt: day(60), defection: 'service' },
        { customer: 'cust-d', churnedAt: day(90) },
        { customer: 'cust-e', referrals: [day(-5), day(250)] },
        // Not in the base: gone before the window, and new within it.
        { customer: 'cust-f', churnedAt: day(-1), defection: 'price' },
        { customer: 'cust-g', since: day(20), purchases: [day(20), day(120)] },
      ],
    });
    const report = analyze(await rebuildAnalytics(h.store), { loyalty }).loyalty;
    expect(report).toMatchObject({
      customers: 5,
      newCustomers: 1,
      churn: { met: 2, total: 5 },
      retention: { met: 3, total: 5 },
      repeatPurchase: { met: 2, total: 5 },
      referral: { met: 1, total: 5 },
      complaint: { met: 3, total: 5 },
      defections: { price: 0, product: 0, service: 1, selfInitiated: 0, unrecorded: 1 },
      unknownCustomers: 1,
    });
    expect(report?.byExperience.map((e) => [e.experience, e.customers, e.repeatPurchase.met, e.churn.met])).toEqual([
      ['noComplaint', 1, 0, 0],
      ['resolvedQuickly', 1, 1, 0],
      ['resolvedSlowly', 1, 1, 0],
      ['unresolved', 1, 0, 1],
      ['silentDissatisfied', 1, 0, 1],
    ]);
  });

  it('is null without the host’s facts, and in a slice by a key customers do not have', async () => {
    const h = harness();
    await live(h, 'c-1', { customer: 'cust-a', branch: 'Pudong' });
    const state = await rebuildAnalytics(h.store);
    expect(analyze(state).loyalty).toBeNull();
    const loyalty = input({ ...WINDOW, customers: [{ customer: 'cust-a', branch: 'Pudong' }] });
    expect(sliceBy(state, 'handler', { loyalty }).map((s) => s.analytics.loyalty)).toEqual([null]);
    expect(sliceBy(state, 'branch', { loyalty }).map((s) => s.analytics.loyalty?.customers)).toEqual([1]);
  });

  // The window's edges come up often: a fact at `from` is in it, one at `to` is not.
  const offset = fc.oneof(fc.constantFrom(-1, 0, 199, 200), fc.integer({ min: -30, max: 230 }));
  const customer = fc.record({
    since: fc.option(offset, { nil: undefined }),
    purchases: fc.array(offset, { maxLength: 3 }),
    referrals: fc.array(offset, { maxLength: 2 }),
    churn: fc.option(fc.tuple(offset, fc.option(fc.constantFrom(...DEFECTION_TYPES), { nil: undefined })), { nil: undefined }),
    branch: fc.option(fc.constantFrom('Pudong', 'Minhang'), { nil: undefined }),
  });
  const complaint = fc.record({ who: fc.integer({ min: 0, max: 6 }), until: fc.constantFrom('archived', 'archived', 'planned', 'withdrawn'), slow: fc.boolean() });
  const rating = fc.record({ who: fc.integer({ min: 0, max: 6 }), score: fc.integer({ min: 1, max: 10 }) });

  test.prop([fc.array(customer, { minLength: 1, maxLength: 6 }), fc.array(complaint, { maxLength: 5 }), fc.array(rating, { maxLength: 4 })], { numRuns: 25 })(
    'every rate is a share of the customers at the start, the experiences partition them, and each figure is what the facts say',
    async (customers, complaints, ratings) => {
      const h = harness();
      let n = 0;
      for (const c of complaints) await live(h, `c-${++n}`, { customer: `cust-${c.who}`, until: c.until as 'archived', ...(c.slow ? { planAfterHours: 240 } : {}) });
      for (const r of ratings) await survey(h, `q-${++n}`, `cust-${r.who}`, r.score);
      const facts = customers.map((c, i) => {
        const since = c.churn && c.since !== undefined ? Math.min(c.since, c.churn[0]) : c.since;
        return {
          customer: `cust-${i}`,
          ...(since !== undefined ? { since: day(since) } : {}),
          purchases: c.purchases.map(day),
          referrals: c.referrals.map(day),
          ...(c.churn ? { churnedAt: day(c.churn[0]), ...(c.churn[1] ? { defection: c.churn[1] } : {}) } : {}),
          ...(c.branch ? { branch: c.branch } : {}),
        };
      });
      const state = await rebuildAnalytics(h.store);
      const report = analyze(state, { loyalty: input({ ...WINDOW, customers: facts }) }).loyalty;
      if (!report) throw new Error('expected a loyalty report');

      // The model, from the plan alone.
      const inWindow = (d: number) => d >= 0 && d < 200;
      const base = customers.map((c, i) => ({ c, i })).filter(({ c }) => (c.since === undefined || Math.min(c.since, c.churn?.[0] ?? Infinity) < 0) && (c.churn === undefined || c.churn[0] >= 0));
      const count = (f: (x: (typeof base)[number]) => boolean) => base.filter(f).length;
      const churned = (x: (typeof base)[number]) => x.c.churn !== undefined && x.c.churn[0] < 200;
      const experience = ({ i }: (typeof base)[number]): CustomerExperience => {
        const own = complaints.filter((c) => c.who === i);
        if (own.length > 0) return own.some((c) => c.until !== 'archived') ? 'unresolved' : own.some((c) => c.slow) ? 'resolvedSlowly' : 'resolvedQuickly';
        return ratings.some((r) => r.who === i && r.score <= 4) ? 'silentDissatisfied' : 'noComplaint';
      };
      expect(report.customers).toBe(base.length);
      for (const r of [report.churn, report.retention, report.repeatPurchase, report.referral, report.complaint]) expect(r.total).toBe(base.length);
      expect(report.churn.met).toBe(count(churned));
      expect(report.churn.met + report.retention.met).toBe(base.length);
      expect(report.repeatPurchase.met).toBe(count((x) => x.c.purchases.some(inWindow)));
      expect(report.referral.met).toBe(count((x) => x.c.referrals.some(inWindow)));
      expect(report.complaint.met).toBe(count((x) => complaints.some((c) => c.who === x.i)));
      expect(Object.values(report.defections).reduce((a, b) => a + b, 0)).toBe(report.churn.met);
      expect(report.byExperience.map((e) => e.experience)).toEqual([...CUSTOMER_EXPERIENCES]);
      for (const e of report.byExperience) expect(e.customers, e.experience).toBe(count((x) => experience(x) === e.experience));
      const known = new Set(customers.map((_, i) => i));
      expect(report.unknownCustomers).toBe(new Set([...complaints, ...ratings].map((x) => x.who).filter((w) => !known.has(w))).size);
      // Slices by branch partition the base.
      const slices = sliceBy(state, 'branch', { loyalty: input({ ...WINDOW, customers: facts }) });
      const inSlices = slices.reduce((s, x) => s + (x.analytics.loyalty?.customers ?? 0), 0);
      const sliced = new Set(slices.map((s) => s.value));
      expect(inSlices).toBe(count((x) => sliced.has(x.c.branch ?? null)));
    },
  );
});
