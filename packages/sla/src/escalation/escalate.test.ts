/** Issue 10, section 2: escalation on breach only climbs, one rung per breach, whatever the tickers do. */
import { describe, expect, it } from 'vitest';
import { createEngine, createInMemoryEventStore, createManualClock, sequentialIds, type ComplaintEvent } from '@redress/core';
import { defaultSlaConfig } from '../policy/default-policy.js';
import { createSlaTicker } from '../tick/ticker.js';
import { escalateOnBreach } from './escalate.js';

const MONDAY = '2026-11-23T01:00:00.000Z'; // 09:00 in Shanghai
const DAY = 24 * 3_600_000;

async function received() {
  const store = createInMemoryEventStore<ComplaintEvent>();
  const clock = createManualClock(MONDAY);
  const engine = createEngine({ store, clock, ids: sequentialIds('id') });
  await engine.executeOrThrow({
    type: 'ReceiveComplaint',
    complaintId: 'c1',
    actor: { id: 'fd', role: 'frontDesk' },
    data: { customer: { reference: 'cust' }, channel: 'phone', description: 'noise after repair', demand: 'fix it' },
  });
  const levels = async () => (await store.readStream('c1')).flatMap((e) => (e.type === 'ComplaintEscalated' ? [e.data.level] : []));
  return { store, clock, engine, levels };
}

describe('escalation on breach', () => {
  it('a restarted ticker does not escalate again for a breach it meets again, nor skip a rung', async () => {
    const { store, clock, engine, levels } = await received();
    const ack = Date.parse(MONDAY) + 8 * 3_600_000; // past the 4 business hours
    clock.set(new Date(ack).toISOString());
    await createSlaTicker({ store, config: defaultSlaConfig(), onBreach: escalateOnBreach({ engine }) }).tick(ack);
    expect(await levels()).toEqual(['departmentHead']);
    // Restarted a week later: it meets the acknowledgement breach again, then the plan's.
    const later = Date.parse(MONDAY) + 9 * DAY;
    clock.set(new Date(later).toISOString());
    await createSlaTicker({ store, config: defaultSlaConfig(), onBreach: escalateOnBreach({ engine }) }).tick(later);
    expect(await levels()).toEqual(['departmentHead', 'seniorManagement']);
  });

  it('never escalates down: after a manual escalation to head-office engineering a breach does not go to the department head', async () => {
    const { store, clock, engine, levels } = await received();
    await engine.executeOrThrow({ type: 'EscalateComplaint', complaintId: 'c1', actor: { id: 'fd', role: 'frontDesk' }, data: { level: 'headOfficeEngineering', reason: 'Gearbox fault seen on three cars' } });
    const ack = Date.parse(MONDAY) + 8 * 3_600_000;
    clock.set(new Date(ack).toISOString());
    await createSlaTicker({ store, config: defaultSlaConfig(), onBreach: escalateOnBreach({ engine }) }).tick(ack);
    expect(await levels()).toEqual(['headOfficeEngineering']);
  });
});
