/**
 * The complaint measures of a report, computed from the facts of the complaints in one slice.
 *
 * Definitions (docs/satisfaction.md explains each one):
 * - time to acknowledge: receipt → the four acknowledgement behaviours all recorded;
 *   time to resolve: receipt → archived. Calendar time; business time through the hook.
 * - SLA, calendar time: remedy executed by the agreed deadline (`RemedyExecuted.onTime`,
 *   per execution); a resolution (a plan) proposed within 7 days of receipt; a follow-up
 *   within 3 days of each execution. A rule counts once its deadline has passed (as of
 *   `asOf`) or it was met; a complaint withdrawn before the deadline is left out.
 * - first-contact resolution: archived in its first cycle, never reassigned, never
 *   escalated by hand; out of the archived complaints.
 * - reopen rate: reopened at least once, out of the complaints followed up at least once.
 * - repeat rate: flagged as a repeat, out of all complaints. Hidden share: revealed by a survey
 *   or a follow-up (source `survey` or `followUp`).
 * - follow-up coverage: complaints whose every due execution was followed up within 3 days,
 *   out of the complaints with at least one due execution.
 */
import { SEVERITIES, STEPS, type Severity, type Step } from '@redress/core';
import type { ComplaintFacts } from './facts.js';
import { pareto, servqualPareto, type ParetoRow, type ServqualParetoRow } from './pareto.js';
import { durationStats, rate, type DurationStats, type Rate } from './stats.js';
import { followUpChecks, planCheck } from './time-rules.js';
import type { PromiseOutcomes } from './staff.js';

/**
 * Where other packages plug in. `@redress/sla` computes deadlines in business time
 * (working hours, holidays, pauses while waiting on the customer); until a host wires
 * it here, durations and SLA rules are calendar time only.
 */
export interface AnalyticsHooks {
  /** Business time in ms between two instants of a complaint; when given, durations are also reported in business time. */
  readonly businessDuration?: (from: string, to: string, complaint: ComplaintFacts) => number;
  /** SLA results computed elsewhere, per complaint; counted by rule name into `sla.external`. */
  readonly slaResults?: (complaint: ComplaintFacts) => readonly { readonly rule: string; readonly met: boolean }[];
  /**
   * The promises of a complaint whose outcome is known, each with the handler who made it: the
   * "promises kept" figures. Default: the promises core recorded (`loggedPromiseOutcomes`); `null`
   * (n/a) while neither this hook nor the log has a settled promise.
   */
  readonly promises?: PromiseOutcomes;
}

/**
 * A handling time's statistics over the slice's complaints that reached the end point, in calendar
 * time and, with the `businessDuration` hook, in business time.
 */
export interface Durations {
  /** Wall-clock milliseconds between the two instants (weekends, nights and holidays included). */
  readonly calendar: DurationStats;
  /** `null` unless the `businessDuration` hook is given. */
  readonly business: DurationStats | null;
}

/**
 * The complaint measures of a slice (the first part of every `ComplaintAnalytics`). Each `Rate`
 * carries its count and its base, so a percentage is never shown without what it is of; the
 * definitions are in this module's comment and in docs/satisfaction.md.
 */
export interface ComplaintMeasures {
  /**
   * Complaints received in the slice: the base of the Paretos, the by-step and by-severity tables and the repeat and hidden rates.
   */
  readonly complaints: number;
  /**
   * Complaints per latest cause identified (one of core's `CAUSES`; `unknown` until one is), largest first, ties in `CAUSES` order.
   */
  readonly byCause: readonly ParetoRow[];
  /** The same complaints by the SERVQUAL factor of their latest cause (`unknown` until a cause is identified). */
  readonly byServqualFactor: readonly ServqualParetoRow[];
  /** Complaints per current workflow step, every step listed (0 included). */
  readonly byStep: Readonly<Record<Step, number>>;
  /** Complaints per severity (`general`, `major`), and `unclassified` until classified. */
  readonly bySeverity: Readonly<Record<Severity | 'unclassified', number>>;
  /**
   * The domain's time rules in calendar time (a rule counts once its deadline has passed as of
   * `asOf`, or it was met; a complaint withdrawn before a deadline is left out), and the results of
   * the `slaResults` hook.
   */
  readonly sla: {
    /** Remedy executions done by the deadline agreed with the customer (`RemedyExecuted.onTime`), of all executions. */
    readonly remedyOnTime: Rate;
    /** Complaints with a first resolution proposed within 7 days of receipt, of those with a plan or whose 7 days are over. */
    readonly planWithin7Days: Rate;
    /** Executions followed up within 3 days (before the next execution), of those followed up or whose 3 days are over. */
    readonly followUpWithin3Days: Rate;
    /** Per rule name the `slaResults` hook returned: results met, of results given. Empty without the hook. */
    readonly external: Readonly<Record<string, Rate>>;
  };
  /**
   * Receipt to the moment all four acknowledgement behaviours (thank, appreciate, apologise, promise) were recorded, over the complaints acknowledged.
   */
  readonly timeToAcknowledge: Durations;
  /** Receipt to archiving, over the archived complaints. */
  readonly timeToResolve: Durations;
  /** Archived complaints never reopened, never reassigned and never escalated by a person, of the archived complaints. */
  readonly firstContactResolution: Rate;
  /** Complaints reopened at least once (an unsatisfied follow-up), of those followed up at least once. */
  readonly reopen: Rate;
  /** Complaints found to repeat (flagged on the ticket, or recorded by csi after they closed), of all complaints. */
  readonly repeat: Rate;
  /** Hidden complaints: revealed by a survey or a follow-up (source `survey` or `followUp`), of all complaints. */
  readonly hidden: Rate;
  /** Complaints whose every due execution was followed up within 3 days, of the complaints with at least one due execution. */
  readonly followUpCoverage: Rate;
}

