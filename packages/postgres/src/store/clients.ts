/**
 * A connection taken from the pool for more than one statement (a migration, a
 * rebuild). While it is checked out the pool does not watch it: a server restart then
 * makes it emit 'error', and an 'error' nobody listens to kills the process. So every
 * connection the package takes is guarded from checkout to release, and one that
 * failed is destroyed rather than handed back.
 */
import { StoreUnavailableError } from '@redress/core';
import type { Pool, PoolClient } from 'pg';
import { storeError } from './faults.js';

export async function withClient<T>(pool: Pool, operation: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
  let client: PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw storeError(error, operation);
  }
  let broken: unknown;
  const onError = (error: unknown) => {
    broken = error;
  };
  client.on('error', onError);
  try {
    return await work(client);
  } catch (error) {
    const typed = storeError(error, operation);
    // A connection that failed under a query is not trusted again either.
    if (typed instanceof StoreUnavailableError) broken ??= typed;
    throw typed;
  } finally {
    client.removeListener('error', onError);
    client.release(broken !== undefined ? (broken as Error) : undefined);
  }
}

/** Runs `work` in a transaction on a guarded connection; rolls back on failure. */
export function inTransaction<T>(pool: Pool, operation: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
  return withClient(pool, operation, async (client) => {
    await client.query('BEGIN');
    try {
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
}

const guardedPools = new WeakMap<Pool, number>();
const ignoreIdleError = () => undefined;

/**
 * An idle connection the server closes (a restart) is reported on the pool's 'error';
 * with no listener that would kill the host, so a pool the store uses always has one
 * (one for all the stores sharing it). The pool replaces the connection by itself.
 * Returns the function that takes the guard back (once the last store lets go).
 */
export function guardPool(pool: Pool): () => void {
  const users = guardedPools.get(pool) ?? 0;
  if (users === 0) pool.on('error', ignoreIdleError);
  guardedPools.set(pool, users + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (guardedPools.get(pool) ?? 1) - 1;
    if (left > 0) return void guardedPools.set(pool, left);
    guardedPools.delete(pool);
    pool.removeListener('error', ignoreIdleError);
  };
}
