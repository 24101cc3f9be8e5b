/**
 * How walks reach every transition of the machine within a few dozen runs. Walks that
 * only favour moving on spend one or two commands per step, so a note while executing
 * or a wait and its end in the follow-up were taken in one run of several hundred (the
 * coverage stood at about 60%). Each complaint instead lingers in one step, drawn from
 * its receipt's seed (two, in fact): it heads there by the shortest way, then takes the moves of that
 * step not taken yet in the run, then moves on.
 *
 * Everything here depends on the run alone (its earlier commands and seeds), never on
 * earlier runs: a counterexample replays from its seed and path, and shrinks.
 */
import { OPEN_STEPS, decide, evolveAll, snapshotFor, initialComplaintState, type Command, type CommandType, type ComplaintState, type ComplaintStep } from '@redress/core';
import { getNextTransitions } from 'xstate';
import { acceptedCommandTypes, commandOfType, generateWith } from './commands.js';
import type { WalkContext, WalkStep } from './walk.js';

/** The key of a command accepted in a step, as `WalkContext.taken` holds it. */
export const stepMove = (step: ComplaintStep, type: CommandType): string => `${step} ${type}`;

/**
 * The steps to linger in, each once per its weight: the late steps three times as often,
 * since fewer walks get that far and every walk passes through the early ones anyway;
 * an approved remedy four times (general complaints may skip it, so walks pass it least).
 */
const WEIGHT: Partial<Record<ComplaintStep, number>> = { resolutionProposed: 3, remedyApproved: 4, executing: 3, followingUp: 3 };
const LINGER: readonly ComplaintStep[] = OPEN_STEPS.flatMap((step) => Array<ComplaintStep>(WEIGHT[step] ?? 1).fill(step));

/** The two steps a complaint lingers in, from a seed (the same one twice, sometimes). */
export const lingerSteps = (seed: number): readonly ComplaintStep[] => [
  LINGER[seed % LINGER.length] as ComplaintStep,
  LINGER[Math.floor(seed / LINGER.length) % LINGER.length] as ComplaintStep,
];

/**
 * The accepted types not taken yet from this step in the run. A withdrawal ends the
 * complaint, so it is only among them in the step the complaint lingers in, one time in
 * four: it is reached in every step without cutting most walks short.
 */
export function untaken(accepted: readonly CommandType[], state: ComplaintState, step: WalkStep, context: WalkContext): readonly CommandType[] {
  const taken = context.taken ?? new Set<string>();
  const fresh = accepted.filter((t) => !taken.has(stepMove(state.step, t)));
  const lasting = fresh.filter((t) => t !== 'WithdrawComplaint');
  return context.linger?.includes(state.step) === true && (step.pick >> 2) % 4 === 0 ? fresh : lasting;
}

const targetsByStep = new Map<ComplaintStep, ReadonlyMap<CommandType, readonly ComplaintStep[]>>();
/** Where each command leads from a step, by the machine's transitions (guards aside). */
function targets(step: ComplaintStep): ReadonlyMap<CommandType, readonly ComplaintStep[]> {
  let found = targetsByStep.get(step);
  if (found === undefined) {
    const map = new Map<CommandType, ComplaintStep[]>();
    for (const t of getNextTransitions(snapshotFor({ ...initialComplaintState, step }))) {
      const list = map.get(t.eventType as CommandType) ?? [];
      for (const node of t.target ?? []) if (node.key !== step) list.push(node.key as ComplaintStep);
      map.set(t.eventType as CommandType, list);
    }
    found = map;
    targetsByStep.set(step, found);
  }
  return found;
}

const distances = new Map<ComplaintStep, ReadonlyMap<ComplaintStep, number>>();
/** How many moves each step is from `goal` (breadth-first, backwards over the open steps). */
function distanceTo(goal: ComplaintStep): ReadonlyMap<ComplaintStep, number> {
  let found = distances.get(goal);
  if (found === undefined) {
    const map = new Map<ComplaintStep, number>([[goal, 0]]);
    for (let changed = true; changed; ) {
      changed = false;
      for (const step of OPEN_STEPS) {
        const through = [...targets(step).values()].flat().map((to) => map.get(to)).filter((d): d is number => d !== undefined);
        const best = through.length > 0 ? Math.min(...through) + 1 : undefined;
        if (best !== undefined && step !== goal && best < (map.get(step) ?? Infinity)) {
          map.set(step, best);
          changed = true;
        }
      }
    }
    found = map;
    distances.set(goal, found);
  }
  return found;
}

