/**
 * Sweeping the step a complaint lingers in. Some of a step's moves are accepted only
 * after others in the same step: a promise is broken once it was made and the customer
 * told why it cannot be kept. A walk that took a new move leaving the step first (an
 * approval, the execution) left the promise open behind it, and one that already took
 * those others there (or closed the promise by keeping it) never saw the last move
 * accepted: whether 500 runs took every BreakPromise hung on the seed. So in that step a
 * walk takes the new moves that stay in it before those that leave (half the time), and
 * when none is accepted, a command after which one is (make a promise again, explain its
 * break; three times in four, so it still leaves). One command ahead only: looking two
 * ahead doubled the run time for no more coverage.
 *
 * Like the rest of the walk, it depends on the run alone (the state and the moves taken).
 */
import { allowedCommands, type CommandType, type ComplaintState } from '@redress/core';
import { after, movingCommands, stepMove } from './linger.js';
import type { WalkContext, WalkStep } from './walk.js';

/** The step's own moves (staying in it) not taken yet in the run and not accepted now: what a sweep still wants. */
function wanted(state: ComplaintState, accepted: readonly CommandType[], context: WalkContext): readonly CommandType[] {
  const taken = context.taken ?? new Set<string>();
  const leaving = movingCommands(state.step);
  return allowedCommands(state).filter(
    (t) => !accepted.includes(t) && !leaving.includes(t) && t !== 'WithdrawComplaint' && !taken.has(stepMove(state.step, t)),
  );
}

/** Of `types`, those accepted in `state` that keep the complaint in its step, with the state each leads to. */
function staying(state: ComplaintState, types: readonly CommandType[], context: WalkContext): (readonly [CommandType, ComplaintState])[] {
  const leaving = movingCommands(state.step);
  return types.flatMap((t) => {
    if (leaving.includes(t) || t === 'WithdrawComplaint') return [];
    const next = after(state, t, context);
    return next !== undefined && next.step === state.step ? [[t, next] as const] : [];
  });
}

const enablingByState = new Map<string, readonly CommandType[]>();

/**
 * The accepted commands that stay in the step and after which a move of the step not taken yet is accepted; empty when
 * there is none to want, or no way to it in one command.
 */
export function enabling(state: ComplaintState, accepted: readonly CommandType[], context: WalkContext): readonly CommandType[] {
  const goals = wanted(state, accepted, context);
  if (goals.length === 0) return [];
  const key = context.generators === undefined ? JSON.stringify([state, goals]) : undefined;
  const cached = key === undefined ? undefined : enablingByState.get(key);
  if (cached) return cached;
  const reaches = (s: ComplaintState) => goals.some((goal) => after(s, goal, context) !== undefined);
  const found = staying(state, accepted, context).filter(([, next]) => reaches(next)).map(([t]) => t);
  if (key !== undefined) {
    if (enablingByState.size >= 10_000) enablingByState.clear();
    enablingByState.set(key, found);
  }
  return found;
}

/**
 * What a walk prefers in the step it lingers in: the new moves (`fresh`) that stay in the step; without one, three
 * times in four, the commands that make one possible (`enabling`); empty when neither (the walk then takes what is new,
 * leaving moves included, or moves on).
 */
export function sweeping(state: ComplaintState, accepted: readonly CommandType[], fresh: readonly CommandType[], step: WalkStep, context: WalkContext): readonly CommandType[] {
  const leaving = movingCommands(state.step);
  const stay = fresh.filter((t) => !leaving.includes(t) && t !== 'WithdrawComplaint' && t !== 'DeclineComplaint');
  // Half the time only: always sweeping first, walks ran out of commands before they left late steps (archive, withdraw).
  if (stay.length > 0) return (step.pick >> 4) % 2 === 0 ? stay : [];
  return step.pick % 4 === 0 ? [] : enabling(state, accepted, context);
}
