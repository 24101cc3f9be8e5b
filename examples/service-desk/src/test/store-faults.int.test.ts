/**
 * A database that fails, over HTTP: real SQLite faults on a real server, not a mocked
 * store. Another connection holding the write lock past the busy timeout is
 * StoreUnavailable (503, Retry-After, retriable with the same Idempotency-Key); a file
 * that may not grow (what a full disk does to SQLite) or a connection that may not write
 * is StorageFault (507, with its reason). Each time nothing is written, and once the
 * fault is gone the same request goes through.
 */
import { createSqliteEventStore, type SqliteEventStore } from '@redress/sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintBody, login, startTestDesk, type Client, type TestDesk } from './harness.js';

let desk: TestDesk;
let handler: Client;
let id: string;

/** The desk's own connection: the faults are made on it, as a full disk would make them. */
const database = () => (desk.store as SqliteEventStore).database;

beforeAll(async () => {
  // A short busy timeout: an append waits this long for another connection's write lock.
  desk = await startTestDesk({ busyTimeoutMs: 150 });
  handler = await login(desk.url, 'wang.qiang');
  const frontDesk = await login(desk.url, 'li.na');
  id = (await frontDesk.post('/api/complaints', complaintBody('CU-FAULT'))).body.complaintId as string;
  await desk.desk.settled();
});
afterAll(async () => desk?.stop());

const note = (text: string, key: string) => handler.post(`/api/complaints/${id}/add-note`, { data: { text } }, { 'idempotency-key': key });
const version = async () => (await handler.get(`/api/complaints/${id}`)).body.version as number;

describe('a database that fails', () => {
  it('answers 503 StoreUnavailable while another connection holds the write lock, and the retry with the same key goes through once', async () => {
    const other: SqliteEventStore = createSqliteEventStore({ file: desk.file });
    const before = await version();
    other.database.prepare('BEGIN IMMEDIATE').run();
    try {
      const r = await note('called the customer back', 'note-busy');
      expect(r.status).toBe(503);
      expect(r.body).toMatchObject({ kind: 'StoreUnavailable', retriable: true });
      expect(r.headers.get('retry-after')).toBe('1');
    } finally {
      other.database.prepare('ROLLBACK').run();
      other.close();
    }
    expect(await version()).toBe(before);
    const retried = await note('called the customer back', 'note-busy');
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ duplicate: false, version: before + 1 });
    expect((await note('called the customer back', 'note-busy')).body.duplicate).toBe(true);
  });

  it('answers 507 StorageFault diskFull when the file may not grow, and takes the request once there is room', async () => {
    const db = database();
    const before = await version();
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const long = '发动机异响，客户第三次来电。'.repeat(300);
    try {
      const r = await note(long, 'note-full');
      expect(r.status).toBe(507);
      expect(r.body).toMatchObject({ kind: 'StorageFault', reason: 'diskFull' });
    } finally {
      db.pragma('max_page_count = 1073741823');
    }
    expect(await version()).toBe(before);
    expect((await note(long, 'note-full')).status).toBe(200);
  });

  it('answers 507 StorageFault readOnly when the connection may not write', async () => {
    const db = database();
    const before = await version();
    db.pragma('query_only = ON');
    try {
      const r = await note('read-only now', 'note-ro');
      expect(r.status).toBe(507);
      expect(r.body).toMatchObject({ kind: 'StorageFault', reason: 'readOnly' });
    } finally {
      db.pragma('query_only = OFF');
    }
    expect(await version()).toBe(before);
  });
});
