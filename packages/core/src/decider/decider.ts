/**
 * The complaint decider in the `decide / evolve / initialState` shape, with the
 * host's permission policy and rules bound in.
 */
import type { Command } from '../commands/schema.js';
import type { ComplaintEvent } from '../events/schema.js';
import type { DecisionError, Result } from '../errors/errors.js';
import { permissionsFromMatrix, type PermissionMatrix, type PermissionPolicy } from '../permissions/matrix.js';
import { decide, type WorkflowRule } from './decide.js';
import { evolve } from './evolve.js';
import { initialState, type ComplaintState } from './state.js';

export interface Decider<State, Cmd, Event, Err, Context> {
  decide(state: State, command: Cmd, context: Context): Result<Event[], Err>;
  evolve(state: State, event: Event): State;
  initialState(): State;
}

export type ComplaintDecider = Decider<ComplaintState, Command, ComplaintEvent, DecisionError, { readonly now: string }>;

export interface ComplaintDeciderOptions {
  /** A whole policy, or rows that replace the default matrix's. */
  readonly permissions?: PermissionPolicy | Partial<PermissionMatrix>;
  /** Extra rules the host adds to the workflow. */
  readonly rules?: readonly WorkflowRule[];
}

export function createComplaintDecider(options: ComplaintDeciderOptions = {}): ComplaintDecider {
  const permissions =
    typeof options.permissions === 'function' ? options.permissions : permissionsFromMatrix(options.permissions);
  const rules = options.rules ?? [];
  return {
    decide: (state, command, { now }) => decide(state, command, { now, permissions, rules }),
    evolve,
    initialState,
  };
}
