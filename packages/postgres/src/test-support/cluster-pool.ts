/**
 * A test file's PostgreSQL: a throwaway cluster and a pool on it, started before
 * the file's tests and, after them, its cleanups run (newest first, failures
 * ignored), the pool ended and the cluster stopped, in that order even when a
 * test failed: a store or projector still holding a connection would otherwise
 * keep the pool from ending.
 */
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { startTestCluster, type TestCluster } from '../testing/cluster.js';

export interface ClusterPool {
  readonly cluster: TestCluster;
  readonly pool: pg.Pool;
  /** Runs after the file's tests, before the pool ends (e.g. closing a store, stopping a projector). */
  cleanup(...steps: (() => Promise<unknown> | unknown)[]): void;
}

export function useClusterPool(poolConfig: Omit<pg.PoolConfig, 'connectionString'> = {}): ClusterPool {
  let cluster: TestCluster | undefined;
  let pool: pg.Pool | undefined;
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  beforeAll(async () => {
    cluster = await startTestCluster();
    pool = new pg.Pool({ ...poolConfig, connectionString: cluster.connectionString });
  });
  afterAll(async () => {
    for (const step of cleanups.reverse()) await Promise.resolve().then(step).catch(() => undefined);
    await pool?.end();
    await cluster?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the test cluster starts in beforeAll: use it inside tests and hooks');
    return value;
  };
  return {
    get cluster() {
      return started(cluster);
    },
    get pool() {
      return started(pool);
    },
    cleanup: (...steps) => void cleanups.push(...steps),
  };
}
