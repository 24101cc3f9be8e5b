/**
 * Example (shown in docs/privacy.md, run by docs-examples.test.ts): data keys wrapped by a
 * host's KMS instead of a master key in the process. The KMS never hands its master key
 * out; Redress sends it a data key to encrypt, and the encryption context (subject,
 * version) makes the KMS refuse to decrypt a wrapped key under another subject.
 */
import type { KeyWrapper } from '../key-wrapper.js';

/** The two calls a KMS client offers (AWS KMS, Google Cloud KMS, Vault transit, Alibaba Cloud KMS: each has them). */
export interface KmsClient {
  encrypt(request: { keyId: string; plaintext: Uint8Array; context: Record<string, string> }): Promise<{ ciphertext: Uint8Array }>;
  decrypt(request: { keyId: string; ciphertext: Uint8Array; context: Record<string, string> }): Promise<{ plaintext: Uint8Array }>;
}

export function kmsKeyWrapper(kms: KmsClient, keyId: string): KeyWrapper {
  const context = (subject: string, version: number) => ({ purpose: 'redress-data-key', subject, version: String(version) });
  return {
    id: `kms:${keyId}`,
    async wrap(key) {
      const { ciphertext } = await kms.encrypt({ keyId, plaintext: key.material, context: context(key.subject, key.version) });
      return Buffer.from(ciphertext).toString('base64url');
    },
    async unwrap(wrapped, subject, version) {
      const { plaintext } = await kms.decrypt({ keyId, ciphertext: Buffer.from(wrapped, 'base64url'), context: context(subject, version) });
      return plaintext;
    },
  };
}
