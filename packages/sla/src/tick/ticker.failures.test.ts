/**
 * A tick that fails half-way (the store refuses an append, the breach handler throws) must not lose what it
 * had yet to hand out: the next tick, or the scheduler's retry, hands it out. Found by reading the ticker:
 * the due entry was popped before handing out and only put back on success.
 */
import { describe, expect, it } from 'vitest';
import { createInMemoryEventStore, type EventLike } from '@redress/core';
import { H, oneClock, T0, testLog } from '../test-support/log.js';
import { createSlaTicker, type BreachHandler } from './ticker.js';
import { slaStreamId } from './events.js';

/** The in-memory store, refusing the next `failures` appends of the given event type. */
function flakyStore(type: string, failures: number) {
  const inner = createInMemoryEventStore<EventLike>();
  let left = failures;
  const store: typeof inner = Object.create(inner);
  store.append = async (stream, expected, events) => {
    if (left > 0 && events.some((e) => e.type === type)) {
      left--;
      throw new Error('store outage');
    }
    return inner.append(stream, expected, events);
  };
  return store;
}

const types = async (store: ReturnType<typeof flakyStore>) => (await store.readStream(slaStreamId('c1'))).map((e) => e.type);

describe('a tick that fails part-way', () => {
  for (const failing of ['SlaWarningRaised', 'SlaBreached']) {
    it(`hands out on the next tick what a refused ${failing} append left undone`, async () => {
      const store = flakyStore(failing, 1);
      const log = testLog(store);
      await log.add('c1', T0, 'ComplaintReceived');
      const ticker = createSlaTicker({ store, config: oneClock({ warnings: [{ percent: 50 }] }) });
      await expect(ticker.tick(T0 + 11 * H)).rejects.toThrow('store outage');
      const retry = await ticker.tick(T0 + 11 * H);
      expect(retry.appended.map((e) => e.type)).toContain(failing);
      expect(await types(store)).toEqual(['SlaPolicyApplied', 'SlaClockStarted', 'SlaWarningRaised', 'SlaBreached']);
      expect(retry.nextDueAt).toBeNull();
    });
  }

  it('calls a breach handler that threw again on the next tick, and writes the breach once', async () => {
    const store = createInMemoryEventStore<EventLike>();
    const log = testLog(store);
    await log.add('c1', T0, 'ComplaintReceived');
    const seen: string[] = [];
    let throws = 1;
    const onBreach: BreachHandler = async ({ event }) => {
      seen.push(event.eventId);
      if (throws-- > 0) throw new Error('escalation refused');
    };
    const ticker = createSlaTicker({ store, config: oneClock({ warnings: [] }), onBreach });
    await expect(ticker.tick(T0 + 11 * H)).rejects.toThrow('escalation refused');
    const retry = await ticker.tick(T0 + 11 * H);
    expect(retry.alreadyStored).toBe(1);
    expect(seen).toHaveLength(2);
    expect(new Set(seen).size).toBe(1);
    expect((await store.readStream(slaStreamId('c1'))).filter((e) => e.type === 'SlaBreached')).toHaveLength(1);
    // Handed out at last: later ticks leave the handler alone.
    await ticker.tick(T0 + 20 * H);
    expect(seen).toHaveLength(2);
  });
});
