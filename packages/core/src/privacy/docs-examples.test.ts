/**
 * The examples of docs/privacy.md, run: protecting events on the way in, reading them
 * back, erasing a customer, and a KMS-backed key store that passes the key store contract.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createCryptoShredder,
  createCustomerDataProtection,
  createEngine,
  createEventEvolution,
  createInMemoryEventStore,
  createManualClock,
  protectStore,
  createEventReader,
  createInMemoryKeyStore,
  complaintEventFamily,
  completeErasures,
  aesGcmKeyWrapper,
  isErased,
  KEY_STORE_CONTRACT,
  personalDataMap,
  type NewEvent,
  type ComplaintEvent,
  type ComplaintEventOf,
  type RecordedEvent,
} from '../index.js';
import { kmsKeyWrapper, type KmsClient } from './examples/kms-key-wrapper.js';

const received: NewEvent<ComplaintEvent> = {
  type: 'ComplaintReceived',
  data: { complaintId: 'PD-1', customer: { reference: 'CU-23040', name: '谢涛 Xie Tao', phone: '+86 139 0000 3040' }, channel: 'visit', description: 'Nobody called back.', demand: 'A decision this week.' },
  eventId: 'ev-1',
  occurredAt: '2026-11-23T01:07:00.000Z',
  actor: { id: 'chen.jie', role: 'frontDesk' },
  causationId: 'cmd-1',
  correlationId: 'cmd-1',
  schemaVersion: 1,
};
const stored = (e: NewEvent<ComplaintEvent>): RecordedEvent<ComplaintEvent> => ({ ...e, streamId: 'PD-1', streamVersion: 1, globalPosition: 1 });

describe('docs/privacy.md', () => {
  it('protects, reads and erases', async () => {
    // #region protect
    const masterKey = randomBytes(32); // from the host's secret store
    const keys = createInMemoryKeyStore({ wrapper: aesGcmKeyWrapper(masterKey) });
    const shredder = createCryptoShredder({
      keys,
      personalData: personalDataMap({ add: { CauseIdentified: ['findings'] } }),
    });
    const [safe] = await shredder.protect([received], { streamId: 'PD-1', subject: 'CU-23040' });
    // safe.data: { complaintId, customer: { reference: 'CU-23040' }, channel, $personal: { format: 1, subject, key: 1, fields, iv, tag, ct } }
    // #endregion protect
    expect(JSON.stringify(safe)).not.toMatch(/Xie|139 0000|Nobody/);

    // #region read
    const reader = createEventReader({ shredder, evolution: createEventEvolution([complaintEventFamily()]) });
    const [event] = await reader.readAll([stored(safe!)]);
    // event is the ComplaintReceived as written; erased fields would hold ERASED
    // #endregion read
    expect(event).toStrictEqual(stored(received));

    // #region erase
    await keys.destroy('CU-23040'); // after appending the audit event that records the erasure
    const [erased] = await reader.readAll([stored(safe!)]);
    const { customer } = erased!.data as ComplaintEventOf<'ComplaintReceived'>['data'];
    isErased(customer.name); // true
    const { erasure } = erased!; // { subject: 'CU-23040', fields: ['customer.name', 'customer.phone', 'description', 'demand'] }
    // At start-up: finish erasures a crash interrupted (the subjects come from the audit events).
    await completeErasures(keys, ['CU-23040']);
    // #endregion erase
    expect(isErased(customer.name)).toBe(true);
    expect(erasure).toEqual({ subject: 'CU-23040', fields: ['customer.name', 'customer.phone', 'description', 'demand'] });
  });
});

describe('docs/privacy.md: wiring, erasure, retention, access', () => {
  it('runs the engine on a protected store and erases a customer through the command', async () => {
    const masterKey = randomBytes(32);
    const clock = createManualClock('2026-11-23T01:00:00.000Z');
    // #region wire
    const keys = createInMemoryKeyStore({ wrapper: aesGcmKeyWrapper(masterKey) }); // or the store's own key table
    const store = protectStore(createInMemoryEventStore(), {
      shredder: createCryptoShredder({ keys }),
      evolution: createEventEvolution([complaintEventFamily()]),
    });
    const engine = createEngine({ store, clock });
    const privacy = createCustomerDataProtection({ store, keys, clock });
    // #endregion wire
    await engine.executeOrThrow({ type: 'ReceiveComplaint', complaintId: 'PD-1', actor: received.actor, data: { customer: { reference: 'CU-23040', name: '谢涛 Xie Tao' }, channel: 'visit', description: 'Nobody called back.', demand: 'A decision this week.' } });
    const result = await privacy.erase({
      type: 'EraseCustomerData',
      actor: { id: 'dpo-1', role: 'dataProtection' },
      data: { customerReference: 'CU-23040', reason: 'request #77 under PIPL art. 47' },
    });
    expect(result.ok && result.value.duplicate).toBe(false);
    const run = await privacy.applyRetention({ months: 24 });
    expect(run).toEqual({ erased: [] });
    const data = await privacy.exportCustomerData('CU-23040');
    expect(data.erased).toBe(true);
    expect(JSON.stringify(data)).not.toContain('Xie');
    expect(data.complaints.map((c) => c.complaintId)).toEqual(['PD-1']);
  });
});

/** A stand-in KMS: AES-256-GCM with the context as additional data, as real KMSs bind it. */
function fakeKms(): KmsClient {
  const master = randomBytes(32);
  const aad = (context: Record<string, string>) => Buffer.from(JSON.stringify(Object.entries(context).sort()));
  return {
    async encrypt({ plaintext, context }) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', master, iv).setAAD(aad(context));
      const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return { ciphertext: Buffer.concat([iv, cipher.getAuthTag(), ct]) };
    },
    async decrypt({ ciphertext, context }) {
      const c = Buffer.from(ciphertext);
      const decipher = createDecipheriv('aes-256-gcm', master, c.subarray(0, 12)).setAAD(aad(context));
      decipher.setAuthTag(c.subarray(12, 28));
      return { plaintext: Buffer.concat([decipher.update(c.subarray(28)), decipher.final()]) };
    },
  };
}

describe('a key store whose keys a KMS wraps', () => {
  for (const check of KEY_STORE_CONTRACT) it(check.name, () => check.run(createInMemoryKeyStore({ wrapper: kmsKeyWrapper(fakeKms(), 'alias/redress') })));

  it('does not unwrap a key under another subject', async () => {
    const wrapper = kmsKeyWrapper(fakeKms(), 'alias/redress');
    const wrapped = await wrapper.wrap({ subject: 'CU-1', version: 1, material: randomBytes(32) });
    await expect(wrapper.unwrap(wrapped, 'CU-2', 1)).rejects.toThrow();
  });
});
