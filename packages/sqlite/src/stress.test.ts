/**
 * Proof under stress, bounded to a few seconds: several OS processes write the same
 * complaints through the engine, readers follow the log, and writers and projector
 * instances (each running the ticket tables and the SLA deadlines) are killed with
 * SIGKILL at random points. `npm run stress` in this
 * package runs the same checks for longer (see the README).
 */
import { createEngine, createManualClock, systemClock, type RecordedEvent } from '@redress/core';
import { defaultSlaConfig, parseSlaConfig } from '@redress/sla';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createProjector, createSqliteEventStore, sqlTicketProjection } from './index.js';
import { sqlSlaProjection } from './sla/index.js';
import { dumpReadModels, dumpSlaClocks, slaClocksFromLog } from './test-support/read-models.js';
import { killAllWorkers, logProblems, reportProblems, startTogether, startWorker, type Worker } from './test-support/stress.js';
import { tempFile } from './test-support/temp.js';
import { receive } from './test-support/workload.js';

const COMPLAINTS = 3;
const slaConfig = parseSlaConfig(defaultSlaConfig());

async function seed(file: string) {
  const store = createSqliteEventStore({ file, synchronous: 'normal' });
  const engine = createEngine({ store, clock: systemClock });
  const ids = Array.from({ length: COMPLAINTS }, (_, i) => `c-${i}`);
  for (const id of ids) await engine.executeOrThrow(receive(id));
  return { store, seeded: new Set(ids.map((id) => `receive-${id}`)) };
}

