/**
 * Typed errors. Every refusal is one of these: `error.kind` narrows in a switch,
 * `instanceof` works, and `message` reads well on its own.
 */
import type { CommandType } from '../commands/schema.js';
import type { ComplaintStep } from '../decider/state.js';
import type { Role } from '../domain/vocabulary.js';
import type { SubjectErasedError } from './data-errors.js';
import type { StoreError, StoreErrorKind } from './store-errors.js';

export type ExpectedVersion = number | 'noStream' | 'streamExists' | 'any';

/** The base of every refusal; `kind` is the short discriminant, `name` the class name. */
export abstract class RedressError extends Error {
  abstract readonly kind:
    | 'Validation'
    | 'IllegalCommand'
    | 'Forbidden'
    | 'NotFound'
    | 'ConcurrencyConflict'
    | 'IdempotencyConflict'
    // Reading stored events (see data-errors.ts)
    | 'PersonalDataTampered'
    | 'MissingKey'
    | 'SubjectErased'
    | 'NoDataSubject'
    | 'UnsupportedEventVersion'
    | 'UnknownEventType'
    | 'InvalidStoredEvent'
    // The storage itself (see store-errors.ts)
    | StoreErrorKind;
}

/** One problem with the input, with a dotted path such as `data.remedy.amount.currency`. */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
  readonly code: string;
}

/** Issues one per line, each with its path: how every "invalid …" message reads. */
const issueLines = (issues: readonly { readonly path: string; readonly message: string }[]) =>
  issues.map((i) => `  ✖ ${i.path === '' ? '(root)' : i.path}: ${i.message}`).join('\n');

/** The input is not a well-formed command. */
export class ValidationError extends RedressError {
  readonly kind = 'Validation' as const;
  override readonly name = 'ValidationError';
  constructor(readonly issues: readonly ValidationIssue[]) {
    super(`invalid command:\n${issueLines(issues)}`);
  }
}

/** The command is well-formed but not allowed now: not available in this step, or a rule refused it. */
export class IllegalCommandError extends RedressError {
  readonly kind = 'IllegalCommand' as const;
  override readonly name = 'IllegalCommandError';
  constructor(
    readonly commandType: CommandType,
    readonly step: ComplaintStep,
    /**
     * Command types this step accepts, their guards aside: a command refused by a rule is
     * listed too, since other data (a later deadline, a preventive action) would pass.
     */
    readonly allowed: readonly CommandType[],
    /** The rule that refused it, when the command is available here but its guard failed. */
    readonly rule?: { readonly name: string; readonly message: string },
  ) {
    super(
      rule
        ? `${commandType} refused in step "${step}": ${rule.message} (rule ${rule.name})`
        : `${commandType} is not allowed in step "${step}"; allowed here: ${allowed.length ? allowed.join(', ') : 'nothing (the complaint is closed)'}`,
    );
  }
}

/** The actor's role may not issue this command. */
export class ForbiddenError extends RedressError {
  readonly kind = 'Forbidden' as const;
  override readonly name = 'ForbiddenError';
  constructor(
    // EraseCustomerData acts on a customer, not a complaint: it is no CommandType.
    readonly commandType: CommandType | 'EraseCustomerData',
    readonly actor: { readonly id: string; readonly role: Role },
    readonly reason?: string,
  ) {
    super(`${actor.id} (${actor.role}) may not ${commandType}${reason ? `: ${reason}` : ''}`);
  }
}

/** No complaint has been received under this id. */
export class NotFoundError extends RedressError {
  readonly kind = 'NotFound' as const;
  override readonly name = 'NotFoundError';
  constructor(readonly complaintId: string) {
    super(`no complaint ${complaintId} has been received`);
  }
}

/** The stream is not at the expected version: someone else wrote first. */
export class ConcurrencyConflictError extends RedressError {
  readonly kind = 'ConcurrencyConflict' as const;
  override readonly name = 'ConcurrencyConflictError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
    /** Set when the conflict is about event ids rather than the stream version. */
    readonly detail?: string,
  ) {
    super(
      detail
        ? `stream ${streamId} (at version ${actual}): ${detail}`
        : `stream ${streamId} is at version ${actual}, expected ${typeof expected === 'number' ? `version ${expected}` : expected}`,
    );
  }
}

/**
 * A command id that was already executed, sent again with a different command: another
 * type, other data or another actor. The first command stands; nothing is written. (The
 * same command again is not an error: `execute` returns its first result, `duplicate: true`.)
 */
export class IdempotencyConflictError extends RedressError {
  readonly kind = 'IdempotencyConflict' as const;
  override readonly name = 'IdempotencyConflictError';
  constructor(
    readonly streamId: string,
    readonly commandId: string,
    /** What the first command recorded: its event types, who and when. */
    readonly first: { readonly types: readonly string[]; readonly actor: { readonly id: string; readonly role: Role }; readonly at: string },
    /** How this command differs. */
    readonly difference: string,
  ) {
    super(
      `command id ${commandId} was already used on ${streamId} by ${first.actor.id} (${first.actor.role}) at ${first.at}, ` +
        `recording ${first.types.join(' + ')}; this command differs (${difference}): send it with a new command id`,
    );
  }
}

/** What a decision can be refused with. */
export type DecisionError = ValidationError | IllegalCommandError | ForbiddenError | NotFoundError;
/** What `execute` can be refused with (a store failure included: see store-errors.ts). */
export type EngineError = DecisionError | ConcurrencyConflictError | IdempotencyConflictError | StoreError | SubjectErasedError;

/**
 * Host configuration that cannot work (a severity matrix, an escalation ladder): thrown
 * when the decider or engine is created, never when a command is decided. Not a refusal.
 */
export class WorkflowConfigError extends Error {
  override readonly name = 'WorkflowConfigError';
  constructor(
    readonly what: string,
    readonly issues: readonly { readonly path: string; readonly message: string }[],
  ) {
    super(`invalid ${what}:\n${issueLines(issues)}`);
  }

  /** From a zod error of the configuration's schema. */
  static fromZod(what: string, error: { readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[] }): WorkflowConfigError {
    return new WorkflowConfigError(what, error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
  }
}

export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };
export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });
export const err = <E>(error: E): { readonly ok: false; readonly error: E } => ({ ok: false, error });
