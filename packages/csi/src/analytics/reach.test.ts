import { fc, test } from '@fast-check/vitest';
import { COMPLAINT_EVENT_TYPES, runProjection, SATISFACTION_LEVELS, satisfactionLevelOf, type RecordedEvent } from '@redress/core';
import { describe, expect } from 'vitest';
import { harness } from '../test-support/harness.js';
import { expected, play, programme } from '../test-support/survey-world.js';
import type { CsiLogEvent } from '../surveys/schema.js';
import { analyze, type ComplaintAnalytics } from './analyze.js';
import { analyticsProjection, evolveAnalytics } from './facts.js';
import { rebuildAnalytics } from './rebuild.js';
import { sliceBy } from './slice-by.js';
import { SLICE_KEYS } from './slices.js';

const DIMENSIONS = ['skill', 'attitude', 'timeliness', 'parts', 'overall', 'performance', 'function', 'operation'];

async function world(plans: Parameters<typeof play>[1]) {
  const h = harness();
  await play(h, plans);
  return { h, state: await rebuildAnalytics(h.store) };
}

/** Every percentage of the surveys, with the base it was computed against. */
function bases(a: ComplaintAnalytics): { name: string; total: number }[] {
  const s = a.surveys;
  const out = [
    { name: 'response', total: s.reach.response.total },
    { name: 'dissatisfied', total: s.dissatisfied.total },
    ...[...s.drivers, ...s.productQuality.drivers].map((d) => ({ name: `driver ${d.reason}`, total: d.ofReached.total })),
  ];
  for (const [dimension, shares] of Object.entries({ ...s.levels, ...s.productQuality.levels })) {
    out.push({ name: `${dimension} not rated`, total: shares.notRated.total });
    for (const level of SATISFACTION_LEVELS) out.push({ name: `${dimension} ${level}`, total: shares.levels[level].total });
  }
  return out;
}

describe('survey reach', () => {
  test.prop([programme], { numRuns: 30 })('counts the customers attempted, reached and responded, and the attempts, as the plan says', async (plans) => {
    const { state } = await world(plans);
    const model = expected(plans);
    const reach = analyze(state).surveys.reach;
    expect([reach.attempted, reach.reached, reach.responded, reach.attempts]).toEqual([
      model.length,
      model.filter((c) => c.reached).length,
      model.filter((c) => c.responded).length,
      model.reduce((n, c) => n + c.attempts, 0),
    ]);
    for (const branch of [null, 'Pudong', 'Minhang', '浦东 North']) {
      const r = analyze(state, { filter: { branch } }).surveys.reach;
      const m = model.filter((c) => c.branch === branch);
      expect([r.attempted, r.reached, r.responded], String(branch)).toEqual([m.length, m.filter((c) => c.reached).length, m.filter((c) => c.responded).length]);
    }
    expect(reach.byMethod.reduce((n, m) => n + m.attempts, 0)).toBe(reach.attempts);
    expect(reach.byMethod.reduce((n, m) => n + m.reached, 0)).toBe(reach.reached);
    expect(Object.values(reach.byOutcome).reduce((a, b) => a + b, 0)).toBe(reach.attempts);
  });

  test.prop([programme], { numRuns: 30 })('bases every percentage on the customers reached, and the levels add up to them', async (plans) => {
    const { state } = await world(plans);
    const model = expected(plans);
    const reached = model.filter((c) => c.reached).length;
    const a = analyze(state);
    for (const b of bases(a)) expect(b.total, b.name).toBe(reached);
    expect(a.surveys.reach.reach.total).toBe(model.length);
    for (const dimension of DIMENSIONS) {
      const shares = a.surveys.levels[dimension] ?? a.surveys.productQuality.levels[dimension];
      if (!shares) throw new Error(`no levels for ${dimension}`);
      for (const level of SATISFACTION_LEVELS) {
        const rated = model.flatMap((c) => c.ratings ?? []).filter((r) => r.dimension === dimension && satisfactionLevelOf(r.score) === level).length;
        expect(shares.levels[level].met, `${dimension} ${level}`).toBe(rated);
      }
      const sum = SATISFACTION_LEVELS.reduce((n, l) => n + shares.levels[l].met, 0) + shares.notRated.met;
      expect(sum, dimension).toBe(reached);
    }
  });

  test.prop([programme], { numRuns: 20 })('slices partition the customers, and in every slice those who responded are the responses', async (plans) => {
    const { state } = await world(plans);
    const total = analyze(state).surveys.reach;
    for (const key of SLICE_KEYS) {
      const slices = sliceBy(state, key);
      const sum = (f: (r: typeof total) => number) => slices.reduce((n, s) => n + f(s.analytics.surveys.reach), 0);
      expect([sum((r) => r.attempted), sum((r) => r.reached), sum((r) => r.responded), sum((r) => r.attempts)], key).toEqual([
        total.attempted,
        total.reached,
        total.responded,
        total.attempts,
      ]);
      for (const s of slices) expect(s.analytics.surveys.reach.responded, `${key}=${s.value}`).toBe(s.analytics.surveys.responses);
    }
  });

  test.prop([programme], { numRuns: 15 })('is the same live or rebuilt', async (plans) => {
    const h = harness();
    const runner = runProjection(analyticsProjection());
    const subscription = h.store.subscribe();
    const feeding = (async () => {
      for await (const e of subscription) runner.apply(e);
    })();
    await play(h, plans);
    while (runner.checkpoint < h.store.size) await new Promise((resolve) => setImmediate(resolve));
    subscription.close();
    await feeding;
    const rebuilt = await rebuildAnalytics(h.store);
    expect(runner.state.contacts).toEqual(rebuilt.contacts);
    expect(analyze(runner.state).surveys).toEqual(analyze(rebuilt).surveys);
  });

  test.prop([programme, fc.infiniteStream(fc.nat())], { numRuns: 20 })(
    'does not depend on the order csi’s own streams are read in (each stream in order, after the complaints they refer to)',
    async (plans, picks) => {
      const { h, state } = await world(plans);
      const log = (await h.store.readAll()) as readonly RecordedEvent<CsiLogEvent>[];
      const complaintTypes = new Set<string>(COMPLAINT_EVENT_TYPES);
      // Complaint events keep their order; every csi stream (one event each) moves to a random later place.
      const complaints = log.filter((e) => complaintTypes.has(e.type));
      let order = [...complaints];
      const it = picks[Symbol.iterator]();
      for (const e of log.filter((x) => !complaintTypes.has(x.type))) {
        const after = e.type === 'SurveyAttempted' && e.data.of.kind === 'followUp' ? order.findIndex((x) => x.globalPosition > e.globalPosition) : 0;
        const from = after === -1 ? order.length : Math.max(0, after);
        const at = from + ((it.next().value ?? 0) % (order.length - from + 1));
        order = [...order.slice(0, at), e, ...order.slice(at)];
      }
      let shuffled = analyticsProjection().initialState();
      for (const e of order) shuffled = evolveAnalytics(shuffled, e);
      const options = { asOf: h.clock.now().toISOString() };
      expect(analyze(shuffled, options).surveys).toEqual(analyze(state, options).surveys);
    },
  );
});
