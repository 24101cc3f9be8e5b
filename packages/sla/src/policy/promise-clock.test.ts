/**
 * Promises to the customer on the clock, by policy configuration only: a clock per kind
 * of promise runs from `PromiseMade` to its own due time (the event's `due`), met when
 * the promise is kept in time, and ends when it is broken. The clock follows the promise
 * that started it (`follows: 'promiseId'`): another promise's events never end, hold or
 * retarget it, whatever their kind.
 */
import { createEngine, createInMemoryEventStore, createManualClock, type Actor } from '@redress/core';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createSlaTicker, migrateSlaPolicy, ticketClocks, type PolicyInput } from '../index.js';

export const visitPromisePolicy: PolicyInput = {
  name: 'promises',
  version: 1,
  clocks: [
    {
      name: 'visitPromise',
      calendar: '24x7',
      start: [{ on: 'PromiseMade', where: { field: 'kind', equals: 'visit' } }],
      follows: 'promiseId',
      stop: [{ on: 'PromiseKept' }],
      cancel: [{ on: ['PromiseBroken', 'ComplaintWithdrawn', 'ComplaintArchived'] }],
      target: { deadline: { field: 'due', from: [{ on: 'PromiseMade', where: { field: 'kind', equals: 'visit' } }] } },
      warnings: [{ before: 'PT2H' }],
    },
  ],
};

const desk: Actor = { id: 'fd-wang', role: 'frontDesk' };

async function setup() {
  const store = createInMemoryEventStore();
  const clock = createManualClock('2026-11-23T01:00:00Z');
  const engine = createEngine({ store, clock });
  const ticker = createSlaTicker({ store, config: { policies: [visitPromisePolicy] } });
  await engine.executeOrThrow({
    type: 'ReceiveComplaint',
    complaintId: 'c-1',
    actor: desk,
    data: { customer: { reference: 'cust-9' }, channel: 'phone', description: 'Nobody came', demand: 'Send someone' },
  });
  await engine.executeOrThrow({ type: 'MakePromise', complaintId: 'c-1', actor: desk, data: { kind: 'visit', due: '2026-11-24T01:00:00Z', description: 'A technician visits tomorrow' } });
  const visit = async () => {
    await ticker.tick(clock.now());
    return ticketClocks(ticker.state, 'c-1', clock.now()).find((v) => v.clock === 'visitPromise');
  };
  return { engine, clock, visit, store };
}

describe('a clock on a promise', () => {
  it('runs to the promise’s own due time and breaches after it', async () => {
    const s = await setup();
    expect(await s.visit()).toMatchObject({ state: 'running', dueAt: '2026-11-24T01:00:00.000Z' });
    s.clock.set('2026-11-24T01:00:01Z');
    expect(await s.visit()).toMatchObject({ state: 'breached' });
  });

  it('is met when the promise is kept in time, and cancelled when it is broken (after the explanation)', async () => {
    const kept = await setup();
    kept.clock.set('2026-11-23T20:00:00Z');
    await kept.engine.executeOrThrow({ type: 'KeepPromise', complaintId: 'c-1', actor: desk, data: { promiseId: 'promise-1' } });
    // Settled: the cycle is met, and the clock waits for the next visit promise.
    expect(await kept.visit()).toMatchObject({ state: 'pending', cycles: [{ outcome: 'met' }] });

    const broken = await setup();
    await broken.engine.executeOrThrow({ type: 'ExplainPromiseBreak', complaintId: 'c-1', actor: desk, data: { promiseId: 'promise-1', channel: 'phone', explanation: 'The technician is ill' } });
    await broken.engine.executeOrThrow({ type: 'BreakPromise', complaintId: 'c-1', actor: desk, data: { promiseId: 'promise-1', reason: 'No technician free' } });
    broken.clock.set('2026-11-25T01:00:00Z');
    expect(await broken.visit()).toMatchObject({ state: 'pending', cycles: [{ outcome: 'cancelled' }] });
  });
});

