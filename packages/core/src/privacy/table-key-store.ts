/**
 * A key store over a table of wrapped keys: the logic the SQL stores share, so SQLite and
 * PostgreSQL cannot differ in it. A store implements `KeyTable` (a few statements, each
 * atomic) and gets from here the wrapping, the three states and the race for a version.
 *
 * Wrapping is async (a KMS is a network call) and a wrapped key is bound to its version,
 * so a version cannot be wrapped inside the transaction that claims it. Instead a writer
 * reads the newest version n, wraps a fresh key as n+1 and inserts it only if n+1 is still
 * free and the subject not erased; when another writer took n+1 first, it reads again.
 * The table's primary key decides every race: concurrent first `currentKey` calls all
 * return the one row that was inserted, concurrent rotations each get their own version.
 */
import { randomBytes } from 'node:crypto';
import { SubjectErasedError } from '../errors/data-errors.js';
import type { DataKey, KeyLookup, KeyStore, SubjectKeys } from './key-store.js';
import type { KeyWrapper } from './key-wrapper.js';

/** One stored key: never its material, only the material wrapped. */
export interface KeyRow {
  readonly subject: string;
  readonly version: number;
  readonly wrappedKey: string;
  /** The `id` of the wrapper that wrapped it. */
  readonly wrapperId: string;
}

export type KeyRowLookup = { readonly state: 'active'; readonly row: KeyRow } | { readonly state: 'destroyed' } | { readonly state: 'unknown' };

/** The statements a table-backed key store needs. Each call is atomic on its own. */
export interface KeyTable {
  /** The subject's newest row; `destroyed` once erased; `unknown` when it has none. */
  latest(subject: string): Promise<KeyRowLookup>;
  /** One version's row; `destroyed` for every version of an erased subject. */
  row(subject: string, version: number): Promise<KeyRowLookup>;
  /** Stores the row unless its version is taken or its subject erased (checked in the same transaction), durably. */
  insert(row: KeyRow): Promise<'inserted' | 'taken' | 'erased'>;
  /** Deletes every row of the subject and records it as erased (also when it had none). Idempotent. */
  destroy(subject: string): Promise<void>;
  /** Every subject with rows or an erasure record, in any order: `currentVersion` is 0 when erased. */
  subjects(): Promise<readonly SubjectKeys[]>;
}

export interface TableKeyStoreOptions {
  /**
   * Wraps new keys and unwraps the rows it wrapped. Without one, the store still
   * destroys, lists and answers `destroyed`/`unknown` (an erasure never needs the master
   * key), but any call that needs key material throws `KeyWrapperMissingError`:
   * keys are never stored in plaintext by accident.
   */
  readonly wrapper?: KeyWrapper;
  /** Wrappers of earlier master keys, to read rows they wrapped (found by the row's wrapper id). */
  readonly previousWrappers?: readonly KeyWrapper[];
}

/** A key store needed key material but has no wrapper for it (none given, or none with the row's id). */
export class KeyWrapperMissingError extends Error {
  override readonly name = 'KeyWrapperMissingError';
  readonly kind = 'KeyWrapperMissing' as const;
  constructor(readonly wrapperId: string | undefined) {
    super(
      wrapperId === undefined
        ? 'the key store has no key wrapper: give the store a keyWrapper (e.g. aesGcmKeyWrapper(masterKey)) to create or read keys'
        : `a stored key was wrapped by "${wrapperId}", which is neither the key store's wrapper nor one of its previousWrappers`,
    );
  }
}

/** Attempts at claiming a version: each lost attempt means another writer stored one, so this only runs out under a storm. */
const CLAIM_ATTEMPTS = 1000;

const bySubject = (a: SubjectKeys, b: SubjectKeys) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0);

export function createTableKeyStore(table: KeyTable, options: TableKeyStoreOptions = {}): KeyStore {
  const { wrapper } = options;
  const wrappers = new Map([...(options.previousWrappers ?? []), ...(wrapper ? [wrapper] : [])].map((w) => [w.id, w]));

  function current(): KeyWrapper {
    if (!wrapper) throw new KeyWrapperMissingError(undefined);
    return wrapper;
  }

  async function open(row: KeyRow): Promise<DataKey> {
    const by = wrappers.get(row.wrapperId);
    if (!by) throw new KeyWrapperMissingError(row.wrapperId);
    return { subject: row.subject, version: row.version, material: await by.unwrap(row.wrappedKey, row.subject, row.version) };
  }

  /** Stores a fresh key as the version after the newest, or returns the newest when `reuse` and there is one. */
  async function claim(subject: string, reuse: boolean): Promise<DataKey> {
    const using = current();
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      const latest = await table.latest(subject);
      if (latest.state === 'destroyed') throw new SubjectErasedError(subject);
      if (latest.state === 'active' && reuse) return open(latest.row);
      const version = latest.state === 'active' ? latest.row.version + 1 : 1;
      const material = new Uint8Array(randomBytes(32));
      const wrappedKey = await using.wrap({ subject, version, material });
      const outcome = await table.insert({ subject, version, wrappedKey, wrapperId: using.id });
      if (outcome === 'inserted') return { subject, version, material };
      if (outcome === 'erased') throw new SubjectErasedError(subject);
      // 'taken': another writer stored this version first; read again.
    }
    throw new Error(`key store: could not claim a key version for subject ${subject} in ${CLAIM_ATTEMPTS} attempts`);
  }

  return {
    currentKey: (subject) => claim(subject, true),
    rotate: (subject) => claim(subject, false),
    async key(subject, version): Promise<KeyLookup> {
      const found = await table.row(subject, Number.isInteger(version) && version >= 1 ? version : 0);
      return found.state === 'active' ? { state: 'active', key: await open(found.row) } : found;
    },
    destroy: (subject) => table.destroy(subject),
    async subjects() {
      // Sorted here, not in SQL: the order is JavaScript's, as the in-memory store's, whatever the collation.
      return [...(await table.subjects())].sort(bySubject);
    },
  };
}
