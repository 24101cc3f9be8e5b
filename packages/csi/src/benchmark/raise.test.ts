import { fc, test } from '@fast-check/vitest';
import { sequentialIds, type EventStore, type RecordedEvent } from '@redress/core';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analytics/analyze.js';
import { rebuildAnalytics } from '../analytics/rebuild.js';
import { runProjection } from '@redress/core';
import { analyticsProjection } from '../analytics/facts.js';
import type { CsiLogEvent } from '../surveys/schema.js';
import { DAY, harness, type Harness } from '../test-support/harness.js';
import { benchmarkByPeriod } from './benchmark.js';
import { DEFAULT_BENCHMARK_POLICY } from './policy.js';
import { createImprovementRunner } from './raise.js';
import { improvementStreamId, type ImprovementActionRaised } from './schema.js';

const staff = { id: 'fu-wu', role: 'followUpStaff' } as const;

interface Planned {
  readonly branch: string | undefined;
  readonly skill: number;
  readonly timeliness: number;
  readonly gapDays: number;
}

async function surveys(h: Harness, planned: readonly Planned[]): Promise<void> {
  let i = 0;
  for (const p of planned) {
    h.clock.advance(p.gapDays * DAY);
    const r = await h.desk.record({
      type: 'RecordSurvey',
      surveyId: `q-${++i}`,
      actor: staff,
      data: {
        programme: 'quarterly',
        customer: { reference: `cust-${i}` },
        ...(p.branch ? { branch: p.branch } : {}),
        ratings: [
          { dimension: 'skill', score: p.skill },
          { dimension: 'timeliness', score: p.timeliness, ...(p.timeliness <= 4 ? { reasons: ['lateArrival'] } : {}) },
        ],
      },
    });
    if (!r.ok) throw r.error;
  }
}

const planned = fc.array(
  fc.record({
    branch: fc.option(fc.constantFrom('Pudong', 'Minhang', '浦东 North', 'Jiading'), { nil: undefined }),
    skill: fc.integer({ min: 1, max: 10 }),
    timeliness: fc.integer({ min: 1, max: 10 }),
    gapDays: fc.integer({ min: 0, max: 30 }),
  }),
  { minLength: 1, maxLength: 16 },
);

const raised = (log: readonly RecordedEvent<CsiLogEvent>[]) => log.filter((e): e is RecordedEvent<ImprovementActionRaised> => e.type === 'ImprovementActionRaised');
const key = (d: ImprovementActionRaised['data']) => `${d.period} ${d.subject}`;

/** What is due, from the benchmark: every station below the threshold in a quarter that has ended. */
async function due(h: Harness): Promise<string[]> {
  const current = `${h.clock.now().getUTCFullYear()}-Q${Math.floor(h.clock.now().getUTCMonth() / 3) + 1}`;
  return benchmarkByPeriod(await rebuildAnalytics(h.store))
    .filter((b) => b.period < current)
    .flatMap((b) => b.benchmark.rows.filter((r) => r.belowThreshold).map((r) => `${b.period} ${r.subject}`))
    .sort();
}