/** Of the commands that move the complaint on, the ones leading closest to a step it lingers in (all of them without one). */
export function towards(moving: readonly CommandType[], step: ComplaintStep, linger: readonly ComplaintStep[] = []): readonly CommandType[] {
  const goals = linger.filter((goal) => goal !== step);
  if (goals.length === 0 || moving.length < 2) return moving;
  const score = (type: CommandType) =>
    Math.min(...goals.flatMap((goal) => (targets(step).get(type) ?? []).map((to) => distanceTo(goal).get(to) ?? Infinity)));
  const best = Math.min(...moving.map(score));
  return best === Infinity ? moving : moving.filter((type) => score(type) === best);
}

const movingByStep = new Map<ComplaintStep, readonly CommandType[]>();
/**
 * Command types with a transition out of the step to another step: the ones that move a complaint on. A decline at
 * intake is not one: like a withdrawal it ends the complaint off the path, so walks take it as a rare move, not half
 * the time they leave `received`.
 */
export function movingCommands(step: ComplaintStep): readonly CommandType[] {
  let moving = movingByStep.get(step);
  if (moving === undefined) {
    const snapshot = snapshotFor({ ...initialComplaintState, step });
    moving = [
      ...new Set(
        getNextTransitions(snapshot)
          .filter((t) => (t.target ?? []).some((node) => node.key !== step && node.key !== 'declined'))
          .map((t) => t.eventType as CommandType),
      ),
    ];
    movingByStep.set(step, moving);
  }
  return moving;
}

/** The state after `type` (a payload from the generators, roles and duties aside), or undefined when it is refused. */
export function after(state: ComplaintState, type: CommandType, context: WalkContext): ComplaintState | undefined {
  const complaintId = state.complaintId ?? context.complaintId;
  const command = generateWith(commandOfType(type, { complaintId, now: context.now, state }, context), 1) as Command;
  const decision = decide(state, command, { now: context.now, permissions: () => true, duties: false });
  return decision.ok ? evolveAll(state, decision.value) : undefined;
}

/** Whether something accepted in `state` moves the complaint on (a withdrawal aside). */
const movesOn = (state: ComplaintState, context: WalkContext) =>
  acceptedCommandTypes(state, context.now, context).some((t) => movingCommands(state.step).includes(t) && t !== 'WithdrawComplaint');

/** The types of `own` after which, with at most `depth - 1` more of them, something moves the complaint on. */
function unlockingWithin(state: ComplaintState, own: readonly CommandType[], context: WalkContext, depth: number): readonly CommandType[] {
  return own.filter((type) => {
    const next = after(state, type, context);
    if (next === undefined) return false;
    if (movesOn(next, context)) return true;
    const again = acceptedCommandTypes(next, context.now, context).filter((t) => own.includes(t) && t !== type);
    return depth > 1 && unlockingWithin(next, again, context, depth - 1).length > 0;
  });
}

const unlockingByState = new Map<string, readonly CommandType[]>();
/**
 * When nothing accepted moves the complaint on (investigating before a cause is found and
 * the responsible party recorded), the step's own commands after which something does,
 * at once or after one more of them (identifying the cause, attributing responsibility, in
 * either order): without them a walk piles up preventive actions and reclassifications
 * there. Cached by state, like `acceptedCommandTypes`; falls back to all of `own`.
 */
export function unlocking(state: ComplaintState, own: readonly CommandType[], context: WalkContext): readonly CommandType[] {
  const key = context.generators === undefined ? JSON.stringify(state) : undefined;
  const cached = key === undefined ? undefined : unlockingByState.get(key);
  if (cached) return cached;
  const once = unlockingWithin(state, own, context, 1);
  const found = once.length > 0 ? once : unlockingWithin(state, own, context, 2);
  const answer = found.length > 0 ? found : own;
  if (key !== undefined) {
    if (unlockingByState.size >= 10_000) unlockingByState.clear();
    unlockingByState.set(key, answer);
  }
  return answer;
}
