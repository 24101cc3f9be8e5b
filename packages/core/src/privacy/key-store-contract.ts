/**
 * The checks every `KeyStore` must pass: the in-memory store runs them in core's tests,
 * and a SQL store or a KMS adapter runs the same list with its own factory. Plain async
 * functions that throw on failure (node:assert), so any test runner can run them:
 *
 *   for (const check of KEY_STORE_CONTRACT) it(check.name, async () => check.run(await newStore()));
 *
 * Each check gets a fresh, empty store.
 */
import assert from 'node:assert/strict';
import { SubjectErasedError } from '../errors/data-errors.js';
import type { KeyStore } from './key-store.js';

/** One check of the key store contract. */
export interface KeyStoreCheck {
  /** What the check proves, as a test name. */
  readonly name: string;
  /** Runs the check on a fresh, empty store; throws (node:assert) when it fails. */
  run(store: KeyStore): Promise<void>;
}

const bytes = (a: Uint8Array) => Buffer.from(a).toString('hex');

async function material(store: KeyStore, subject: string, version: number): Promise<string> {
  const found = await store.key(subject, version);
  assert.equal(found.state, 'active', `key ${subject} v${version} should be active`);
  return found.state === 'active' ? bytes(found.key.material) : '';
}

const erased = (subject: string) => (e: unknown) => e instanceof SubjectErasedError && e.subject === subject;

/**
 * The checks every `KeyStore` must pass; run each against a fresh store of yours (see the module comment for
 * a loop).
 */
export const KEY_STORE_CONTRACT: readonly KeyStoreCheck[] = [
  {
    name: 'the first currentKey creates version 1 (32 bytes) and later calls return the same key',
    async run(store) {
      const first = await store.currentKey('cu-1');
      assert.equal(first.version, 1);
      assert.equal(first.subject, 'cu-1');
      assert.equal(first.material.length, 32);
      const again = await store.currentKey('cu-1');
      assert.deepEqual([again.version, bytes(again.material)], [1, bytes(first.material)]);
      assert.equal(await material(store, 'cu-1', 1), bytes(first.material));
    },
  },
  {
    name: 'concurrent first calls for a subject agree on one key',
    async run(store) {
      const keys = await Promise.all(Array.from({ length: 8 }, () => store.currentKey('cu-race')));
      assert.deepEqual(new Set(keys.map((k) => `${k.version}:${bytes(k.material)}`)).size, 1);
      assert.equal(await material(store, 'cu-race', 1), bytes(keys[0]?.material ?? new Uint8Array()));
    },
  },
  {
    name: 'subjects get different keys',
    async run(store) {
      const [a, b] = await Promise.all([store.currentKey('cu-a'), store.currentKey('cu-b')]);
      assert.notEqual(bytes(a.material), bytes(b.material));
    },
  },
  {
    name: 'a version never issued, or of an unknown subject, is unknown (not destroyed)',
    async run(store) {
      await store.currentKey('cu-1');
      for (const version of [0, -1, 2, 1.5, Number.NaN]) assert.deepEqual(await store.key('cu-1', version), { state: 'unknown' }, `version ${version}`);
      assert.deepEqual(await store.key('nobody', 1), { state: 'unknown' });
    },
  },
  {
    name: 'rotation issues the next version; older versions stay readable',
    async run(store) {
      const v1 = await store.currentKey('cu-1');
      const v2 = await store.rotate('cu-1');
      assert.equal(v2.version, 2);
      assert.notEqual(bytes(v2.material), bytes(v1.material));
      const current = await store.currentKey('cu-1');
      assert.deepEqual([current.version, bytes(current.material)], [2, bytes(v2.material)]);
      assert.equal(await material(store, 'cu-1', 1), bytes(v1.material));
      assert.equal(await material(store, 'cu-1', 2), bytes(v2.material));
    },
  },
  {
    name: 'rotating a subject without keys issues version 1; concurrent rotations lose no version',
    async run(store) {
      assert.equal((await store.rotate('cu-new')).version, 1);
      const rotated = await Promise.all(Array.from({ length: 5 }, () => store.rotate('cu-new')));
      assert.deepEqual(rotated.map((k) => k.version).sort(), [2, 3, 4, 5, 6]);
      for (const k of rotated) assert.equal(await material(store, 'cu-new', k.version), bytes(k.material));
      assert.equal((await store.currentKey('cu-new')).version, 6);
    },
  },
  {
    name: 'destroy makes every version destroyed, refuses new keys, and leaves other subjects alone',
    async run(store) {
      await store.currentKey('cu-1');
      await store.rotate('cu-1');
      const other = await store.currentKey('cu-2');
      await store.destroy('cu-1');
      assert.deepEqual(await store.key('cu-1', 1), { state: 'destroyed' });
      assert.deepEqual(await store.key('cu-1', 2), { state: 'destroyed' });
      await assert.rejects(store.currentKey('cu-1'), erased('cu-1'));
      await assert.rejects(store.rotate('cu-1'), erased('cu-1'));
      const listed = (await store.subjects()).find((s) => s.subject === 'cu-1');
      assert.deepEqual(listed, { subject: 'cu-1', currentVersion: 0, destroyed: true }, 'a refused key leaves no version behind');
      await store.destroy('cu-1');
      assert.deepEqual(await store.key('cu-1', 1), { state: 'destroyed' });
      assert.equal(await material(store, 'cu-2', 1), bytes(other.material));
    },
  },
  {
    name: 'destroying a subject that has no key yet records the erasure',
    async run(store) {
      await store.destroy('cu-early');
      assert.deepEqual(await store.key('cu-early', 1), { state: 'destroyed' });
      await assert.rejects(store.currentKey('cu-early'), erased('cu-early'));
    },
  },
  {
    name: 'subjects lists each subject once, sorted, with its current version and erasure',
    async run(store) {
      await store.currentKey('cu-b');
      await store.rotate('cu-b');
      await store.currentKey('cu-a');
      await store.currentKey('cu-c');
      await store.destroy('cu-c');
      await store.destroy('cu-d');
      assert.deepEqual(await store.subjects(), [
        { subject: 'cu-a', currentVersion: 1, destroyed: false },
        { subject: 'cu-b', currentVersion: 2, destroyed: false },
        { subject: 'cu-c', currentVersion: 0, destroyed: true },
        { subject: 'cu-d', currentVersion: 0, destroyed: true },
      ]);
    },
  },
  {
    name: 'the material handed out is a copy: changing it changes nothing stored',
    async run(store) {
      const key = await store.currentKey('cu-1');
      const before = bytes(key.material);
      key.material.fill(7);
      assert.equal(await material(store, 'cu-1', 1), before);
      const found = await store.key('cu-1', 1);
      if (found.state === 'active') found.key.material.fill(9);
      assert.equal(bytes((await store.currentKey('cu-1')).material), before);
    },
  },
];
