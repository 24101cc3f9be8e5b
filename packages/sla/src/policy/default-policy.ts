/**
 * The domain's time rules as a policy (complaint-handling.md §3), exported so
 * hosts can use it as is, override a target, or copy it as a starting point:
 *
 * - acknowledgement: the first response is time-critical. Running from receipt on
 *   the service calendar, met by the first of: the acknowledgement recorded (the
 *   four handling behaviours), the complaint confirmed with the customer, or an
 *   outbound contact. 4 business hours, 2 for major complaints.
 * - resolution: solved, or a concrete plan (ResolutionProposed) within 7 days of
 *   receipt; 3 days for major complaints. Calendar days, paused while waiting on
 *   the customer. A reopened complaint needs a new plan: a new cycle from reopening.
 * - remedy: executed by the deadline agreed with the customer, read from
 *   ResolutionProposed and moved by DeadlineRenegotiated. A rejected remedy
 *   (RemedyRejected) ends it: the deadline went with the remedy, and the next
 *   proposal starts a new cycle with its own; a proposal replacing an open one
 *   resets it.
 * - followUp: within 3 days of execution; 1 day for major complaints. Paused while
 *   waiting on the customer, also when execution ends during the wait (it starts
 *   paused). A reopened complaint gets a new follow-up cycle after its next execution.
 *
 * - customerUpdate (opt-in, `customerUpdate: true`): no customer update for 2 days,
 *   1 for major complaints (see customer-update-clock.ts).
 *
 * Every clock is cancelled when the complaint is withdrawn or declined at intake;
 * archiving ends the clocks still running (cancelled: there is nothing left to measure).
 */
import type { CalendarInput } from '../calendar/schema.js';
import type { Condition, Predicate } from './condition.js';
import { customerUpdateClock, type CustomerUpdateClockOptions } from './customer-update-clock.js';
import type { PolicyInput, SlaConfigInput } from './schema.js';

/** Paused while the ticket waits on the customer: a state, so a clock that starts during the wait starts paused. */
const waiting: Predicate = { field: 'waiting', equals: true };
const closed: Condition[] = [{ on: ['ComplaintWithdrawn', 'ComplaintDeclined', 'ComplaintArchived'] }];

/** Settings of the default SLA policy. */
export interface DefaultPolicyOptions {
  /** The calendar business-hour clocks use (default `service-hours`). */
  readonly calendar?: string;
  /**
   * Target of the first-response clock, by severity, as ISO-8601 durations on the business calendar (default `PT4H`,
   * `PT2H` for major); days are refused there, use hours.
   */
  readonly acknowledgement?: { readonly general?: string; readonly major?: string };
  /**
   * Target of the 7-day rule: solved or a concrete plan (ResolutionProposed) within this calendar time of receipt,
   * paused while waiting on the customer (default `P7D`, `P3D` for major).
   */
  readonly resolution?: { readonly general?: string; readonly major?: string };
  /**
   * Target of the 3-day follow-up rule: the FollowUpRecorded call within this calendar time of RemedyExecuted, paused
   * while waiting on the customer (default `P3D`, `P1D` for major).
   */
  readonly followUp?: { readonly general?: string; readonly major?: string };
  /**
   * Add the "no customer update" clock: `true` with its defaults (`P2D`, `P1D` for major, on `24x7`), or its
   * settings. Off by default; turning it on changes what the policy measures, so publish it as a new `version`.
   */
  readonly customerUpdate?: boolean | CustomerUpdateClockOptions;
  /**
   * The policy version to publish it as (default 1); bump it when you change a target, so tickets already pinned keep
   * being measured by the old one.
   */
  readonly version?: number;
}

/** The default policy; every target can be overridden (ISO-8601 durations). */
export function defaultPolicy(options: DefaultPolicyOptions = {}): PolicyInput {
  const calendar = options.calendar ?? 'service-hours';
  const bySeverity = (general: string, major: string) => ({ matrix: { by: 'severity' as const, values: { major }, otherwise: general } });
  return {
    name: 'default',
    version: options.version ?? 1,
    clocks: [
      {
        name: 'acknowledgement',
        calendar,
        start: [{ on: 'ComplaintReceived' }],
        stop: [
          { on: 'AcknowledgementRecorded' },
          { on: 'ComplaintConfirmed' },
          { on: 'CustomerContactLogged', where: { field: 'direction', equals: 'outbound' } },
        ],
        cancel: closed,
        target: bySeverity(options.acknowledgement?.general ?? 'PT4H', options.acknowledgement?.major ?? 'PT2H'),
        warnings: [{ percent: 50 }, { percent: 75 }, { before: 'PT30M' }],
        escalateOnBreach: true,
      },
      {
        name: 'resolution',
        calendar: '24x7',
        start: [{ on: 'ComplaintReceived' }],
        pauseWhile: waiting,
        stop: [{ on: 'ResolutionProposed' }],
        cancel: closed,
        target: bySeverity(options.resolution?.general ?? 'P7D', options.resolution?.major ?? 'P3D'),
        warnings: [{ percent: 50 }, { percent: 75 }, { before: 'PT24H' }],
        onReopen: 'restart',
        escalateOnBreach: true,
      },
      {
        name: 'remedy',
        calendar: '24x7',
        start: [{ on: 'ResolutionProposed' }],
        reset: [{ on: 'ResolutionProposed' }],
        rearm: [{ on: 'RemedyRejected' }],
        stop: [{ on: 'RemedyExecuted' }],
        cancel: closed,
        target: { deadline: { field: 'agreedDeadline', from: [{ on: ['ResolutionProposed', 'DeadlineRenegotiated'] }] } },
        warnings: [{ percent: 75 }, { before: 'PT24H' }],
        onReopen: 'rearm',
        escalateOnBreach: true,
      },
      {
        name: 'followUp',
        calendar: '24x7',
        start: [{ on: 'RemedyExecuted' }],
        pauseWhile: waiting,
        stop: [{ on: 'FollowUpRecorded' }],
        cancel: closed,
        target: bySeverity(options.followUp?.general ?? 'P3D', options.followUp?.major ?? 'P1D'),
        onReopen: 'rearm',
      },
      ...(options.customerUpdate ? [customerUpdateClock(options.customerUpdate === true ? {} : options.customerUpdate)] : []),
    ],
  };
}

/** A service station's hours: Monday-Saturday 08:30-12:00 and 13:30-17:30, in Shanghai. Replace with your own. */
export const serviceHoursCalendar: CalendarInput = {
  name: 'service-hours',
  version: 1,
  timeZone: 'Asia/Shanghai',
  weekly: Object.fromEntries(
    (['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const).map((d) => [
      d,
      [
        { from: '08:30', to: '12:00' },
        { from: '13:30', to: '17:30' },
      ],
    ]),
  ),
};

/** A complete configuration: the service-hours calendar and the default policy. */
export function defaultSlaConfig(options: DefaultPolicyOptions = {}): SlaConfigInput {
  return { calendars: [serviceHoursCalendar], policies: [defaultPolicy(options)] };
}
