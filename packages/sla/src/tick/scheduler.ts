/**
 * An optional scheduler for hosts that want one: it ticks at the next due instant
 * (or every `pollMs` to see new complaint events), with the host's clock. This is
 * the one edge of the package that uses a timer; the ticker itself never does.
 */
import type { Clock } from '@redress/core';
import type { SlaTicker, TickResult } from './ticker.js';

/** What `startSlaScheduler` needs: the ticker, the host's clock, the longest wait, and callbacks. */
export interface SlaSchedulerOptions {
  readonly ticker: SlaTicker;
  readonly clock: Clock;
  /** The longest wait between ticks, so new complaint events are picked up (default 60 s). */
  readonly pollMs?: number;
  readonly onTick?: (result: TickResult) => void;
  readonly onError?: (error: unknown) => void;
}

/** A running scheduler; stop it on shutdown. */
export interface SlaScheduler {
  stop(): void;
}

/**
 * Starts ticking at each next due instant (or every `pollMs`): the one place in the package that sets a
 * timer.
 */
export function startSlaScheduler(options: SlaSchedulerOptions): SlaScheduler {
  const pollMs = options.pollMs ?? 60_000;
  let stopped = false;
  let timer: ReturnType<typeof globalThis.setTimeout> | undefined;

  const run = async () => {
    if (stopped) return;
    try {
      const result = await options.ticker.tick(options.clock.now());
      options.onTick?.(result);
    } catch (error) {
      options.onError?.(error);
    }
    if (stopped) return;
    const next = options.ticker.nextDueAt();
    const wait = next === undefined ? pollMs : Math.min(pollMs, Math.max(0, next - options.clock.now().getTime()));
    // The host-side edge: waking up at the next due instant is this module's whole purpose.
    // eslint-disable-next-line no-restricted-globals -- the optional host scheduler is the one place a timer belongs
    timer = setTimeout(() => void run(), wait);
  };
  void run();
  return {
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
