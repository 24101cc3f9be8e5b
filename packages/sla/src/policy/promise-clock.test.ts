/**
 * Promises to the customer on the clock, by policy configuration only: a clock per kind
 * of promise runs from `PromiseMade` to its own due time (the event's `due`), met when
 * the promise is kept in time, and ends when it is broken. One clock follows one promise
 * at a time: a host promising several visits at once clocks them with a clock each.
 */
import { createEngine, createInMemoryEventStore, createManualClock, type Actor } from '@redress/core';
import { describe, expect, it } from 'vitest';
import { createSlaTicker, ticketClocks, type PolicyInput } from '../index.js';

export const visitPromisePolicy: PolicyInput = {
  name: 'promises',
  version: 1,
  clocks: [
    {
      name: 'visitPromise',
      calendar: '24x7',
      start: [{ on: 'PromiseMade', where: { field: 'kind', equals: 'visit' } }],
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
  return { engine, clock, visit };
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
    expect(await kept.visit()).toMatchObject({ state: 'met' });

    const broken = await setup();
    await broken.engine.executeOrThrow({ type: 'ExplainPromiseBreak', complaintId: 'c-1', actor: desk, data: { promiseId: 'promise-1', channel: 'phone', explanation: 'The technician is ill' } });
    await broken.engine.executeOrThrow({ type: 'BreakPromise', complaintId: 'c-1', actor: desk, data: { promiseId: 'promise-1', reason: 'No technician free' } });
    broken.clock.set('2026-11-25T01:00:00Z');
    expect(await broken.visit()).toMatchObject({ state: 'cancelled' });
  });
});
