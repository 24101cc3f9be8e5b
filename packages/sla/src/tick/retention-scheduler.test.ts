import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCustomerDataProtection, createInMemoryKeyStore, createManualClock, type RetentionRun } from '@redress/core';
import { D, oneClock, T0, testLog, type TestStore } from '../test-support/log.js';
import { startSlaScheduler } from './scheduler.js';
import { createSlaTicker } from './ticker.js';

afterEach(() => {
  vi.useRealTimers();
});

const MONTH_AFTER = (at: number) => {
  const date = new Date(at);
  date.setUTCMonth(date.getUTCMonth() + 1);
  return date.getTime();
};

/** Every erasure audit event in the log, as customer → instants. */
async function erasures(store: TestStore) {
  const found = new Map<string, { at: number; actor: unknown }[]>();
  for (const e of await store.readAll()) {
    if (e.type !== 'CustomerDataErased') continue;
    const customer = (e.data as { customerReference: string }).customerReference;
    found.set(customer, [...(found.get(customer) ?? []), { at: Date.parse(e.occurredAt), actor: e.actor }]);
  }
  return found;
}

describe('retention through the scheduler', () => {
  it('erases each customer once, a day at most after the window on the injected clock, across a restart and two schedulers at once', async () => {
    vi.useFakeTimers();
    const log = testLog();
    const { store } = log;
    await log.add('c-a', T0, 'ComplaintReceived', { customer: { reference: 'cust-a' } });
    await log.add('c-a', T0 + D, 'ComplaintArchived');
    await log.add('c-b', T0, 'ComplaintReceived', { customer: { reference: 'cust-b' } });
    await log.add('c-c', T0, 'ComplaintReceived', { customer: { reference: 'cust-c' } }); // never archived
    const keys = createInMemoryKeyStore();
    const clock = createManualClock(new Date(T0 + 2 * D).toISOString());
    const now = () => clock.now().getTime();
    const runs: RetentionRun[] = [];
    const start = () =>
      startSlaScheduler({
        ticker: createSlaTicker({ store, config: oneClock({ warnings: [] }) }),
        clock,
        pollMs: 7 * D,
        retention: { privacy: createCustomerDataProtection({ store, keys, clock }), policy: { months: 1 }, everyMs: D, onRun: (run) => runs.push(run) },
      });
    /** Moves the clock and the timers together, a quarter day at a time, until `until`. */
    const passTo = async (until: number) => {
      while (now() < until) {
        clock.advance(D / 4);
        await vi.advanceTimersByTimeAsync(D / 4);
      }
    };
    const within = (at: number | undefined, from: number) => at !== undefined && at >= from && at <= from + D;

    const first = start();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toEqual([{ erased: [] }]);
    await passTo(MONTH_AFTER(T0 + D) - D / 4);
    expect((await erasures(store)).size).toBe(0);
    await passTo(T0 + 40 * D);
    const seen = await erasures(store);
    expect([...seen.keys()]).toEqual(['cust-a']);
    expect(seen.get('cust-a')).toHaveLength(1);
    expect(seen.get('cust-a')?.[0]?.actor).toEqual({ id: 'retention', role: 'system' });
    expect(within(seen.get('cust-a')?.[0]?.at, MONTH_AFTER(T0 + D))).toBe(true);
    const archivedB = now();
    await log.add('c-b', archivedB, 'ComplaintArchived');

    // A restart: a new scheduler over the same store, while the old one still runs for a while.
    const second = start();
    await passTo(archivedB + 8 * D);
    first.stop();
    await passTo(MONTH_AFTER(archivedB) + 3 * D);
    second.stop();
    const after = await erasures(store);
    expect([...after.keys()].sort()).toEqual(['cust-a', 'cust-b']);
    expect(after.get('cust-a')).toHaveLength(1);
    expect(after.get('cust-b')).toHaveLength(1);
    expect(within(after.get('cust-b')?.[0]?.at, MONTH_AFTER(archivedB))).toBe(true);
    expect(runs.flatMap((r) => r.erased).sort()).toEqual(['cust-a', 'cust-b']);
    expect((await keys.subjects()).filter((s) => s.destroyed).map((s) => s.subject).sort()).toEqual(['cust-a', 'cust-b']);
  });

  it('retries a failed run at the next poll, not in a loop, and reports it', async () => {
    vi.useFakeTimers();
    const log = testLog();
    const clock = createManualClock(new Date(T0).toISOString());
    const errors: unknown[] = [];
    let calls = 0;
    const privacy = {
      applyRetention: () => (++calls === 1 ? Promise.reject(new Error('store away')) : Promise.resolve({ erased: [] })),
    };
    const scheduler = startSlaScheduler({
      ticker: createSlaTicker({ store: log.store, config: oneClock({ warnings: [] }) }),
      clock,
      pollMs: D,
      retention: { privacy, policy: { months: 1 }, everyMs: 7 * D },
      onError: (error) => errors.push(error),
    });
    await vi.advanceTimersByTimeAsync(D - 1);
    expect([calls, errors.length]).toEqual([1, 1]);
    clock.advance(D);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(2);
    // Succeeded: the next run is a week of clock time away.
    clock.advance(6 * D);
    await vi.advanceTimersByTimeAsync(6 * D);
    expect(calls).toBe(2);
    clock.advance(D);
    await vi.advanceTimersByTimeAsync(D);
    expect(calls).toBe(3);
    scheduler.stop();
  });
});
