/**
 * The late-commit race that made Marten, Eventuous and Emmett readers skip events,
 * made to happen: a writer takes its place in the write order and holds its
 * transaction open while a later writer commits and a reader reads. With positions
 * taken at insert (a sequence), the reader would move past the held event and never
 * see it. Here positions are given after commit, so the reader gets every event
 * exactly once, in the order it reads them.
 */
import type { NewEvent, RecordedEvent } from '@redress/core';
import type { ConformanceEvent } from '@redress/testing/store-conformance';
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { useClusterPool } from '../test-support/cluster-pool.js';
import { appendInTransaction } from './append.js';
import { createPostgresEventStore, type PostgresEventStore } from './postgres-event-store.js';

const db = useClusterPool();

let store: PostgresEventStore<ConformanceEvent>;
let held: pg.PoolClient | undefined;

let ids = 0;
const events = (n: number): NewEvent<ConformanceEvent>[] =>
  Array.from({ length: n }, (_, i) => ({
    type: 'Happened',
    data: { n: i },
    eventId: `late-${++ids}`,
    occurredAt: '2026-11-23T09:00:00.000Z',
    actor: { id: 'tester', role: 'system' },
    causationId: 'cmd',
    correlationId: 'cmd',
    schemaVersion: 1,
  }));

beforeAll(async () => {
  store = await createPostgresEventStore<ConformanceEvent>({ pool: db.pool, tenant: 'ordering', pollIntervalMs: 5000 });
  db.cleanup(() => store.close());
});
// A failed test must not leave its transaction open, or ending the pool waits forever.
db.cleanup(() => held?.release(true));

const label = (e: RecordedEvent<ConformanceEvent>) => `${e.streamId}@${e.globalPosition}`;

describe('a transaction that commits late', () => {
  it('is delivered exactly once, in order, to a reader that read past its place in the write order', async () => {
    await store.append('before', 'noStream', events(1));

    // A live subscriber follows the log throughout.
    const subscription = store.subscribe();
    const seen: RecordedEvent<ConformanceEvent>[] = [];
    const following = (async () => {
      for await (const e of subscription) {
        seen.push(e);
        if (seen.length === 4) break;
      }
    })();
    await subscription.caughtUp;

    // The slow writer inserts (taking its place in the write order) and holds its transaction.
    const slow = await db.pool.connect();
    held = slow;
    await slow.query('BEGIN');
    await appendInTransaction(slow, { schema: '"public"', tenant: 'ordering' }, 'slow', 'noStream', events(1));

    // A later writer commits first; a reader reads past it.
    const fast = await store.append('fast', 'noStream', events(2));
    expect(fast.events.map(label)).toEqual(['fast@2', 'fast@3']);
    const midway = await store.readAll(1, 100);
    expect(midway.map(label)).toEqual(['before@1', 'fast@2', 'fast@3']);

    // The slow writer commits (the store positions it after commit, as append does).
    await slow.query('COMMIT');
    slow.release();
    held = undefined;
    await db.pool.query('SELECT redress_assign_positions($1, true)', ['ordering']);

    // In the write order the slow event came first: a reader paging by it would have skipped it.
    const { rows: writeOrder } = await db.pool.query<{ stream_id: string }>(
      "SELECT stream_id FROM redress_events WHERE tenant = 'ordering' AND stream_id IN ('slow', 'fast') ORDER BY seq",
    );
    expect(writeOrder.map((r) => r.stream_id)).toEqual(['slow', 'fast', 'fast']);

    // Readers that already read to position 3 continue from 4 and find it.
    expect((await store.readAll(4, 100)).map(label)).toEqual(['slow@4']);
    await following;
    subscription.close();
    expect(seen.map(label)).toEqual(['before@1', 'fast@2', 'fast@3', 'slow@4']);
    expect((await store.readStream('slow')).map(label)).toEqual(['slow@4']);
  });

  it('keeps the log gapless and each reader exactly-once under many concurrent writers', async () => {
    const tenant = await createPostgresEventStore<ConformanceEvent>({ pool: db.pool, tenant: 'ordering-many', pollIntervalMs: 200 });
    const subscription = tenant.subscribe({ batchSize: 7 });
    const seen: number[] = [];
    const expected = 40 * 3;
    const following = (async () => {
      for await (const e of subscription) {
        seen.push(e.globalPosition);
        if (seen.length === expected) break;
      }
    })();
    await subscription.caughtUp;
    // Writers race on a few streams; losers retry on the fresh version, as the engine does.
    await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const stream = `s-${i % 4}`;
        for (;;) {
          const version = (await tenant.readStream(stream)).length;
          try {
            await tenant.append(stream, version, events(3));
            return;
          } catch {
            // a conflict: read again and retry
          }
        }
      }),
    );
    await following;
    subscription.close();
    expect(seen).toEqual(Array.from({ length: expected }, (_, i) => i + 1));
    const all = await tenant.readAll(1, 1000);
    expect(all.map((e) => e.globalPosition)).toEqual(seen);
    await tenant.close();
  });
});

describe('a writer that dies between its commit and the numbering', () => {
  it('has its events numbered by the next reader at the head of the log, or by a stream read', async () => {
    const orphans = await createPostgresEventStore<ConformanceEvent>({ pool: db.pool, tenant: 'orphans' });
    await orphans.append('a', 'noStream', events(1));
    // Committed, never numbered: what a kill -9 right after COMMIT leaves.
    const dying = await db.pool.connect();
    await dying.query('BEGIN');
    await appendInTransaction(dying, { schema: '"public"', tenant: 'orphans' }, 'b', 'noStream', events(2));
    await dying.query('COMMIT');
    dying.release();
    expect((await db.pool.query("SELECT count(*)::int AS n FROM redress_events WHERE tenant = 'orphans' AND global_position IS NULL")).rows[0]).toEqual({ n: 2 });

    expect((await orphans.readAll(2, 10)).map(label)).toEqual(['b@2', 'b@3']);
    expect(await orphans.headPosition()).toBe(3);

    // The same through readStream, for a stream the engine is about to write to.
    const again = await db.pool.connect();
    await again.query('BEGIN');
    await appendInTransaction(again, { schema: '"public"', tenant: 'orphans' }, 'b', 2, events(1));
    await again.query('COMMIT');
    again.release();
    expect((await orphans.readStream('b')).map(label)).toEqual(['b@2', 'b@3', 'b@4']);
    await orphans.close();
  });
});
