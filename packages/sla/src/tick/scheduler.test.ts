import { afterEach, describe, expect, it, vi } from 'vitest';
import { createManualClock } from '@redress/core';
import { H, oneClock, T0, testLog } from '../test-support/log.js';
import { startSlaScheduler } from './scheduler.js';
import { createSlaTicker, type TickResult } from './ticker.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('the optional host scheduler', () => {
  it('sleeps until the next due instant, then ticks', async () => {
    vi.useFakeTimers();
    const log = testLog();
    await log.add('c1', T0, 'ComplaintReceived');
    const clock = createManualClock(new Date(T0).toISOString());
    const ticks: TickResult[] = [];
    const scheduler = startSlaScheduler({ ticker: createSlaTicker({ store: log.store, config: oneClock({ warnings: [] }) }), clock, pollMs: 24 * H, onTick: (r) => ticks.push(r) });
    await vi.advanceTimersByTimeAsync(0);
    expect(ticks.map((t) => t.appended.map((e) => e.type))).toEqual([['SlaPolicyApplied', 'SlaClockStarted']]);
    // The next due instant is the breach, 10 h away: nothing happens before.
    clock.advance(10 * H - 1);
    await vi.advanceTimersByTimeAsync(10 * H - 1);
    expect(ticks).toHaveLength(1);
    clock.advance(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(ticks.map((t) => t.appended.map((e) => e.type))).toEqual([['SlaPolicyApplied', 'SlaClockStarted'], ['SlaBreached']]);
    scheduler.stop();
  });
});
