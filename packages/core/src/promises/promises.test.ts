/**
 * Promises to the customer through the public API: made with a due time, kept (on time
 * or late) or broken, and broken only once the customer was told why.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { CommandInput } from '../commands/schema.js';
import type { Actor } from '../domain/primitives.js';
import { actors, commandOf } from '../test-support/fixtures.js';
import { testEngine } from '../test-support/engine.js';
import { NOW } from '../test-support/given.js';

const ID = 'c-1';
const HOUR = 3_600_000;
const at = (hours: number) => new Date(Date.parse(NOW) + hours * HOUR).toISOString();

async function setup() {
  const t = testEngine();
  await t.engine.executeOrThrow({ ...commandOf('ReceiveComplaint', ID, NOW, 0), actor: actors.frontDesk });
  const run = (type: string, data: object, actor: Actor = actors.frontDesk) => t.engine.execute({ type, complaintId: ID, actor, data } as CommandInput);
  const promises = () => t.engine.view(t.tickets).get(ID)?.promises ?? [];
  return { ...t, run, promises };
}

describe('promises', () => {
  it('records a promise with its due time, and whether it was kept on time', async () => {
    const s = await setup();
    expect((await s.run('MakePromise', { kind: 'visit', due: at(24), description: 'A technician comes tomorrow' }, actors.handler)).ok).toBe(true);
    expect((await s.run('MakePromise', { promiseId: 'part-7', kind: 'partArrival', due: at(48), description: 'The part arrives' })).ok).toBe(true);
    s.clock.advance(30 * HOUR);
    expect((await s.run('KeepPromise', { promiseId: 'promise-1' })).ok).toBe(true);
    expect((await s.run('KeepPromise', { promiseId: 'part-7' })).ok).toBe(true);
    expect(s.promises()).toMatchObject([
      { promiseId: 'promise-1', kind: 'visit', due: at(24), madeBy: 'h-li', state: 'kept', keptOnTime: false, settledAt: at(30) },
      { promiseId: 'part-7', kind: 'partArrival', madeBy: 'fd-wang', state: 'kept', keptOnTime: true },
    ]);
  });

  it('breaks a promise only once the customer was told why, and writes nothing when refused', async () => {
    const s = await setup();
    await s.run('MakePromise', { kind: 'callBack', due: at(2), description: 'We call back by noon' });
    const before = (await s.store.readStream(ID, 1)).length;
    const early = await s.run('BreakPromise', { promiseId: 'promise-1', reason: 'nobody free' });
    expect(!early.ok && early.error).toMatchObject({ kind: 'IllegalCommand', rule: { name: 'breakExplained' } });
    expect((await s.store.readStream(ID, 1)).length).toBe(before);

    expect((await s.run('ExplainPromiseBreak', { promiseId: 'promise-1', channel: 'phone', explanation: 'The workshop is closed today' })).ok).toBe(true);
    expect((await s.run('BreakPromise', { promiseId: 'promise-1', reason: 'nobody free' })).ok).toBe(true);
    expect(s.promises()[0]).toMatchObject({ state: 'broken', explainedAt: NOW, keptOnTime: null });
    const again = await s.run('KeepPromise', { promiseId: 'promise-1' });
    expect(!again.ok && again.error).toMatchObject({ kind: 'IllegalCommand', rule: { name: 'promiseOpen' } });
  });

  it('refuses a promise due now or before, a reused id, and an unknown promise', async () => {
    const s = await setup();
    const past = await s.run('MakePromise', { kind: 'visit', due: NOW, description: 'x' });
    expect(!past.ok && past.error).toMatchObject({ kind: 'IllegalCommand', rule: { name: 'promiseDueInFuture' } });
    await s.run('MakePromise', { promiseId: 'p-a', kind: 'visit', due: at(1), description: 'x' });
    const reused = await s.run('MakePromise', { promiseId: 'p-a', kind: 'visit', due: at(2), description: 'y' });
    expect(!reused.ok && reused.error).toMatchObject({ kind: 'IllegalCommand', rule: { name: 'promiseIdUnused' } });
    const unknown = await s.run('ExplainPromiseBreak', { promiseId: 'p-zz', channel: 'sms', explanation: 'x' });
    expect(!unknown.ok && unknown.error).toMatchObject({ kind: 'IllegalCommand', rule: { name: 'promiseOpen' } });
  });
});

const move = fc.record({
  kind: fc.constantFrom('make', 'keep', 'explain', 'break'),
  promise: fc.integer({ min: 1, max: 3 }),
  dueHours: fc.integer({ min: -2, max: 12 }),
  hours: fc.nat({ max: 6 }),
});

describe('over any sequence of promise commands', () => {
  test.prop([fc.array(move, { maxLength: 30 })], { numRuns: 60 })(
    'every broken promise was explained first, each is kept or broken at most once, and the ticket agrees with a model',
    async (moves) => {
      const s = await setup();
      type Model = { due: number; explained: boolean; state: 'open' | 'kept' | 'broken'; onTime: boolean | null };
      const model = new Map<string, Model>();
      for (const { kind, promise, dueHours, hours } of moves) {
        s.clock.advance(hours * HOUR);
        const now = s.clock.now().getTime();
        const promiseId = `promise-${promise}`;
        const p = model.get(promiseId);
        let result;
        let expected: boolean;
        if (kind === 'make') {
          // Ids are given so the model can aim at them; the n-th default id is tested above.
          const due = now + dueHours * HOUR;
          result = await s.run('MakePromise', { promiseId, kind: 'visit', due: new Date(due).toISOString(), description: 'x' });
          expected = p === undefined && dueHours > 0;
          if (expected) model.set(promiseId, { due, explained: false, state: 'open', onTime: null });
        } else {
          const data = kind === 'keep' ? { promiseId } : kind === 'explain' ? { promiseId, channel: 'phone', explanation: 'x' } : { promiseId, reason: 'x' };
          result = await s.run(kind === 'keep' ? 'KeepPromise' : kind === 'explain' ? 'ExplainPromiseBreak' : 'BreakPromise', data);
          expected = p?.state === 'open' && (kind !== 'break' || p.explained);
          if (expected && p) {
            if (kind === 'explain') p.explained = true;
            else if (kind === 'keep') Object.assign(p, { state: 'kept', onTime: now < p.due });
            else p.state = 'broken';
          }
        }
        expect(result.ok, `${kind} ${promiseId}`).toBe(expected);
      }
      expect(s.promises().map((p) => [p.promiseId, p.state, p.keptOnTime])).toEqual([...model].map(([id, m]) => [id, m.state, m.onTime]));
      // Over the log itself: a PromiseBroken always follows a PromiseBreakExplained of its promise.
      const log = await s.store.readStream(ID, 1);
      log.forEach((e, i) => {
        if (e.type !== 'PromiseBroken') return;
        expect(log.slice(0, i).some((x) => x.type === 'PromiseBreakExplained' && x.data.promiseId === e.data.promiseId)).toBe(true);
      });
    },
  );
});
