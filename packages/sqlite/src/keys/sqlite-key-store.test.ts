/**
 * The SQLite store's key table: the shared key-table suite with two store instances on
 * one file (two connections, as two processes have), then what only a file can get
 * wrong: a destroyed key's bytes must leave the file and its WAL, an erasure must
 * outlive a reopen, an erasure's audit event and its destruction commit together.
 */
import { readFileSync } from 'node:fs';
import { aesGcmKeyWrapper, ConcurrencyConflictError, KeyWrapperMissingError, SubjectErasedError, type KeyWrapper, type NewEvent } from '@redress/core';
import { keyTableConformance } from '@redress/testing/store-conformance';
import { describe, expect, it } from 'vitest';
import { createSqliteEventStore, type SqliteEventStore } from '../index.js';
import { tempFile } from '../test-support/temp.js';

const wrapper = aesGcmKeyWrapper(new Uint8Array(32).fill(7));
const open = (file: string, keyWrapper: KeyWrapper | null = wrapper, more: { previousKeyWrappers?: KeyWrapper[] } = {}) =>
  createSqliteEventStore({ file, synchronous: 'normal', ...(keyWrapper ? { keyWrapper } : {}), ...more });
const wrappedKeys = (store: SqliteEventStore) => store.database.prepare('SELECT wrapped_key FROM redress_data_keys ORDER BY subject, version').pluck().all() as string[];

keyTableConformance('the SQLite store', async () => {
  const file = tempFile('keys');
  const [a, b] = [open(file), open(file)];
  return {
    first: a.keys,
    second: b.keys,
    async tamper(subject, version, change) {
      const row = a.database.prepare('SELECT wrapped_key FROM redress_data_keys WHERE subject = ? AND version = ?').pluck().get(subject, version) as string;
      a.database.prepare('UPDATE redress_data_keys SET wrapped_key = ? WHERE subject = ? AND version = ?').run(change(row), subject, version);
    },
    wrappedKeys: async () => wrappedKeys(a),
    async close() {
      a.close();
      b.close();
    },
  };
});

/** The file and its WAL, after a checkpoint that empties the WAL. */
function fileBytes(store: SqliteEventStore, file: string): Buffer {
  store.database.pragma('wal_checkpoint(TRUNCATE)');
  let wal = Buffer.alloc(0);
  try {
    wal = readFileSync(`${file}-wal`);
  } catch {
    // No WAL file: nothing more to read.
  }
  return Buffer.concat([readFileSync(file), wal]);
}

