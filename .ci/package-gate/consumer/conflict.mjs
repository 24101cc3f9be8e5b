/**
 * The mix a host gets when its app is ESM but a module it loads requires the store from
 * CommonJS: the engine runs on the ESM build of @redress/core, the SQLite store on the
 * CommonJS builds (@redress/sqlite's, which requires the CommonJS @redress/core). A
 * conflict thrown by the store is then not an instance of the engine's class; the engine
 * must still treat it as a conflict (retry, or a typed refusal), never throw it.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { ConcurrencyConflictError, createEngine, createManualClock, isRedressError, sequentialIds } from '@redress/core';
import { NOW, receive } from './fixtures.mjs';

const require = createRequire(import.meta.url);
const { createSqliteEventStore } = require('@redress/sqlite');
const coreCjs = require('@redress/core');
assert.notEqual(coreCjs.ConcurrencyConflictError, ConcurrencyConflictError, 'the two builds are loaded side by side');

const handler = { id: 'li', role: 'handler' };
const note = (text) => ({ type: 'AddNote', complaintId: 'c-1', actor: handler, data: { text } });

const store = createSqliteEventStore({ file: ':memory:' });
try {
  // The store's own conflict is the CommonJS class: instanceof fails, the kind does not.
  const event = { type: 'NoteAdded', data: { text: 'x' }, eventId: 'e-1', occurredAt: NOW, actor: handler, causationId: 'x', correlationId: 'x', schemaVersion: 1 };
  const thrown = await store.append('c-0', 5, [event]).catch((e) => e);
  assert.equal(thrown instanceof ConcurrencyConflictError, false);
  assert.equal(isRedressError(thrown, 'ConcurrencyConflict'), true, String(thrown));

  const engine = (prefix) => createEngine({ store, clock: createManualClock(NOW), ids: sequentialIds(prefix) });
  const ours = engine('ours');
  const theirs = engine('theirs');
  await ours.executeOrThrow(receive);
  await theirs.executeOrThrow(note('written by another instance'));
  // Ours decides on its cached version 2 while the store is at 3: the append conflicts, the engine retries.
  const retried = await ours.execute(note('ours, after a retry'));
  assert.equal(retried.ok, true, `a lost race must be retried, got ${JSON.stringify(retried)}`);
  assert.equal(retried.value.version, 4);

  // With an expected version the caller asked for no retry: a typed refusal, nothing written.
  await theirs.executeOrThrow(note('another one'));
  const refused = await ours.execute({ ...note('stale'), expectedVersion: 4 });
  assert.equal(refused.ok, false);
  assert.equal(refused.error.kind, 'ConcurrencyConflict');
  assert.equal((await store.readStream('c-1')).length, 5);

  // Many concurrent commands through one engine on the CommonJS store: each one is either
  // appended or refused as a typed conflict once its retries run out, never thrown.
  const many = await Promise.all(Array.from({ length: 20 }, (_, i) => ours.execute(note(`concurrent ${i}`))));
  assert.deepEqual(many.filter((r) => !r.ok && r.error.kind !== 'ConcurrencyConflict'), []);
  const appended = many.filter((r) => r.ok).length;
  assert.ok(appended > 0);
  const versions = (await store.readStream('c-1')).map((e) => e.streamVersion);
  assert.deepEqual(versions, versions.map((_, i) => i + 1));
  assert.equal(versions.length, 5 + appended);
  console.log('mixed ESM engine + CommonJS SQLite store: a lost race is retried, a stale expectedVersion is a ConcurrencyConflict refusal, 20 concurrent commands appended or refused as conflicts, never thrown');
} finally {
  store.close();
}
