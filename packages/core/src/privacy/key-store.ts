/**
 * The contract of a key store: the data keys of each data subject (a customer
 * reference), versioned for rotation, destroyed together on erasure. The in-memory
 * store (`createInMemoryKeyStore`) is the reference implementation and
 * `KEY_STORE_CONTRACT` the checks every store must pass; SQL stores keep a table next
 * to their events, a host may adapt its KMS (see docs/privacy.md).
 *
 * Erasure is the destruction of keys, so three states are kept apart: a key that is
 * there, a key that was destroyed (its events read as erased), and a key the store has
 * never heard of (a misconfigured store: reading fails rather than showing "erased").
 */

/** A data key: 32 bytes for AES-256-GCM, with the subject and version it belongs to. */
export interface DataKey {
  /** The data subject (a customer reference) the key belongs to. */
  readonly subject: string;
  /** 1 for the first key of a subject, one more at each rotation. */
  readonly version: number;
  /** The 32 key bytes; never logged or stored unwrapped outside the key store. */
  readonly material: Uint8Array;
}

/** What the store knows of one key version. */
export type KeyLookup =
  | { readonly state: 'active'; readonly key: DataKey }
  /** The subject was erased: every version of its keys is gone for good. */
  | { readonly state: 'destroyed' }
  /** No such subject or version was ever issued by this store. */
  | { readonly state: 'unknown' };

/** One subject as the store lists it. */
export interface SubjectKeys {
  /** The data subject. */
  readonly subject: string;
  /** The current (newest) key version; 0 when the subject was erased. */
  readonly currentVersion: number;
  /** The subject was erased: its keys are gone and none is issued again. */
  readonly destroyed: boolean;
}

/**
 * Where data keys live, per data subject and version: the contract SQL stores and KMS adapters implement,
 * checked by `KEY_STORE_CONTRACT`.
 */
export interface KeyStore {
  /**
   * The subject's current key; the first call for a subject creates version 1. Concurrent
   * first calls agree on one key. The key is durable before it is returned: an event
   * encrypted with it can never outlive it (except by `destroy`). Throws
   * `SubjectErasedError` for an erased subject: nothing new is encrypted for it.
   */
  currentKey(subject: string): Promise<DataKey>;
  /** One version of the subject's keys, to read what was encrypted with it. */
  key(subject: string, version: number): Promise<KeyLookup>;
  /**
   * Makes a new version the subject's current key and returns it. Older versions stay
   * readable; new events use the new one. Throws `SubjectErasedError` for an erased subject.
   */
  rotate(subject: string): Promise<DataKey>;
  /**
   * Erasure: destroys every version of the subject's keys and remembers that it did, so
   * its events read as erased and no key is issued for it again. Idempotent; destroying
   * a subject the store never knew records it as erased too (an erasure must stick even
   * if it arrives before the first key).
   */
  destroy(subject: string): Promise<void>;
  /** Every subject the store holds keys or an erasure record for, ordered by subject. */
  subjects(): Promise<readonly SubjectKeys[]>;
}