describe('many processes on one SQLite file', { timeout: 60_000 }, () => {
  afterEach(killAllWorkers);

  it('store every accepted command exactly once, refuse the rest with typed errors, and lose nothing for readers', async () => {
    const file = tempFile('stress');
    const { store, seeded } = await seed(file);
    const reader = createSqliteEventStore({ file, pollIntervalMs: 5 });
    const subscription = reader.subscribe({ batchSize: 7 });
    const delivered: RecordedEvent[] = [];
    const following = (async () => {
      for await (const e of subscription) delivered.push(e);
    })();

    // Half the writers retry a lost race, half surface it.
    const writers = Array.from({ length: 4 }, (_, worker) =>
      startWorker({ role: 'writer', file, worker, commands: 25, complaints: COMPLAINTS, attempts: worker % 2 === 0 ? 3 : 1, leaseMs: 0 }),
    );
    await startTogether(writers);
    expect(await Promise.all(writers.map((w) => w.exited))).toEqual([0, 0, 0, 0]);
    const reports = writers.flatMap((w) => w.reports);

    expect(reports.filter((r) => r.kind === 'done')).toHaveLength(4);
    expect(reports.filter((r) => r.kind === 'accepted').length).toBeGreaterThan(50);
    // The writers that send an expected version race on purpose: some of them must lose.
    expect(reports.filter((r) => r.kind === 'refused' && r.error === 'ConcurrencyConflict').length).toBeGreaterThan(0);
    // Lost races come back as the typed conflict (or, re-decided, as a refusal of a move already made).
    for (const r of reports) if (r.kind === 'refused') expect(['ConcurrencyConflict', 'IllegalCommand']).toContain(r.error);
    for (const r of reports) if (r.kind === 'refused' && r.error === 'ConcurrencyConflict') expect(r.name).toBe('ConcurrencyConflictError');
    expect(logProblems(store.database)).toEqual([]);
    expect(reportProblems(store.database, reports, seeded, true)).toEqual([]);

    for (let i = 0; i < 2000 && delivered.length < store.head(); i++) await sleep(5);
    subscription.close();
    await following;
    expect(delivered.map((e) => e.globalPosition)).toEqual(Array.from({ length: store.head() }, (_, i) => i + 1));
    expect(delivered).toEqual(await store.readAll(1, store.head()));
  });

  it('stay consistent when writers and projectors are killed with SIGKILL mid-flight', async () => {
    const file = tempFile('kill');
    const { store, seeded } = await seed(file);
    const leaseMs = 300;
    const projectors = [0, 1].map((worker) => startWorker({ role: 'projector', file, worker, commands: 0, complaints: 0, attempts: 1, leaseMs }));
    const writers = Array.from({ length: 3 }, (_, worker) =>
      startWorker({ role: 'writer', file, worker, commands: 100_000, complaints: COMPLAINTS, attempts: 3, leaseMs }),
    );
    await startTogether(writers);
    // Let them get going (forking with tsx takes a while on a busy machine), then kill at random points.
    for (let i = 0; i < 3000 && store.head() < 60; i++) await sleep(5);
    const leases = ['tickets', 'sla-deadlines'];
    const holderOf = store.database.prepare('SELECT owner FROM redress_projection_leases WHERE projection = ?').pluck();
    const holder = (projection = 'tickets') => holderOf.get(projection);
    const [w0, w1, w2] = writers as [Worker, Worker, Worker];
    const killAtRandom = async (w: Worker) => {
      const at = store.head() + 1 + Math.floor(Math.random() * 20);
      for (let i = 0; i < 3000 && store.head() < at; i++) await sleep(1);
      w.child.kill('SIGKILL');
      await w.exited;
    };
    await killAtRandom(w0);
    // Kill whichever projector instance holds the tickets' lease; the other must hold both, then die too.
    for (let i = 0; i < 3000 && holder() === undefined; i++) await sleep(2);
    const first = holder() === 'projector-0' ? 0 : 1;
    await killAtRandom(projectors[first] as Worker);
    await killAtRandom(w1);
    const other = `projector-${1 - first}`;
    for (let i = 0; i < 3000 && leases.some((l) => holder(l) !== other); i++) await sleep(2);
    expect(leases.map((l) => holder(l))).toEqual([other, other]);
    await killAtRandom(projectors[1 - first] as Worker);
    await killAtRandom(w2);
    const reports = writers.flatMap((w) => w.reports);
    expect(reports.filter((r) => r.kind === 'accepted').length).toBeGreaterThan(10);
    expect(logProblems(store.database)).toEqual([]);
    expect(reportProblems(store.database, reports, seeded, false)).toEqual([]);

    // The dead projector's leases are still there; a clock past their expiry takes over at once.
    const checkpoints = store.database.prepare('SELECT projection, position FROM redress_checkpoints ORDER BY projection').raw().all() as [string, number][];
    expect(checkpoints.map(([name]) => name)).toEqual(['sla-deadlines', 'tickets']);
    for (const [, position] of checkpoints) expect(position).toBeGreaterThan(0);
    const clock = createManualClock(new Date(systemClock.now().getTime() + leaseMs));
    const survivor = createProjector({ store, projection: sqlTicketProjection(), owner: 'survivor', clock, leaseMs });
    expect((await survivor.catchUp()).checkpoint).toBe(store.head());
    const checkpointed = dumpReadModels(store.database);
    await survivor.rebuild();
    expect(dumpReadModels(store.database)).toEqual(checkpointed);

    // The SLA deadlines too, with nothing in memory: caught up, as rebuilt, and as computed from the log.
    const slaSurvivor = createProjector({ store, projection: sqlSlaProjection({ config: slaConfig }), owner: 'survivor', clock, leaseMs });
    expect((await slaSurvivor.catchUp()).checkpoint).toBe(store.head());
    const slaCheckpointed = dumpSlaClocks(store.database);
    await slaSurvivor.rebuild();
    expect(dumpSlaClocks(store.database)).toEqual(slaCheckpointed);
    const fromLog = await slaClocksFromLog(store, slaConfig);
    expect(fromLog.length).toBeGreaterThanOrEqual(COMPLAINTS);
    expect(slaCheckpointed).toEqual(fromLog);
  });
});
