/**
 * The late-commit race that made Marten, Eventuous and Emmett readers skip events,
 * made to happen: a writer takes its place in the order (its transaction id) and
 * holds its transaction open while a later writer commits and a reader reads. A
 * reader ordered by position alone would see the later writer's events, move past the
 * held one's place, and never see it. Here readers stop below the oldest transaction
 * still running, so they get every event exactly once, in one order.
 */
import type { NewEvent, RecordedEvent } from '@redress/core';
import type { ConformanceEvent } from '@redress/testing/store-conformance';
import type pg from 'pg';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useClusterPool } from '../test-support/cluster-pool.js';
import { appendStatement } from './append.js';
import { createPostgresEventStore, type PostgresEventStore } from './postgres-event-store.js';

const db = useClusterPool({ max: 30 });

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

const tables = (tenant: string) => ({ schema: '"public"', tenant });

beforeAll(async () => {
  store = await createPostgresEventStore<ConformanceEvent>({ pool: db.pool, tenant: 'ordering', pollIntervalMs: 5000 });
  db.cleanup(() => store.close());
});
// A failed test must not leave its transaction open: it would hold every later reader back.
afterEach(async () => {
  if (!held) return;
  await held.query('ROLLBACK').catch(() => undefined);
  held.release(true);
  held = undefined;
});

const label = (e: RecordedEvent<ConformanceEvent>) => `${e.streamId}${e.streamVersion}`;

/** A connection holding an open transaction that has appended (or only taken its transaction id). */
async function openTransaction(): Promise<pg.PoolClient> {
  const client = await db.pool.connect();
  held = client;
  await client.query('BEGIN');
  return client;
}

async function finish(client: pg.PoolClient, how: 'COMMIT' | 'ROLLBACK'): Promise<void> {
  await client.query(how);
  client.release();
  held = undefined;
}

describe('a transaction that commits late', () => {
  it('is delivered exactly once, in its place, to a reader that read while it was open', async () => {
    await store.append('before', 'noStream', events(1));
    const subscription = store.subscribe();
    const seen: RecordedEvent<ConformanceEvent>[] = [];
    const following = (async () => {
      for await (const e of subscription) {
        seen.push(e);
        if (seen.length === 4) break;
      }
    })();
    await subscription.caughtUp;

    // The slow writer takes its place in the order and holds its transaction.
    const slow = await openTransaction();
    const placed = await appendStatement(slow, tables('ordering'), { streamId: 'slow', expected: 'noStream', events: events(1) });
    // A later writer commits first.
    const fast = await store.append('fast', 'noStream', events(2));
    expect(placed?.first).toBeLessThan(fast.events[0]?.globalPosition ?? 0);

    // Readers do not get past the open transaction: not the later events either.
    expect((await store.readAll(1, 100)).map(label)).toEqual(['before1']);
    expect(seen.map(label)).toEqual(['before1']);
    // The head is the last committed event: what a reader will have reached once the slow one ends.
    expect(await store.headPosition()).toBe(fast.events[1]?.globalPosition);

    await finish(slow, 'COMMIT');
    // Now everything, the slow event in its place (it took its id first), once.
    const all = await store.readAll(1, 100);
    expect(all.map(label)).toEqual(['before1', 'slow1', 'fast1', 'fast2']);
    await following;
    subscription.close();
    expect(seen).toEqual(all);
    // A reader that had read up to 'before' goes on from there and finds the rest.
    expect((await store.readAll((all[0]?.globalPosition ?? 0) + 1, 100)).map(label)).toEqual(['slow1', 'fast1', 'fast2']);
  });

  it('leaves no trace when it rolls back, and readers carry on past its place', async () => {
    const tenant = await createPostgresEventStore<ConformanceEvent>({ pool: db.pool, tenant: 'rollback', pollIntervalMs: 50 });
    await tenant.append('a', 'noStream', events(1));
    const doomed = await openTransaction();
    await appendStatement(doomed, tables('rollback'), { streamId: 'doomed', expected: 'noStream', events: events(2) });
    await tenant.append('b', 'noStream', events(1));
    expect((await tenant.readAll()).map(label)).toEqual(['a1']);
    await finish(doomed, 'ROLLBACK');
    expect((await tenant.readAll()).map(label)).toEqual(['a1', 'b1']);
    expect(await tenant.readStream('doomed')).toEqual([]);
    await tenant.close();
  });

  it('keeps each stream\'s versions in global order even for a writer that took its transaction id before the one it waited for', async () => {
    const tenant = await createPostgresEventStore<ConformanceEvent>({ pool: db.pool, tenant: 'early-id' });
    await tenant.append('s', 'noStream', events(1));
    // Its transaction id is older than the append that then commits on the same stream.
    const early = await openTransaction();
    await early.query('SELECT pg_current_xact_id()');
    const later = await tenant.append('s', 'any', events(1));
    // Appending after it would put version 3 before version 2 in the global order: refused.
    expect(await appendStatement(early, tables('early-id'), { streamId: 's', expected: 'any', events: events(1) })).toBeUndefined();
    expect(await appendStatement(early, tables('early-id'), { streamId: 's', expected: 'streamExists', events: events(1) })).toBeUndefined();
    expect(await appendStatement(early, tables('early-id'), { streamId: 's', expected: 2, events: events(1) })).toBeUndefined();
    await finish(early, 'ROLLBACK');
    // A new transaction (what the store's append does next) has a newer id and goes through.
    const retried = await tenant.append('s', 'any', events(1));
    expect(retried.events[0]?.globalPosition).toBeGreaterThan(later.events[0]?.globalPosition ?? Infinity);
    const stream = await tenant.readStream('s');
    expect(stream.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
    expect(stream.map((e) => e.globalPosition)).toEqual([...stream.map((e) => e.globalPosition)].sort((a, b) => a - b));
    await tenant.close();
  });
});

describe('many concurrent writers', () => {
  it('give every reader the same order: positions increasing, each append\'s events side by side in stream order', async () => {
    const tenant = await createPostgresEventStore<ConformanceEvent>({ pool: db.pool, tenant: 'ordering-many', pollIntervalMs: 50 });
    const subscription = tenant.subscribe({ batchSize: 7 });
    const seen: RecordedEvent<ConformanceEvent>[] = [];
    const appends = 60;
    const following = (async () => {
      for await (const e of subscription) {
        seen.push(e);
        if (seen.length === appends * 3) break;
      }
    })();
    await subscription.caughtUp;
    // Writers race on a few streams; losers retry on the fresh version, as the engine does.
    const results = await Promise.all(
      Array.from({ length: appends }, async (_, i) => {
        const stream = `s-${i % 4}`;
        for (;;) {
          const version = (await tenant.readStream(stream)).length;
          try {
            return await tenant.append(stream, version, events(3));
          } catch {
            // a conflict: read again and retry
          }
        }
      }),
    );
    await following;
    subscription.close();
    const all = await tenant.readAll(1, 1000);
    expect(seen).toEqual(all);
    const positions = all.map((e) => e.globalPosition);
    expect(positions).toEqual([...new Set(positions)].sort((a, b) => a - b));
    for (const result of results) {
      const at = all.findIndex((e) => e.eventId === result.events[0]?.eventId);
      expect(all.slice(at, at + 3)).toEqual(result.events);
    }
    for (let s = 0; s < 4; s++) {
      const stream = all.filter((e) => e.streamId === `s-${s}`);
      expect(stream.map((e) => e.streamVersion)).toEqual(stream.map((_, i) => i + 1));
    }
    await tenant.close();
  });
});
