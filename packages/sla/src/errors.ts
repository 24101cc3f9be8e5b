/**
 * Typed errors of the SLA package. Bad configuration is refused before anything
 * runs, with every problem listed under a dotted path, so a policy or a calendar
 * with a typo never starts measuring the wrong thing.
 */
import type { z } from 'zod';

/**
 * One problem found in an SLA configuration: where it is and what is wrong, so a host can show every mistake at once.
 */
export interface SlaConfigIssue {
  /** Dotted path into the configuration, e.g. `policies.0.clocks.1.calendar`. */
  readonly path: string;
  /** What is wrong and what was expected, in English (e.g. `must be an IANA time zone such as Asia/Shanghai`). */
  readonly message: string;
}

/** A calendar, a policy or a whole SLA configuration is invalid or contradicts itself. */
export class SlaConfigError extends Error {
  /**
   * Discriminant for hosts that switch on error kinds without `instanceof` (which fails across duplicate package
   * copies).
   */
  readonly kind = 'SlaConfig' as const;
  /** The class name, so stack traces and logs name the error even after serialisation. */
  override readonly name = 'SlaConfigError';
  constructor(
    /** What was being read: `calendar`, `policy` or `config`. */
    readonly subject: string,
    /**
     * Every problem found, zod's and the cross-field checks' (unknown calendar, contradictory spans, days in a
     * business duration), never just the first; the message lists them too.
     */
    readonly issues: readonly SlaConfigIssue[],
  ) {
    super(`invalid SLA ${subject}:\n${issues.map((i) => `  ✖ ${i.path === '' ? '(root)' : i.path}: ${i.message}`).join('\n')}`);
  }
}

/** A calendar computation cannot finish: the calendar is closed for longer than the search horizon. */
export class CalendarClosedError extends Error {
  /** Discriminant for hosts that switch on error kinds without `instanceof`. */
  readonly kind = 'CalendarClosed' as const;
  /** The class name, so stack traces and logs name the error even after serialisation. */
  override readonly name = 'CalendarClosedError';
  constructor(
    /**
     * The calendar's name: its hours, holidays and exceptions leave no open time within the horizon (usually an
     * exception list closing every date).
     */
    readonly calendar: string,
    /** The instant (ISO-8601, UTC) the search for open time started from. */
    readonly from: string,
    /**
     * How many consecutive closed days the search gave up after (3660, about ten years), so a never-open calendar
     * fails instead of looping.
     */
    readonly horizonDays: number,
  ) {
    super(`calendar ${calendar} has no open time within ${horizonDays} days after ${from}`);
  }
}

export const issuesFromZod = (error: z.ZodError): SlaConfigIssue[] =>
  error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

/** A ticket is pinned to a policy version the configuration does not have: the log's past cannot be folded without it. */
export class SlaPinError extends Error {
  /** Discriminant for hosts that switch on error kinds without `instanceof`. */
  readonly kind = 'SlaPin' as const;
  /** The class name, so stack traces and logs name the error even after serialisation. */
  override readonly name = 'SlaPinError';
  constructor(
    /** The complaint whose recorded pin or migration names the missing version. */
    readonly complaintId: string,
    /**
     * The policy version the log names but the configuration lacks: add it back (old versions stay in the config as
     * long as tickets measured by them are in the log).
     */
    readonly policy: { readonly name: string; readonly version: number },
    /** Why the ticket names it: its recorded pin, or a migration's source or target. */
    readonly role: 'pinned to' | 'migrated from' | 'migrated to',
  ) {
    super(
      `ticket ${complaintId} is ${role} ${policy.name}@${policy.version}, which the SLA configuration does not have: keep every policy version tickets in the log were measured under`,
    );
  }
}
