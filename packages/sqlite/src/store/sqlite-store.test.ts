import { ConcurrencyConflictError, type NewEvent } from '@redress/core';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSqliteEventStore, StoreInputError } from '../index.js';
import { tempFile } from '../test-support/temp.js';

type Happened = { type: 'Happened'; data: { n: number } };
let counter = 0;
const events = (n: number): NewEvent<Happened>[] =>
  Array.from({ length: n }, (_, i) => ({
    type: 'Happened',
    data: { n: i },
    eventId: `e-${++counter}`,
    occurredAt: '2026-11-23T09:00:00.000Z',
    actor: { id: 'tester', role: 'system' },
    causationId: 'cmd',
    correlationId: 'cmd',
    schemaVersion: 1,
  }));

const open = (file = tempFile(), pollIntervalMs = 100) => createSqliteEventStore<Happened>({ file, pollIntervalMs, synchronous: 'normal' });

describe('the SQLite store', () => {
  it('keeps the log in one WAL-mode file that other connections read', async () => {
    const file = tempFile();
    const store = open(file);
    expect(store.database.pragma('journal_mode', { simple: true })).toBe('wal');
    await store.append('s-1', 'noStream', events(2));
    store.close();
    const other = open(file);
    expect((await other.readStream('s-1')).map((e) => e.streamVersion)).toEqual([1, 2]);
    other.close();
  });

  it('uses a connection the host opened, and leaves closing it to the host', async () => {
    const db = new Database(tempFile());
    const store = createSqliteEventStore<Happened>({ database: db });
    await store.append('s-1', 'noStream', events(1));
    store.close();
    expect(db.open).toBe(true);
    db.close();
  });

  it('sees another connection as a concurrent writer at the same version', async () => {
    const file = tempFile();
    const a = open(file);
    const b = open(file);
    await a.append('s-1', 'noStream', events(1));
    await b.append('s-1', 1, events(1));
    await expect(a.append('s-1', 1, events(1))).rejects.toMatchObject({ kind: 'ConcurrencyConflict', expected: 1, actual: 2 });
    expect((await a.readAll()).map((e) => e.globalPosition)).toEqual([1, 2]);
  });

  it('refuses an event id stored in another stream', async () => {
    const store = open();
    const once = events(1);
    await store.append('s-1', 'noStream', once);
    const error = await store.append('s-2', 'noStream', once).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyConflictError);
    expect((error as Error).message).toContain(once[0]?.eventId);
    expect(await store.readStream('s-2')).toEqual([]);
  });

  it('refuses an event id already stored in the stream, among new ones, naming it', async () => {
    const store = open();
    const first = events(2);
    await store.append('s-1', 'noStream', first);
    const error = await store.append('s-1', 2, [...events(1), first[1] as NewEvent<Happened>]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyConflictError);
    expect((error as ConcurrencyConflictError).detail).toBe(`event id ${first[1]?.eventId} is already used`);
    expect(await store.readAll()).toHaveLength(2);
  });

  it.each([
    ['an empty stream id', () => ['', 'any', events(1)]],
    ['an unknown expected version', () => ['s-1', 'latest', events(1)]],
    ['a negative expected version', () => ['s-1', -1, events(1)]],
    ['an event without an id', () => ['s-1', 'any', [{ ...events(1)[0], eventId: '' }]]],
    ['an event without an actor', () => ['s-1', 'any', [{ ...events(1)[0], actor: undefined }]]],
    ['data that is not JSON', () => ['s-1', 'any', [...events(1), { ...events(1)[0], data: { n: 10n } }]]],
  ] as const)('refuses %s with a typed error, writing nothing', async (_, args) => {
    const store = open();
    const [streamId, expected, batch] = args() as unknown as Parameters<typeof store.append>;
    await expect(store.append(streamId, expected, batch)).rejects.toBeInstanceOf(StoreInputError);
    expect(await store.readAll()).toEqual([]);
    expect(store.database.prepare('SELECT COUNT(*) FROM redress_streams').pluck().get()).toBe(0);
  });

  it('wakes a subscription at once on an append through the same store, without waiting for the poll', async () => {
    const store = open(tempFile(), 60_000);
    const subscription = store.subscribe();
    const next = subscription[Symbol.asyncIterator]().next();
    await subscription.caughtUp;
    const started = process.hrtime.bigint();
    await store.append('s-1', 'noStream', events(1));
    expect((await next).value).toMatchObject({ globalPosition: 1 });
    // A minute's poll interval: only the direct wake-up can have delivered it this soon.
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(10_000);
    subscription.close();
  });

  it('delivers to a subscription appends made through another connection, by polling', async () => {
    const file = tempFile();
    const reader = open(file, 5);
    const writer = open(file);
    const subscription = reader.subscribe();
    const seen: number[] = [];
    const consumer = (async () => {
      for await (const e of subscription) {
        seen.push(e.globalPosition);
        if (seen.length === 3) return;
      }
    })();
    await subscription.caughtUp;
    await writer.append('s-1', 'noStream', events(2));
    await writer.append('s-2', 'noStream', events(1));
    await consumer;
    expect(seen).toEqual([1, 2, 3]);
    subscription.close();
  });
});

describe('closing the SQLite store', () => {
  it('ends its subscriptions when it closes, instead of polling a closed file', async () => {
    const store = open(tempFile(), 5);
    const subscription = store.subscribe();
    const next = subscription[Symbol.asyncIterator]().next();
    await subscription.caughtUp;
    store.close();
    expect(await next).toEqual({ done: true, value: undefined });
  });
});
