/**
 * The bounded stress proof: real OS processes writing the same complaints, some of
 * them killed with SIGKILL mid-run. The long version: `node .ci/pnpm.mjs --filter @redress/postgres stress` (see the README).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../testing/cluster.js';
import { migrate } from '../schema/migrate.js';
import pg from 'pg';
import { runStress } from './run-stress.js';

let cluster: TestCluster;

beforeAll(async () => {
  cluster = await startTestCluster();
  const pool = new pg.Pool({ connectionString: cluster.connectionString });
  await migrate(pool);
  await pool.end();
});

afterAll(async () => {
  await cluster?.stop();
});

describe('several processes on the same streams', () => {
  it('stores every accepted command exactly once, loses nothing for readers, and reports conflicts as conflicts', async () => {
    const report = await runStress({ connectionString: cluster.connectionString, tenant: 'race', writers: 4, commandsPerWriter: 25, kills: 0, seed: 1 });
    expect(report.violations).toEqual([]);
    expect(report.accepted).toBeGreaterThan(0);
    // The writers raced on the same streams, so some lost.
    expect(report.conflicts + report.refused).toBeGreaterThan(0);
    expect(report.events).toBeGreaterThan(report.accepted);
  });

  it('stays consistent when writers are killed with SIGKILL at random points', async () => {
    const report = await runStress({ connectionString: cluster.connectionString, tenant: 'killed', writers: 4, commandsPerWriter: 25, kills: 2, seed: 7 });
    expect(report.violations).toEqual([]);
    expect(report.killed).toBe(2);
  });
});
