/**
 * The long stress run, for a release or after touching the append or the
 * positioner (see README, "Stress"). Starts its own throwaway cluster unless
 * --connection is given.
 *
 *   node .ci/pnpm.mjs --filter @redress/postgres stress --writers 16 --commands 500 --kills 6 --rounds 5
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrate } from '../schema/migrate.js';
import { startTestCluster } from '../testing/cluster.js';
import { runStress } from './run-stress.js';

const { values } = parseArgs({
  options: {
    writers: { type: 'string', default: '8' },
    commands: { type: 'string', default: '200' },
    kills: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    connection: { type: 'string' },
  },
});

const cluster = values.connection ? undefined : await startTestCluster({ durable: true });
const connectionString = values.connection ?? cluster?.connectionString ?? '';
if (cluster) console.log(`throwaway cluster from the ${cluster.server.source} binaries in ${cluster.server.bin}`);
let failed = false;
try {
  const pool = new pg.Pool({ connectionString });
  await migrate(pool);
  await pool.end();
  for (let round = 0; round < Number(values.rounds); round++) {
    const seed = Number(values.seed) + round;
    const started = process.hrtime.bigint();
    const report = await runStress({
      connectionString,
      tenant: `stress-${seed}-${process.pid}`,
      writers: Number(values.writers),
      commandsPerWriter: Number(values.commands),
      kills: Number(values.kills),
      seed,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const { violations, ...counts } = report;
    console.log(`round ${round + 1} (seed ${seed}, ${seconds.toFixed(1)} s): ${JSON.stringify(counts)}`);
    for (const v of violations) console.log(`  VIOLATION ${v}`);
    if (violations.length > 0) failed = true;
  }
} finally {
  await cluster?.stop();
}
console.log(failed ? 'FAILED' : 'all promises kept');
process.exitCode = failed ? 1 : 0;