describe('improvement actions', () => {
  it('are raised for the stations more than 10% below the network in an ended quarter, with where to start', async () => {
    const h = harness();
    // 2026-Q4: Pudong 90, Minhang 90, Jiading 40 (late arrivals); the network's average is 73.3, its floor 66.
    await surveys(h, [
      { branch: 'Pudong', skill: 9, timeliness: 9, gapDays: 0 },
      { branch: 'Minhang', skill: 9, timeliness: 9, gapDays: 0 },
      { branch: 'Jiading', skill: 5, timeliness: 3, gapDays: 0 },
    ]);
    const runner = createImprovementRunner({ store: h.store, clock: h.clock, ids: sequentialIds('imp') });
    expect(await runner.run()).toEqual([]);
    h.clock.advance(100 * DAY);
    const [outcome, ...rest] = await runner.run();
    expect(rest).toEqual([]);
    expect(outcome?.result.ok && outcome.result.value.duplicate).toBe(false);
    const [event] = raised(await h.store.readAll());
    expect(event).toMatchObject({
      streamId: improvementStreamId('branch', '2026-Q4', 'Jiading'),
      actor: { id: 'redress-csi', role: 'system' },
      data: {
        by: 'branch',
        subject: 'Jiading',
        period: '2026-Q4',
        granularity: 'quarter',
        score: 40,
        averageOf: 'responses',
        threshold: 0.1,
        responses: 1,
        weakest: [
          { dimension: 'timeliness', score: 30 },
          { dimension: 'skill', score: 50 },
        ],
        drivers: [{ dimension: 'timeliness', reason: 'lateArrival', customers: 1 }],
      },
    });
    expect(event?.data.average).toBeCloseTo(220 / 3, 10);
    expect(event?.data.gap).toBeCloseTo((220 / 3 - 40) / (220 / 3), 10);
    expect(analyze(await rebuildAnalytics(h.store)).improvements).toEqual([{ ...event?.data, raisedAt: event?.occurredAt }]);
  });

  test.prop([planned, fc.integer({ min: 2, max: 5 }), fc.scheduler()], { numRuns: 40 })(
    'are recorded once per station and quarter, whatever runners race, restart or run again',
    async (plan, runners, s) => {
      const h = harness();
      await surveys(h, plan);
      h.clock.advance(120 * DAY);
      const expected = await due(h);
      // Every read and append of every runner is released in an order fast-check picks.
      const racing: Pick<EventStore<CsiLogEvent>, 'append' | 'readStream' | 'readAll'> = {
        append: s.scheduleFunction((id: string, version: Parameters<typeof h.store.append>[1], events: Parameters<typeof h.store.append>[2]) => h.store.append(id, version, events)),
        readStream: s.scheduleFunction((id: string) => h.store.readStream(id)),
        readAll: s.scheduleFunction((from?: number, limit?: number) => h.store.readAll(from, limit)),
      };
      const all = Promise.all(Array.from({ length: runners }, (_, i) => createImprovementRunner({ store: racing, clock: h.clock, ids: sequentialIds(`r${i}`) }).run()));
      const outcomes = (await s.waitFor(all)).flat();
      expect(raised(await h.store.readAll()).map((e) => key(e.data)).sort()).toEqual(expected);
      expect(outcomes.every((o) => o.result.ok)).toBe(true);
      // Each action appended by exactly one runner; the others got that event back.
      const fresh = outcomes.filter((o) => o.result.ok && !o.result.value.duplicate).map((o) => `${o.period} ${o.subject}`);
      expect(fresh.sort()).toEqual(expected);

      // A restart (a new runner) and a second run of an old one write nothing.
      const size = h.store.size;
      const again = await createImprovementRunner({ store: h.store, clock: h.clock, ids: sequentialIds('restart') }).run();
      expect(again.every((o) => o.result.ok && o.result.value.duplicate)).toBe(true);
      expect(h.store.size).toBe(size);

      // Folded live or rebuilt, the report lists the same actions.
      const live = runProjection(analyticsProjection());
      for (const e of await h.store.readAll()) live.apply(e);
      expect(live.state.improvements).toEqual((await rebuildAnalytics(h.store)).improvements);
    },
  );

  it('judge a quarter only once it has ended, at the policy’s offset', async () => {
    const h = harness();
    // 2026-12-31T20:00Z is already 2027-Q1 in China (+08:00).
    h.clock.set('2026-12-31T12:00:00Z');
    await surveys(h, [
      { branch: 'Pudong', skill: 9, timeliness: 9, gapDays: 0 },
      { branch: 'Jiading', skill: 2, timeliness: 2, gapDays: 0 },
    ]);
    h.clock.set('2026-12-31T20:00:00Z');
    const utc = createImprovementRunner({ store: h.store, clock: h.clock });
    const china = createImprovementRunner({ store: h.store, clock: h.clock, policy: { ...DEFAULT_BENCHMARK_POLICY, period: { granularity: 'quarter', utcOffsetMinutes: 480 } } });
    expect(await utc.run()).toEqual([]);
    expect((await china.run()).map((o) => `${o.period} ${o.subject}`)).toEqual(['2026-Q4 Jiading']);
  });
});
