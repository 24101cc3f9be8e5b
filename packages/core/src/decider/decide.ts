/**
 * `decide`: a command against the current state becomes events or a typed refusal.
 * The machine decides legality (`can()`); the decider adds who may act (the role, then
 * ownership and separation of duties), the host's own rules, and says precisely why
 * when it refuses.
 */
import { getNextTransitions } from 'xstate';
import type { Command, CommandType } from '../commands/schema.js';
import { unknownCustomerLink } from '../customers/links.js';
import type { CustomerProfile } from '../customers/profile.js';
import type { ComplaintEvent } from '../events/schema.js';
import {
  ForbiddenError,
  IllegalCommandError,
  NotFoundError,
  ValidationError,
  err,
  ok,
  type DecisionError,
  type Result,
} from '../errors/errors.js';
import { separationOfDuties, type DutyOptions } from '../permissions/duties.js';
import { defaultPermissions, type PermissionPolicy } from '../permissions/matrix.js';
import { defaultWorkflowConfig, type WorkflowConfig } from '../workflow/config.js';
import { workflowMachine } from '../workflow/machine.js';
import { firstViolation, type GuardName, type RuleInput } from '../workflow/rules.js';
import { snapshotFor, type ComplaintSnapshot } from '../workflow/snapshot.js';
import { machineAccepts } from '../workflow/accepts.js';
import { eventsFor } from './events-for.js';
import type { ComplaintState, ComplaintStep } from './state.js';

/** A host's own workflow rule, checked after the machine accepted a command of one of its types. */
export interface WorkflowRule {
  /** Names the rule in refusals (`IllegalCommandError.rule.name`) and logs. */
  readonly name: string;
  /** The command types the rule is checked for; the others never reach it. */
  readonly appliesTo: readonly CommandType[];
  /** A message when the command must be refused, `null` to let it pass. */
  check(input: RuleInput): string | null;
}

/**
 * What one decision needs beyond the state and the command: the instant, and the host's permissions, duties,
 * rules and configuration.
 */
export interface DecideOptions {
  /** The instant the command is decided at (ISO-8601), from the injected clock. */
  readonly now: string;
  /** Which roles may issue which command (default: `defaultPermissions`). */
  readonly permissions?: PermissionPolicy;
  /**
   * Ownership and separation of duties, checked after the role: on by default
   * (`DEFAULT_DUTIES`); `false` turns them off, an object turns some off, a policy replaces them.
   */
  readonly duties?: Partial<DutyOptions> | PermissionPolicy | false;
  /**
   * The host's own rules, checked in order after the machine and the permissions accepted the command; the
   * first message refuses it.
   */
  readonly rules?: readonly WorkflowRule[];
  /** The severity matrix and escalation ladders (default `defaultWorkflowConfig`), validated with `parseWorkflowConfig`. */
  readonly config?: WorkflowConfig;
  /**
   * The customer's profile, for a receipt naming a site or unit (the engine reads it from
   * the customer's stream): both must be the profile's. Null or absent: no profile, no check.
   */
  readonly customerProfile?: CustomerProfile | null;
}

const defaultDuties = separationOfDuties();

/** The duties policy `options.duties` stands for, or undefined when turned off. */
export function dutiesPolicy(duties: DecideOptions['duties']): PermissionPolicy | undefined {
  if (duties === false) return undefined;
  if (duties === undefined) return defaultDuties;
  return typeof duties === 'function' ? duties : separationOfDuties(duties);
}

const allowedByStep = new Map<ComplaintStep, readonly CommandType[]>();

/** Command types with a transition out of this step, guards aside. */
export function allowedCommands(state: ComplaintState): readonly CommandType[] {
  let allowed = allowedByStep.get(state.step);
  if (allowed === undefined) {
    allowed = [...new Set(getNextTransitions(snapshotFor(state)).map((t) => t.eventType as CommandType))];
    allowedByStep.set(state.step, allowed);
  }
  return allowed;
}

/** Why the machine refused a command available in this step: the first failing rule of its guards. */
function refusal(snapshot: ComplaintSnapshot, input: RuleInput): { name: string; message: string } | undefined {
  for (const t of getNextTransitions(snapshot)) {
    if (t.eventType !== input.command.type || t.guard === undefined) continue;
    const name = (typeof t.guard === 'string' ? t.guard : (t.guard as { type: string }).type) as GuardName;
    const violation = firstViolation(name, input);
    if (violation) return { name: violation.rule, message: violation.message };
  }
  return undefined;
}

/** The refusal a permission policy gives, or undefined when it permits (or there is none). */
function forbidden(policy: PermissionPolicy | undefined, command: Command, state: ComplaintState): ForbiddenError | undefined {
  const permitted = policy?.({ actor: command.actor, command, state }) ?? true;
  return permitted === true ? undefined : new ForbiddenError(command.type, command.actor, typeof permitted === 'string' ? permitted : undefined);
}

/**
 * Decides one command on a complaint's state: the events it produces, or the typed refusal. Pure: no clock,
 * ids or I/O, so the same inputs always give the same answer.
 */
export function decide(state: ComplaintState, command: Command, options: DecideOptions): Result<ComplaintEvent[], DecisionError> {
  const { now, permissions = defaultPermissions, rules = [], config = defaultWorkflowConfig } = options;
  if (state.step === 'none' && command.type !== 'ReceiveComplaint') return err(new NotFoundError(command.complaintId));
  if (command.type === 'ReceiveComplaint' && command.complaintId === undefined) {
    return err(new ValidationError([{ path: 'complaintId', message: 'is required to decide (the engine assigns one)', code: 'missing' }]));
  }

  // Two policies, checked in order without an array per call: the role, then ownership and duties.
  const refused = forbidden(permissions, command, state) ?? forbidden(dutiesPolicy(options.duties), command, state);
  if (refused) return err(refused);

  const input: RuleInput = { state, command, now, config };
  // The machine's plain twin answers can() (workflow/accepts.ts); a snapshot is built only to explain a refusal.
  if (!machineAccepts(input)) {
    return err(new IllegalCommandError(command.type, state.step, allowedCommands(state), refusal(snapshotFor(state, workflowMachine(config)), input)));
  }

  for (const rule of rules) {
    if (!rule.appliesTo.includes(command.type)) continue;
    const message = rule.check(input);
    if (message !== null) {
      return err(new IllegalCommandError(command.type, state.step, allowedCommands(state), { name: rule.name, message }));
    }
  }

  const unknownLink = unknownCustomerLink(options.customerProfile, command);
  if (unknownLink) return err(new IllegalCommandError(command.type, state.step, allowedCommands(state), unknownLink));

  return ok(eventsFor(state, command, now, config));
}
