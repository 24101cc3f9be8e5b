/**
 * Typed errors. Every refusal is one of these: `error.kind` narrows in a switch,
 * `instanceof` works, and `message` reads well on its own.
 */
import type { CommandType } from '../commands/schema.js';
import type { ComplaintStep } from '../decider/state.js';
import type { Role } from '../domain/vocabulary.js';
import type { SubjectErasedError } from './data-errors.js';
import type { CustomerProfileCommandType } from '../customers/schema.js';
import type { StoreError, StoreErrorKind } from './store-errors.js';

/**
 * What an append expects the stream to be at: an exact version (the count of its events), `'noStream'` for a
 * new one, `'streamExists'` for any existing one, or `'any'` to skip the check.
 */
export type ExpectedVersion = number | 'noStream' | 'streamExists' | 'any';

/** The base of every refusal; `kind` is the short discriminant, `name` the class name. */
export abstract class RedressError extends Error {
  /**
   * The short discriminant of every Redress error; a `switch` on it is exhaustive over `RedressErrorKind`.
   */
  abstract readonly kind:
    | 'Validation'
    | 'IllegalCommand'
    | 'Forbidden'
    | 'NotFound'
    | 'ConcurrencyConflict'
    | 'IdempotencyConflict'
    // A customer profile command refused (see ../customers/errors.ts)
    | 'CustomerProfileRefused'
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
  /** Where in the input, dotted (`data.remedy.amount`); empty for the input as a whole. */
  readonly path: string;
  /** What was expected and what was found, readable on its own. */
  readonly message: string;
  /** The zod issue code (`invalid_type`, `too_small`, …), for hosts that map issues to their own messages. */
  readonly code: string;
}

/** Issues one per line, each with its path: how every "invalid …" message reads. */
const issueLines = (issues: readonly { readonly path: string; readonly message: string }[]) =>
  issues.map((i) => `  ✖ ${i.path === '' ? '(root)' : i.path}: ${i.message}`).join('\n');

/** The input is not a well-formed command. */
export class ValidationError extends RedressError {
  /**
   * Always `'Validation'`: switch on this rather than `instanceof`, which fails when two builds of Redress
   * (ESM and CommonJS) meet in one process.
   */
  readonly kind = 'Validation' as const;
  /**
   * The class name as a string, so logs and `String(error)` still name it after a bundler renames the class.
   */
  override readonly name = 'ValidationError';
  constructor(
    /** Every problem found, not only the first, so a form can mark all its fields at once. */
    readonly issues: readonly ValidationIssue[],
  ) {
    super(`invalid command:\n${issueLines(issues)}`);
  }
}

/** The command is well-formed but not allowed now: not available in this step, or a rule refused it. */
export class IllegalCommandError extends RedressError {
  /**
   * Always `'IllegalCommand'`: switch on this rather than `instanceof`, which fails when two builds of
   * Redress (ESM and CommonJS) meet in one process.
   */
  readonly kind = 'IllegalCommand' as const;
  /**
   * The class name as a string, so logs and `String(error)` still name it after a bundler renames the class.
   */
  override readonly name = 'IllegalCommandError';
  constructor(
    /** The command that was refused. */
    readonly commandType: CommandType,
    /** The step the complaint was in when it was refused. */
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
  /**
   * Always `'Forbidden'`: switch on this rather than `instanceof`, which fails when two builds of Redress
   * (ESM and CommonJS) meet in one process.
   */
  readonly kind = 'Forbidden' as const;
  /**
   * The class name as a string, so logs and `String(error)` still name it after a bundler renames the class.
   */
  override readonly name = 'ForbiddenError';
  constructor(
    /** The command the actor may not issue (`EraseCustomerData` acts on a customer, not a complaint: it is no CommandType). */
    readonly commandType: CommandType | 'EraseCustomerData' | CustomerProfileCommandType,
    /** Who tried, with the role the command claimed (or the directory gave). */
    readonly actor: { readonly id: string; readonly role: Role },
    /**
     * Why, when it is more than the role: separation of duties, ownership, an actor the directory does not
     * know.
     */
    readonly reason?: string,
  ) {
    super(`${actor.id} (${actor.role}) may not ${commandType}${reason ? `: ${reason}` : ''}`);
  }
}

/** No complaint has been received under this id. */
export class NotFoundError extends RedressError {
  /**
   * Always `'NotFound'`: switch on this rather than `instanceof`, which fails when two builds of Redress (ESM
   * and CommonJS) meet in one process.
   */
  readonly kind = 'NotFound' as const;
  /**
   * The class name as a string, so logs and `String(error)` still name it after a bundler renames the class.
   */
  override readonly name = 'NotFoundError';
  constructor(
    /** The id the command named. */
    readonly complaintId: string,
  ) {
    super(`no complaint ${complaintId} has been received`);
  }
}

/** The stream is not at the expected version: someone else wrote first. */
export class ConcurrencyConflictError extends RedressError {
  /**
   * Always `'ConcurrencyConflict'`: switch on this rather than `instanceof`, which fails when two builds of
   * Redress (ESM and CommonJS) meet in one process.
   */
  readonly kind = 'ConcurrencyConflict' as const;
  /**
   * The class name as a string, so logs and `String(error)` still name it after a bundler renames the class.
   */
  override readonly name = 'ConcurrencyConflictError';
  constructor(
    /** The stream that moved on. */
    readonly streamId: string,
    /** What the writer expected the stream to be at. */
    readonly expected: ExpectedVersion,
    /** The version the stream is actually at: reload from it and decide again. */
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
  /**
   * Always `'IdempotencyConflict'`: switch on this rather than `instanceof`, which fails when two builds of
   * Redress (ESM and CommonJS) meet in one process.
   */
  readonly kind = 'IdempotencyConflict' as const;
  /**
   * The class name as a string, so logs and `String(error)` still name it after a bundler renames the class.
   */
  override readonly name = 'IdempotencyConflictError';
  constructor(
    /** The complaint stream the command id was first used on. */
    readonly streamId: string,
    /** The command id sent twice. */
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
  /**
   * The class name as a string, so logs and `String(error)` still name it after a bundler renames the class.
   */
  override readonly name = 'WorkflowConfigError';
  constructor(
    /** Which configuration was refused (`severity matrix`, `escalation ladder`, …). */
    readonly what: string,
    /** Each problem with its dotted path in that configuration. */
    readonly issues: readonly { readonly path: string; readonly message: string }[],
  ) {
    super(`invalid ${what}:\n${issueLines(issues)}`);
  }

  /** From a zod error of the configuration's schema. */
  static fromZod(what: string, error: { readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[] }): WorkflowConfigError {
    return new WorkflowConfigError(what, error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
  }
}

/**
 * A value or a typed error: how the core reports refusals without throwing. Check `ok` before reading `value`
 * or `error`.
 */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };
/** Wraps a success value as a `Result`. */
export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });
/** Wraps an error as a failed `Result`. */
export const err = <E>(error: E): { readonly ok: false; readonly error: E } => ({ ok: false, error });
