import type { NewEvent } from '@redress/core';
import type { ConformanceEvent } from '@redress/testing/store-conformance';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { useClusterPool } from '../test-support/cluster-pool.js';
import { createPostgresEventStore } from './postgres-event-store.js';

const db = useClusterPool();

const event = (eventId: string, n: number): NewEvent<ConformanceEvent> => ({
  type: 'Happened',
  data: { n },
  eventId,
  occurredAt: '2026-11-23T09:00:00.000Z',
  actor: { id: 'tester', role: 'system' },
  causationId: 'cmd',
  correlationId: 'cmd',
  schemaVersion: 1,
});

describe('tenants and schemas', () => {
  it('keeps each tenant in its own log: same stream ids, same event ids, own positions', async () => {
    const acme = await createPostgresEventStore<ConformanceEvent>({ pool: db.pool, tenant: 'acme' });
    const globex = await createPostgresEventStore<ConformanceEvent>({ pool: db.pool, tenant: 'globex' });
    const a = await acme.append('c-1', 'noStream', [event('e-1', 1), event('e-2', 2)]);
    const g = await globex.append('c-1', 'noStream', [event('e-1', 10)]);
    expect((await acme.readAll()).map((e) => [e.streamVersion, e.data.n])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(await acme.readAll()).toEqual(a.events);
    expect((await globex.readStream('c-1')).map((e) => [e.globalPosition, e.data.n])).toEqual([[g.events[0]?.globalPosition, 10]]);
    expect(await globex.readAll()).toEqual(g.events);
    // The version check is per tenant too: globex's stream is at 1, acme's at 2.
    await expect(globex.append('c-1', 2, [event('e-3', 3)])).rejects.toMatchObject({ kind: 'ConcurrencyConflict', actual: 1 });
    await acme.close();
    await globex.close();
  });

  it('wakes, by NOTIFY, only the subscribers of the tenant that was written', async () => {
    // Writers and the subscriber are separate store instances, as in separate processes:
    // only a notification can wake the subscriber (its poll interval is a minute).
    const quiet = await createPostgresEventStore<ConformanceEvent>({ pool: db.pool, tenant: 'quiet', pollIntervalMs: 60_000 });
    const busyWriter = await createPostgresEventStore<ConformanceEvent>({ pool: db.pool, tenant: 'busy', pollIntervalMs: 60_000 });
    const busy = await createPostgresEventStore<ConformanceEvent>({ pool: db.pool, tenant: 'busy', pollIntervalMs: 60_000 });
    const subscription = busy.subscribe();
    const first = subscription[Symbol.asyncIterator]().next();
    await subscription.caughtUp;
    await quiet.append('q', 'noStream', [event('q-1', 1)]);
    const written = await busyWriter.append('b', 'noStream', [event('b-1', 1)]);
    expect((await first).value).toEqual(written.events[0]);
    subscription.close();
    await Promise.all([quiet.close(), busyWriter.close(), busy.close()]);
  });

  it('lives in the schema it is given', async () => {
    const store = await createPostgresEventStore<ConformanceEvent>({ pool: db.pool, schema: 'Tenant Space', tenant: 't' });
    await store.append('s', 'noStream', [event('x-1', 1)]);
    const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM "Tenant Space".redress_events');
    expect(rows[0]).toEqual({ n: 1 });
    await store.close();
  });

  it('refuses versions a stream can never be at as conflicts, writing nothing', async () => {
    const store = await createPostgresEventStore<ConformanceEvent>({ pool: db.pool, tenant: 'bad-input' });
    await store.append('s', 'noStream', [event('ok-1', 1)]);
    for (const expected of [-1, 1.5, Number.NaN]) {
      await expect(store.append('s', expected, [event(`bad-${expected}`, 2)])).rejects.toMatchObject({ kind: 'ConcurrencyConflict', actual: 1 });
    }
    expect(await store.readAll()).toHaveLength(1);
    await store.close();
  });

  it('goes on unnamed when the server forgets its prepared statement (a pooler swapped connections)', async () => {
    const one = new pg.Pool({ connectionString: db.cluster.connectionString, max: 1 });
    const store = await createPostgresEventStore<ConformanceEvent>({ pool: one, tenant: 'prepared' });
    await store.append('s', 'noStream', [event('p-1', 1)]);
    await store.append('s', 1, [event('p-2', 2)]);
    // What PgBouncer in transaction mode does to a named statement: the next connection never had it.
    await one.query('DEALLOCATE ALL');
    await store.append('s', 2, [event('p-3', 3)]);
    expect((await store.readStream('s')).map((e) => e.eventId)).toEqual(['p-1', 'p-2', 'p-3']);
    await store.close();
    await one.end();
  });

  it('refuses to start without a connection', async () => {
    await expect(createPostgresEventStore({})).rejects.toThrow(/pool or a connectionString/);
  });
});
