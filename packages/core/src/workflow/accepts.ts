/**
 * Does the machine accept a command? The plain-code twin of `snapshot.can()`.
 *
 * XState's `can()` walks the active state nodes, builds candidate lists and
 * allocates on every call: about a tenth of `execute()` in the profile. Its answer
 * only depends on which transitions the step offers for the command type and on
 * their named guards: the machine accepts when any transition for the type, in the
 * step's node or one of its ancestors, has no guard or a guard that passes (every
 * transition records events, so none is a no-op `can()` would reject). The table
 * below is read from the machine itself once per step (`getNextTransitions`, guards
 * aside), so it cannot drift from the definition; `equivalence.test.ts` proves the
 * twin answers exactly as `can()` does, over random complaints and every command.
 */
import { getNextTransitions } from 'xstate';
import type { CommandType } from '../commands/schema.js';
import type { ComplaintStep } from '../decider/state.js';
import { initialComplaintState } from '../decider/state.js';
import { complaintMachine } from './machine.js';
import { passes, type GuardName, type RuleInput } from './rules.js';
import { resolveSnapshot } from './snapshot.js';

/** For one step: command type → the guards of its transitions (`null`: a transition without a guard). */
type StepTransitions = ReadonlyMap<CommandType, readonly (GuardName | null)[]>;

const byStep = new Map<ComplaintStep, StepTransitions>();

function transitionsOf(step: ComplaintStep): StepTransitions {
  let table = byStep.get(step);
  if (table === undefined) {
    const built = new Map<CommandType, (GuardName | null)[]>();
    // Every configured machine is `complaintMachine.provide(...)`: the same structure, other guard bodies.
    for (const t of getNextTransitions(resolveSnapshot({ ...initialComplaintState, step }, complaintMachine))) {
      const type = t.eventType as CommandType;
      const guard = t.guard === undefined ? null : ((typeof t.guard === 'string' ? t.guard : (t.guard as { type: string }).type) as GuardName);
      const guards = built.get(type);
      if (guards) guards.push(guard);
      else built.set(type, [guard]);
    }
    table = built;
    byStep.set(step, table);
  }
  return table;
}

/**
 * Whether the workflow machine (with `input.config` bound) accepts `input.command` in `input.state`: the same
 * answer as `snapshotFor(state, workflowMachine(config)).can(...)`, without running XState.
 */
export function machineAccepts(input: RuleInput): boolean {
  const guards = transitionsOf(input.state.step).get(input.command.type);
  if (guards === undefined) return false;
  for (const guard of guards) {
    if (guard === null || passes(guard, input)) return true;
  }
  return false;
}
