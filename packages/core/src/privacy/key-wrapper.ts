/**
 * Envelope encryption: data keys are stored wrapped (encrypted) by a key-encryption key
 * the host holds (a master key from its secret store, or a KMS), so a copy of the key
 * table alone reveals nothing. A wrapped key is bound to its subject and version: a row
 * copied onto another subject does not unwrap.
 */
import { KEY_BYTES, open, seal } from './aes-gcm.js';
import type { DataKey } from './key-store.js';

/**
 * Wraps data keys with a key-encryption key the host holds, so the key table alone reveals nothing; see
 * `createAesKeyWrapper`.
 */
export interface KeyWrapper {
  /** Names the key-encryption key; stored beside each wrapped key, so a store can tell which rows a new master key must re-wrap. */
  readonly id: string;
  /** The data key, wrapped, as text for a column. */
  wrap(key: DataKey): Promise<string>;
  /** The key material back; throws when the text was changed or belongs to another subject or version. */
  unwrap(wrapped: string, subject: string, version: number): Promise<Uint8Array>;
}

const FORMAT = 'a256gcm';
const context = (subject: string, version: number) => Buffer.from(JSON.stringify(['redress-data-key', subject, version]));

/** A wrapper over a 32-byte master key held by the host, with AES-256-GCM. */
export function aesGcmKeyWrapper(masterKey: Uint8Array, options: { readonly id?: string } = {}): KeyWrapper {
  if (masterKey.length !== KEY_BYTES) throw new RangeError(`a master key has ${KEY_BYTES} bytes, got ${masterKey.length}`);
  const kek = new Uint8Array(masterKey);
  return {
    id: options.id ?? 'master',
    async wrap(key) {
      const sealed = seal(kek, key.material, context(key.subject, key.version));
      return [FORMAT, sealed.iv, sealed.tag, sealed.ct].join('.');
    },
    async unwrap(wrapped, subject, version) {
      const [format, iv, tag, ct, ...rest] = wrapped.split('.');
      if (format !== FORMAT || rest.length > 0) throw new RangeError(`not a key wrapped by aesGcmKeyWrapper: ${format ?? ''}`);
      return new Uint8Array(open(kek, { iv, tag, ct }, context(subject, version)));
    },
  };
}
