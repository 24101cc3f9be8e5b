import { describe, expect, it } from 'vitest';
import { createEngine, createInMemoryEventStore, createManualClock, sequentialIds, type ComplaintEvent, type EventLike, type RecordedEvent } from '@redress/core';
import { defaultSlaConfig } from '../policy/default-policy.js';
import { escalateOnBreach } from '../escalation/escalate.js';
import { D, H, oneClock, T0, testLog } from '../test-support/log.js';
import { createSlaTicker } from './ticker.js';
import { slaStreamId } from './events.js';

const iso = (ms: number) => new Date(ms).toISOString();
const summary = (events: readonly RecordedEvent<EventLike>[]) =>
  events.map((e) => {
    const data = e.data as { clock?: string; threshold?: string; policy?: { name: string; version: number } | null };
    if (e.type === 'SlaPolicyApplied') return `${e.occurredAt} ${e.type} ${data.policy ? `${data.policy.name}@${data.policy.version}` : 'none'}`;
    return `${e.occurredAt} ${e.type} ${data.clock ?? ''}${data.threshold ? ` ${data.threshold}` : ''}`;
  });

describe('tick(now)', () => {
  it('hands out each threshold once, at its exact instant, and says when the next one is due', async () => {
    const log = testLog();
    await log.add('c1', T0, 'ComplaintReceived');
    const ticker = createSlaTicker({ store: log.store, config: oneClock({ warnings: [{ percent: 50 }, { before: 'PT1H' }] }) });

    const first = await ticker.tick(T0 + H);
    // The ticket's policy version is recorded the first time the ticker sees it: from then on it is pinned.
    expect(summary(first.appended)).toEqual([`${iso(T0)} SlaPolicyApplied p@1`, `${iso(T0)} SlaClockStarted c`]);
    expect(first.nextDueAt).toBe(iso(T0 + 5 * H));

    // Late ticks still date each event at its threshold's instant.
    const late = await ticker.tick(T0 + 11 * H);
    expect(summary(late.appended)).toEqual([`${iso(T0 + 5 * H)} SlaWarningRaised c 50%`, `${iso(T0 + 9 * H)} SlaWarningRaised c PT1H before`, `${iso(T0 + 10 * H)} SlaBreached c`]);
    expect(late.nextDueAt).toBeNull();
    expect((await ticker.tick(T0 + 20 * H)).appended).toEqual([]);
    expect(await log.store.readStream(slaStreamId('c1'))).toHaveLength(5);
  });

  it('runs each tick through the instrumentation hook, which sees its instant and the result the caller gets', async () => {
    const log = testLog();
    await log.add('c1', T0, 'ComplaintReceived');
    const seen: { now: number; result: unknown }[] = [];
    const ticker = createSlaTicker({
      store: log.store,
      config: oneClock({ warnings: [] }),
      instrumentation: {
        async tick(now, run) {
          const result = await run();
          seen.push({ now, result });
          return result;
        },
      },
    });
    const first = await ticker.tick(new Date(T0 + H));
    const late = await ticker.tick(T0 + 11 * H);
    expect(seen).toEqual([
      { now: T0 + H, result: first },
      { now: T0 + 11 * H, result: late },
    ]);
    expect(summary(late.appended)).toEqual([`${iso(T0 + 10 * H)} SlaBreached c`]);
  });

  it('records a breach that happened while running even when the clock stopped before the tick', async () => {
    const log = testLog();
    await log.add('c1', T0, 'ComplaintReceived');
    await log.add('c1', T0 + 12 * H, 'ResolutionProposed', { agreedDeadline: iso(T0 + D) });
    const ticker = createSlaTicker({ store: log.store, config: oneClock({ stop: [{ on: 'ResolutionProposed' }], warnings: [] }) });
    const result = await ticker.tick(T0 + 13 * H);
    expect(summary(result.appended)).toEqual([`${iso(T0)} SlaPolicyApplied p@1`, `${iso(T0)} SlaClockStarted c`, `${iso(T0 + 10 * H)} SlaBreached c`]);
  });

  it('moves the next due instant when the log changes between ticks', async () => {
    const log = testLog();
    await log.add('c1', T0, 'ComplaintReceived');
    const ticker = createSlaTicker({
      store: log.store,
      config: oneClock({ pause: [{ on: 'WaitingOnCustomerStarted' }], resume: [{ on: 'WaitingOnCustomerEnded' }], warnings: [] }),
    });
    expect((await ticker.tick(T0)).nextDueAt).toBe(iso(T0 + 10 * H));
    await log.add('c1', T0 + H, 'WaitingOnCustomerStarted', { reason: 'information' });
    expect((await ticker.tick(T0 + 2 * H)).nextDueAt).toBeNull();
    await log.add('c1', T0 + 3 * H, 'WaitingOnCustomerEnded');
    expect((await ticker.tick(T0 + 3 * H)).nextDueAt).toBe(iso(T0 + 12 * H));
    expect((await ticker.tick(T0 + 11 * H)).appended).toEqual([]);
    expect(summary((await ticker.tick(T0 + 12 * H)).appended)).toEqual([`${iso(T0 + 12 * H)} SlaBreached c`]);
  });

  it('a restarted ticker writes nothing that is already stored', async () => {
    const log = testLog();
    await log.add('c1', T0, 'ComplaintReceived');
    const config = oneClock({});
    await createSlaTicker({ store: log.store, config }).tick(T0 + 20 * H);
    const again = await createSlaTicker({ store: log.store, config }).tick(T0 + 20 * H);
    expect(again.appended).toEqual([]);
    expect(again.alreadyStored).toBe(4);
  });
});

