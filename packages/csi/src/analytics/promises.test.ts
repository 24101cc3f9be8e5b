/**
 * Promises kept (服务承诺) in the staff assessment, from core's promise events: each
 * promise kept by its due time, or not (kept late, or broken after the customer was
 * told why), credited to whoever made it, whoever holds the complaint.
 */
import { fc, test } from '@fast-check/vitest';
import type { Actor } from '@redress/core';
import { describe, expect, it } from 'vitest';
import { harness, HOUR, live, type Harness } from '../test-support/harness.js';
import { analyze } from './analyze.js';
import { rebuildAnalytics } from './rebuild.js';

const li: Actor = { id: 'h-li', role: 'handler' };
// The front desk may promise on a complaint someone else handles (another handler may not: the handler's duty).
const zhao: Actor = { id: 'fd-zhao', role: 'frontDesk' };
type Outcome = 'onTime' | 'late' | 'broken' | 'open';

/** A promise on c-1 by `by`, due in 2 hours, then settled as `outcome`. */
async function promise(h: Harness, by: Actor, n: number, outcome: Outcome): Promise<void> {
  const promiseId = `p-${n}`;
  const due = new Date(h.clock.now().getTime() + 2 * HOUR).toISOString();
  const run = (type: string, data: object) => h.engine.executeOrThrow({ type, complaintId: 'c-1', actor: by, data } as Parameters<Harness['engine']['executeOrThrow']>[0]);
  await run('MakePromise', { promiseId, kind: 'callBack', due, description: 'We call back' });
  if (outcome === 'late') h.clock.advance(3 * HOUR);
  if (outcome === 'onTime' || outcome === 'late') await run('KeepPromise', { promiseId });
  if (outcome === 'broken') {
    await run('ExplainPromiseBreak', { promiseId, channel: 'phone', explanation: 'The engineer is ill' });
    await run('BreakPromise', { promiseId, reason: 'No engineer free' });
  }
}

describe('promises kept, from the log', () => {
  it('credits each settled promise to whoever made it, kept late counting as not kept, open ones left out', async () => {
    const h = harness();
    await live(h, 'c-1', { handler: 'h-li', until: 'investigating' });
    await promise(h, li, 1, 'onTime');
    await promise(h, li, 2, 'late');
    await promise(h, zhao, 3, 'broken');
    await promise(h, zhao, 4, 'open');
    const a = analyze(await rebuildAnalytics(h.store));
    expect(a.staff.map((s) => [s.handler, s.promisesKept])).toEqual([
      ['h-li', { met: 1, total: 2, rate: 0.5 }],
      ['fd-zhao', { met: 0, total: 1, rate: 0 }],
    ]);
    expect(a.promisesKept).toEqual({ met: 1, total: 3, rate: 1 / 3 });
    // A host's own records still win over the log.
    const hooked = analyze(await rebuildAnalytics(h.store), { hooks: { promises: () => [{ handler: 'h-li', kept: true }] } });
    expect(hooked.promisesKept).toEqual({ met: 1, total: 1, rate: 1 });
  });

  test.prop([fc.array(fc.tuple(fc.boolean(), fc.constantFrom<Outcome>('onTime', 'late', 'broken', 'open')), { maxLength: 8 })], { numRuns: 25 })(
    'the figures are the log’s settled promises counted by their maker',
    async (made) => {
      const h = harness();
      await live(h, 'c-1', { handler: 'h-li', until: 'investigating' });
      for (const [i, [byLi, outcome]] of made.entries()) await promise(h, byLi ? li : zhao, i, outcome);
      const a = analyze(await rebuildAnalytics(h.store));
      const settled = made.filter(([, o]) => o !== 'open');
      expect(a.promisesKept).toEqual(settled.length === 0 ? null : { met: settled.filter(([, o]) => o === 'onTime').length, total: settled.length, rate: settled.filter(([, o]) => o === 'onTime').length / settled.length });
      for (const [maker, isLi] of [['h-li', true], ['fd-zhao', false]] as const) {
        const mine = settled.filter(([b]) => b === isLi);
        const row = a.staff.find((s) => s.handler === maker)?.promisesKept;
        if (settled.length === 0) expect(row ?? null).toBeNull();
        else expect(row?.total ?? 0, maker).toBe(mine.length);
      }
    },
  );
});
