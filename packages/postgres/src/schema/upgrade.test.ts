/**
 * Upgrading a database written by the release before one-commit appends (schema 3,
 * fixtures/v3.sql: two schemas, three tenants, projector checkpoints behind the head,
 * and events committed by writers killed before the old positioner numbered them).
 * Nothing a reader has seen moves; what was never numbered is numbered after it; every
 * new event lies above; projectors resume from their checkpoints, skipping nothing and
 * applying nothing twice. And the same with 50 000 such rows: no plan tips over.
 */
import { readFileSync } from 'node:fs';
import { createEngine, createManualClock, erasedCopy, evolveTicket, rebuildProjection, ticketViewProjection, type ComplaintEvent, type RecordedEvent, type TicketView } from '@redress/core';
import { defaultSlaConfig } from '@redress/sla';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createProjector } from '../projections/projector.js';
import { ticketTablesProjection } from '../projections/ticket-tables.js';
import { sqlSlaProjection } from '../sla/sla-tables.js';
import { createPostgresEventStore } from '../store/postgres-event-store.js';
import { useClusterPool } from '../test-support/cluster-pool.js';
import { note } from '../test-support/commands.js';
import { migrate } from './migrate.js';
import { MIGRATIONS } from './migrations.js';

const db = useClusterPool();

/** A pool on a new database of the cluster, ended by the file's cleanup. */
async function database(name: string): Promise<pg.Pool> {
  await db.pool.query(`CREATE DATABASE ${name}`);
  const pool = new pg.Pool({ connectionString: db.cluster.connectionString.replace(/\/postgres$/, `/${name}`) });
  pool.on('error', () => undefined);
  db.cleanup(() => pool.end());
  return pool;
}

