/**
 * "No customer update" (维修进度通知、维修结果反馈: keep the customer informed): a clock
 * that runs from receipt and starts again at every customer-facing update, so it
 * warns, then breaches, when a customer has heard nothing from the station for too
 * long. Configuration only: receipt starts it, each progress notice or result
 * feedback resets it (the cycle ends, a new one runs from that update), and it is
 * cancelled when the complaint closes. It never stops on its own: silence can come at
 * any step.
 *
 * The material names no interval (complaint-handling §10: a product decision), so
 * the defaults (2 days, 1 for a major complaint) are ours. It is off in
 * `defaultPolicy()` unless asked for: adding a clock to a published policy version
 * would change how tickets already pinned to it are measured.
 */
import { CUSTOMER_UPDATE_EVENT_TYPES } from '@redress/core';
import type { PolicyInput } from './schema.js';

/** One clock of a policy as a host writes it. */
type ClockInput = PolicyInput['clocks'][number];

/** Settings of the "no customer update" clock; every one has a default. */
export interface CustomerUpdateClockOptions {
  /**
   * The longest a customer may go without an update, by severity, as ISO-8601 durations on `calendar` (default
   * `P2D`, `P1D` for major; a business calendar refuses days, say `PT16H`).
   */
  readonly general?: string;
  /** The same for a major complaint (default `P1D`). */
  readonly major?: string;
  /** The calendar it measures on (default `24x7`: a customer waits on weekends too). */
  readonly calendar?: string;
  /** Warnings before the breach (default one, at 75% of the interval). */
  readonly warnings?: ClockInput['warnings'];
  /** The clock's name (default `customerUpdate`), as ticket views, breaches and `explain` show it. */
  readonly name?: string;
}

/** The default interval without an update: 2 days, 1 for a major complaint (our decision, not the material's). */
export const DEFAULT_CUSTOMER_UPDATE_INTERVAL = { general: 'P2D', major: 'P1D' } as const;

/** The events that restart the wait: every customer-facing update after receipt (receipt itself starts it). */
const UPDATES = CUSTOMER_UPDATE_EVENT_TYPES.filter((type) => type !== 'ComplaintReceived');

/**
 * The "no customer update" clock: from receipt, restarted by every `ProgressNoticeSent` and `ResultFeedbackSent`,
 * paused while the complaint waits on the customer, cancelled when it is withdrawn or archived. Add it to your own
 * policy, or turn it on in the default one with `defaultPolicy({ customerUpdate: true })`.
 */
export function customerUpdateClock(options: CustomerUpdateClockOptions = {}): ClockInput {
  const general = options.general ?? DEFAULT_CUSTOMER_UPDATE_INTERVAL.general;
  const major = options.major ?? DEFAULT_CUSTOMER_UPDATE_INTERVAL.major;
  return {
    name: options.name ?? 'customerUpdate',
    calendar: options.calendar ?? '24x7',
    start: [{ on: 'ComplaintReceived' }],
    reset: [{ on: [...UPDATES] }],
    // While the station waits on the customer, the silence is theirs.
    pauseWhile: { field: 'waiting', equals: true },
    cancel: [{ on: ['ComplaintWithdrawn', 'ComplaintArchived'] }],
    target: { matrix: { by: 'severity', values: { major }, otherwise: general } },
    warnings: options.warnings ?? [{ percent: 75 }],
  };
}
