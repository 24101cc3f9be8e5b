/** The key store contract, run against the in-memory store with plain and wrapped keys; and the wrapper itself. */
import { describe, expect, it } from 'vitest';
import { createInMemoryKeyStore } from './in-memory-key-store.js';
import { KEY_STORE_CONTRACT } from './key-store-contract.js';
import { aesGcmKeyWrapper, type KeyWrapper } from './key-wrapper.js';

const master = new Uint8Array(32).fill(3);

describe.each([
  ['plain keys', () => createInMemoryKeyStore()],
  ['keys wrapped by a master key', () => createInMemoryKeyStore({ wrapper: aesGcmKeyWrapper(master) })],
])('the in-memory key store (%s)', (_name, newStore) => {
  for (const check of KEY_STORE_CONTRACT) it(check.name, () => check.run(newStore()));
});

describe('a wrapping key store', () => {
  it('holds only wrapped keys: what it stores opens with the master key alone', async () => {
    const wrapped: string[] = [];
    const inner = aesGcmKeyWrapper(master);
    const spy: KeyWrapper = { ...inner, wrap: async (key) => (wrapped.push(await inner.wrap(key)), wrapped.at(-1)!) };
    const store = createInMemoryKeyStore({ wrapper: spy });
    const key = await store.currentKey('CU-1');
    expect(wrapped).toHaveLength(1);
    expect(wrapped[0]).not.toContain(Buffer.from(key.material).toString('base64url'));
    expect(Buffer.from(await inner.unwrap(wrapped[0]!, 'CU-1', 1))).toEqual(Buffer.from(key.material));
  });

  it('gives no key out when the subject is erased while its key is being wrapped', async () => {
    let release: () => void = () => undefined;
    const inner = aesGcmKeyWrapper(master);
    const slow: KeyWrapper = { ...inner, wrap: async (key) => (await new Promise<void>((r) => (release = r)), inner.wrap(key)) };
    const store = createInMemoryKeyStore({ wrapper: slow });
    const pending = store.currentKey('CU-1');
    await store.destroy('CU-1');
    release();
    await expect(pending).rejects.toThrow(/erased/);
    expect(await store.key('CU-1', 1)).toEqual({ state: 'destroyed' });
  });
});

describe('aesGcmKeyWrapper', () => {
  const wrapper = aesGcmKeyWrapper(master);
  const key = { subject: 'CU-1', version: 2, material: new Uint8Array(32).fill(5) };

  it('unwraps what it wrapped', async () => {
    expect(Buffer.from(await wrapper.unwrap(await wrapper.wrap(key), 'CU-1', 2))).toEqual(Buffer.from(key.material));
  });

  it('refuses a wrapped key moved to another subject or version, changed, or wrapped by another master key', async () => {
    const wrapped = await wrapper.wrap(key);
    await expect(wrapper.unwrap(wrapped, 'CU-2', 2)).rejects.toThrow(/authentication failed/);
    await expect(wrapper.unwrap(wrapped, 'CU-1', 1)).rejects.toThrow(/authentication failed/);
    const parts = wrapped.split('.');
    const ct = parts[3]!;
    await expect(wrapper.unwrap([...parts.slice(0, 3), (ct[0] === 'A' ? 'B' : 'A') + ct.slice(1)].join('.'), 'CU-1', 2)).rejects.toThrow();
    await expect(aesGcmKeyWrapper(new Uint8Array(32).fill(4)).unwrap(wrapped, 'CU-1', 2)).rejects.toThrow(/authentication failed/);
    await expect(wrapper.unwrap('plain', 'CU-1', 2)).rejects.toThrow(/not a key wrapped/);
  });

  it('wants a 32-byte master key', () => {
    expect(() => aesGcmKeyWrapper(new Uint8Array(16))).toThrow(/32 bytes/);
  });
});
