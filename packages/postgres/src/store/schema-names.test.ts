/**
 * Hostile schema names and tenants. The schema name is spliced into SQL (it cannot be
 * a parameter), function bodies of old migrations included, so it is checked and
 * quoted everywhere: names that could break out of a quote or be cut short are
 * refused before anything is created; every other name works and touches nothing
 * but its own schema. Tenants are parameters; only text PostgreSQL cannot hold is refused.
 */
import type { ComplaintEvent } from '@redress/core';
import { createEngine, createManualClock } from '@redress/core';
import { escapeIdentifier } from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProjector } from '../projections/projector.js';
import { rebuildSqlProjection } from '../projections/rebuild.js';
import { ticketTablesProjection } from '../projections/ticket-tables.js';
import { migrate } from '../schema/migrate.js';
import { useClusterPool } from '../test-support/cluster-pool.js';
import { receive } from '../test-support/commands.js';
import { createPostgresEventStore } from './postgres-event-store.js';
import { StoreNameError } from './sql.js';

const db = useClusterPool();

const schemas = async () => (await db.pool.query<{ n: string }>('SELECT nspname AS n FROM pg_namespace ORDER BY 1')).rows.map((r) => r.n);
const sentinelIntact = async () => (await db.pool.query('SELECT count(*)::int AS n FROM public.sentinel')).rows[0];

beforeAll(async () => {
  await db.pool.query('CREATE TABLE public.sentinel (x int); INSERT INTO public.sentinel VALUES (1)');
});

describe('schema names', () => {
  it.each([
    ['a dollar quote that would end a function body', 'x$fn$; DROP TABLE public.sentinel; --'],
    ['a bare dollar quote', '$fn$'],
    ['more than 63 bytes (PostgreSQL would cut it short)', 'a'.repeat(64)],
    ['more than 63 bytes of UTF-8', '投诉'.repeat(11)],
    ['the reserved pg_ prefix', 'pg_redress'],
    ['a NUL character', 'bad\u0000name'],
    ['a control character', 'tab\tname'],
    ['a lone surrogate', 'half\ud800'],
    ['nothing', ''],
  ])('refuses %s before creating anything', async (_, name) => {
    const before = await schemas();
    await expect(createPostgresEventStore({ pool: db.pool, schema: name })).rejects.toBeInstanceOf(StoreNameError);
    await expect(migrate(db.pool, name)).rejects.toMatchObject({ kind: 'StoreName', what: 'schema' });
    expect(await schemas()).toEqual(before);
    expect(await sentinelIntact()).toEqual({ n: 1 });
  });

  it.each([
    ['spaces and capitals', 'Tenant Space'],
    ['a double quote', 'a"b'],
    ['a single quote', "it's"],
    ['SQL that a missing quote would run', 'x; DROP TABLE public.sentinel; --'],
    ['a dot', 'public.x'],
    ['Chinese', '投诉处理'],
    ['exactly 63 bytes', 'b'.repeat(63)],
  ])('accepts %s, and everything lives in that schema alone', async (_, name) => {
    const store = await createPostgresEventStore<ComplaintEvent>({ pool: db.pool, schema: name, tenant: 't', pollIntervalMs: 50 });
    db.cleanup(() => store.close());
    const engine = createEngine({ store, clock: createManualClock('2026-03-02T08:00:00Z') });
    await engine.executeOrThrow(receive('c-1', 1, true));
    const projector = createProjector({ store, projection: ticketTablesProjection(), pollIntervalMs: 20 });
    projector.start();
    await projector.reached(await store.headPosition());
    await projector.stop();
    expect((await rebuildSqlProjection(store, ticketTablesProjection())).events).toBe(2);
    const { rows } = await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${escapeIdentifier(name)}.redress_events`);
    expect(rows[0]).toEqual({ n: 2 });
    expect(await schemas()).toContain(name);
    expect(await sentinelIntact()).toEqual({ n: 1 });
  });
});

describe('tenants', () => {
  it('are parameters: SQL in a tenant is only a name', async () => {
    const tenant = "'; DROP TABLE public.sentinel; --";
    const store = await createPostgresEventStore<ComplaintEvent>({ pool: db.pool, tenant });
    db.cleanup(() => store.close());
    await createEngine({ store, clock: createManualClock('2026-03-02T08:00:00Z') }).executeOrThrow(receive('c-1', 1));
    expect((await db.pool.query('SELECT DISTINCT tenant FROM public.redress_events WHERE tenant = $1', [tenant])).rows).toEqual([{ tenant }]);
    expect(await sentinelIntact()).toEqual({ n: 1 });
  });

  it.each([
    ['a NUL character', 'a\u0000b'],
    ['a lone surrogate', '\udfffx'],
    ['nothing', ''],
  ])('refuse %s', async (_, tenant) => {
    await expect(createPostgresEventStore({ pool: db.pool, tenant })).rejects.toMatchObject({ kind: 'StoreName', what: 'tenant' });
  });
});
