import {
  createEngine,
  createManualClock,
  openComplaints,
  queuesProjection,
  rebuildProjection,
  sequentialIds,
  ticketViewProjection,
  type ComplaintEvent,
  type EventLike,
} from '@redress/core';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createPostgresEventStore, type PostgresEventStore } from '../store/postgres-event-store.js';
import { useClusterPool } from '../test-support/cluster-pool.js';
import { lifecycle, note } from '../test-support/commands.js';
import { createProjector } from './projector.js';
import { rebuildSqlProjection } from './rebuild.js';
import type { SqlProjection } from './sql-projection.js';
import { ticketTablesProjection } from './ticket-tables.js';

const db = useClusterPool();

/** The read-model tables of a tenant, as plain rows in a stable order. */
async function readModels(tenant: string) {
  const q = async (sql: string) => (await db.pool.query(sql, [tenant])).rows;
  return {
    tickets: await q('SELECT complaint_id, step, severity, handler_id, customer, closed_at, version, view FROM redress_tickets WHERE tenant = $1 ORDER BY complaint_id'),
    timeline: await q('SELECT complaint_id, version, at, type, actor_id, step FROM redress_ticket_timeline WHERE tenant = $1 ORDER BY complaint_id, version'),
    queue: await q('SELECT complaint_id, step, handler_id, severity, customer FROM redress_queue WHERE tenant = $1 ORDER BY complaint_id'),
  };
}

/** Once the checkpoint is the readable head, the two read together (a batch in flight holds the head back). */
async function caughtUp(store: PostgresEventStore<EventLike>, checkpoint: () => Promise<number>) {
  await expect.poll(async () => (await checkpoint()) === (await store.headPosition()), { timeout: 20_000, interval: 50 }).toBe(true);
}

describe('the ticket tables projection', () => {
  it('keeps rows equal to core projections, answers queue questions in SQL, and rebuilds to the same rows', async () => {
    const store = await createPostgresEventStore({ pool: db.pool, tenant: 'tickets', pollIntervalMs: 200 });
    const engine = createEngine({ store, clock: createManualClock('2026-03-02T08:00:00.000Z'), ids: sequentialIds('t') });
    const projector = createProjector({ store, projection: ticketTablesProjection(), batchSize: 7, pollIntervalMs: 100 });
    db.cleanup(() => store.close(), () => projector.stop());
    projector.start();

    // Lifecycles interleaved, as a desk works many tickets at once.
    const lifecycles = Array.from({ length: 9 }, (_, n) => lifecycle(`c-${n}`, n));
    for (let step = 0; step < 5; step++) {
      for (const commands of lifecycles) {
        const command = commands[step];
        if (command) expect((await engine.execute(command)).ok).toBe(true);
      }
    }
    await caughtUp(store, projector.checkpoint);
    const checkpointed = await readModels('tickets');

    // The same rows as core's in-memory projections rebuilt from the log.
    const tickets = (await rebuildProjection(store, ticketViewProjection())).state;
    expect(checkpointed.tickets.map((r: { view: unknown }) => r.view)).toEqual([...tickets.values()].sort((a, b) => a.complaintId.localeCompare(b.complaintId)));
    const queues = (await rebuildProjection(store, queuesProjection())).state;
    expect(checkpointed.queue.map((r: { complaint_id: string }) => r.complaint_id)).toEqual(openComplaints(queues));
    expect(checkpointed.timeline).toHaveLength((await store.readAll(1, 10_000)).length);

    // "All open tickets of handler h-02", in SQL.
    const { rows } = await db.pool.query("SELECT complaint_id FROM redress_queue WHERE tenant = 'tickets' AND handler_id = 'h-02' ORDER BY complaint_id");
    expect(rows.map((r: { complaint_id: string }) => r.complaint_id)).toEqual(openComplaints(queues, { handlerId: 'h-02' }));
    expect(rows.length).toBeGreaterThan(0);

    // Rebuilt from zero while the projector runs: the same rows, and it goes on from there.
    const report = await rebuildSqlProjection(store, ticketTablesProjection());
    expect(report.checkpoint).toBe(await store.headPosition());
    expect(await readModels('tickets')).toEqual(checkpointed);
    expect((await engine.execute(note('c-1', 'after the rebuild'))).ok).toBe(true);
    await caughtUp(store, projector.checkpoint);
    const after = await readModels('tickets');
    expect(after.timeline).toHaveLength(checkpointed.timeline.length + 1);

    await projector.stop();
    await rebuildSqlProjection(store, ticketTablesProjection());
    expect(await readModels('tickets')).toEqual(after);
    await store.close();
  });
});

