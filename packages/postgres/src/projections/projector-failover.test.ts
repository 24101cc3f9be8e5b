/**
 * Failover of a SQL projection between OS processes: three app instances run the
 * ticket tables projector on one tenant, each in its own child process; the active
 * one is killed with SIGKILL (once in the middle of a batch, once at a random point,
 * once more mid-batch) while commands keep coming, and a fresh process joins as a
 * standby for each one killed. At no time are two instances active, a standby takes over from the
 * checkpoint every time, and the read models end equal to core's projections and to
 * a rebuild from the log: no event applied twice, none missed.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  createEngine,
  createManualClock,
  openComplaints,
  queuesProjection,
  rebuildProjection,
  sequentialIds,
  ticketViewProjection,
  type ComplaintEvent,
} from '@redress/core';
import { describe, expect, it } from 'vitest';
import { createPostgresEventStore, type PostgresEventStore } from '../store/postgres-event-store.js';
import { seeded } from '../stress/protocol.js';
import { useClusterPool } from '../test-support/cluster-pool.js';
import { lifecycle } from '../test-support/commands.js';
import type { ProjectorProcessCommand, ProjectorProcessConfig, ProjectorProcessMessage } from '../test-support/projector-process.js';
import { rebuildSqlProjection } from './rebuild.js';
import { ticketTablesProjection } from './ticket-tables.js';

const TENANT = 'failover-processes';

const db = useClusterPool();

const pause = (ms: number) =>
  new Promise<void>((resolve) => {
    // eslint-disable-next-line no-restricted-globals -- the test waits out standby retries and picks random kill moments
    setTimeout(resolve, ms);
  });

/** One app instance: a child process running the projector. */
interface Instance {
  readonly name: string;
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
  /** When it said it is ready (performance.now()), its projector started. */
  readyAt?: number;
  /** As last reported by the child. */
  active: boolean;
  /** SIGKILLed by the test: whatever it still says no longer counts. */
  killed: boolean;
  applying: number;
  holding?: { readonly first: number; readonly last: number };
  /** Called on each `applying` message, with how many it sent so far. */
  onApplying?: (count: number) => void;
}

/** Everything that broke a promise; empty when failover works. */
const violations: string[] = [];
/** Errors the children's projectors recovered from: none expected. */
const childErrors: string[] = [];
/** The instances in the order they turned active. */
const activations: string[] = [];
const instances: Instance[] = [];