describe('the SQLite key table on disk', () => {
  it('zeroes a destroyed key in the file and its WAL, and keeps the other subjects keys', async () => {
    const file = tempFile('shred');
    const store = open(file);
    await store.keys.currentKey('cu-gone');
    await store.keys.rotate('cu-gone');
    await store.keys.currentKey('cu-kept');
    const [gone1, gone2, kept] = wrappedKeys(store);
    // The WAL too, before any checkpoint: the rows are there.
    const before = Buffer.concat([readFileSync(file), readFileSync(`${file}-wal`)]);
    for (const w of [gone1, gone2, kept]) expect(before.includes(w ?? '-')).toBe(true);
    await store.keys.destroy('cu-gone');
    await store.keys.destroy('cu-gone');
    const after = fileBytes(store, file);
    for (const w of [gone1, gone2]) {
      expect(after.includes(w ?? '-')).toBe(false);
      // Not even a part of it: the cell was zeroed, not merely unlinked.
      expect(after.includes((w ?? '-').slice(-20))).toBe(false);
    }
    expect(after.includes(kept ?? '-')).toBe(true);
    store.close();
  });

  it('an erasure made before the first key, and one after, survive reopening the file', async () => {
    const file = tempFile('reopen');
    const store = open(file);
    await store.keys.destroy('cu-early');
    await store.keys.currentKey('cu-late');
    await store.keys.destroy('cu-late');
    store.close();
    const again = open(file);
    for (const subject of ['cu-early', 'cu-late']) {
      expect(await again.keys.key(subject, 1)).toEqual({ state: 'destroyed' });
      await expect(again.keys.currentKey(subject)).rejects.toBeInstanceOf(SubjectErasedError);
    }
    again.close();
  });

  it('without a key wrapper creates and reads no key, but erases and lists', async () => {
    const file = tempFile('nowrap');
    const wrapped = open(file);
    await wrapped.keys.currentKey('cu-1');
    const bare = open(file, null);
    await expect(bare.keys.currentKey('cu-2')).rejects.toBeInstanceOf(KeyWrapperMissingError);
    await expect(bare.keys.rotate('cu-1')).rejects.toBeInstanceOf(KeyWrapperMissingError);
    await expect(bare.keys.key('cu-1', 1)).rejects.toMatchObject({ kind: 'KeyWrapperMissing' });
    expect(await bare.keys.key('cu-1', 2)).toEqual({ state: 'unknown' });
    await bare.keys.destroy('cu-1');
    expect(await wrapped.keys.key('cu-1', 1)).toEqual({ state: 'destroyed' });
    expect(wrappedKeys(bare)).toEqual([]);
    expect(await bare.keys.subjects()).toEqual([{ subject: 'cu-1', currentVersion: 0, destroyed: true }]);
    wrapped.close();
    bare.close();
  });

  it('reads keys wrapped by an earlier master key through previousKeyWrappers, and wraps new ones with the current', async () => {
    const file = tempFile('rewrap');
    const old = aesGcmKeyWrapper(new Uint8Array(32).fill(1), { id: 'master-2025' });
    const before = open(file, old);
    const v1 = await before.keys.currentKey('cu-1');
    before.close();
    const unaware = open(file, wrapper);
    await expect(unaware.keys.key('cu-1', 1)).rejects.toThrow(/master-2025/);
    unaware.close();
    const after = open(file, wrapper, { previousKeyWrappers: [old] });
    const found = await after.keys.key('cu-1', 1);
    expect(found.state === 'active' && Buffer.from(found.key.material)).toEqual(Buffer.from(v1.material));
    await after.keys.rotate('cu-1');
    expect(after.database.prepare('SELECT version, wrapper_id AS id FROM redress_data_keys ORDER BY version').all()).toEqual([
      { version: 1, id: 'master-2025' },
      { version: 2, id: 'master' },
    ]);
    after.close();
  });
});

const audit = (id: string): NewEvent<never> =>
  ({
    type: 'CustomerDataErased',
    data: { subject: 'cu-1', reason: 'request' },
    eventId: id,
    occurredAt: '2026-03-01T08:00:00.000Z',
    actor: { id: 'dpo-1', role: 'dataProtection' },
    causationId: `c-${id}`,
    correlationId: 'cu-1',
    schemaVersion: 1,
  }) as never;

describe('appendErasure', () => {
  it('appends the audit event and destroys the keys in one transaction', async () => {
    const store = open(tempFile('erase'));
    await store.keys.currentKey('cu-1');
    await store.keys.currentKey('cu-2');
    const result = await store.appendErasure('customer-cu-1', 'noStream', [audit('a-1')], ['cu-1']);
    expect(result).toMatchObject({ streamVersion: 1, duplicate: false });
    expect(await store.keys.key('cu-1', 1)).toEqual({ state: 'destroyed' });
    expect((await store.keys.key('cu-2', 1)).state).toBe('active');
    // A retry of the same append: a duplicate, and the keys stay destroyed.
    expect(await store.appendErasure('customer-cu-1', 'noStream', [audit('a-1')], ['cu-1'])).toMatchObject({ duplicate: true });
    store.close();
  });

  it('destroys nothing when the audit event is refused', async () => {
    const store = open(tempFile('erase-refused'));
    await store.keys.currentKey('cu-1');
    await store.append('customer-cu-1', 'noStream', [audit('a-1')]);
    await expect(store.appendErasure('customer-cu-1', 'noStream', [audit('a-2')], ['cu-1'])).rejects.toBeInstanceOf(ConcurrencyConflictError);
    expect((await store.keys.key('cu-1', 1)).state).toBe('active');
    // A failure inside the transaction after the append (a key table that refuses writes) leaves no audit event either.
    store.database.exec("CREATE TRIGGER refuse BEFORE DELETE ON redress_data_keys BEGIN SELECT RAISE(ABORT, 'refused'); END");
    await expect(store.appendErasure('customer-cu-1', 1, [audit('a-3')], ['cu-1'])).rejects.toThrow(/refused/);
    expect((await store.readStream('customer-cu-1')).map((e) => e.eventId)).toEqual(['a-1']);
    store.close();
  });
});
