/**
 * Customer profiles under crypto-shredding, on the in-memory store behind protectStore:
 * names, phones, plates, addresses, contacts and tag hints are encrypted for the customer
 * (no plaintext in the stored log, before or after); erasing the customer makes the
 * profile read `[erased]` where they were while tier, scale and fleet size stay; another
 * customer's profile is untouched; and nothing personal is accepted for an erased one.
 */
import { fc, test } from '@fast-check/vitest';
import { customerProfileCommand } from '@redress/testing';
import { describe, expect, it } from 'vitest';
import {
  complaintEventFamily,
  createCryptoShredder,
  createCustomerDataProtection,
  createCustomerProfiles,
  customerEventFamily,
  createEventEvolution,
  createInMemoryEventStore,
  createInMemoryKeyStore,
  createManualClock,
  ERASED,
  protectStore,
  sequentialIds,
  type ComplaintEvent,
} from '../index.js';
import { actors } from '../test-support/fixtures.js';
import { NOW } from '../test-support/given.js';
import { FLEET, openFleet, openPerson, PERSON } from './test-support.js';

/** Every personal value the scenario writes for the fleet customer. */
const FLEET_SECRETS = ['顺达物流有限公司', '021-5550-1234', '赵经理', '138-0000-1111', '钱主管', '137-0000-2222', '沪B99887', '浦东新区张江路 88 号', 'Never promise a date', 'Shouted at the desk'];
const PERSON_SECRETS = ['Ms Lin', '139-1234-5678'];

async function scenario() {
  const raw = createInMemoryEventStore<ComplaintEvent>();
  const keys = createInMemoryKeyStore();
  const store = protectStore(raw, { shredder: createCryptoShredder({ keys }), evolution: createEventEvolution([complaintEventFamily(), customerEventFamily()]) });
  const clock = createManualClock(NOW);
  const profiles = createCustomerProfiles({ store, clock, ids: sequentialIds('p') });
  const privacy = createCustomerDataProtection({ store, keys, clock, ids: sequentialIds('e') });
  const run = async (type: string, data: object) => {
    const result = await profiles.execute({ type, actor: actors.head, data: { customerReference: FLEET, ...data } });
    if (!result.ok) throw result.error;
  };
  await profiles.execute(openFleet());
  await profiles.execute(openPerson());
  await run('RecordCustomerSite', { site: { siteId: 'pd', name: 'Pudong yard', address: '浦东新区张江路 88 号' } });
  await run('RecordKeyContact', { contact: { contactId: 'k1', name: '钱主管', role: 'fleet manager', phone: '137-0000-2222' } });
  await run('RecordCustomerUnit', { unit: { unitId: 'truck-7', kind: 'vehicle', model: 'Actros', identifier: '沪B99887', siteId: 'pd' } });
  await run('ChangeCustomerDetails', { loyaltyTier: 'platinum' });
  await run('TagDifficultCustomer', { tag: 'aggressive', hint: 'Never promise a date', reason: 'Shouted at the desk' });
  return { raw, store, profiles, privacy };
}

const rawText = async (raw: ReturnType<typeof createInMemoryEventStore<ComplaintEvent>>) => JSON.stringify(await raw.readAll(1, 100_000));

