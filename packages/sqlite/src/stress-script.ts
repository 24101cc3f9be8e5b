/**
 * The long stress run (the tests run a bounded version): rounds of N writer
 * processes × M commands on the same complaints, with two projector instances (each
 * running the ticket tables and the SLA deadlines), and in every other round SIGKILLs
 * at random points. After each round the log, the writers' reports and the read
 * models (against a rebuild, and the SLA deadlines against @redress/sla's
 * `deadlinesFromLog`) are checked; it exits non-zero on the first problem.
 *
 *   node ../../.ci/pnpm.mjs --filter @redress/sqlite stress --writers 8 --commands 400 --rounds 6
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { createEngine, createManualClock, systemClock } from '@redress/core';
import { defaultSlaConfig, parseSlaConfig } from '@redress/sla';
import { createProjector, createSqliteEventStore, sqlTicketProjection } from './index.js';
import { sqlSlaProjection } from './sla/index.js';
import { dumpReadModels, dumpSlaClocks, slaClocksFromLog } from './test-support/read-models.js';
import { killAllWorkers, logProblems, reportProblems, startTogether, startWorker } from './test-support/stress.js';
import { receive } from './test-support/workload.js';

const { values } = parseArgs({
  allowPositionals: true,
  options: {
    writers: { type: 'string', default: '6' },
    commands: { type: 'string', default: '300' },
    complaints: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '4' },
  },
});
const writers = Number(values.writers);
const commands = Number(values.commands);
const complaints = Number(values.complaints);
const rounds = Number(values.rounds);
const leaseMs = 300;
const slaConfig = parseSlaConfig(defaultSlaConfig());
const log = (message: string) => process.stdout.write(`${message}\n`);

const dir = mkdtempSync(join(tmpdir(), 'redress-sqlite-stress-'));
let failed = false;
try {
  for (let round = 1; round <= rounds && !failed; round++) {
    const kill = round % 2 === 0;
    const file = join(dir, `round-${round}.db`);
    const store = createSqliteEventStore({ file, synchronous: 'normal' });
    const engine = createEngine({ store, clock: systemClock });
    const ids = Array.from({ length: complaints }, (_, i) => `c-${i}`);
    for (const id of ids) await engine.executeOrThrow(receive(id));
    const seeded = new Set(ids.map((id) => `receive-${id}`));

    const projectors = [0, 1].map((worker) => startWorker({ role: 'projector', file, worker, commands: 0, complaints: 0, attempts: 1, leaseMs }));
    const started = Array.from({ length: writers }, (_, worker) =>
      startWorker({ role: 'writer', file, worker, commands, complaints, attempts: worker % 2 === 0 ? 3 : 1, leaseMs }),
    );
    await startTogether(started);
    if (kill) {
      // Forking with tsx takes a while: kill once the writers are well under way.
      const seededHead = store.head();
      while (store.head() < seededHead + commands / 2) await sleep(20);
      for (const w of [...started, ...projectors]) {
        await sleep(Math.random() * 300);
        w.child.kill('SIGKILL');
        await w.exited;
      }
    } else {
      const codes = await Promise.all(started.map((w) => w.exited));
      if (codes.some((c) => c !== 0)) throw new Error(`a writer failed: exit codes ${codes.join(', ')}`);
      for (const p of projectors) p.child.kill('SIGTERM');
      await Promise.all(projectors.map((p) => p.exited));
    }
    const reports = started.flatMap((w) => w.reports);
    const problems = [...logProblems(store.database), ...reportProblems(store.database, reports, seeded, !kill)];

    const clock = createManualClock(new Date(systemClock.now().getTime() + leaseMs));
    const survivor = createProjector({ store, projection: sqlTicketProjection(), owner: 'survivor', clock, leaseMs });
    const checkpointBefore = survivor.checkpoint();
    await survivor.catchUp();
    const checkpointed = JSON.stringify(dumpReadModels(store.database));
    await survivor.rebuild();
    if (JSON.stringify(dumpReadModels(store.database)) !== checkpointed) problems.push('the rebuilt read models differ from the checkpointed ones');

    const slaSurvivor = createProjector({ store, projection: sqlSlaProjection({ config: slaConfig }), owner: 'survivor', clock, leaseMs });
    const slaCheckpointBefore = slaSurvivor.checkpoint();
    await slaSurvivor.catchUp();
    const slaCheckpointed = JSON.stringify(dumpSlaClocks(store.database));
    if (JSON.stringify(await slaClocksFromLog(store, slaConfig)) !== slaCheckpointed) problems.push('the checkpointed SLA deadlines differ from deadlinesFromLog');
    await slaSurvivor.rebuild();
    if (JSON.stringify(dumpSlaClocks(store.database)) !== slaCheckpointed) problems.push('the rebuilt SLA deadlines differ from the checkpointed ones');

    const count = (kind: string) => reports.filter((r) => r.kind === kind).length;
    const conflicts = reports.filter((r) => r.kind === 'refused' && r.error === 'ConcurrencyConflict').length;
    log(
      `round ${round}${kill ? ' (SIGKILL)' : ''}: ${store.head()} events, ${count('accepted')} accepted, ${count('refused')} refused (${conflicts} conflicts), projectors had reached ${checkpointBefore} (tickets), ${slaCheckpointBefore} (SLA): ${problems.length ? 'PROBLEMS' : 'consistent'}`,
    );
    for (const p of problems) log(`  ✖ ${p}`);
    failed = problems.length > 0;
    store.close();
  }
} finally {
  killAllWorkers();
  rmSync(dir, { recursive: true, force: true });
}
log(failed ? 'stress: FAILED' : `stress: ${rounds} rounds consistent`);
process.exitCode = failed ? 1 : 0;