/** Records every position it applies, so a double application or a skip shows. */
function countingProjection(): SqlProjection<EventLike> {
  return {
    name: 'counting',
    async apply(tx, events, scope) {
      await tx.query(`CREATE TABLE IF NOT EXISTS ${scope.schema}.applied (tenant text, position bigint, by text)`);
      await tx.query(`INSERT INTO ${scope.schema}.applied SELECT $1, unnest($2::bigint[]), current_setting('application_name')`, [
        scope.tenant,
        events.map((e) => e.globalPosition),
      ]);
    },
    async reset(tx, scope) {
      await tx.query(`DELETE FROM ${scope.schema}.applied WHERE tenant = $1`, [scope.tenant]);
    },
  };
}

describe('several instances of one projection', () => {
  it('runs exactly one at a time, and a standby takes over from the checkpoint when the active one dies', async () => {
    // Two app instances: each its own pool (and connections), store and projector.
    const instance = async (name: string) => {
      const own = new pg.Pool({ connectionString: db.cluster.connectionString, application_name: name });
      // Its idle connections are cut too when it "dies".
      own.on('error', () => undefined);
      const store = await createPostgresEventStore<ComplaintEvent>({ pool: own, tenant: 'failover', pollIntervalMs: 100 });
      const projector = createProjector({ store, projection: countingProjection(), batchSize: 5, pollIntervalMs: 50 });
      db.cleanup(() => own.end(), () => store.close(), () => projector.stop());
      return { name, own, store, projector };
    };
    const a = await instance('instance-a');
    const b = await instance('instance-b');
    // Commands come through a third connection pool, which outlives instance A.
    const writer = await createPostgresEventStore<ComplaintEvent>({ pool: db.pool, tenant: 'failover' });
    db.cleanup(() => writer.close());
    const engine = createEngine({ store: writer, clock: createManualClock('2026-03-02T08:00:00.000Z'), ids: sequentialIds('f') });
    const work = async (from: number, to: number) => {
      for (let n = from; n < to; n++) for (const command of lifecycle(`c-${n}`, n)) expect((await engine.execute(command)).ok).toBe(true);
    };

    a.projector.start();
    await expect.poll(() => a.projector.active).toBe(true);
    b.projector.start();
    await work(0, 6);
    await caughtUp(a.store, a.projector.checkpoint);
    expect([a.projector.active, b.projector.active]).toEqual([true, false]);

    // Instance A dies mid-stream: its connections are cut, as when its process is killed.
    const more = work(6, 12);
    await db.pool.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'instance-a'");
    await a.projector.stop();
    await more;
    await expect.poll(() => b.projector.active, { timeout: 10_000 }).toBe(true);
    await caughtUp(b.store, b.projector.checkpoint);

    // Every event applied exactly once, by one instance or the other, none skipped.
    const head = await b.store.headPosition();
    const { rows } = await db.pool.query<{ position: string; by: string }>("SELECT position, by FROM applied WHERE tenant = 'failover' ORDER BY position");
    expect(rows.map((r) => Number(r.position))).toEqual((await writer.readAll(1, 10_000)).map((e) => e.globalPosition));
    expect(rows.at(-1)?.position).toBe(String(head));
    expect(new Set(rows.map((r) => r.by))).toEqual(new Set(['instance-a', 'instance-b']));

    await b.projector.stop();
    await writer.close();
    for (const i of [a, b]) {
      await i.store.close();
      await i.own.end();
    }
  });
});
