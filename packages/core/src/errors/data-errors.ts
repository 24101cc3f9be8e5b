/**
 * Typed errors of reading and writing stored data: personal data that fails its
 * authentication, keys that are missing or destroyed, events of a version or type
 * this code cannot read. Each names the event (id, stream, type) or the subject, so
 * a host can find the row; none carries a personal value.
 */
import { RedressError, type ValidationIssue } from './errors.js';

/** Where a stored event sits: enough to find it, nothing personal. */
export interface StoredEventRef {
  readonly eventId: string;
  readonly streamId: string;
  readonly type: string;
}

const at = (ref: StoredEventRef) => `event ${ref.eventId} (${ref.type}) in stream ${ref.streamId}`;

/**
 * An event's encrypted personal data does not authenticate: the ciphertext, its tag or
 * the fields it covers were changed, the blob was moved from another event, or it is
 * malformed. Nothing of it is returned: a tampered blob never turns into garbage text.
 */
export class PersonalDataTamperedError extends RedressError {
  readonly kind = 'PersonalDataTampered' as const;
  override readonly name = 'PersonalDataTamperedError';
  constructor(
    readonly event: StoredEventRef,
    readonly reason: string,
  ) {
    super(`the personal data of ${at(event)} failed its integrity check: ${reason}`);
  }
}

/**
 * The key store does not know a key an event was encrypted with, and has no record of
 * destroying it: a wrong or incomplete key store, not an erasure. Showing "erased" here
 * would hide lost keys, so reading stops instead.
 */
export class MissingKeyError extends RedressError {
  readonly kind = 'MissingKey' as const;
  override readonly name = 'MissingKeyError';
  constructor(
    readonly subject: string,
    readonly version: number,
    readonly event?: StoredEventRef,
  ) {
    super(`no key version ${version} of data subject ${subject} in the key store, and no record of its erasure${event ? ` (needed by ${at(event)})` : ''}`);
  }
}

/** The subject's data was erased: no new key is issued for it, so nothing new is encrypted for it either. */
export class SubjectErasedError extends RedressError {
  readonly kind = 'SubjectErased' as const;
  override readonly name = 'SubjectErasedError';
  constructor(readonly subject: string) {
    super(`the personal data of subject ${subject} has been erased: its keys are destroyed and no new key is issued`);
  }
}

/**
 * A stored event's `schemaVersion` is newer than this code knows for its type, or is no
 * version at all. It is refused, never folded: reading a shape as another one silently
 * corrupts state.
 */
export class UnsupportedEventVersionError extends RedressError {
  readonly kind = 'UnsupportedEventVersion' as const;
  override readonly name = 'UnsupportedEventVersionError';
  constructor(
    readonly event: StoredEventRef,
    readonly version: unknown,
    /** The newest version of this type this code reads. */
    readonly current: number,
  ) {
    const newer = typeof version === 'number' && Number.isInteger(version) && version > current;
    super(
      newer
        ? `${at(event)} has schema version ${version}, newer than this code reads (version ${current} of ${event.type}): upgrade Redress before reading this log`
        : `${at(event)} has schema version ${JSON.stringify(version)}, which is not a version of ${event.type} (versions 1 to ${current} are read)`,
    );
  }
}

/** A stream of a known family (complaint streams, say) holds an event type that family has never had. */
export class UnknownEventTypeError extends RedressError {
  readonly kind = 'UnknownEventType' as const;
  override readonly name = 'UnknownEventTypeError';
  constructor(
    readonly event: StoredEventRef,
    readonly family: string,
    readonly version: unknown,
  ) {
    super(`${at(event)} has a type the ${family} events do not include (schema version ${JSON.stringify(version)}): written by a newer Redress, or not a ${family} event`);
  }
}

/** A stored event, brought to its current version, does not match that version's schema. */
export class InvalidStoredEventError extends RedressError {
  readonly kind = 'InvalidStoredEvent' as const;
  override readonly name = 'InvalidStoredEventError';
  constructor(
    readonly event: StoredEventRef,
    readonly version: number,
    readonly issues: readonly ValidationIssue[],
  ) {
    super(`${at(event)} does not match version ${version} of its schema:\n${issues.map((i) => `  ✖ ${i.path === '' ? '(root)' : i.path}: ${i.message}`).join('\n')}`);
  }
}

/**
 * An event with personal data was appended to a stream whose data subject cannot be
 * found (no customer reference in the append or in the stream's first event). Storing it
 * in plaintext would put data beyond erasure, so nothing is written.
 */
export class NoDataSubjectError extends RedressError {
  readonly kind = 'NoDataSubject' as const;
  override readonly name = 'NoDataSubjectError';
  constructor(readonly streamId: string, readonly type: string) {
    super(`an event of type ${type} with personal data was appended to stream ${streamId}, whose data subject (customer reference) is unknown: nothing was written`);
  }
}
