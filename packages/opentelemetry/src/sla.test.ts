/**
 * SLA tick spans and the breaches counter, on the real ticker and the default policy:
 * each tick is a span, the SLA events it appends are its children, and each breach it
 * stored is counted once by clock, also when a second ticker races it.
 */
import { createEngine, createInMemoryEventStore, createManualClock, type ComplaintEvent } from '@redress/core';
import { createSlaTicker, defaultPolicy, serviceHoursCalendar } from '@redress/sla';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTES, METRIC_NAMES, SPAN_NAMES } from './names.js';
import { NOW, receive } from './test-support/commands.js';
import { byAttributes, inMemorySdk, parentOf } from './test-support/sdk.js';

const config = { calendars: [serviceHoursCalendar], policies: [defaultPolicy()] };

async function oneComplaint() {
  const sdk = inMemorySdk();
  const store = sdk.telemetry.instrumentStore(createInMemoryEventStore<ComplaintEvent>());
  const clock = createManualClock(NOW); // Monday 09:00 in Shanghai
  await createEngine({ store, clock }).executeOrThrow(receive('c-1', false));
  return { sdk, store, clock };
}

describe('SLA ticks', () => {
  it('spans each tick with its instant and what it stored, its appends as children, and counts the breaches by clock', async () => {
    const { sdk, store, clock } = await oneComplaint();
    const ticker = createSlaTicker({ store, config, instrumentation: sdk.telemetry.sla });
    const started = await ticker.tick(clock.now());
    clock.set('2026-11-23T07:00:00Z');
    const late = await ticker.tick(clock.now());
    const breached = late.appended.filter((e) => e.type === 'SlaBreached');
    expect(breached.length).toBeGreaterThan(0);

    const [first, second] = sdk.spans(SPAN_NAMES.slaTick);
    expect(first?.attributes).toMatchObject({ [ATTRIBUTES.slaNow]: NOW, [ATTRIBUTES.slaAppended]: started.appended.length, [ATTRIBUTES.slaBreaches]: 0 });
    expect(first?.attributes[ATTRIBUTES.slaNextDueAt]).toBe(started.nextDueAt);
    expect(second?.attributes).toMatchObject({ [ATTRIBUTES.slaNow]: '2026-11-23T07:00:00.000Z', [ATTRIBUTES.slaAppended]: late.appended.length, [ATTRIBUTES.slaBreaches]: breached.length });
    const appendsUnderSecond = sdk.spans(SPAN_NAMES.append).filter((s) => parentOf(s) === second?.spanContext().spanId);
    expect(appendsUnderSecond).toHaveLength(late.appended.length);

    const clocks = breached.map((e) => (e.data as { clock: string }).clock);
    const expected = Object.fromEntries([...new Set(clocks)].map((c) => [JSON.stringify({ [ATTRIBUTES.slaClock]: c }), clocks.filter((x) => x === c).length]));
    expect(byAttributes(await sdk.points(METRIC_NAMES.slaBreaches))).toEqual(expected);
  });

  it('counts a breach once when two tickers hand it out: the one that stored it counts it', async () => {
    const { sdk, store, clock } = await oneComplaint();
    const one = createSlaTicker({ store, config, instrumentation: sdk.telemetry.sla });
    const two = createSlaTicker({ store, config, instrumentation: sdk.telemetry.sla });
    clock.set('2026-11-23T07:00:00Z');
    const first = await one.tick(clock.now());
    const second = await two.tick(clock.now());
    const breaches = first.appended.filter((e) => e.type === 'SlaBreached').length;
    expect(breaches).toBeGreaterThan(0);
    expect(second.appended).toEqual([]);
    // The second finds the first's pin in the log it reads; every threshold it hands out is already stored.
    const thresholds = first.appended.filter((e) => e.type !== 'SlaPolicyApplied').length;
    expect(second.alreadyStored).toBe(thresholds);
    const total = (await sdk.points(METRIC_NAMES.slaBreaches)).reduce((sum, p) => sum + p.value, 0);
    expect(total).toBe(breaches);
    expect(sdk.spans(SPAN_NAMES.slaTick).map((s) => s.attributes[ATTRIBUTES.slaAlreadyStored])).toEqual([0, thresholds]);
  });

  it('marks a tick whose breach handler throws as an error, and rethrows what the handler threw', async () => {
    const { sdk, store, clock } = await oneComplaint();
    const failure = new Error('escalation service down');
    const ticker = createSlaTicker({ store, config, instrumentation: sdk.telemetry.sla, onBreach: () => Promise.reject(failure) });
    clock.set('2026-11-23T07:00:00Z');
    await expect(ticker.tick(clock.now())).rejects.toBe(failure);
    const [tick] = sdk.spans(SPAN_NAMES.slaTick);
    expect(tick?.status).toEqual({ code: 2, message: 'escalation service down' });
    expect(tick?.events.map((e) => e.name)).toEqual(['exception']);
  });
});
