/**
 * Typed errors of the SLA package. Bad configuration is refused before anything
 * runs, with every problem listed under a dotted path, so a policy or a calendar
 * with a typo never starts measuring the wrong thing.
 */
import type { z } from 'zod';

export interface SlaConfigIssue {
  /** Dotted path into the configuration, e.g. `policies.0.clocks.1.calendar`. */
  readonly path: string;
  readonly message: string;
}

/** A calendar, a policy or a whole SLA configuration is invalid or contradicts itself. */
export class SlaConfigError extends Error {
  readonly kind = 'SlaConfig' as const;
  override readonly name = 'SlaConfigError';
  constructor(
    /** What was being read: `calendar`, `policy` or `config`. */
    readonly subject: string,
    readonly issues: readonly SlaConfigIssue[],
  ) {
    super(`invalid SLA ${subject}:\n${issues.map((i) => `  ✖ ${i.path === '' ? '(root)' : i.path}: ${i.message}`).join('\n')}`);
  }
}

/** A calendar computation cannot finish: the calendar is closed for longer than the search horizon. */
export class CalendarClosedError extends Error {
  readonly kind = 'CalendarClosed' as const;
  override readonly name = 'CalendarClosedError';
  constructor(
    readonly calendar: string,
    readonly from: string,
    readonly horizonDays: number,
  ) {
    super(`calendar ${calendar} has no open time within ${horizonDays} days after ${from}`);
  }
}

export const issuesFromZod = (error: z.ZodError): SlaConfigIssue[] =>
  error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

/** A ticket is pinned to a policy version the configuration does not have: the log's past cannot be folded without it. */
export class SlaPinError extends Error {
  readonly kind = 'SlaPin' as const;
  override readonly name = 'SlaPinError';
  constructor(
    readonly complaintId: string,
    readonly policy: { readonly name: string; readonly version: number },
    /** Why the ticket names it: its recorded pin, or a migration's source or target. */
    readonly role: 'pinned to' | 'migrated from' | 'migrated to',
  ) {
    super(
      `ticket ${complaintId} is ${role} ${policy.name}@${policy.version}, which the SLA configuration does not have: keep every policy version tickets in the log were measured under`,
    );
  }
}