describe('a clock follows the promise that started it', () => {
  const keep = (s: Awaited<ReturnType<typeof setup>>, promiseId: string) =>
    s.engine.executeOrThrow({ type: 'KeepPromise', complaintId: 'c-1', actor: desk, data: { promiseId } });
  const breakIt = async (s: Awaited<ReturnType<typeof setup>>, promiseId: string) => {
    await s.engine.executeOrThrow({ type: 'ExplainPromiseBreak', complaintId: 'c-1', actor: desk, data: { promiseId, channel: 'phone', explanation: 'No one is free' } });
    await s.engine.executeOrThrow({ type: 'BreakPromise', complaintId: 'c-1', actor: desk, data: { promiseId, reason: 'No one is free' } });
  };

  it('is not met when a promise of another kind is kept, nor cancelled when one is broken', async () => {
    const s = await setup();
    await s.engine.executeOrThrow({ type: 'MakePromise', complaintId: 'c-1', actor: desk, data: { kind: 'callBack', due: '2026-11-23T05:00:00Z', description: 'We call back by noon' } });
    await s.engine.executeOrThrow({ type: 'MakePromise', complaintId: 'c-1', actor: desk, data: { kind: 'partArrival', due: '2026-11-23T09:00:00Z', description: 'The part arrives today' } });
    s.clock.set('2026-11-23T03:00:00Z');
    await keep(s, 'promise-2');
    await breakIt(s, 'promise-3');
    expect(await s.visit()).toMatchObject({ state: 'running', dueAt: '2026-11-24T01:00:00.000Z' });
    s.clock.set('2026-11-24T01:00:01Z');
    expect(await s.visit()).toMatchObject({ state: 'breached' });
  });

  it('keeps its own deadline when a second visit is promised, and ends with the promise it follows', async () => {
    const s = await setup();
    await s.engine.executeOrThrow({ type: 'MakePromise', complaintId: 'c-1', actor: desk, data: { kind: 'visit', due: '2026-11-26T01:00:00Z', description: 'A second visit later' } });
    expect(await s.visit()).toMatchObject({ state: 'running', dueAt: '2026-11-24T01:00:00.000Z' });
    s.clock.set('2026-11-23T20:00:00Z');
    await keep(s, 'promise-2');
    expect(await s.visit()).toMatchObject({ state: 'running' });
    await keep(s, 'promise-1');
    expect(await s.visit()).toMatchObject({ state: 'pending', cycles: [{ outcome: 'met' }] });
  });

  it('still ends on events that name no promise (the complaint withdrawn)', async () => {
    const s = await setup();
    await s.engine.executeOrThrow({ type: 'WithdrawComplaint', complaintId: 'c-1', actor: desk, data: { reason: 'The customer fixed it' } });
    expect(await s.visit()).toMatchObject({ state: 'pending', cycles: [{ outcome: 'cancelled' }] });
  });

  it('measures the next visit promised after the one it followed was kept', async () => {
    const s = await setup();
    s.clock.set('2026-11-23T20:00:00Z');
    await keep(s, 'promise-1');
    await s.engine.executeOrThrow({ type: 'MakePromise', complaintId: 'c-1', actor: desk, data: { kind: 'visit', due: '2026-11-25T01:00:00Z', description: 'A follow-up visit' } });
    expect(await s.visit()).toMatchObject({ state: 'running', cycle: 2, dueAt: '2026-11-25T01:00:00.000Z', cycles: [{ outcome: 'met' }, { outcome: null }] });
    s.clock.set('2026-11-25T01:00:01Z');
    expect(await s.visit()).toMatchObject({ state: 'breached', cycle: 2 });
  });
});

/**
 * Any interleaving of promises of two kinds, kept, broken or left open, against a model of
 * the rule: the clock follows one visit promise at a time, from the first visit promised
 * while it waits, and its cycle ends only with that promise; kept at the due instant is a
 * breach, and core's `onTime` agrees with the clock on every promise it followed.
 */
