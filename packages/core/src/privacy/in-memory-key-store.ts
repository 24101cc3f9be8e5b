/**
 * The in-memory key store: the reference implementation of `KeyStore`, for tests,
 * demos and hosts whose events live in memory too. Keys are kept plain unless a
 * `KeyWrapper` is given, in which case only wrapped keys are held, as a SQL table would.
 * Erased subjects keep a record without key material, so they read as erased (not unknown)
 * and get no new key.
 */
import { SubjectErasedError } from '../errors/data-errors.js';
import { newKeyMaterial } from './aes-gcm.js';
import type { DataKey, KeyLookup, KeyStore, SubjectKeys } from './key-store.js';
import type { KeyWrapper } from './key-wrapper.js';

/** Settings of the in-memory key store. */
export interface InMemoryKeyStoreOptions {
  /** Wraps the data keys (envelope encryption); plain keys when left out. */
  readonly wrapper?: KeyWrapper;
}

/** What the store keeps per subject: one entry per version (index 0 = version 1), none once destroyed. */
interface Entry {
  readonly versions: (Uint8Array | string)[];
  destroyed: boolean;
}

/**
 * The reference `KeyStore`, in memory: keys are lost with the process, so use it for tests and demos, or with
 * an in-memory event store.
 */
export function createInMemoryKeyStore(options: InMemoryKeyStoreOptions = {}): KeyStore {
  const { wrapper } = options;
  const entries = new Map<string, Entry>();

  async function store(subject: string, version: number, material: Uint8Array): Promise<Uint8Array | string> {
    return wrapper ? wrapper.wrap({ subject, version, material }) : new Uint8Array(material);
  }

  async function material(subject: string, version: number, held: Uint8Array | string): Promise<Uint8Array> {
    if (typeof held !== 'string') return new Uint8Array(held);
    if (!wrapper) throw new Error(`key ${subject} v${version} is wrapped but the store has no wrapper`);
    return wrapper.unwrap(held, subject, version);
  }

  /** Adds the next version. The entry is reserved before the first await, so concurrent calls cannot both add one. */
  async function addVersion(subject: string, entry: Entry): Promise<DataKey> {
    const version = entry.versions.length + 1;
    const fresh = newKeyMaterial();
    const slot = entry.versions.push(new Uint8Array(fresh)) - 1;
    const held = await store(subject, version, fresh);
    // Destroyed while wrapping: the erasure wins, and the key is never handed out.
    if (entry.destroyed) throw new SubjectErasedError(subject);
    entry.versions[slot] = held;
    return { subject, version, material: fresh };
  }

  function live(subject: string): Entry {
    const entry = entries.get(subject);
    if (entry?.destroyed) throw new SubjectErasedError(subject);
    if (entry) return entry;
    const created: Entry = { versions: [], destroyed: false };
    entries.set(subject, created);
    return created;
  }

  return {
    async currentKey(subject) {
      const entry = live(subject);
      const version = entry.versions.length;
      const held = entry.versions[version - 1];
      if (held === undefined) return addVersion(subject, entry);
      return { subject, version, material: await material(subject, version, held) };
    },

    async key(subject, version): Promise<KeyLookup> {
      const entry = entries.get(subject);
      if (entry?.destroyed) return { state: 'destroyed' };
      const held = Number.isInteger(version) && version >= 1 ? entry?.versions[version - 1] : undefined;
      if (held === undefined) return { state: 'unknown' };
      return { state: 'active', key: { subject, version, material: await material(subject, version, held) } };
    },

    async rotate(subject) {
      return addVersion(subject, live(subject));
    },

    async destroy(subject) {
      const entry = entries.get(subject) ?? { versions: [], destroyed: true };
      // The material goes: overwrite what is held, then drop it (a wrapped copy is useless without its version).
      for (const held of entry.versions) if (typeof held !== 'string') held.fill(0);
      entry.versions.length = 0;
      entry.destroyed = true;
      entries.set(subject, entry);
    },

    async subjects(): Promise<readonly SubjectKeys[]> {
      return [...entries]
        .filter(([, entry]) => entry.destroyed || entry.versions.length > 0)
        .map(([subject, entry]) => ({ subject, currentVersion: entry.versions.length, destroyed: entry.destroyed }))
        .sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
    },
  };
}
