/**
 * AES-256-GCM from node:crypto, the only cipher Redress uses: authenticated, so a changed
 * byte anywhere (ciphertext, tag, additional data) fails to open instead of decrypting
 * to garbage. A fresh random 96-bit IV per message; a key encrypts one subject's events,
 * far below the 2^32 messages per key that random IVs allow.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed message, base64url-encoded for JSON and text columns. */
export interface Sealed {
  readonly iv: string;
  readonly tag: string;
  readonly ct: string;
}

export const newKeyMaterial = (): Uint8Array => new Uint8Array(randomBytes(KEY_BYTES));

export function seal(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Sealed {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv: iv.toString('base64url'), tag: cipher.getAuthTag().toString('base64url'), ct: ct.toString('base64url') };
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

function bytes(value: unknown, name: string, length?: number): Buffer {
  if (typeof value !== 'string' || !BASE64URL.test(value)) throw new OpenError(`${name} is not base64url text`);
  const decoded = Buffer.from(value, 'base64url');
  // Re-encoding catches non-canonical text that Buffer would quietly accept.
  if (decoded.toString('base64url') !== value) throw new OpenError(`${name} is not canonical base64url`);
  if (length !== undefined && decoded.length !== length) throw new OpenError(`${name} has ${decoded.length} bytes, expected ${length}`);
  return decoded;
}

/** Why a sealed message did not open; callers turn it into their own typed error. */
export class OpenError extends Error {
  override readonly name = 'OpenError';
}

/** The plaintext, or an `OpenError` when anything was changed or is malformed. */
export function open(key: Uint8Array, sealed: { readonly iv?: unknown; readonly tag?: unknown; readonly ct?: unknown }, aad: Uint8Array): Buffer {
  if (key.length !== KEY_BYTES) throw new OpenError(`the key has ${key.length} bytes, expected ${KEY_BYTES}`);
  const iv = bytes(sealed.iv, 'iv', IV_BYTES);
  const tag = bytes(sealed.tag, 'tag', TAG_BYTES);
  const ct = bytes(sealed.ct, 'ct');
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ct), decipher.final()]);
  } catch {
    throw new OpenError('authentication failed (the ciphertext, its tag or what it is bound to was changed)');
  }
}
