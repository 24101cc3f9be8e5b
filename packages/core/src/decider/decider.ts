/**
 * The complaint decider in the `decide / evolve / initialState` shape, with the
 * host's permission policy and rules bound in.
 */
import type { Command } from '../commands/schema.js';
import type { ComplaintEvent } from '../events/schema.js';
import type { DecisionError, Result } from '../errors/errors.js';
import type { DutyOptions } from '../permissions/duties.js';
import { permissionsFromMatrix, type PermissionMatrix, type PermissionPolicy } from '../permissions/matrix.js';
import { parseWorkflowConfig, type WorkflowConfigInput } from '../workflow/config.js';
import { decide, dutiesPolicy, type WorkflowRule } from './decide.js';
import { evolve } from './evolve.js';
import { initialState, type ComplaintState } from './state.js';

export interface Decider<State, Cmd, Event, Err, Context> {
  decide(state: State, command: Cmd, context: Context): Result<Event[], Err>;
  evolve(state: State, event: Event): State;
  initialState(): State;
}

export type ComplaintDecider = Decider<ComplaintState, Command, ComplaintEvent, DecisionError, { readonly now: string }>;

export interface ComplaintDeciderOptions extends WorkflowConfigInput {
  /** A whole policy, or rows that replace the default matrix's: which roles may issue which command. */
  readonly permissions?: PermissionPolicy | Partial<PermissionMatrix>;
  /**
   * Ownership and separation of duties, on top of the roles: on by default
   * (`DEFAULT_DUTIES`); pass `{ approverIsNotProposer: false }` and the like to turn some
   * off, `false` for none, or your own policy.
   */
  readonly duties?: Partial<DutyOptions> | PermissionPolicy | false;
  /** Extra rules the host adds to the workflow. */
  readonly rules?: readonly WorkflowRule[];
}

/** A decider with the host's permissions, duties, rules and configuration bound in. Throws a WorkflowConfigError for a configuration that cannot work. */
export function createComplaintDecider(options: ComplaintDeciderOptions = {}): ComplaintDecider {
  const permissions =
    typeof options.permissions === 'function' ? options.permissions : permissionsFromMatrix(options.permissions);
  const rules = options.rules ?? [];
  const config = parseWorkflowConfig(options);
  const duties = dutiesPolicy(options.duties) ?? false;
  return {
    decide: (state, command, { now }) => decide(state, command, { now, permissions, rules, config, duties }),
    evolve,
    initialState,
  };
}