const ms = (from: string, to: string) => Date.parse(to) - Date.parse(from);

function durations(
  pairs: readonly { complaint: ComplaintFacts; from: string; to: string }[],
  hooks: AnalyticsHooks,
): Durations {
  const business = hooks.businessDuration;
  return {
    calendar: durationStats(pairs.map((p) => ms(p.from, p.to))),
    business: business ? durationStats(pairs.map((p) => business(p.from, p.to, p.complaint))) : null,
  };
}

/** The measures of these complaints, deadlines judged at `asOf` (ms). */
export function complaintMeasures(complaints: readonly ComplaintFacts[], asOf: number, hooks: AnalyticsHooks): ComplaintMeasures {
  const byStep = Object.fromEntries(STEPS.map((s) => [s, 0])) as Record<Step, number>;
  const bySeverity = Object.fromEntries([...SEVERITIES, 'unclassified'].map((s) => [s, 0])) as Record<Severity | 'unclassified', number>;
  let executions = 0;
  let onTime = 0;
  let plansDue = 0;
  let plansMet = 0;
  let followUpsDue = 0;
  let followUpsMet = 0;
  let coveredDue = 0;
  let covered = 0;
  let archived = 0;
  let firstContact = 0;
  let followedUp = 0;
  let reopened = 0;
  let repeats = 0;
  let hidden = 0;
  const external = new Map<string, { met: number; total: number }>();
  const acknowledge: { complaint: ComplaintFacts; from: string; to: string }[] = [];
  const resolve: { complaint: ComplaintFacts; from: string; to: string }[] = [];

  for (const c of complaints) {
    if (c.step !== 'none') byStep[c.step]++;
    bySeverity[c.severity ?? 'unclassified']++;
    executions += c.executions.length;
    onTime += c.executions.filter((e) => e.onTime).length;
    const plan = planCheck(c, asOf);
    if (plan !== 'notDue') plansDue++;
    if (plan === 'met') plansMet++;
    const f = followUpChecks(c, asOf);
    followUpsDue += f.due;
    followUpsMet += f.met;
    if (f.due > 0) coveredDue++;
    if (f.due > 0 && f.met === f.due) covered++;
    if (c.archivedAt !== null) {
      archived++;
      if (c.reopenCount === 0 && c.reassignments === 0 && c.manualEscalations === 0) firstContact++;
      resolve.push({ complaint: c, from: c.receivedAt, to: c.archivedAt });
    }
    if (c.acknowledgedAt !== null) acknowledge.push({ complaint: c, from: c.receivedAt, to: c.acknowledgedAt });
    if (c.followUps.length > 0) followedUp++;
    if (c.reopenCount > 0) reopened++;
    if (c.repeat) repeats++;
    if (c.source === 'survey' || c.source === 'followUp') hidden++;
    for (const r of hooks.slaResults?.(c) ?? []) {
      const row = external.get(r.rule) ?? { met: 0, total: 0 };
      row.total++;
      if (r.met) row.met++;
      external.set(r.rule, row);
    }
  }

  return {
    complaints: complaints.length,
    byCause: pareto(complaints),
    byServqualFactor: servqualPareto(complaints),
    byStep,
    bySeverity,
    sla: {
      remedyOnTime: rate(onTime, executions),
      planWithin7Days: rate(plansMet, plansDue),
      followUpWithin3Days: rate(followUpsMet, followUpsDue),
      external: Object.fromEntries([...external].map(([rule, r]) => [rule, rate(r.met, r.total)])),
    },
    timeToAcknowledge: durations(acknowledge, hooks),
    timeToResolve: durations(resolve, hooks),
    firstContactResolution: rate(firstContact, archived),
    reopen: rate(reopened, followedUp),
    repeat: rate(repeats, complaints.length),
    hidden: rate(hidden, complaints.length),
    followUpCoverage: rate(covered, coveredDue),
  };
}
