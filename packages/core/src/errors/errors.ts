/**
 * Typed errors. Every refusal is one of these: `error.kind` narrows in a switch,
 * `instanceof` works, and `message` reads well on its own.
 */
import type { CommandType } from '../commands/schema.js';
import type { ComplaintStep } from '../decider/state.js';
import type { Role } from '../domain/vocabulary.js';
import type { StoreError, StoreErrorKind } from './store-errors.js';

export type ExpectedVersion = number | 'noStream' | 'streamExists' | 'any';

/** The base of every refusal; `kind` is the short discriminant, `name` the class name. */
export abstract class RedressError extends Error {
  abstract readonly kind: 'Validation' | 'IllegalCommand' | 'Forbidden' | 'NotFound' | 'ConcurrencyConflict' | StoreErrorKind;
}

/** One problem with the input, with a dotted path such as `data.remedy.amount.currency`. */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
  readonly code: string;
}

/** The input is not a well-formed command. */
export class ValidationError extends RedressError {
  readonly kind = 'Validation' as const;
  override readonly name = 'ValidationError';
  constructor(readonly issues: readonly ValidationIssue[]) {
    super(`invalid command:\n${issues.map((i) => `  ✖ ${i.path === '' ? '(root)' : i.path}: ${i.message}`).join('\n')}`);
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
    readonly commandType: CommandType,
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

/** What a decision can be refused with. */
export type DecisionError = ValidationError | IllegalCommandError | ForbiddenError | NotFoundError;
/** What `execute` can be refused with (a store failure included: see store-errors.ts). */
export type EngineError = DecisionError | ConcurrencyConflictError | StoreError;

export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };
export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });
export const err = <E>(error: E): { readonly ok: false; readonly error: E } => ({ ok: false, error });