describe('a promise clock over any log of promises', () => {
  const H = 3_600_000;
  const op = fc.record({
    gap: fc.integer({ min: 0, max: 30 }),
    act: fc.constantFrom('make', 'keep', 'break'),
    kind: fc.constantFrom('visit' as const, 'callBack' as const),
    dueIn: fc.integer({ min: 1, max: 48 }),
    pick: fc.nat(),
  });

  test.prop([fc.array(op, { maxLength: 14 })], { numRuns: 80 })('ends each cycle with the promise it follows, and only then', async (ops) => {
    const s = await setup();
    // The setup's promise-1: a visit due a day after 01:00.
    let now = Date.parse('2026-11-23T01:00:00Z');
    const open = new Map<string, { kind: string; due: number }>([['promise-1', { kind: 'visit', due: now + 24 * H }]]);
    let made = 1;
    let following: { id: string; due: number } | null = { id: 'promise-1', due: now + 24 * H };
    const outcomes: (string | null)[] = [null];
    const followed = ['promise-1'];
    for (const { gap, act, kind, dueIn, pick } of ops) {
      now += gap * H;
      s.clock.set(new Date(now).toISOString());
      if (act === 'make') {
        // On the hour, so commands land on due instants too.
        const due = now + dueIn * H;
        await s.engine.executeOrThrow({ type: 'MakePromise', complaintId: 'c-1', actor: desk, data: { kind, due: new Date(due).toISOString(), description: 'A promise' } });
        const id = `promise-${++made}`;
        open.set(id, { kind, due });
        if (following === null && kind === 'visit') {
          following = { id, due };
          outcomes.push(null);
          followed.push(id);
        }
      } else {
        const ids = [...open.keys()];
        if (ids.length === 0) continue;
        const id = ids[pick % ids.length] as string;
        open.delete(id);
        if (act === 'keep') await s.engine.executeOrThrow({ type: 'KeepPromise', complaintId: 'c-1', actor: desk, data: { promiseId: id } });
        else {
          await s.engine.executeOrThrow({ type: 'ExplainPromiseBreak', complaintId: 'c-1', actor: desk, data: { promiseId: id, channel: 'phone', explanation: 'Not possible' } });
          await s.engine.executeOrThrow({ type: 'BreakPromise', complaintId: 'c-1', actor: desk, data: { promiseId: id, reason: 'Not possible' } });
        }
        if (following?.id === id) {
          outcomes[outcomes.length - 1] = act === 'break' ? 'cancelled' : now >= following.due ? 'breached' : 'met';
          following = null;
        }
      }
      await s.visit();
    }
    const view = await s.visit();
    expect(view?.cycles.map((c) => c.outcome)).toEqual(outcomes);
    if (following === null) expect(view?.state).toBe('pending');
    else expect(view).toMatchObject({ state: now >= following.due ? 'breached' : 'running', dueAt: new Date(following.due).toISOString() });
    const onTime = new Map((await s.store.readStream('c-1')).flatMap((e) => (e.type === 'PromiseKept' ? [[e.data.promiseId, e.data.onTime] as const] : [])));
    followed.forEach((id, i) => {
      if (outcomes[i] === 'met' || outcomes[i] === 'breached') expect(onTime.get(id), id).toBe(outcomes[i] === 'met');
    });
  });
});

describe('a promise clock moved to another policy version', () => {
  it('follows the same promise after the migration', async () => {
    const v2: PolicyInput = { ...visitPromisePolicy, version: 2, effectiveFrom: '2026-11-23T02:00:00Z', clocks: [{ ...(visitPromisePolicy.clocks[0] as NonNullable<(typeof visitPromisePolicy.clocks)[0]>), warnings: [{ before: 'PT4H' }] }] };
    const store = createInMemoryEventStore();
    const clock = createManualClock('2026-11-23T01:00:00Z');
    const engine = createEngine({ store, clock });
    const config = { policies: [visitPromisePolicy, v2] };
    const ticker = createSlaTicker({ store, config });
    await engine.executeOrThrow({ type: 'ReceiveComplaint', complaintId: 'c-1', actor: desk, data: { customer: { reference: 'cust-9' }, channel: 'phone', description: 'Nobody came', demand: 'Send someone' } });
    await engine.executeOrThrow({ type: 'MakePromise', complaintId: 'c-1', actor: desk, data: { kind: 'visit', due: '2026-11-24T01:00:00Z', description: 'A technician visits tomorrow' } });
    await ticker.tick(clock.now());
    clock.set('2026-11-23T03:00:00Z');
    const report = await migrateSlaPolicy({ store, config, from: { name: 'promises', version: 1 }, to: { name: 'promises', version: 2 }, now: clock.now().getTime(), migrationId: 'm1', dryRun: false });
    expect(report.written).toBe(1);
    await engine.executeOrThrow({ type: 'MakePromise', complaintId: 'c-1', actor: desk, data: { kind: 'visit', due: '2026-11-26T01:00:00Z', description: 'A second visit' } });
    await engine.executeOrThrow({ type: 'KeepPromise', complaintId: 'c-1', actor: desk, data: { promiseId: 'promise-2' } });
    const visit = async () => {
      await ticker.tick(clock.now());
      return ticketClocks(ticker.state, 'c-1', clock.now()).find((v) => v.clock === 'visitPromise');
    };
    expect(await visit()).toMatchObject({ state: 'running', cycle: 2, dueAt: '2026-11-24T01:00:00.000Z' });
    await engine.executeOrThrow({ type: 'KeepPromise', complaintId: 'c-1', actor: desk, data: { promiseId: 'promise-1' } });
    expect(await visit()).toMatchObject({ state: 'pending', cycles: [{ outcome: 'superseded' }, { outcome: 'met' }] });
  });
});