describe('customer profiles and erasure (in memory)', () => {
  it('reads the customer stream through its event family: an unknown type or a newer version there is refused', async () => {
    const { raw, profiles } = await scenario();
    const event = { eventId: 'x-1', occurredAt: NOW, actor: actors.head, causationId: 'x', correlationId: 'x' };
    await raw.append(`customer:${PERSON}`, 'streamExists', [{ ...event, type: 'CustomerLoyaltyRevoked', data: { customerReference: PERSON }, schemaVersion: 1 } as never]);
    await expect(profiles.load(PERSON)).rejects.toMatchObject({ kind: 'UnknownEventType' });
    await raw.append(`customer:${FLEET}`, 'streamExists', [{ ...event, eventId: 'x-2', type: 'CustomerDetailsChanged', data: { customerReference: FLEET, loyaltyTier: 'gold' }, schemaVersion: 2 } as never]);
    await expect(profiles.load(FLEET)).rejects.toMatchObject({ kind: 'UnsupportedEventVersion' });
  });

  it('stores no personal value of a profile in plaintext', async () => {
    const { raw, profiles } = await scenario();
    const text = await rawText(raw);
    for (const secret of [...FLEET_SECRETS, ...PERSON_SECRETS]) expect(text, secret).not.toContain(secret);
    // …and reads them back through the protected store
    expect(await profiles.load(FLEET)).toMatchObject({ name: '顺达物流有限公司', organisation: { personInCharge: { name: '赵经理' } }, tags: [{ hint: 'Never promise a date' }] });
  });

  it('reads an erased customer’s profile [erased] where it was personal, keeping tier, scale and fleet size', async () => {
    const { raw, profiles, privacy } = await scenario();
    expect((await privacy.erase({ type: 'EraseCustomerData', actor: { id: 'dpo', role: 'dataProtection' }, data: { customerReference: FLEET, reason: 'request #9' } })).ok).toBe(true);
    const profile = await profiles.load(FLEET);
    expect(profile).toMatchObject({
      erased: true,
      name: ERASED,
      phone: ERASED,
      loyaltyTier: 'platinum',
      ownerId: 'km-he',
      organisation: {
        scale: 'large',
        fleetSize: 120,
        personInCharge: { name: ERASED, phone: ERASED },
        contacts: [{ contactId: 'k1', name: ERASED, role: 'fleet manager', phone: ERASED }],
        sites: [{ siteId: 'pd', name: 'Pudong yard', address: ERASED }],
      },
      units: [{ unitId: 'truck-7', model: 'Actros', identifier: ERASED, siteId: 'pd' }],
      tags: [{ tag: 'aggressive', hint: ERASED }],
    });
    expect(await profiles.load(PERSON)).toMatchObject({ name: 'Ms Lin', phone: '139-1234-5678', erased: false });
    const text = await rawText(raw);
    for (const secret of FLEET_SECRETS) expect(text, secret).not.toContain(secret);
  });

  it('answers a subject access request with the profile history, decrypted', async () => {
    const { privacy } = await scenario();
    const exported = await privacy.exportCustomerData(FLEET);
    expect(exported.privacy.map((e) => e.type)).toEqual(['CustomerProfileOpened', 'CustomerSiteRecorded', 'KeyContactRecorded', 'CustomerUnitRecorded', 'CustomerDetailsChanged', 'DifficultCustomerTagged']);
    expect(JSON.stringify(exported)).toContain('钱主管');
  });

  it('encrypts a retirement’s reason, and reads it [erased] after an erasure', async () => {
    const { raw, profiles, privacy } = await scenario();
    const reason = 'Sold to 李四, 138-2222-3333';
    expect((await profiles.execute({ type: 'RetireCustomerUnit', actor: actors.head, data: { customerReference: FLEET, unitId: 'truck-7', reason } })).ok).toBe(true);
    expect(await rawText(raw)).not.toContain(reason);
    expect((await profiles.load(FLEET))?.retiredUnits).toMatchObject([{ id: 'truck-7', reason }]);
    await privacy.erase({ type: 'EraseCustomerData', actor: { id: 'dpo', role: 'dataProtection' }, data: { customerReference: FLEET, reason: 'request #9' } });
    expect((await profiles.load(FLEET))?.retiredUnits).toMatchObject([{ id: 'truck-7', reason: ERASED }]);
  });

  it('refuses new personal data for an erased customer, and accepts what holds none', async () => {
    const { profiles, privacy } = await scenario();
    await privacy.erase({ type: 'EraseCustomerData', actor: { id: 'dpo', role: 'dataProtection' }, data: { customerReference: FLEET, reason: 'request #9' } });
    const named = await profiles.execute({ type: 'ChangeCustomerDetails', actor: actors.head, data: { customerReference: FLEET, name: 'New name' } });
    expect(!named.ok && named.error.kind).toBe('SubjectErased');
    expect((await profiles.execute({ type: 'ChangeCustomerDetails', actor: actors.head, data: { customerReference: FLEET, loyaltyTier: 'gold' } })).ok).toBe(true);
  });

  test.prop([fc.array(customerProfileCommand({ customers: ['CU-A', 'CU-B'] }), { minLength: 1, maxLength: 25 })], { numRuns: 25 })(
    'over any profile log, no personal value written is in the stored log, and erasing a customer leaves theirs [erased]',
    async (commands) => {
      const raw = createInMemoryEventStore<ComplaintEvent>();
      const keys = createInMemoryKeyStore();
      const store = protectStore(raw, { shredder: createCryptoShredder({ keys }), evolution: createEventEvolution([complaintEventFamily(), customerEventFamily()]) });
      const clock = createManualClock(NOW);
      const profiles = createCustomerProfiles({ store, clock });
      const personal = new Set<string>();
      for (const command of commands) {
        const result = await profiles.execute(command);
        if (!result.ok) continue;
        type Person = { name?: string; phone?: string };
        type Written = Person & { hint?: string; reason?: string; personInCharge?: Person; organisation?: { personInCharge?: Person }; contact?: Person; unit?: { identifier?: string }; site?: { address?: string } };
        const d = command.data as Written;
        const o = d.organisation ?? {};
        for (const v of [d.name, d.phone, d.hint, d.reason, d.personInCharge?.name, d.personInCharge?.phone, o.personInCharge?.name, o.personInCharge?.phone, d.contact?.name, d.contact?.phone, d.unit?.identifier, d.site?.address]) {
          if (typeof v === 'string') personal.add(v);
        }
        // a catalogue tag given without a hint: the hint recorded is the catalogue's
        for (const e of result.value.events) if (e.type === 'DifficultCustomerTagged') personal.add(e.data.hint);
      }
      const text = JSON.stringify(await raw.readAll(1, 10_000));
      for (const v of personal) expect(text, v).not.toContain(v);
      const privacy = createCustomerDataProtection({ store, keys, clock });
      await privacy.erase({ type: 'EraseCustomerData', actor: { id: 'dpo', role: 'dataProtection' }, data: { customerReference: 'CU-A', reason: 'asked' } });
      const erased = await profiles.load('CU-A');
      if (erased) {
        expect(erased.erased).toBe(true);
        expect(erased.name).toBe(ERASED);
        for (const c of erased.organisation?.contacts ?? []) expect(c.name).toBe(ERASED);
        for (const t of erased.tags) expect(t.hint).toBe(ERASED);
      }
    },
  );
});
