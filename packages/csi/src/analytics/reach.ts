/**
 * Survey reach: how many customers the surveys set out to reach (attempted), how many
 * were reached (成功回访) and how many answered (responded), with the attempts it took,
 * per method. The reach rate is the one figure based on the customers attempted; the
 * response rate, like every other percentage of the surveys, is based on the customers
 * reached.
 */
import { SURVEY_METHODS, type AttemptOutcome, type SurveyMethod, ATTEMPT_OUTCOMES } from '../reach/methods.js';
import type { ResolvedContact } from './contacts.js';
import { rate, type Rate } from './stats.js';

/** Survey reach by one method: the attempts made by it, and the customers whose first reaching attempt used it. */
export interface MethodReach {
  /** `null`: the survey or follow-up recorded no method, and its channel has none. */
  readonly method: SurveyMethod | null;
  /** Attempts made by this method, and those that reached the customer. */
  readonly attempts: number;
  /** Of those attempts, the ones that reached the customer (`reached` or `declined`). */
  readonly reachedAttempts: number;
  /** Customers reached by this method (their first reaching attempt's), and of those, who answered. */
  readonly reached: number;
  /** Of the customers reached by this method, those who gave ratings. */
  readonly responded: number;
}

/**
 * Survey reach in a slice (占成功回访比例): customers attempted, reached and answering, and the
 * attempts it took. `reached` is the base of every other survey percentage of the report.
 */
export interface SurveyReach {
  /** Customers a survey set out to reach: one per survey outside a complaint, one per follow-up of a complaint. */
  readonly attempted: number;
  /** Customers reached: a reaching attempt, or a survey or follow-up recorded for them. */
  readonly reached: number;
  /** Customers reached who gave ratings. */
  readonly responded: number;
  /**
   * Attempts counted: every explicit `SurveyAttempted`, plus the recorded survey or follow-up of each
   * contact no explicit attempt reached (a host that records no attempts sees attempts = attempted =
   * reached).
   */
  readonly attempts: number;
  /** Reached, out of the customers attempted. */
  readonly reach: Rate;
  /** Responded, out of the customers reached. */
  readonly response: Rate;
  /** Per method (the material's order; `null` last), only methods with attempts. */
  readonly byMethod: readonly MethodReach[];
  /** The attempts counted, by outcome (every outcome listed, 0 included); the implicit attempts count as `reached`. */
  readonly byOutcome: Readonly<Record<AttemptOutcome, number>>;
}

export function surveyReach(contacts: readonly ResolvedContact[]): SurveyReach {
  const rows = new Map<SurveyMethod | null, { attempts: number; reachedAttempts: number; reached: number; responded: number }>();
  const row = (m: SurveyMethod | null) => {
    let r = rows.get(m);
    if (!r) rows.set(m, (r = { attempts: 0, reachedAttempts: 0, reached: 0, responded: 0 }));
    return r;
  };
  const byOutcome = Object.fromEntries(ATTEMPT_OUTCOMES.map((o) => [o, 0])) as Record<AttemptOutcome, number>;
  let reached = 0;
  let responded = 0;
  let attempts = 0;
  for (const c of contacts) {
    for (const a of c.attempts) {
      const r = row(a.method);
      r.attempts++;
      if (a.reached) r.reachedAttempts++;
      byOutcome[a.outcome]++;
      attempts++;
    }
    if (!c.reached) continue;
    reached++;
    row(c.reachedBy).reached++;
    if (c.responded) {
      responded++;
      row(c.reachedBy).responded++;
    }
  }
  const order = [...SURVEY_METHODS, null];
  const byMethod = [...rows].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0])).map(([method, r]) => ({ method, ...r }));
  return {
    attempted: contacts.length,
    reached,
    responded,
    attempts,
    reach: rate(reached, contacts.length),
    response: rate(responded, reached),
    byMethod,
    byOutcome,
  };
}
