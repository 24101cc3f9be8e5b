/** Issue 10, section 2: escalation on breach only climbs, one rung per breach, whatever the tickers do. */
import { describe, expect, it } from 'vitest';
import { createEngine, createInMemoryEventStore, createManualClock, sequentialIds, staticDirectory, type ComplaintEvent } from '@redress/core';
import { defaultPolicy, defaultSlaConfig, serviceHoursCalendar } from '../policy/default-policy.js';
import { parseSlaConfig } from '../policy/config.js';
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
    const refused: string[] = [];
    const ticker = createSlaTicker({ store, config: defaultSlaConfig(), onBreach: escalateOnBreach({ engine, onRefused: (_, reason) => refused.push(reason) }) });
    await ticker.tick(ack);
    expect(await levels()).toEqual(['headOfficeEngineering']);
    // The top of the ladder: the engine says so, and the ticket's level is the highest reached.
    expect(refused).toEqual([expect.stringMatching(/already at headOfficeEngineering \(rung 3\), the top of the ladder "default"/)]);
    expect(ticker.state.tickets.get('c1')).toMatchObject({ escalationLevel: 'headOfficeEngineering', escalationRank: 3 });
  });

  it('escalates as the host’s automation, so it works with an actor directory that refuses a typed system actor', async () => {
    const store = createInMemoryEventStore<ComplaintEvent>();
    const clock = createManualClock(MONDAY);
    const engine = createEngine({ store, clock, directory: staticDirectory({ fd: ['frontDesk'] }) });
    await engine.executeOrThrow({
      type: 'ReceiveComplaint',
      complaintId: 'c1',
      actor: { id: 'fd', role: 'frontDesk' },
      data: { customer: { reference: 'cust' }, channel: 'phone', description: 'noise after repair', demand: 'fix it' },
    });
    const ack = Date.parse(MONDAY) + 8 * 3_600_000;
    clock.set(new Date(ack).toISOString());
    await createSlaTicker({ store, config: defaultSlaConfig(), onBreach: escalateOnBreach({ engine }) }).tick(ack);
    const escalation = (await store.readStream('c1')).find((e) => e.type === 'ComplaintEscalated');
    expect(escalation).toMatchObject({ actor: { id: 'sla', role: 'system' }, data: { level: 'departmentHead', rank: 1, breach: { clock: 'acknowledgement', cycle: 1 } } });
  });

  it('refuses a ladder on an SLA policy, saying where it lives now', () => {
    expect(() => parseSlaConfig({ calendars: [serviceHoursCalendar], policies: [{ ...defaultPolicy(), escalationLadder: ['departmentHead'] }] })).toThrow(
      /escalationLadder: the escalation ladder is configured in @redress\/core now: createEngine\(\{ escalation: \{ ladder \} \}\)/,
    );
  });
});
