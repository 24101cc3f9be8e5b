/**
 * The domain's time rules (§3), in calendar time: a follow-up call within 3 days of
 * the remedy's execution; a solution, or at least a plan, within 7 days of receipt.
 * A rule counts once its deadline has passed (as of `asOf`) or it was met; a
 * complaint withdrawn before the deadline is left out, and one declined at intake owes no plan.
 */
import type { ComplaintFacts } from './facts.js';

const DAY = 86_400_000;
/**
 * The follow-up call's deadline (3天内的回访): 3 days (259,200,000 ms) of calendar time after each
 * remedy execution. Business time, if a host wants it, comes through `@redress/sla`.
 */
export const FOLLOW_UP_WITHIN_MS = 3 * DAY;
/**
 * The plan's deadline (7天内必须解决问题, or at least a concrete plan): 7 days (604,800,000 ms) of
 * calendar time after receipt, met by the first `ResolutionProposed`.
 */
export const PLAN_WITHIN_MS = 7 * DAY;

export interface FollowUpCheck {
  readonly due: number;
  readonly met: number;
}

/**
 * Per execution: was a follow-up recorded within 3 days after it (and before the next
 * execution)? Paired by log order, not by time: a reopened cycle can share an instant with
 * the follow-up that reopened it (an import, a manual clock).
 */
export function followUpChecks(c: ComplaintFacts, asOf: number): FollowUpCheck {
  let due = 0;
  let met = 0;
  c.executions.forEach((execution, i) => {
    const at = Date.parse(execution.at);
    const followUp = c.followUps.find((f) => f.execution === i);
    const deadline = at + FOLLOW_UP_WITHIN_MS;
    const withdrawnBefore = c.withdrawnAt !== null && Date.parse(c.withdrawnAt) <= deadline;
    if (followUp !== undefined && Date.parse(followUp.at) <= deadline) {
      due++;
      met++;
    } else if ((followUp !== undefined || asOf >= deadline) && !withdrawnBefore) {
      due++;
    }
  });
  return { due, met };
}

export function planCheck(c: ComplaintFacts, asOf: number): 'met' | 'missed' | 'notDue' {
  const deadline = Date.parse(c.receivedAt) + PLAN_WITHIN_MS;
  if (c.firstPlanAt !== null) return Date.parse(c.firstPlanAt) <= deadline ? 'met' : 'missed';
  if (c.declinedAt !== null) return 'notDue';
  if (c.withdrawnAt !== null && Date.parse(c.withdrawnAt) <= deadline) return 'notDue';
  return asOf >= deadline ? 'missed' : 'notDue';
}

