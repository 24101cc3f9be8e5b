/**
 * The file's faults as typed errors, with SQLite's error as the cause: a file that
 * cannot be opened, one that is not a database, a full disk, a read-only connection.
 * Nothing is half-written; the store works again once the fault is gone; a projector
 * that cannot apply a batch says so in its status and never skips it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  createEngine,
  createManualClock,
  ProjectionFailedError,
  sequentialIds,
  StorageFaultError,
  StoreUnavailableError,
  type ComplaintEvent,
  type NewEvent,
} from '@redress/core';
import { describe, expect, it } from 'vitest';
import { createProjector, createSqliteEventStore, sqlTicketProjection, type ProjectorStatus } from '../index.js';
import { tempFile } from '../test-support/temp.js';
import { receive } from '../test-support/workload.js';
import { storageError } from './faults.js';

const clock = createManualClock('2026-11-23T09:00:00.000Z');

const openFails = (file: string) => {
  try {
    createSqliteEventStore({ file, clock }).close();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('opening', () => {
  it.each([
    ['in a directory that does not exist', () => join(dirname(tempFile()), 'missing', 'log.db'), 'cannotOpen'],
    ['that is a directory', () => {
      const dir = join(dirname(tempFile()), `dir-${Math.random()}`);
      mkdirSync(dir);
      return dir;
    }, 'cannotOpen'],
    ['that is not a database', () => {
      const file = tempFile('junk');
      writeFileSync(file, 'a spreadsheet, not a log\n'.repeat(200));
      return file;
    }, 'corrupt'],
  ] as const)('a file %s is a StorageFaultError with the cause', (_, file, reason) => {
    const error = openFails(file());
    expect(error).toBeInstanceOf(StorageFaultError);
    expect(error).toMatchObject({ reason, operation: 'open', store: 'sqlite' });
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it('maps the codes SQLite can answer with, extended ones included', () => {
    const sqlite = (code: string) => Object.assign(new Error(code), { code });
    expect(storageError(sqlite('SQLITE_IOERR_WRITE'), 'append')).toMatchObject({ kind: 'StorageFault', reason: 'io' });
    expect(storageError(sqlite('SQLITE_READONLY_DBMOVED'), 'append')).toMatchObject({ reason: 'readOnly' });
    expect(storageError(sqlite('SQLITE_CORRUPT_INDEX'), 'readAll')).toMatchObject({ reason: 'corrupt' });
    expect(storageError(sqlite('SQLITE_BUSY_SNAPSHOT'), 'append')).toBeInstanceOf(StoreUnavailableError);
    const other = sqlite('SQLITE_CONSTRAINT_CHECK');
    expect(storageError(other, 'append')).toBe(other);
  });
});

describe('a full disk', () => {
  it('refuses a command through the engine with a typed error, writes none of it, and takes it once there is room', async () => {
    const store = createSqliteEventStore({ file: tempFile(), clock });
    const engine = createEngine({ store, clock, ids: sequentialIds('f') });
    const db = store.database;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    // A receipt with a long description: it needs new pages.
    const big = { ...receive('c-1'), commandId: 'cmd-1', data: { ...(receive('c-1') as { data: object }).data, description: '发动机异响 '.repeat(1500) } } as never;
    const refused = await engine.execute(big);
    expect(!refused.ok && refused.error).toMatchObject({ kind: 'StorageFault', reason: 'diskFull', retriable: false });
    expect(await store.readAll()).toEqual([]);
    expect(await store.readStream('c-1')).toEqual([]);
    db.pragma('max_page_count = 1073741823');
    expect((await engine.execute(big)).ok).toBe(true);
    expect(await store.readStream('c-1')).toHaveLength(2);
    store.close();
  });
});

describe('a projector that cannot apply a batch', () => {
  it('shows the event it fails on in its status, keeps its checkpoint before it, and retries it', async () => {
    const store = createSqliteEventStore<ComplaintEvent>({ file: tempFile(), clock });
    const engine = createEngine({ store, clock, ids: sequentialIds('p') });
    await engine.executeOrThrow(receive('c-1'));
    // Appended around the engine: a receipt without its payload, which the ticket view cannot fold.
    const [first] = await store.readStream('c-1');
    const broken = { ...first, eventId: 'broken', data: {} } as unknown as NewEvent<ComplaintEvent>;
    await store.append('c-2', 'noStream', [broken]);
    await engine.executeOrThrow(receive('c-3'));

    const statuses: ProjectorStatus[] = [];
    const projector = createProjector({ store, projection: sqlTicketProjection(), owner: 'a', clock, retryMs: 5, onStatus: (s) => statuses.push(s) });
    await expect(projector.step()).rejects.toBeInstanceOf(ProjectionFailedError);
    const stop = new AbortController();
    const running = projector.run(stop.signal);
    await expect.poll(() => (projector.status.state === 'failing' ? projector.status.attempts : 0)).toBeGreaterThan(2);
    const status = projector.status as Extract<ProjectorStatus, { state: 'failing' }>;
    expect(status.error).toMatchObject({ kind: 'ProjectionFailed', projection: 'tickets', batchSize: 1, event: { eventId: 'broken', streamId: 'c-2' } });
    const all = await store.readAll();
    expect(projector.checkpoint()).toBe(all[all.findIndex((e) => e.eventId === 'broken') - 1]?.globalPosition);
    stop.abort();
    await running;
    expect(projector.status).toEqual({ state: 'stopped' });
    expect(statuses.some((s) => s.state === 'failing')).toBe(true);
    store.close();
  });

  it('shows a full disk as a failing status too, and goes on once there is room', async () => {
    const store = createSqliteEventStore<ComplaintEvent>({ file: tempFile(), clock });
    const engine = createEngine({ store, clock, ids: sequentialIds('q') });
    for (let i = 0; i < 40; i++) await engine.executeOrThrow(receive(`c-${i}`));
    const db = store.database;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const projector = createProjector({ store, projection: sqlTicketProjection(), owner: 'a', clock, retryMs: 5 });
    const stop = new AbortController();
    const running = projector.run(stop.signal);
    await expect.poll(() => projector.status.state).toBe('failing');
    expect((projector.status as { error: unknown }).error).toMatchObject({ kind: 'StorageFault', reason: 'diskFull' });
    expect(projector.checkpoint()).toBe(0);
    db.pragma('max_page_count = 1073741823');
    await expect.poll(() => projector.checkpoint()).toBe(store.head());
    expect(projector.status.state).toBe('active');
    stop.abort();
    await running;
    store.close();
  });
});
