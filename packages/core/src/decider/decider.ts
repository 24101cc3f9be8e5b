/**
 * The complaint decider in the `decide / evolve / initialState` shape, with the
 * host's permission policy and rules bound in.
 */
import type { Command } from '../commands/schema.js';
import type { CustomerProfile } from '../customers/profile.js';
import type { ComplaintEvent } from '../events/schema.js';
import type { DecisionError, Result } from '../errors/errors.js';
import type { DutyOptions } from '../permissions/duties.js';
import { permissionsFromMatrix, type PermissionMatrix, type PermissionPolicy } from '../permissions/matrix.js';
import { parseWorkflowConfig, type WorkflowConfigInput } from '../workflow/config.js';
import { decide, dutiesPolicy, type WorkflowRule } from './decide.js';
import { evolve } from './evolve.js';
import { initialState, type ComplaintState } from './state.js';

/**
 * The decider shape (as in Emmett): a pure `decide`, an `evolve` fold and the state before any event, enough
 * to run a stream without an engine.
 */
export interface Decider<State, Cmd, Event, Err, Context> {
  /** The events a command produces on this state, or why it is refused. */
  decide(state: State, command: Cmd, context: Context): Result<Event[], Err>;
  /** The state after one more event; never refuses, since an event already happened. */
  evolve(state: State, event: Event): State;
  /** The state of a stream that has no events yet. */
  initialState(): State;
}

/**
 * The complaint decider's type: complaint state, commands and events, refused with a `DecisionError`, decided
 * at an instant.
 */
export type ComplaintDecider = Decider<ComplaintState, Command, ComplaintEvent, DecisionError, ComplaintDecisionContext>;

/** What a complaint decision is made at: the instant, and for a receipt naming a site or unit, the customer's profile. */
export interface ComplaintDecisionContext {
  /** The instant (ISO-8601), from the injected clock. */
  readonly now: string;
  /** The customer's profile (null: none), checked against a receipt's site and unit. */
  readonly customerProfile?: CustomerProfile | null;
}

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
  const rules = options.rules ?? [];
  const config = parseWorkflowConfig(options);
  // The configured approvers are the approval rows, unless the host's matrix gives its own.
  const approvers = config.approval.approvers.map((a) => a.role);
  const permissions =
    typeof options.permissions === 'function' ? options.permissions : permissionsFromMatrix({ ApproveRemedy: approvers, RejectRemedy: approvers, ...options.permissions });
  const duties = dutiesPolicy(options.duties) ?? false;
  return {
    decide: (state, command, { now, customerProfile }) => decide(state, command, { now, customerProfile, permissions, rules, config, duties }),
    evolve,
    initialState,
  };
}
