/**
 * The driver's failures as @redress/core's typed store errors: a server that is down,
 * restarting or out of connections is `StoreUnavailableError` (retriable); one that
 * refuses to write (disk full, read-only) is `StorageFaultError`. Everything else (a
 * bug, a constraint) is left as it is. The SQLSTATEs are PostgreSQL's (appendix A).
 */
import { StorageFaultError, StoreUnavailableError, type StorageFaultReason } from '@redress/core';
import { pgError } from './sql.js';

/** Node's socket errors: the server could not be reached, or the connection broke. */
const SOCKET_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNABORTED']);
/** The connection was never made, so nothing was sent. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', '57P03', '53300']);

const FAULTS: Readonly<Record<string, StorageFaultReason>> = {
  '53100': 'diskFull',
  '25006': 'readOnly',
  '58030': 'io',
  XX001: 'corrupt',
  XX002: 'corrupt',
};

function isUnavailable(code: string | undefined, message: string): boolean {
  if (code !== undefined && (SOCKET_ERRORS.has(code) || code.startsWith('08'))) return true;
  // admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections
  if (code === '57P01' || code === '57P02' || code === '57P03' || code === '53300') return true;
  // pg's own messages for a connection that broke or could not be made in time.
  return /Connection terminated|not queryable|timeout exceeded when trying to connect|Connection terminated due to connection timeout/.test(message);
}

/** The typed error for `error`, or `error` itself when it is not about the storage. */
export function storeError(error: unknown, operation: string): unknown {
  if (error instanceof StoreUnavailableError || error instanceof StorageFaultError) return error;
  const { code } = pgError(error);
  const message = error instanceof Error ? error.message : String(error);
  const reason = code === undefined ? undefined : FAULTS[code];
  if (reason) return new StorageFaultError({ store: 'postgres', operation, reason, cause: error });
  if (!isUnavailable(code, message)) return error;
  return new StoreUnavailableError({ store: 'postgres', operation, cause: error, maybeWritten: !(code !== undefined && NEVER_SENT.has(code)) });
}

/** Runs `work`, turning the driver's storage failures into typed ones. */
export async function typed<T>(operation: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw storeError(error, operation);
  }
}

/**
 * Attempts of one operation that failed on a broken connection. After a restart the
 * pool may still hand out a connection the server closed a moment ago; the next one is
 * new. Safe for appends too: a retry of one that went through finds its own events
 * (by id) and reports them as a duplicate.
 */
const CONNECTION_ATTEMPTS = 3;

export async function retried<T>(operation: string, work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await typed(operation, work);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError) || attempt >= CONNECTION_ATTEMPTS) throw error;
    }
  }
}