/** The v3 dump, without psql's meta-commands; `public` is the dump's to create. */
async function restoreV3(pool: pg.Pool): Promise<void> {
  const dump = readFileSync(new URL('./fixtures/v3.sql', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('\\'))
    .join('\n');
  await pool.query('DROP SCHEMA public CASCADE');
  await pool.query(dump);
  await pool.query("SELECT pg_catalog.set_config('search_path', 'public', false)");
}

interface OldRow {
  readonly tenant: string;
  readonly seq: string;
  readonly global_position: string | null;
  readonly event_id: string;
}

const rowsOf = async (pool: pg.Pool, schema: string) =>
  (await pool.query<OldRow>(`SELECT tenant, seq, global_position, event_id FROM ${schema}.redress_events ORDER BY tenant, seq`)).rows;

describe('upgrading a schema 3 database', () => {
  it('keeps every position, numbers the orphans after them, and projectors resume from their checkpoints', async () => {
    const pool = await database('fixture_v3');
    await restoreV3(pool);
    const before = await rowsOf(pool, 'public');
    const checkpoints = (await pool.query('SELECT * FROM public.redress_checkpoints ORDER BY tenant, projection')).rows;
    const slaRows = (await pool.query("SELECT count(*)::int AS n FROM public.redress_sla_clocks WHERE tenant = 'desk-b'")).rows[0];
    expect(before.filter((r) => r.global_position === null)).toHaveLength(5);

    expect(await migrate(pool, 'public')).toMatchObject({ from: 3, to: 5, applied: [{ version: 4 }, { version: 5 }], rebased: false });
    expect(await migrate(pool, 'redress')).toMatchObject({ from: 3, to: 5, applied: [{ version: 4 }, { version: 5 }] });
    const after = await rowsOf(pool, 'public');
    for (const [i, row] of before.entries()) {
      if (row.global_position !== null) expect(after[i]?.global_position).toBe(row.global_position);
    }
    // The orphans: after the tenant's last position, in write order, without gaps.
    const head = Math.max(...before.filter((r) => r.tenant === 'default' && r.global_position !== null).map((r) => Number(r.global_position)));
    const orphans = before.filter((r) => r.global_position === null).map((r) => r.event_id);
    expect(after.filter((r) => orphans.includes(r.event_id)).map((r) => Number(r.global_position))).toEqual(orphans.map((_, i) => head + i + 1));
    expect((await pool.query('SELECT * FROM public.redress_checkpoints ORDER BY tenant, projection')).rows).toEqual(checkpoints);

    // The log reads as before, orphans after; new appends come after all of it.
    const store = await createPostgresEventStore<ComplaintEvent>({ pool, tenant: 'default', pollIntervalMs: 50 });
    db.cleanup(() => store.close());
    const log = await store.readAll(1, 10_000);
    expect(log.map((e) => e.eventId)).toEqual([...after.filter((r) => r.tenant === 'default')].sort((a, b) => Number(a.global_position) - Number(b.global_position)).map((r) => r.event_id));
    const subscription = store.subscribe({ fromPosition: 32 });
    const engine = createEngine({ store, clock: createManualClock('2026-04-01T00:00:00Z') });
    const added = await engine.executeOrThrow(note('a-c1', 'after the upgrade'));
    expect(added.events[0]?.globalPosition).toBeGreaterThan(Math.max(...log.map((e) => e.globalPosition)));
    const seen: RecordedEvent<ComplaintEvent>[] = [];
    for await (const e of subscription) {
      seen.push(e);
      if (e.eventId === added.events.at(-1)?.eventId) break;
    }
    expect(seen).toEqual((await store.readAll(32, 10_000)));

    // The ticket projector was at 31: it applies the rest once, and its rows equal a rebuild.
    const tickets = createProjector({ store, projection: ticketTablesProjection(), pollIntervalMs: 20 });
    db.cleanup(() => tickets.stop());
    tickets.start();
    await tickets.reached(await store.headPosition());
    await tickets.stop();
    const views = (await pool.query("SELECT view FROM public.redress_tickets WHERE tenant = 'default' ORDER BY complaint_id")).rows.map((r: { view: unknown }) => r.view);
    const rebuilt = (await rebuildProjection(store, ticketViewProjection())).state;
    // Tickets the old release wrote and no later event touched keep its view's fields (today's
    // code adds some): every field a row holds equals the rebuild's.
    expect([...rebuilt.values()].sort((a, b) => a.complaintId.localeCompare(b.complaintId))).toMatchObject(views);
    // Migration 5 gave the old rows their erased views: each equals the ticket folded from the erased events.
    const erasedViews = (await pool.query("SELECT erased_view FROM public.redress_tickets WHERE tenant = 'default' ORDER BY complaint_id")).rows.map((r: { erased_view: unknown }) => r.erased_view);
    const erasedLog = (await store.readAll(1, 10_000)).map((e) => erasedCopy(e));
    const erasedTickets = new Map<string, TicketView>();
    for (const e of erasedLog) {
      const next = evolveTicket(erasedTickets.get(e.streamId), e);
      if (next) erasedTickets.set(e.streamId, next);
    }
    expect(erasedViews.length).toBe(views.length);
    expect([...erasedTickets.values()].sort((a, b) => a.complaintId.localeCompare(b.complaintId))).toMatchObject(erasedViews);
    expect(JSON.stringify(erasedViews)).toContain('[erased]');
    const timeline = (await pool.query("SELECT count(*)::int AS n FROM public.redress_ticket_timeline WHERE tenant = 'default'")).rows[0];
    // One row per event of a ticket (the orphans' new stream never had a receipt, so no ticket).
    expect(timeline).toEqual({ n: (await store.readAll(1, 10_000)).filter((e) => rebuilt.has(e.streamId)).length });

    // The SLA projector of desk-b resumes too, rows intact.
    const deskB = await createPostgresEventStore<ComplaintEvent>({ pool, tenant: 'desk-b', pollIntervalMs: 50 });
    db.cleanup(() => deskB.close());
    const sla = createProjector({ store: deskB, projection: sqlSlaProjection({ config: defaultSlaConfig() }), pollIntervalMs: 20 });
    sla.start();
    await sla.reached(await deskB.headPosition());
    await sla.stop();
    expect((await pool.query("SELECT count(*)::int AS n FROM public.redress_sla_clocks WHERE tenant = 'desk-b'")).rows[0]).toEqual(slaRows);

    // A writer of the old release still running fails loudly instead of writing events nobody would read.
    await expect(
      pool.query("INSERT INTO public.redress_events (tenant, stream_id, stream_version, event_id, type, data, occurred_at, actor, causation_id, correlation_id, schema_version) VALUES ('default', 'x', 1, 'old', 'T', '{}', 'now', '{}', 'c', 'c', 1)"),
    ).rejects.toMatchObject({ code: '23502' });
    await expect(pool.query("SELECT public.redress_assign_positions('default', true)")).rejects.toMatchObject({ code: '42883' });
  });
});

/** Every node of an EXPLAIN (FORMAT JSON) plan. */
function planNodes(plan: Record<string, unknown>): Record<string, unknown>[] {
  const children = (plan['Plans'] as Record<string, unknown>[] | undefined) ?? [];
  return [plan, ...children.flatMap(planNodes)];
}

describe('a log with 50 000 events the old positioner never reached', () => {
  it('is numbered by the upgrade, and every read keeps to its index, custom or generic plan', async () => {
    const pool = await database('orphans');
    await migrate(pool, 'public', MIGRATIONS.slice(0, 3));
    const insert = (tenant: string, positioned: boolean) =>
      pool.query(
        `INSERT INTO redress_events (tenant, global_position, stream_id, stream_version, event_id, type, data, occurred_at, actor, causation_id, correlation_id, schema_version)
         SELECT $1, ${positioned ? 'n' : 'NULL'}, 's-' || (n / 10), n % 10 + 1, $1 || '-' || n, 'NoteAdded', '{}', '2026-01-01T00:00:00Z', '{}', 'c', 'c', 1
         FROM generate_series(0, 49999) AS n`,
        [tenant],
      );
    await insert('orphaned', false);
    await insert('numbered', true);
    await pool.query("INSERT INTO redress_streams (tenant, stream_id, version) SELECT t, 's-' || n, 10 FROM generate_series(0, 4999) AS n, unnest(ARRAY['orphaned', 'numbered']) AS t");
    await pool.query('ANALYZE');
    await migrate(pool, 'public');
    const { rows } = await pool.query<{ n: number; first: string; last: string }>("SELECT count(*)::int AS n, min(global_position) AS first, max(global_position) AS last FROM redress_events WHERE tenant = 'orphaned'");
    expect(rows[0]).toEqual({ n: 50_000, first: '1', last: '50000' });
    await pool.query('ANALYZE');

    // The store's own statements, recorded as they are sent.
    const sent: { text: string; values: unknown[] }[] = [];
    const recording = new Proxy(pool, {
      get(target, key) {
        if (key === 'query') {
          return (query: string | { text: string; values: unknown[] }, values: unknown[]) => {
            sent.push(typeof query === 'string' ? { text: query, values } : query);
            return target.query(query as string, values);
          };
        }
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const store = await createPostgresEventStore<ComplaintEvent>({ pool: recording, tenant: 'orphaned', migrate: false, pollIntervalMs: 50 });
    db.cleanup(() => store.close());
    sent.length = 0;
    await store.readAll(49_000, 100);
    await store.headPosition();
    await store.readStream('s-4000');
    const reads = sent.filter((q) => q.text.trim().startsWith('SELECT'));
    expect(reads.length).toBeGreaterThanOrEqual(3);
    const client = await pool.connect();
    try {
      for (const mode of ['auto', 'force_generic_plan']) {
        await client.query(`SET plan_cache_mode = ${mode}`);
        for (const [i, q] of reads.entries()) {
          await client.query(`PREPARE q${i} AS ${q.text}`);
          const literals = q.values.map((v) => (typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`));
          const { rows: plans } = await client.query<{ 'QUERY PLAN': [{ Plan: Record<string, unknown> }] }>(`EXPLAIN (FORMAT JSON) EXECUTE q${i}(${literals.join(', ')})`);
          const nodes = planNodes(plans[0]?.['QUERY PLAN'][0].Plan ?? {});
          expect(nodes.filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'redress_events'), `${mode}: ${q.text}`).toEqual([]);
          await client.query(`DEALLOCATE q${i}`);
        }
      }
    } finally {
      client.release();
    }
    // And appends still go through, above every old position.
    const appended = await store.append('s-new', 'noStream', [
      { type: 'NoteAdded', data: { text: 'x', visibility: 'internal' }, eventId: 'new-1', occurredAt: '2026-01-01T00:00:00Z', actor: { id: 'a', role: 'handler' }, causationId: 'c', correlationId: 'c', schemaVersion: 1 } as never,
    ]);
    expect(appended.events[0]?.globalPosition).toBeGreaterThan(50_000);
  });
});
