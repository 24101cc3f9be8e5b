/**
 * verify must find each thing the EventStore contract rules out, whichever store is
 * under it: a version gap, positions out of order, an event the store cannot read, an
 * event whose data breaks its schema, and a stream that readStream tells differently.
 */
import { createInMemoryEventStore, type ComplaintEvent, type EventLike, type EventStore, type RecordedEvent } from '@redress/core';
import { createSqliteEventStore } from '@redress/sqlite';
import { describe, expect, it } from 'vitest';
import { cli, tempDir, writeLog } from '../test-support/cli.js';
import { verifyStore } from './verify-store.js';

const file = tempDir();
let n = 0;

async function sqliteLog(change?: string): Promise<string> {
  const db = file(`verify-${++n}.db`);
  const store = createSqliteEventStore({ file: db });
  await writeLog(store);
  if (change) store.database.exec(change);
  store.close();
  return db;
}

async function memoryLog(): Promise<EventStore<ComplaintEvent>> {
  const store = createInMemoryEventStore<ComplaintEvent>();
  await writeLog(store);
  return store;
}

/** The store, with its log as `rewrite` makes it (the streams as the real store has them). */
function rewritten(store: EventStore<ComplaintEvent>, rewrite: (log: readonly RecordedEvent[]) => readonly RecordedEvent[]): Pick<EventStore<EventLike>, 'readAll' | 'readStream'> {
  return {
    async readAll(from = 1, limit = Infinity) {
      return rewrite(await store.readAll(1, 10_000)).filter((e) => e.globalPosition >= from).slice(0, limit);
    },
    readStream: (id) => store.readStream(id),
  };
}

describe('redress verify', () => {
  it('passes a sound store and says what it checked', async () => {
    const run = await cli(['verify', '--sqlite', await sqliteLog()]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\d+ events in 5 streams\n✔ positions increase, versions are contiguous, every event is readable\n$/);
  });

  it('fails on a gap in a stream\'s versions', async () => {
    const run = await cli(['verify', '--sqlite', await sqliteLog("UPDATE redress_events SET stream_version = 9 WHERE global_position = (SELECT max(global_position) FROM redress_events WHERE stream_id = 'c-3')")]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✖ position \d+ \(c-3 v9, NoteAdded\): follows version 4 of its stream; versions must be contiguous/);
  });

  it('fails on data that breaks its event\'s schema, and on a malformed envelope', async () => {
    const run = await cli(['verify', '--sqlite', await sqliteLog(`UPDATE redress_events SET data = '{"summary": 42}' WHERE type = 'ComplaintConfirmed' AND stream_id = 'c-2'; UPDATE redress_events SET occurred_at = 'yesterday' WHERE global_position = 1`)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✖ position \d+ \(c-2 v\d, ComplaintConfirmed\): data: data\.summary: /);
    expect(run.stdout).toMatch(/✖ position 1 \(c-1 v1, ComplaintReceived\): envelope: occurredAt: /);
  });

  it('reports events of types it has no schema for, without failing', async () => {
    const db = await sqliteLog();
    const store = createSqliteEventStore<EventLike>({ file: db });
    const extra = { type: 'ParkingValidated', data: { minutes: 30 }, eventId: 'p-1', occurredAt: '2026-11-23T09:00:00.000Z', actor: { id: 'x', role: 'system' as const }, causationId: 'p', correlationId: 'p', schemaVersion: 1 };
    await store.append('parking-1', 'noStream', [extra]);
    store.close();
    const run = await cli(['verify', '--sqlite', db, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ otherTypes: { ParkingValidated: 1 }, problems: [] });
  });

  it('fails on positions that do not increase', async () => {
    const store = await memoryLog();
    const swapped = rewritten(store, (log) => log.map((e, i) => (i === 4 ? { ...e, globalPosition: 2 } : e)));
    const report = await verifyStore(swapped, (await store.readAll()).length);
    expect(report.problems).toContainEqual(expect.stringMatching(/^position 2 \(.*\): comes after position 4; positions must increase$/));
  });

  it('names each event the store cannot read, and checks the rest', async () => {
    const store = await memoryLog();
    const head = (await store.readAll()).length;
    const broken: Pick<EventStore<EventLike>, 'readAll' | 'readStream'> = {
      async readAll(from = 1, limit = Infinity) {
        const batch = await store.readAll(from, limit);
        if (batch.some((e) => e.globalPosition === 6 || e.globalPosition === 9)) throw new SyntaxError('Unexpected token } in JSON');
        return batch;
      },
      readStream: (id) => store.readStream(id),
    };
    const report = await verifyStore(broken, head, { batchSize: 4 });
    const unreadable = report.problems.filter((p) => p.includes('unreadable'));
    expect(unreadable).toEqual(['position 6: unreadable: Unexpected token } in JSON', 'position 9: unreadable: Unexpected token } in JSON']);
    expect(report.events).toBe(head - 2);
  });

  it('fails when readStream does not give a stream the events the log has for it', async () => {
    const store = await memoryLog();
    const lying: Pick<EventStore<EventLike>, 'readAll' | 'readStream'> = {
      readAll: (from, limit) => store.readAll(from, limit),
      readStream: async (id) => (id === 'c-4' ? (await store.readStream(id)).slice(1) : store.readStream(id)),
    };
    const report = await verifyStore(lying, (await store.readAll()).length);
    expect(report.problems).toEqual([expect.stringMatching(/^stream c-4: readStream gives \d+ events, the log \d+/)]);
  });

  it('fails when the log ends before its head', async () => {
    const store = await memoryLog();
    const head = (await store.readAll()).length;
    const report = await verifyStore(store, head + 3);
    expect(report.problems).toEqual([`the log ends at position ${head}, before its head ${head + 3}`]);
  });
});
