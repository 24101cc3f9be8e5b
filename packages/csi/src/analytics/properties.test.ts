import { fc, test } from '@fast-check/vitest';
import { CAUSES, rebuildProjection, runProjection, SERVQUAL_FACTORS, type Cause } from '@redress/core';
import { describe, expect } from 'vitest';
import { DAY, harness, HOUR, live, type LifeOptions } from '../test-support/harness.js';
import { analyze, type ComplaintAnalytics } from './analyze.js';
import { sliceBy } from './slice-by.js';
import { SLICE_KEYS } from './slices.js';
import { analyticsProjection } from './facts.js';

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const lifeOptions: fc.Arbitrary<LifeOptions> = fc.record({
  customer: fc.constantFrom('cust-a', 'cust-b', 'cust-c'),
  segment: optional(fc.constantFrom('fleet', 'private')),
  product: optional(fc.record({ kind: fc.constantFrom('truck', 'bus'), identifier: fc.constantFrom('VIN-1', 'VIN-2') })),
  branch: optional(fc.constantFrom('Pudong', 'Minhang')),
  region: optional(fc.constantFrom('East', 'North')),
  handler: fc.constantFrom('h-li', 'h-zhao'),
  severity: fc.constantFrom('general', 'major'),
  cause: fc.constantFrom<Cause>(...CAUSES),
  servqualFactor: optional(fc.constantFrom(...SERVQUAL_FACTORS)),
  until: fc.constantFrom('received', 'investigating', 'planned', 'executed', 'archived', 'archived', 'withdrawn'),
  reopen: fc.boolean(),
  followUpAfterHours: fc.integer({ min: 1, max: 120 }),
  planAfterHours: fc.integer({ min: 3, max: 240 }),
  deadlineHours: fc.integer({ min: 1, max: 96 }),
  ratings: optional(
    fc.uniqueArray(fc.record({ dimension: fc.constantFrom('skill', 'attitude', 'timeliness', 'parts', 'overall'), score: fc.integer({ min: 1, max: 10 }) }), {
      selector: (r) => r.dimension,
      minLength: 1,
      maxLength: 5,
    }),
  ),
});

/** Several complaints, each a few days after the previous one (so months and quarters vary). */
const station = fc.array(fc.tuple(lifeOptions, fc.integer({ min: 0, max: 40 })), { minLength: 1, maxLength: 6 });

async function play(lives: readonly (readonly [LifeOptions, number])[], onEvent?: (h: ReturnType<typeof harness>) => void) {
  const h = harness();
  onEvent?.(h);
  let n = 0;
  for (const [options, gapDays] of lives) {
    h.clock.advance(gapDays * DAY + HOUR);
    await live(h, `c-${++n}`, options);
  }
  return h;
}

/** The counts in a report that add up over a partition. */
function additive(a: ComplaintAnalytics): number[] {
  return [
    a.complaints,
    a.sla.remedyOnTime.total,
    a.sla.remedyOnTime.met,
    a.sla.planWithin7Days.total,
    a.sla.followUpWithin3Days.total,
    a.firstContactResolution.total,
    a.reopen.met,
    a.timeToResolve.calendar.count,
    a.surveys.responses,
    ...Object.values(a.byStep),
    ...Object.values(a.bySeverity),
    ...Object.values(a.surveys.dimensions).map((d) => d.count),
  ];
}

describe('analytics properties', () => {
  test.prop([station], { numRuns: 25 })('slices partition the total, whatever the slice key', async (lives) => {
    const h = await play(lives);
    const { state } = await rebuildProjection(h.store, analyticsProjection());
    const total = analyze(state);
    for (const key of SLICE_KEYS) {
      const slices = sliceBy(state, key);
      const sums = slices.map((s) => additive(s.analytics)).reduce((acc, xs) => acc.map((x, i) => x + (xs[i] ?? 0)));
      expect(sums, key).toEqual(additive(total));
      const causes = new Map<string, number>();
      for (const s of slices) for (const row of s.analytics.byCause) causes.set(row.cause, (causes.get(row.cause) ?? 0) + row.count);
      expect(Object.fromEntries(causes), key).toEqual(Object.fromEntries(total.byCause.map((r) => [r.cause, r.count])));
      const factors = new Map<string, number>();
      for (const s of slices) for (const row of s.analytics.byServqualFactor) factors.set(row.factor, (factors.get(row.factor) ?? 0) + row.count);
      expect(Object.fromEntries(factors), key).toEqual(Object.fromEntries(total.byServqualFactor.map((r) => [r.factor, r.count])));
    }
  });

  test.prop([station], { numRuns: 15 })('a complaint’s metrics are the same live or rebuilt', async (lives) => {
    const runner = runProjection(analyticsProjection());
    let stop = () => {};
    let feeding: Promise<void> = Promise.resolve();
    const h = await play(lives, (fresh) => {
      const subscription = fresh.store.subscribe();
      stop = () => subscription.close();
      feeding = (async () => {
        for await (const e of subscription) runner.apply(e);
      })();
    });
    while (runner.checkpoint < h.store.size) await new Promise((resolve) => setImmediate(resolve));
    stop();
    await feeding;
    const rebuilt = await rebuildProjection(h.store, analyticsProjection());
    expect(runner.state.complaints).toEqual(rebuilt.state.complaints);
    for (const id of rebuilt.state.complaints.keys()) {
      const filter = { from: rebuilt.state.complaints.get(id)?.receivedAt ?? '' };
      expect(analyze(runner.state, { filter })).toEqual(analyze(rebuilt.state, { filter }));
    }
  });

  test.prop([station], { numRuns: 25 })('rates stay within [0, 1] and survey scores within [10, 100]', async (lives) => {
    const h = await play(lives);
    const a = analyze((await rebuildProjection(h.store, analyticsProjection())).state);
    for (const r of [a.sla.remedyOnTime, a.sla.planWithin7Days, a.sla.followUpWithin3Days, a.firstContactResolution, a.reopen, a.repeat, a.followUpCoverage]) {
      expect(r.met).toBeLessThanOrEqual(r.total);
      if (r.rate !== null) expect(r.rate).toBeGreaterThanOrEqual(0);
    }
    for (const s of [a.surveys.overall, ...Object.values(a.surveys.dimensions).map((d) => d.score)]) {
      if (s === null) continue;
      expect(s).toBeGreaterThanOrEqual(10);
      expect(s).toBeLessThanOrEqual(100);
    }
  });
});
