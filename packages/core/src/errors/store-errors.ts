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
  /**
   * Always `'StoreUnavailable'`: switch on this rather than `instanceof`, which fails when two builds of
   * Redress (ESM and CommonJS) meet in one process.
   */
  readonly kind = 'StoreUnavailable' as const;
  /**
   * The class name as a string, so logs and `String(error)` still name it after a bundler renames the class.
   */
  override readonly name = 'StoreUnavailableError';
  /** Always true: the same command with the same `commandId` may be sent again once the store is back. */
  readonly retriable = true as const;
  /** Which store failed (`sqlite`, `postgres`), for logs and alerts. */
  readonly store: string;
  /** What it was doing (`append`, `read`, `subscribe`, …). */
  readonly operation: string;
  /**
   * The request may have reached the server before the connection broke; a retry with the same command id is
   * still applied once.
   */
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
  /**
   * Always `'StorageFault'`: switch on this rather than `instanceof`, which fails when two builds of Redress
   * (ESM and CommonJS) meet in one process.
   */
  readonly kind = 'StorageFault' as const;
  /**
   * The class name as a string, so logs and `String(error)` still name it after a bundler renames the class.
   */
  override readonly name = 'StorageFaultError';
  /** Always false: sending the same command again fails the same way until someone fixes the storage. */
  readonly retriable = false as const;
  /** Which store refused (`sqlite`, `postgres`). */
  readonly store: string;
  /** What it was doing when it was refused. */
  readonly operation: string;
  /** Why the storage refused, as one of the reasons an operator acts on. */
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
  /** The event's place in the store's global order: where the projection's checkpoint stays. */
  readonly globalPosition: number;
  /** The event's id. */
  readonly eventId: string;
  /** The stream it belongs to. */
  readonly streamId: string;
  /** Its type, to find the handler that threw. */
  readonly type: string;
}

/**
 * A checkpointed projection could not apply an event: the batch rolled back, the
 * checkpoint stays before `event`, and the projector keeps retrying it (it never skips
 * an event, which would leave the read model wrong for good). Shown in the projector's
 * status until the batch goes through.
 */
export class ProjectionFailedError extends RedressError {
  /**
   * Always `'ProjectionFailed'`: switch on this rather than `instanceof`, which fails when two builds of
   * Redress (ESM and CommonJS) meet in one process.
   */
  readonly kind = 'ProjectionFailed' as const;
  /**
   * The class name as a string, so logs and `String(error)` still name it after a bundler renames the class.
   */
  override readonly name = 'ProjectionFailedError';
  constructor(
    /** The name of the projection that failed (its checkpoint key). */
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
