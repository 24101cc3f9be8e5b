/**
 * Staff assessment (考核): a report per handler, each figure credited to whoever held the
 * complaint when it happened, so a reassignment moves neither the credit nor the blame:
 * an execution (on time or not) to the handler then, a follow-up (and the reopening an
 * unsatisfied one causes) to the handler then, a survey's ratings to the handler whose
 * work it rates. Each of these counts for exactly one row (`null`: nobody held it), so
 * the rows add up to the report's totals.
 *
 * Promises kept: from core's promise events (`loggedPromiseOutcomes`: each promise kept
 * by its due time, or not, credited to whoever made it), or from the `promises` hook (a
 * host's own promise records). When neither has a promise to show, every row is `null`
 * (n/a), never a made-up number.
 */
import type { CsiConfig } from '../dimensions/config.js';
import { scoreRatings } from '../scoring/score.js';
import type { ComplaintFacts, SurveyResponse } from './facts.js';
import { rate, type Rate } from './stats.js';

/** A promise made to a customer whose outcome is known: kept, or broken. */
export interface PromiseOutcome {
  /** Who made it (the handler credited); `null` when not known. */
  readonly handler: string | null;
  /** Kept by its due time; a promise kept late or broken is `false`. */
  readonly kept: boolean;
}

/** The promises of a complaint whose outcome is known; the source of the "promises kept" figures. */
export type PromiseOutcomes = (complaint: ComplaintFacts) => readonly PromiseOutcome[];

/** The outcomes of the promises recorded in the log (still-open ones left out), each credited to whoever made it. */
export const loggedPromiseOutcomes: PromiseOutcomes = (complaint) =>
  complaint.promises.flatMap((p) => (p.kept === null ? [] : [{ handler: p.madeBy, kept: p.kept }]));

/**
 * One handler's row of the staff assessment (选用、培训、考核、激励: handlers are assessed): volume,
 * remedies on time, reopenings, satisfaction and promises kept, each credited to whoever held the
 * complaint when it happened. The `null` row holds what happened while nobody held it, so the rows
 * add up to the report's totals.
 */
export interface StaffAssessment {
  /** `null`: what happened while nobody held the complaint. */
  readonly handler: string | null;
  /** Volume: complaints ever assigned to the handler (a reassigned complaint counts for each). */
  readonly complaints: number;
  /** Complaints the handler holds now, or held when they closed: each complaint counts once. */
  readonly held: number;
  /** Of those held, archived. */
  readonly archived: number;
  /** Executions while the handler held the complaint, done by the deadline agreed with the customer. */
  readonly onTime: Rate;
  /** Follow-ups while the handler held the complaint in which the customer was not satisfied (so it reopened). */
  readonly reopen: Rate;
  /** The CSI (overall service score) of the surveys rating the handler's work. */
  readonly satisfaction: { readonly score: number | null; readonly responses: number };
  /** Promises kept, of those whose outcome is known; `null` when no promise outcomes are given (shown as n/a). */
  readonly promisesKept: Rate | null;
}

interface Tally {
  complaints: number;
  held: number;
  archived: number;
  executions: number;
  onTime: number;
  followUps: number;
  reopened: number;
  responses: SurveyResponse[];
  promises: number;
  kept: number;
}

const empty = (): Tally => ({ complaints: 0, held: 0, archived: 0, executions: 0, onTime: 0, followUps: 0, reopened: 0, responses: [], promises: 0, kept: 0 });

/**
 * The staff assessment of these complaints and responses: one row per handler who appears in them,
 * most complaints first, the `null` row last. Satisfaction is scored with `config` (the service
 * module: the CSI); `promises` gives the promise outcomes (`analyze` passes the host's hook, else
 * `loggedPromiseOutcomes` once the log has a settled promise); without it every `promisesKept` is
 * `null`.
 */
export function staffAssessment(
  complaints: readonly ComplaintFacts[],
  responses: readonly SurveyResponse[],
  config: CsiConfig,
  promises?: PromiseOutcomes,
): StaffAssessment[] {
  const tallies = new Map<string | null, Tally>();
  const t = (h: string | null) => {
    let x = tallies.get(h);
    if (!x) tallies.set(h, (x = empty()));
    return x;
  };
  for (const c of complaints) {
    for (const h of new Set(c.handlers)) t(h).complaints++;
    const holder = t(c.handler);
    holder.held++;
    if (c.archivedAt !== null) holder.archived++;
    for (const e of c.executions) {
      t(e.handler).executions++;
      if (e.onTime) t(e.handler).onTime++;
    }
    for (const f of c.followUps) {
      t(f.handler).followUps++;
      if (!f.satisfied) t(f.handler).reopened++;
    }
    for (const p of promises?.(c) ?? []) {
      t(p.handler).promises++;
      if (p.kept) t(p.handler).kept++;
    }
  }
  for (const r of responses) t(r.handler).responses.push(r);

  return [...tallies]
    .map(([handler, x]) => ({
      handler,
      complaints: x.complaints,
      held: x.held,
      archived: x.archived,
      onTime: rate(x.onTime, x.executions),
      reopen: rate(x.reopened, x.followUps),
      satisfaction: { score: scoreRatings(config, x.responses.flatMap((r) => r.ratings)).overall.score, responses: x.responses.length },
      promisesKept: promises ? rate(x.kept, x.promises) : null,
    }))
    .sort((a, b) => (a.handler === null ? 1 : b.handler === null ? -1 : b.complaints - a.complaints || (a.handler < b.handler ? -1 : 1)));
}
