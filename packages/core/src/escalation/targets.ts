/**
 * Where an escalation goes, decided once for the machine's guards and for the
 * events: a manual escalation to a level (on the complaint's ladder, never below
 * the rung reached), a breach (one rung above the highest reached, once per
 * breach), and the report of a major complaint to senior management (skipped when
 * the complaint is already there or higher: nothing moves down).
 */
import type { ComplaintState } from '../decider/state.js';
import type { EscalationLevel } from '../domain/vocabulary.js';
import { ladderFor, targetAbove, targetOf, type EscalationLadder, type EscalationTarget } from './ladder.js';
import type { EscalationConfig } from './ladder.js';

export interface ChosenTarget {
  readonly ladder: EscalationLadder;
  readonly target: EscalationTarget;
  readonly rank: number;
}

/** A target, or why there is none. */
export type TargetChoice = { readonly ok: true; readonly value: ChosenTarget } | { readonly ok: false; readonly problem: string };

const reached = (state: ComplaintState) => state.escalation?.rank ?? 0;
const where = (state: ComplaintState) => (state.escalation === null ? 'with its handler (not escalated)' : `at ${state.escalation.level} (rung ${state.escalation.rank})`);
const levelsOf = (ladder: EscalationLadder) => ladder.rungs.map((rung) => rung.map((t) => t.level).join(' / ')).join(' → ');

/** A manual escalation to `level`: on the ladder, and not below the rung reached (a level of the same rung is a re-routing). */
export function manualTarget(state: ComplaintState, level: EscalationLevel, config: EscalationConfig): TargetChoice {
  const ladder = ladderFor(config, state);
  const found = targetOf(ladder, level);
  if (found === undefined) return { ok: false, problem: `${level} is not on the escalation ladder "${ladder.name}" (${levelsOf(ladder)})` };
  if (found.rank < reached(state)) {
    return { ok: false, problem: `the complaint is already ${where(state)}; ${level} is rung ${found.rank}, and escalation never moves down` };
  }
  return { ok: true, value: { ladder, ...found } };
}

/** A breach: one rung above the highest reached, routed by the latest cause; once per breach. */
export function breachTarget(state: ComplaintState, breachId: string, config: EscalationConfig): TargetChoice {
  if (state.escalatedBreaches.includes(breachId)) return { ok: false, problem: `breach ${breachId} has already escalated the complaint: a breach escalates once` };
  const ladder = ladderFor(config, state);
  const above = targetAbove(ladder, reached(state), state.cause);
  if (above === undefined) return { ok: false, problem: `the complaint is already ${where(state)}, the top of the ladder "${ladder.name}"` };
  return { ok: true, value: { ladder, ...above } };
}

/**
 * A complaint classified major is reported to senior management: the ladder's
 * senior-management target, unless the complaint already reached that rung or higher.
 */
export function majorReportTarget(state: ComplaintState, config: EscalationConfig): ChosenTarget | undefined {
  const ladder = ladderFor(config, state);
  const found = targetOf(ladder, 'seniorManagement');
  if (found === undefined || found.rank <= reached(state)) return undefined;
  return { ladder, ...found };
}
