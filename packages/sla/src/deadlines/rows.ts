/**
 * The SLA deadlines as flat rows, one per ticket and clock, for SQL read models.
 *
 * A row is exact at `asOf`, the instant of the ticket's last event. Between
 * events a clock's state only changes with time, in one direction, so a row
 * plus the query's `now` (never the row writer's clock) answers "breached?" and
 * "warned?" without the business calendar: a running clock breaches at `dueAt`
 * and reaches its next warning at `nextWarningAt`, both absolute instants
 * computed on the calendar when the row was written. `isBreachedAt` and
 * `isWarnedAt` are those predicates; the stores' SQL says the same thing, and
 * tests hold both to the in-memory projection.
 */
import { currentCycle, type ClockRun, type Cycle } from '../clock/run.js';
import { crossingAt, thresholdsOf } from '../clock/thresholds.js';
import type { TicketSla } from '../clock/ticket.js';
import { crossingsBy, viewClock, type ClockState } from '../clock/view.js';

/** One row of the SLA deadline read model: a clock of a ticket with its due instant and state. */
export interface SlaDeadlineRow {
  /** The complaint (its stream id); with `clock`, the row's key. */
  readonly complaintId: string;
  /** The clock's name in the policy (`resolution`, `followUp`, …). */
  readonly clock: string;
  /** Name of the policy version measuring the ticket (tickets no policy matched have no rows). */
  readonly policyName: string;
  /** That policy's version, so a board can tell tickets measured by an old version from migrated ones. */
  readonly policyVersion: number;
  /** The handler assigned at `asOf`; null while unassigned (for "my deadlines" queries). */
  readonly handlerId: string | null;
  /** The severity at `asOf` (`general` until classified). */
  readonly severity: string;
  /** The intake channel recorded at receipt. */
  readonly channel: string;
  /** The highest escalation level reached by `asOf`; null before any escalation. */
  readonly escalationLevel: string | null;
  /** The ticket is archived or withdrawn. */
  readonly ticketClosed: boolean;
  /** The current cycle (0 before the clock first started). */
  readonly cycle: number;
  /** The clock's state at `asOf`. */
  readonly state: ClockState;
  /** Counting business time at `asOf` (a breached clock may still run). */
  readonly running: boolean;
  /**
   * Business ms the current cycle may use; null without a current cycle or before a deadline clock has its deadline.
   */
  readonly targetMs: number | null;
  /** Business ms used by `asOf`. */
  readonly elapsedMs: number;
  /** When the current cycle is (or was) due; null while paused or without a target. */
  readonly dueAt: string | null;
  /** The last warning threshold reached in the current cycle by `asOf`, if any. */
  readonly warnedAt: string | null;
  /** While running: when the next warning threshold not yet reached will be. */
  readonly nextWarningAt: string | null;
  /**
   * When the current cycle breached, if it had by `asOf` (ISO-8601 UTC). A later breach is not here: compare `dueAt`
   * with the query's `now` while `running`.
   */
  readonly breachedAt: string | null;
  /** The instant of the last event applied: the row is exact then. */
  readonly asOf: string;
  /** The stream version of that event. */
  readonly version: number;
}

const iso = (ms: number | undefined): string | null => (ms === undefined ? null : new Date(ms).toISOString());

/** The next threshold of a running cycle after those reached by `at`, when it is a warning. */
function nextWarning(run: ClockRun, cycle: Cycle, at: number): number | undefined {
  if (cycle.status !== 'running' || cycle.targetMs === undefined) return undefined;
  // Crossings by `at` include `started`, which is not in the threshold list.
  const reached = crossingsBy(run, cycle, at).length;
  const next = thresholdsOf(run, cycle.targetMs)[reached - 1];
  return next?.kind === 'warning' ? crossingAt(run, cycle, reached) : undefined;
}

/** Every clock of a ticket as a row, exact at `asOf` (epoch ms). A ticket without a policy has none. */
export function deadlineRows(ticket: TicketSla, streamId: string, asOf: number, version: number): SlaDeadlineRow[] {
  const policy = ticket.policy;
  if (policy === undefined) return [];
  return ticket.clocks.map((run) => {
    const view = viewClock(run, asOf);
    const cycle = currentCycle(run);
    const warnings = cycle ? crossingsBy(run, cycle, asOf).filter((c) => c.kind === 'warning') : [];
    return {
      complaintId: streamId,
      clock: run.config.name,
      policyName: policy.name,
      policyVersion: policy.version,
      handlerId: ticket.handlerId,
      severity: ticket.severity,
      channel: ticket.channel,
      escalationLevel: ticket.escalationLevel,
      ticketClosed: ticket.closed,
      cycle: view.cycle,
      state: view.state,
      running: cycle?.status === 'running',
      targetMs: view.targetMs,
      elapsedMs: view.elapsedMs,
      dueAt: view.dueAt,
      warnedAt: iso(warnings.at(-1)?.at),
      nextWarningAt: cycle ? iso(nextWarning(run, cycle, asOf)) : null,
      breachedAt: view.breachedAt,
      asOf: new Date(asOf).toISOString(),
      version,
    };
  });
}

const ms = (at: Date | number | string): number => (typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : at.getTime());

/**
 * Breached by `now` (at or after the row's `asOf`): breached when written, or
 * still running at its due instant. The SQL read models use the same rule.
 */
export function isBreachedAt(row: SlaDeadlineRow, now: Date | number | string): boolean {
  return row.state === 'breached' || (row.state === 'running' && row.dueAt !== null && ms(row.dueAt) <= ms(now));
}

/** Not breached by `now`, still active, and a warning threshold of its current cycle reached. */
export function isWarnedAt(row: SlaDeadlineRow, now: Date | number | string): boolean {
  if (isBreachedAt(row, now) || (row.state !== 'running' && row.state !== 'paused')) return false;
  return row.warnedAt !== null || (row.state === 'running' && row.nextWarningAt !== null && ms(row.nextWarningAt) <= ms(now));
}
