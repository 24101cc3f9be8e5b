/**
 * A test file's PostgreSQL: a throwaway cluster and a pool on it, started before
 * the file's tests and, after them, its cleanups run (newest first, failures
 * ignored), the pool ended and the cluster stopped, in that order even when a
 * test failed: a store or projector still holding a connection would otherwise
 * keep the pool from ending.
 *
 * The cluster stops only once every connection of the pool has closed its socket:
 * `pool.end()` resolves as soon as it has asked them to, and a connection still
 * closing when the server shuts down receives "terminating connection due to
 * administrator command" (57P01), an 'error' nobody listens for any more: the
 * unhandled error that once failed a CI run. A connection the file never gave back
 * fails the file instead of hanging it.
 */
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { startTestCluster, type TestCluster, type TestClusterOptions } from '../testing/cluster.js';

export interface ClusterPool {
  readonly cluster: TestCluster;
  readonly pool: pg.Pool;
  /** Runs after the file's tests, before the pool ends (e.g. closing a store, stopping a projector). */
  cleanup(...steps: (() => Promise<unknown> | unknown)[]): void;
}

const END_TIMEOUT_MS = 15_000;

function timeout(ms: number): Promise<'timeout'> {
  // eslint-disable-next-line no-restricted-globals -- a test teardown bound, never a decision of the code under test
  return new Promise((resolve) => setTimeout(() => resolve('timeout'), ms).unref());
}

export function useClusterPool(poolConfig: Omit<pg.PoolConfig, 'connectionString'> = {}, clusterOptions: TestClusterOptions = {}): ClusterPool {
  let cluster: TestCluster | undefined;
  let pool: pg.Pool | undefined;
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  /** Every connection the pool opened that has not closed its socket yet. */
  const open = new Set<pg.Client>();
  beforeAll(async () => {
    cluster = await startTestCluster(clusterOptions);
    pool = new pg.Pool({ ...poolConfig, connectionString: cluster.connectionString });
    // Idle connections cut by a restart test are the pool's to replace, not a failure.
    pool.on('error', () => undefined);
    pool.on('connect', (client: pg.Client) => {
      open.add(client);
      client.once('end', () => open.delete(client));
    });
  });
  afterAll(async () => {
    for (const step of cleanups.reverse()) await Promise.resolve().then(step).catch(() => undefined);
    const ended = pool ? await Promise.race([pool.end().then(() => 'ended' as const), timeout(END_TIMEOUT_MS)]) : 'ended';
    const leaked = open.size;
    for (const client of open) {
      client.on('error', () => undefined);
      void client.end().catch(() => undefined);
    }
    for (let wait = 0; wait < 10 && open.size > 0; wait++) await Promise.race([new Promise((resolve) => [...open][0]?.once('end', resolve)), timeout(1000)]);
    await cluster?.stop();
    if (ended === 'timeout') throw new Error(`${leaked} connection(s) were never given back to the pool: close every store and stop every projector a test starts`);
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
