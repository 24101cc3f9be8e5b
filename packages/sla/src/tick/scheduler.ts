/**
 * An optional scheduler for hosts that want one: it ticks at the next due instant
 * (or every `pollMs` to see new complaint events), with the host's clock. This is
 * the one edge of the package that uses a timer; the ticker itself never does.
 * It also runs the host's retention policy on the same loop and clock: retention is
 * idempotent by the log (an erased customer is never due again, each erasure is its
 * audit event), so a restarted or second scheduler erases no one twice.
 */
import type { Clock, CustomerDataProtection, RetentionPolicy, RetentionRun } from '@redress/core';
import type { SlaTicker, TickResult } from './ticker.js';

/** Retention run by the scheduler: at its start, then every `everyMs` of clock time. */
export interface ScheduledRetention {
  /** The host's data protection service (`createCustomerDataProtection`): it writes the audit events and destroys the keys. */
  readonly privacy: Pick<CustomerDataProtection, 'applyRetention'>;
  /** How long personal data is kept after a customer's last complaint was archived. */
  readonly policy: RetentionPolicy;
  /** Clock time between runs (default a day). */
  readonly everyMs?: number;
  /** Told what each run erased (for the host's log or metrics). */
  readonly onRun?: (run: RetentionRun) => void;
}

/** What `startSlaScheduler` needs: the ticker, the host's clock, the longest wait, and callbacks. */
export interface SlaSchedulerOptions {
  /** The ticker to drive (`createSlaTicker`); the scheduler only decides when to call `tick`. */
  readonly ticker: SlaTicker;
  /**
   * The host's clock, read for every tick's `now` and to compute waits: pass a fake one in tests (the timer itself is
   * real).
   */
  readonly clock: Clock;
  /** The longest wait between ticks, so new complaint events are picked up (default 60 s). */
  readonly pollMs?: number;
  /** Told what each tick appended and when the next threshold is due (for logs or metrics). */
  readonly onTick?: (result: TickResult) => void;
  /**
   * Told when a tick or retention run throws (a store outage, a failing `onBreach`); the loop keeps going and retries
   * at the next wake-up, so without it errors are silent.
   */
  readonly onError?: (error: unknown) => void;
  /** Also apply this retention policy (see docs/privacy.md); a failed run is retried at the next wake-up. */
  readonly retention?: ScheduledRetention;
}

/** A running scheduler; stop it on shutdown. */
export interface SlaScheduler {
  /**
   * Stops the loop and clears the pending timer; a tick already in flight finishes but schedules nothing. Idempotent.
   */
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
  const { retention } = options;
  let retentionDueAt = Number.NEGATIVE_INFINITY;

  const retain = async () => {
    const now = options.clock.now().getTime();
    if (!retention || now < retentionDueAt) return;
    const run = await retention.privacy.applyRetention(retention.policy);
    retentionDueAt = now + (retention.everyMs ?? 86_400_000);
    retention.onRun?.(run);
  };

  const run = async () => {
    if (stopped) return;
    try {
      const result = await options.ticker.tick(options.clock.now());
      options.onTick?.(result);
    } catch (error) {
      options.onError?.(error);
    }
    try {
      await retain();
    } catch (error) {
      options.onError?.(error);
    }
    if (stopped) return;
    // A retention run that failed is not due at a later instant: it is retried at the next poll.
    const retentionNext = retentionDueAt > options.clock.now().getTime() ? retentionDueAt : Number.POSITIVE_INFINITY;
    const next = Math.min(options.ticker.nextDueAt() ?? Number.POSITIVE_INFINITY, retentionNext);
    const wait = next === Number.POSITIVE_INFINITY ? pollMs : Math.min(pollMs, Math.max(0, next - options.clock.now().getTime()));
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
