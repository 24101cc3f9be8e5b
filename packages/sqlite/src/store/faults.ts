/**
 * SQLite's failures about the file as @redress/core's typed store errors, the
 * driver's error as the cause. A full disk, a read-only file or file system, a file
 * that cannot be opened or is not a database: `StorageFaultError`. The write lock held
 * by another process past the busy timeout: `StoreUnavailableError` (retriable). Every
 * append is one transaction, so whatever the fault, nothing of it was written.
 */
import { StorageFaultError, StoreUnavailableError, type StorageFaultReason } from '@redress/core';

/** SQLite's primary result codes (extended ones start with them, e.g. SQLITE_IOERR_WRITE). */
const REASONS: readonly (readonly [string, StorageFaultReason])[] = [
  ['SQLITE_FULL', 'diskFull'],
  ['SQLITE_READONLY', 'readOnly'],
  ['SQLITE_CANTOPEN', 'cannotOpen'],
  ['SQLITE_NOTADB', 'corrupt'],
  ['SQLITE_CORRUPT', 'corrupt'],
  ['SQLITE_IOERR', 'io'],
];

/** The typed error for `error`, or `error` itself when it is not about the storage. */
export function storageError(error: unknown, operation: string): unknown {
  if (error instanceof StorageFaultError || error instanceof StoreUnavailableError) return error;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const message = error instanceof Error ? error.message : '';
  if (typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED')) {
    return new StoreUnavailableError({ store: 'sqlite', operation, cause: error, maybeWritten: false });
  }
  const match = typeof code === 'string' ? REASONS.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`)) : undefined;
  // better-sqlite3 refuses a path in a missing directory itself, without a code.
  const reason = match?.[1] ?? (/Cannot open database/.test(message) ? 'cannotOpen' : undefined);
  return reason ? new StorageFaultError({ store: 'sqlite', operation, reason, cause: error }) : error;
}

/** Runs `work`, turning storage failures into typed ones. */
export function typed<T>(operation: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw storageError(error, operation);
  }
}
