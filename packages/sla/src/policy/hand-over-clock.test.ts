/**
 * First-contact responsibility (首问负责制) on the clock, by policy configuration only:
 * a clock runs from a hand-over's offer until it is accepted or declined, so a
 * hand-over left unanswered breaches (and may escalate) while the first owner stays
 * accountable. A new offer replacing a pending one starts the wait again.
 */
import { createEngine, createInMemoryEventStore, createManualClock, type Actor } from '@redress/core';
import { describe, expect, it } from 'vitest';
import { createSlaTicker, ticketClocks, type PolicyInput } from '../index.js';

export const handOverPolicy: PolicyInput = {
  name: 'hand-over',
  version: 1,
  clocks: [
    {
      name: 'handOver',
      calendar: '24x7',
      start: [{ on: 'HandOverOffered' }],
      reset: [{ on: 'HandOverOffered' }],
      stop: [{ on: ['HandOverAccepted', 'HandOverDeclined'] }],
      cancel: [{ on: ['ComplaintWithdrawn', 'ComplaintArchived'] }],
      target: { duration: 'PT4H' },
      warnings: [{ percent: 50 }],
    },
  ],
};

const frontDesk: Actor = { id: 'fd-wang', role: 'frontDesk' };
const handler: Actor = { id: 'h-li', role: 'handler' };

async function setup() {
  const store = createInMemoryEventStore();
  const clock = createManualClock('2026-11-23T01:00:00Z');
  const engine = createEngine({ store, clock });
  const ticker = createSlaTicker({ store, config: { policies: [handOverPolicy] } });
  await engine.executeOrThrow({
    type: 'ReceiveComplaint',
    complaintId: 'c-1',
    actor: frontDesk,
    data: { customer: { reference: 'cust-9' }, channel: 'phone', description: 'Brakes squeal after service', demand: 'Fix it' },
  });
  const offer = (to: string) => engine.executeOrThrow({ type: 'OfferHandOver', complaintId: 'c-1', actor: frontDesk, data: { to, reason: 'workshop fault' } });
  const clockState = async () => {
    await ticker.tick(clock.now());
    return ticketClocks(ticker.state, 'c-1', clock.now()).find((v) => v.clock === 'handOver');
  };
  return { engine, clock, offer, clockState };
}

describe('a clock on an unaccepted hand-over', () => {
  it('breaches when the offer is left unanswered past its target', async () => {
    const s = await setup();
    expect(await s.clockState()).toMatchObject({ state: 'pending' });
    await s.offer('h-li');
    s.clock.set('2026-11-23T04:59:00Z');
    expect(await s.clockState()).toMatchObject({ state: 'running' });
    s.clock.set('2026-11-23T05:01:00Z');
    expect(await s.clockState()).toMatchObject({ state: 'breached' });
  });

  it('is met when the one offered accepts (or declines) in time', async () => {
    for (const answer of ['AcceptHandOver', 'DeclineHandOver'] as const) {
      const s = await setup();
      await s.offer('h-li');
      s.clock.set('2026-11-23T03:00:00Z');
      await s.engine.executeOrThrow(
        answer === 'AcceptHandOver'
          ? { type: answer, complaintId: 'c-1', actor: handler, data: {} }
          : { type: answer, complaintId: 'c-1', actor: handler, data: { reason: 'not mine' } },
      );
      s.clock.set('2026-11-23T09:00:00Z');
      expect(await s.clockState(), answer).toMatchObject({ state: 'met' });
    }
  });

  it('starts the wait again when a new offer replaces a pending one', async () => {
    const s = await setup();
    await s.offer('h-li');
    s.clock.set('2026-11-23T04:00:00Z');
    await s.offer('h-zhao');
    s.clock.set('2026-11-23T07:00:00Z'); // 6 h after the first offer, 3 h after the second
    expect(await s.clockState()).toMatchObject({ state: 'running' });
  });
});