describe('the default policy through the engine, with escalation', () => {
  it('breaches a late acknowledgement on business hours and escalates once, as the system', async () => {
    const store = createInMemoryEventStore<ComplaintEvent>();
    const clock = createManualClock(iso(T0));
    const engine = createEngine({ store, clock, ids: sequentialIds('id') });
    await engine.executeOrThrow({
      type: 'ReceiveComplaint',
      complaintId: 'c1',
      actor: { id: 'fd', role: 'frontDesk' },
      data: { customer: { reference: 'cust' }, channel: 'phone', description: 'noise after repair', demand: 'fix it' },
    });
    const ticker = createSlaTicker({ store, config: defaultSlaConfig(), onBreach: escalateOnBreach({ engine }) });
    const racer = createSlaTicker({ store, config: defaultSlaConfig(), onBreach: escalateOnBreach({ engine }) });
    // Monday 09:00 + 4 business hours with the 12:00-13:30 lunch break = 14:30 Shanghai.
    const breach = Date.parse('2026-11-23T14:30:00+08:00');
    const early = await ticker.tick(breach - 1);
    expect(summary(early.appended).filter((s) => s.includes('acknowledgement'))).toEqual([
      `${iso(T0)} SlaClockStarted acknowledgement`,
      `${iso(Date.parse('2026-11-23T11:00:00+08:00'))} SlaWarningRaised acknowledgement 50%`,
      `${iso(Date.parse('2026-11-23T12:00:00+08:00'))} SlaWarningRaised acknowledgement 75%`,
      `${iso(Date.parse('2026-11-23T14:00:00+08:00'))} SlaWarningRaised acknowledgement PT30M before`,
    ]);
    expect(early.nextDueAt).toBe(iso(breach));
    clock.set(iso(breach + H));
    const [a, b] = await Promise.all([ticker.tick(breach), racer.tick(breach)]);
    expect([...a.appended, ...b.appended].filter((e) => e.type === 'SlaBreached')).toHaveLength(1);
    const escalations = (await store.readStream('c1')).filter((e) => e.type === 'ComplaintEscalated');
    expect(escalations.map((e) => [e.data, e.actor])).toEqual([
      [expect.objectContaining({ level: 'departmentHead', reason: expect.stringContaining('acknowledgement breached') }), { id: 'sla', role: 'system' }],
    ]);
  });
});