function spawnInstance(name: string): Instance {
  const child = fork(fileURLToPath(new URL('../test-support/projector-process.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx', '--conditions=@redress/source'],
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const instance: Instance = { name, child, exited, active: false, killed: false, applying: 0 };
  child.on('message', (message: ProjectorProcessMessage) => {
    if (instance.killed) return;
    if (message.kind === 'ready') instance.readyAt = performance.now();
    else if (message.kind === 'active') {
      if (message.active) {
        const others = instances.filter((i) => i !== instance && i.active && !i.killed).map((i) => i.name);
        if (others.length > 0) violations.push(`${name} turned active while ${others.join(', ')} still was`);
        activations.push(name);
      }
      instance.active = message.active;
    } else if (message.kind === 'applying') {
      if (!instance.active) violations.push(`${name} applied positions ${message.first}..${message.last} while not active`);
      instance.applying++;
      instance.onApplying?.(instance.applying);
    } else if (message.kind === 'holding') instance.holding = { first: message.first, last: message.last };
    else childErrors.push(`${name}: ${message.message}`);
  });
  child.on('exit', (code, signal) => {
    if (!instance.killed) violations.push(`${name} exited on its own (${code ?? signal})`);
  });
  instances.push(instance);
  db.cleanup(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  const config: ProjectorProcessConfig = { connectionString: db.cluster.connectionString, tenant: TENANT, name, batchSize: 5, pollIntervalMs: 50, applyDelayMs: 5 };
  child.send(config);
  return instance;
}

/** kill -9: the process dies at once, its connections close, PostgreSQL drops its lock. */
async function kill(instance: Instance): Promise<void> {
  // From now on it counts as inactive: no standby can get the lock before this.
  instance.killed = true;
  instance.child.kill('SIGKILL');
  await instance.exited;
}

const living = () => instances.filter((i) => !i.killed);

/**
 * Waits until every living instance has been running for a while: its projector's
 * first try for the lock is long done, so whoever takes over next is a standby
 * that kept retrying, not a newcomer's first try.
 */
async function settled(): Promise<void> {
  await expect.poll(() => living().every((i) => i.readyAt !== undefined), { timeout: 30_000, interval: 25 }).toBe(true);
  const youngest = Math.max(...living().map((i) => i.readyAt!));
  await pause(Math.max(0, youngest + 300 - performance.now()));
}

/** The one living instance that says it is active, once the others say they are not. */
async function theActive(): Promise<Instance> {
  await expect.poll(() => living().filter((i) => i.active).length, { timeout: 10_000, interval: 10 }).toBe(1);
  return living().find((i) => i.active)!;
}

/** Who holds the projection's advisory lock, as PostgreSQL sees it. */
async function lockHolders(): Promise<string[]> {
  const { rows } = await db.pool.query<{ name: string }>(
    `SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
       AND l.classid = (SELECT oid FROM pg_namespace WHERE nspname = 'public')
       AND l.objid = (SELECT lock_id FROM redress_projector_locks WHERE tenant = $1 AND projection = 'tickets')::oid`,
    [TENANT],
  );
  return rows.map((r) => r.name);
}

async function checkpoint(): Promise<number> {
  const { rows } = await db.pool.query<{ position: string }>("SELECT position FROM redress_checkpoints WHERE tenant = $1 AND projection = 'tickets'", [TENANT]);
  return Number(rows[0]?.position ?? 0);
}

/** Once the checkpoint is the readable head (read together: a batch in flight holds the head back). */
async function caughtUp(store: PostgresEventStore): Promise<number> {
  await expect.poll(async () => (await checkpoint()) === (await store.headPosition()), { timeout: 20_000, interval: 25 }).toBe(true);
  return store.headPosition();
}

/** The read-model tables of the tenant, as plain rows in a stable order. */
async function readModels() {
  const q = async (sql: string) => (await db.pool.query(sql, [TENANT])).rows;
  return {
    tickets: await q('SELECT complaint_id, step, severity, handler_id, customer, closed_at, version, view FROM redress_tickets WHERE tenant = $1 ORDER BY complaint_id'),
    timeline: await q('SELECT complaint_id, version, at, type, actor_id, step FROM redress_ticket_timeline WHERE tenant = $1 ORDER BY complaint_id, version'),
    queue: await q('SELECT complaint_id, step, handler_id, severity, customer FROM redress_queue WHERE tenant = $1 ORDER BY complaint_id'),
  };
}

describe('a projector process killed with SIGKILL', () => {
  it('is replaced by exactly one standby, from the checkpoint, and the read models end equal to the log', async () => {
    await db.pool.query('CREATE TABLE failover_batches (tenant text, first_position bigint, last_position bigint, by text, holds_lock boolean)');
    const store = await createPostgresEventStore<ComplaintEvent>({ pool: db.pool, tenant: TENANT, pollIntervalMs: 100 });
    db.cleanup(() => store.close());
    const engine = createEngine({ store, clock: createManualClock('2026-03-02T08:00:00.000Z'), ids: sequentialIds('k') });
    const failed: string[] = [];
    let next = 0;
    /** Writes `count` more complaint lifecycles, interleaved as a desk works them. */
    const work = async (count: number) => {
      const batch = Array.from({ length: count }, () => next++).map((n) => lifecycle(`c-${n}`, n));
      for (let step = 0; step < 5; step++) {
        for (const commands of batch) {
          const command = commands[step];
          if (!command) continue;
          const result = await engine.execute(command).catch((error: unknown) => ({ ok: false as const, error }));
          if (!result.ok) failed.push(`${command.complaintId ?? ''} ${command.type}: ${JSON.stringify(result.error)}`);
        }
      }
    };

    // PostgreSQL's view, sampled throughout: one holder at most, and the holders in the order the instances turned active.
    const holderRuns: string[] = [];
    const sampling = new AbortController();
    const sampler = (async () => {
      while (!sampling.signal.aborted) {
        const holders = await lockHolders();
        if (holders.length > 1) violations.push(`${holders.join(' and ')} hold the lock at once`);
        const holder = holders[0];
        if (holder !== undefined && holderRuns[holderRuns.length - 1] !== holder) holderRuns.push(holder);
        await pause(10);
      }
    })().catch((error: unknown) => violations.push(`sampling the lock failed: ${String(error)}`));
    db.cleanup(() => {
      sampling.abort();
      return sampler;
    });

    await work(4);
    let spawned = 0;
    const spawn = () => spawnInstance(`projector-${++spawned}`);
    for (let i = 0; i < 3; i++) spawn();
    await settled();
    let active = await theActive();
    await caughtUp(store);
    expect(await lockHolders()).toEqual([active.name]);

    const random = seeded(20260302);
    const heldBatches: { first: number; killed: string; successor?: string }[] = [];
    for (const round of ['mid-batch', 'random', 'mid-batch'] as const) {
      const victim = active;
      // A fresh process joins as a standby (it will be needed for the next kill).
      spawn();
      if (round === 'mid-batch') {
        // Stop it inside its next batch: rows written, transaction open, checkpoint not moved.
        victim.child.send({ kind: 'hold' } satisfies ProjectorProcessCommand);
        const more = work(3);
        await expect.poll(() => victim.holding, { timeout: 10_000, interval: 10 }).toBeDefined();
        const held = victim.holding!;
        // The checkpoint is the event just before the held batch.
        expect((await store.readAll((await checkpoint()) + 1, 1))[0]?.globalPosition).toBe(held.first);
        // Stalled but alive, it keeps the lock: the standbys retry every 50 ms in vain.
        await settled();
        expect(living().filter((i) => i.active).map((i) => i.name)).toEqual([victim.name]);
        expect(await lockHolders()).toEqual([victim.name]);
        // Still just before it.
        expect((await store.readAll((await checkpoint()) + 1, 1))[0]?.globalPosition).toBe(held.first);
        await kill(victim);
        heldBatches.push({ first: held.first, killed: victim.name });
        await more;
      } else {
        // Killed at a random moment: mid-batch, between batches or waiting for appends.
        await settled();
        const afterBatches = victim.applying + 1 + Math.floor(random() * 3);
        const delayMs = Math.floor(random() * 30);
        victim.onApplying = (count) => {
          if (count < afterBatches) return;
          victim.onApplying = undefined;
          void pause(delayMs).then(() => kill(victim));
        };
        await work(4);
        await expect.poll(() => victim.killed, { timeout: 10_000, interval: 10 }).toBe(true);
        await victim.exited;
      }
      // A standby takes over, from the checkpoint, and catches up with the head.
      active = await theActive();
      expect(active.name).not.toBe(victim.name);
      for (const held of heldBatches) held.successor ??= active.name;
      await work(1);
      await caughtUp(store);
      expect(await lockHolders()).toEqual([active.name]);
    }

    await work(2);
    const head = await caughtUp(store);
    sampling.abort();
    await sampler;
    // The standbys first, so none takes over from the last active one.
    for (const instance of living().sort((a, b) => Number(a.active) - Number(b.active))) await kill(instance);

    expect(failed).toEqual([]);
    expect(violations).toEqual([]);
    expect(childErrors).toEqual([]);
    // The first active, then one successor per kill, as the lock's holders were seen by PostgreSQL.
    expect(activations).toHaveLength(4);
    expect(new Set(activations).size).toBe(4);
    expect(holderRuns).toEqual(activations);

    // Every batch committed by the lock's holder, in one unbroken run over the log, era after era.
    const log = await store.readAll(1, 10_000);
    const after = new Map(log.map((e, i) => [e.globalPosition, log[i + 1]?.globalPosition ?? Number.POSITIVE_INFINITY]));
    const { rows: batches } = await db.pool.query<{ first: string; last: string; by: string; holds_lock: boolean }>(
      'SELECT first_position AS first, last_position AS last, by, holds_lock FROM failover_batches WHERE tenant = $1 ORDER BY first_position',
      [TENANT],
    );
    let expected = log[0]?.globalPosition;
    for (const b of batches) {
      expect(Number(b.first)).toBe(expected);
      expect(b.holds_lock).toBe(true);
      expected = after.get(Number(b.last));
    }
    expect(expected).toBe(Number.POSITIVE_INFINITY);
    expect(log.at(-1)?.globalPosition).toBe(head);
    expect(batches.map((b) => b.by).filter((by, i, all) => by !== all[i - 1])).toEqual(activations);
    // The batches killed half-way were rolled back, and applied again by the successor.
    expect(heldBatches).toHaveLength(2);
    for (const held of heldBatches) {
      expect(batches.find((b) => Number(b.first) === held.first)?.by).toBe(held.successor);
      expect(held.successor).not.toBe(held.killed);
    }

    // The read models: each event on the timeline exactly once, the rows equal to core's in-memory projections.
    const checkpointed = await readModels();
    const keys = (rows: { complaint_id: string; version: number }[]) => rows.map((r) => `${r.complaint_id}@${r.version}`).sort();
    expect(keys(checkpointed.timeline)).toEqual(keys(log.map((e) => ({ complaint_id: e.streamId, version: e.streamVersion }))));
    const tickets = (await rebuildProjection(store, ticketViewProjection())).state;
    expect(checkpointed.tickets.map((r: { view: unknown }) => r.view)).toEqual([...tickets.values()].sort((a, b) => a.complaintId.localeCompare(b.complaintId)));
    const queues = (await rebuildProjection(store, queuesProjection())).state;
    expect(checkpointed.queue.map((r: { complaint_id: string }) => r.complaint_id)).toEqual(openComplaints(queues));
    // And a rebuild from the log writes the very same rows.
    const report = await rebuildSqlProjection(store, ticketTablesProjection());
    expect(report.checkpoint).toBe(head);
    expect(await readModels()).toEqual(checkpointed);
    await store.close();
  });
});
