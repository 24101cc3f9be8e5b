/**
 * Errors about the storage rather than the command: the database cannot be
 * reached, or it refused to write. Every store raises these (never its driver's own
 * exceptions), with the driver's error as `cause`, so a host handles them once for
 * all stores. `execute()` returns them like any other refusal.
 */
import { RedressError } from './errors.js';
import { isRedressError } from './is-redress-error.js';

/** The `kind`s of the errors in this file. */
export type StoreErrorKind = 'StoreUnavailable' | 'StorageFault' | 'ProjectionFailed';

/** Where a store was when it failed, for the message and for logs. */
export interface StoreFailureContext {
  /** Which store: `'postgres'`, `'sqlite'`, or an adapter's own name. */
  readonly store: string;
  /** What it was doing: `'append'`, `'readAll'`, `'open'`, … */
  readonly operation: string;
  /** The driver's error. */
  readonly cause: unknown;
}

const describe = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));

/**
 * The store cannot be reached right now (the server restarts, the network is cut, no
 * connection is free). Retriable: retry the same command, with the same `commandId`,
 * once the store is back. `maybeWritten` says whether the request may have reached the
 * server before the connection broke; with the same command id a retry is applied
 * exactly once either way.
 */
export class StoreUnavailableError extends RedressError {
  readonly kind = 'StoreUnavailable' as const;
  override readonly name = 'StoreUnavailableError';
  readonly retriable = true as const;
  readonly store: string;
  readonly operation: string;
  readonly maybeWritten: boolean;
  constructor(context: StoreFailureContext & { readonly maybeWritten: boolean }) {
    super(`the ${context.store} store is unavailable (${context.operation}): ${describe(context.cause)}; retry later, with the same commandId`, {
      cause: context.cause,
    });
    this.store = context.store;
    this.operation = context.operation;
    this.maybeWritten = context.maybeWritten;
  }
}

/**
 * Why the storage refused: `diskFull` (no space left), `readOnly` (a read-only file,
 * file system or server), `cannotOpen` (the file cannot be opened or created),
 * `corrupt` (not a database, or damaged), `io` (another I/O error).
 */
export type StorageFaultReason = 'diskFull' | 'readOnly' | 'cannotOpen' | 'corrupt' | 'io';

/**
 * The storage refused the operation. Nothing of it was written (the transaction rolled
 * back). Not retriable as such: someone must free space, fix permissions or repair the
 * file first; after that the same command can be sent again.
 */
export class StorageFaultError extends RedressError {
  readonly kind = 'StorageFault' as const;
  override readonly name = 'StorageFaultError';
  readonly retriable = false as const;
  readonly store: string;
  readonly operation: string;
  readonly reason: StorageFaultReason;
  constructor(context: StoreFailureContext & { readonly reason: StorageFaultReason }) {
    super(`the ${context.store} store cannot ${context.operation}: ${context.reason} (${describe(context.cause)}); nothing was written`, {
      cause: context.cause,
    });
    this.store = context.store;
    this.operation = context.operation;
    this.reason = context.reason;
  }
}

/** The event a failing projection batch was stopped at. */
export interface FailedEvent {
  readonly globalPosition: number;
  readonly eventId: string;
  readonly streamId: string;
  readonly type: string;
}

/**
 * A checkpointed projection could not apply an event: the batch rolled back, the
 * checkpoint stays before `event`, and the projector keeps retrying it (it never skips
 * an event, which would leave the read model wrong for good). Shown in the projector's
 * status until the batch goes through.
 */
export class ProjectionFailedError extends RedressError {
  readonly kind = 'ProjectionFailed' as const;
  override readonly name = 'ProjectionFailedError';
  constructor(
    readonly projection: string,
    /** The first event of the failed batch (the only one once the projector narrows the batch down to it). */
    readonly event: FailedEvent,
    /** How many events the failed batch held (1: this event alone fails). */
    readonly batchSize: number,
    cause: unknown,
  ) {
    super(
      `projection "${projection}" cannot apply ${batchSize === 1 ? 'event' : `a batch of ${batchSize} events from`} ${event.eventId} ` +
        `(${event.type} at position ${event.globalPosition} of stream ${event.streamId}): ${describe(cause)}`,
      { cause },
    );
  }
}

/** What a store may fail with, whatever the command. */
export type StoreError = StoreUnavailableError | StorageFaultError;

/**
 * True for the typed store failures (not for refusals of the command). By kind, not
 * `instanceof`: the store may come from another build of @redress/core (see is-redress-error.ts).
 */
export const isStoreError = (error: unknown): error is StoreError =>
  isRedressError(error, 'StoreUnavailable') || isRedressError(error, 'StorageFault');
