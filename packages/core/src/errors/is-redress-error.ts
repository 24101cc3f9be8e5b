/**
 * Recognises a Redress error by its `kind`, never by `instanceof`. A host can load two
 * builds of @redress/core at once (the ESM one imported by its engine, the CommonJS one
 * required by a store it loads from CommonJS), and a class of one build is not the class
 * of the other: `instanceof` says no to the other build's conflict. `kind` and `name` are
 * plain data, the same in every build, so this check holds across them.
 */
import type {
  InvalidStoredEventError,
  MissingKeyError,
  NoDataSubjectError,
  PersonalDataTamperedError,
  SubjectErasedError,
  UnknownEventTypeError,
  UnsupportedEventVersionError,
} from './data-errors.js';
import type { CustomerProfileRefusedError } from '../customers/errors.js';
import type { EngineError, RedressError } from './errors.js';
import type { ProjectionFailedError, StorageFaultError, StoreUnavailableError } from './store-errors.js';

/** Every `kind` a Redress error can have: the cases of an exhaustive `switch` after `isRedressError`. */
export type RedressErrorKind = RedressError['kind'];

/** Every error class Redress throws or returns, for narrowing by kind. */
export type AnyRedressError =
  | EngineError
  | CustomerProfileRefusedError
  | PersonalDataTamperedError
  | MissingKeyError
  | SubjectErasedError
  | NoDataSubjectError
  | UnsupportedEventVersionError
  | UnknownEventTypeError
  | InvalidStoredEventError
  | StoreUnavailableError
  | StorageFaultError
  | ProjectionFailedError;

/** Each kind's class name: both must match, so an unrelated object with a `kind` field is not taken for ours. */
const NAMES: { readonly [K in RedressErrorKind]: string } = {
  Validation: 'ValidationError',
  IllegalCommand: 'IllegalCommandError',
  Forbidden: 'ForbiddenError',
  NotFound: 'NotFoundError',
  ConcurrencyConflict: 'ConcurrencyConflictError',
  IdempotencyConflict: 'IdempotencyConflictError',
  CustomerProfileRefused: 'CustomerProfileRefusedError',
  PersonalDataTampered: 'PersonalDataTamperedError',
  MissingKey: 'MissingKeyError',
  SubjectErased: 'SubjectErasedError',
  NoDataSubject: 'NoDataSubjectError',
  UnsupportedEventVersion: 'UnsupportedEventVersionError',
  UnknownEventType: 'UnknownEventTypeError',
  InvalidStoredEvent: 'InvalidStoredEventError',
  StoreUnavailable: 'StoreUnavailableError',
  StorageFault: 'StorageFaultError',
  ProjectionFailed: 'ProjectionFailedError',
};

/** Whether `error` is a Redress error (of `kind`, when given), from whichever build of @redress/core threw it. */
export function isRedressError(error: unknown): error is AnyRedressError;
export function isRedressError<K extends RedressErrorKind>(error: unknown, kind: K): error is Extract<AnyRedressError, { readonly kind: K }>;
export function isRedressError(error: unknown, kind?: RedressErrorKind): boolean {
  if (!(error instanceof Error)) return false;
  const found = (error as { readonly kind?: unknown }).kind;
  if (typeof found !== 'string' || !Object.hasOwn(NAMES, found)) return false;
  return (kind === undefined || found === kind) && error.name === NAMES[found as RedressErrorKind];
}
