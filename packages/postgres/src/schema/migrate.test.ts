import { describe, expect, it } from 'vitest';
import { useClusterPool } from '../test-support/cluster-pool.js';
import { migrate, SchemaVersionError } from './migrate.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import type { ConformanceEvent } from '@redress/testing/store-conformance';
import { createPostgresEventStore } from '../store/postgres-event-store.js';

const happened = (eventId: string) => ({
  type: 'Happened' as const,
  data: { n: 1 },
  eventId,
  occurredAt: '2026-11-23T09:00:00.000Z',
  actor: { id: 'tester', role: 'system' as const },
  causationId: 'cmd',
  correlationId: 'cmd',
  schemaVersion: 1,
});

const db = useClusterPool();

const tables = async (schema: string) =>
  (await db.pool.query<{ t: string }>('SELECT table_name AS t FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1', [schema])).rows.map((r) => r.t);

describe('migrations', () => {
  it('creates every table of a fresh schema, once', async () => {
    const first = await migrate(db.pool, 'fresh');
    expect(first).toEqual({ from: 0, to: SCHEMA_VERSION, applied: MIGRATIONS.map((m) => ({ version: m.version, name: m.name })), rebased: false });
    expect(await tables('fresh')).toEqual([
      'redress_checkpoints',
      'redress_data_keys',
      'redress_events',
      'redress_key_subjects',
      'redress_migrations',
      'redress_positions',
      'redress_projector_locks',
      'redress_queue',
      'redress_sla_clocks',
      'redress_sla_status',
      'redress_streams',
      'redress_ticket_timeline',
      'redress_tickets',
    ]);
    expect(await migrate(db.pool, 'fresh')).toEqual({ from: SCHEMA_VERSION, to: SCHEMA_VERSION, applied: [], rebased: false });
  });

  it('lets several instances start together: one migrates, the others wait and find nothing to do', async () => {
    const reports = await Promise.all(Array.from({ length: 4 }, () => migrate(db.pool, 'together')));
    expect(reports.filter((r) => r.applied.length > 0)).toHaveLength(1);
    const { rows } = await db.pool.query('SELECT version FROM together.redress_migrations ORDER BY version');
    expect(rows.map((r: { version: number }) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('upgrades an older schema with only the newer migrations', async () => {
    await migrate(db.pool, 'older', MIGRATIONS.slice(0, 1));
    expect(await tables('older')).toEqual(['redress_events', 'redress_migrations', 'redress_streams']);
    const report = await migrate(db.pool, 'older');
    expect(report.from).toBe(1);
    expect(report.applied.map((m) => m.version)).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
  });

  it('refuses a database written by a newer release, changing nothing', async () => {
    await migrate(db.pool, 'newer');
    await db.pool.query("INSERT INTO newer.redress_migrations (version, name) VALUES ($1, 'from the future')", [SCHEMA_VERSION + 1]);
    const error = await migrate(db.pool, 'newer').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaVersionError);
    expect(error).toMatchObject({ kind: 'SchemaVersion', databaseVersion: SCHEMA_VERSION + 1, supportedVersion: SCHEMA_VERSION });
    expect(String(error)).toMatch(/upgrade @redress\/postgres/);
  });

  it('moves the positions\' base up when the transaction counter is behind the log (a dump restored into another cluster)', async () => {
    const store = await createPostgresEventStore<ConformanceEvent>({ pool: db.pool, schema: 'restored', tenant: 't' });
    const before = await store.append('s', 'noStream', [happened('r-1')]);
    // As if the log came from a cluster whose transaction ids ran far ahead of this one's.
    await db.pool.query('UPDATE restored.redress_positions SET base_xid = base_xid - 1000000');
    await db.pool.query('UPDATE restored.redress_streams SET last_position = last_position + 1000000000');
    await db.pool.query('UPDATE restored.redress_events SET global_position = global_position + 1000000000');
    await db.pool.query('UPDATE restored.redress_positions SET base_xid = base_xid + 1000000');
    const head = (before.events[0]?.globalPosition ?? 0) + 1_000_000_000;
    await expect(createPostgresEventStore({ pool: db.pool, schema: 'restored', tenant: 't', migrate: false })).rejects.toMatchObject({ kind: 'PositionsBehind' });
    expect(await migrate(db.pool, 'restored')).toMatchObject({ applied: [], rebased: true });
    const after = await store.append('s', 1, [happened('r-2')]);
    const fresh = await store.append('new-stream', 'noStream', [happened('r-3')]);
    expect(after.events[0]?.globalPosition).toBeGreaterThan(head);
    expect(fresh.events[0]?.globalPosition).toBeGreaterThan(after.events[0]?.globalPosition ?? Infinity);
    expect((await store.readAll()).map((e) => e.eventId)).toEqual(['r-1', 'r-2', 'r-3']);
    expect(await migrate(db.pool, 'restored')).toMatchObject({ rebased: false });
    await store.close();
  });

  it("keeps its open's migration report on the store, and none when it only checked the schema", async () => {
    await expect(createPostgresEventStore({ pool: db.pool, schema: 'reported', migrate: false })).rejects.toMatchObject({ kind: 'SchemaVersion', databaseVersion: 0 });
    const first = await createPostgresEventStore({ pool: db.pool, schema: 'reported' });
    expect(first.migrations).toMatchObject({ from: 0, to: SCHEMA_VERSION, applied: MIGRATIONS.map((m) => ({ version: m.version, name: m.name })) });
    const again = await createPostgresEventStore({ pool: db.pool, schema: 'reported' });
    expect(again.migrations).toMatchObject({ from: SCHEMA_VERSION, applied: [] });
    const checked = await createPostgresEventStore({ pool: db.pool, schema: 'reported', migrate: false });
    expect(checked.migrations).toBeUndefined();
    await Promise.all([first.close(), again.close(), checked.close()]);
  });

  it('rolls a failing migration back entirely', async () => {
    const broken = [...MIGRATIONS, { version: SCHEMA_VERSION + 1, name: 'broken', sql: (s: string) => `CREATE TABLE ${s}.half (x int); SELECT 1/0;` }];
    await expect(migrate(db.pool, 'broken', broken)).rejects.toThrow(/division by zero/);
    expect(await tables('broken')).toEqual([]);
  });
});
