/**
 * Customer profiles under crypto-shredding on a SQLite file: the profile service and the
 * engine over `protectStore`, keys in the store's own table. The events table holds no
 * plaintext name, phone, contact, plate, address or tag hint of a profile; after the
 * customer's erasure and a checkpoint the file and its WAL hold none of the erased
 * customer's, the profile reads `[erased]` there while tier, scale and fleet size stay,
 * and the other customer's profile still reads in full.
 */
import { readFileSync } from 'node:fs';
import {
  aesGcmKeyWrapper,
  complaintEventFamily,
  createCryptoShredder,
  createCustomerDataProtection,
  createCustomerProfiles,
  customerEventFamily,
  createEngine,
  createEventEvolution,
  createManualClock,
  ERASED,
  protectStore,
} from '@redress/core';
import { occurrences } from '@redress/testing/store-conformance';
import { describe, expect, it } from 'vitest';
import { createSqliteEventStore, type SqliteEventStore } from '../index.js';
import { tempFile } from '../test-support/temp.js';

const head = { id: 'dh-1', role: 'departmentHead' } as const;
const fleet = { reference: 'CU-FLEET', name: '顺达物流 Shunda', phone: '02155501234', boss: '赵建国', contact: '钱小红', contactPhone: '13700002222', plate: '沪B·99887', address: '张江路88号', hint: 'Two staff at every visit' };
const person = { reference: 'CU-LIN', name: '林晓 Lin Xiao', phone: '13912345678' };
const fleetSecrets = [fleet.name, fleet.phone, fleet.boss, fleet.contact, fleet.contactPhone, fleet.plate, fleet.address, fleet.hint];

function host(file: string) {
  const clock = createManualClock('2026-03-02T09:00:00.000Z');
  const store = createSqliteEventStore({ file, keyWrapper: aesGcmKeyWrapper(new Uint8Array(32).fill(5)) });
  const protectedStore = protectStore(store, { shredder: createCryptoShredder({ keys: store.keys }), evolution: createEventEvolution([complaintEventFamily(), customerEventFamily()]) });
  const profiles = createCustomerProfiles({ store: protectedStore, clock });
  const engine = createEngine({ store: protectedStore, clock });
  const protection = createCustomerDataProtection({ store: protectedStore, keys: store.keys, clock });
  return { store, profiles, engine, protection };
}

function fileBytes(store: SqliteEventStore, file: string): Buffer {
  store.database.pragma('wal_checkpoint(TRUNCATE)');
  let wal = Buffer.alloc(0);
  try {
    wal = readFileSync(`${file}-wal`);
  } catch {
    // no WAL file
  }
  return Buffer.concat([readFileSync(file), wal]);
}
const count = (bytes: Buffer, secrets: readonly string[]) => secrets.reduce((n, s) => n + occurrences(bytes, s), 0);

describe('customer profiles and erasure on a SQLite file', () => {
  it('keeps profile personal data encrypted, and after erasure leaves none of it in the file', async () => {
    const file = tempFile('profile-erasure');
    const { store, profiles, engine, protection } = host(file);
    const run = async (data: Record<string, unknown> & { type: string }) => {
      const { type, ...rest } = data;
      const result = await profiles.execute({ type, actor: head, data: { customerReference: fleet.reference, ...rest } });
      if (!result.ok) throw result.error;
    };
    await run({ type: 'OpenCustomerProfile', kind: 'organisation', ownerId: 'km-1', name: fleet.name, phone: fleet.phone, loyaltyTier: 'platinum', organisation: { scale: 'enterprise', fleetSize: 300, personInCharge: { name: fleet.boss } } });
    await run({ type: 'RecordCustomerSite', site: { siteId: 'zj', name: 'Zhangjiang depot', address: fleet.address } });
    await run({ type: 'RecordKeyContact', contact: { contactId: 'k1', name: fleet.contact, phone: fleet.contactPhone } });
    await run({ type: 'RecordCustomerUnit', unit: { unitId: 'truck-7', kind: 'vehicle', identifier: fleet.plate, siteId: 'zj' } });
    await run({ type: 'TagDifficultCustomer', tag: 'aggressive', hint: fleet.hint, reason: 'Shouted at the desk' });
    await profiles.execute({ type: 'OpenCustomerProfile', actor: head, data: { customerReference: person.reference, kind: 'person', ownerId: 'km-1', name: person.name, phone: person.phone } });
    // A complaint linked to the fleet's site and unit, checked against the profile.
    await engine.executeOrThrow({
      type: 'ReceiveComplaint',
      complaintId: 'PD-1',
      actor: { id: 'fd-1', role: 'frontDesk' },
      data: { customer: { reference: fleet.reference }, channel: 'phone', description: 'Truck 7 pulls left', demand: 'Fix it', siteId: 'zj', unitId: 'truck-7' },
    });

    const data = Buffer.from((store.database.prepare('SELECT data FROM redress_events').pluck().all() as string[]).join('\n'));
    expect(count(data, [...fleetSecrets, person.name, person.phone])).toBe(0);
    expect((await profiles.load(fleet.reference))?.organisation?.contacts[0]?.name).toBe(fleet.contact);

    expect((await protection.erase({ type: 'EraseCustomerData', actor: { id: 'dpo-1', role: 'dataProtection' }, data: { customerReference: fleet.reference, reason: 'DSR-12' } })).ok).toBe(true);
    expect(count(fileBytes(store, file), fleetSecrets)).toBe(0);

    // A fresh service over the file reads the profile erased; the other customer reads in full.
    const again = host(file);
    const erased = await again.profiles.load(fleet.reference);
    expect(erased).toMatchObject({
      erased: true,
      name: ERASED,
      loyaltyTier: 'platinum',
      organisation: { scale: 'enterprise', fleetSize: 300, personInCharge: { name: ERASED }, contacts: [{ name: ERASED, phone: ERASED }], sites: [{ siteId: 'zj', name: 'Zhangjiang depot', address: ERASED }] },
      units: [{ unitId: 'truck-7', identifier: ERASED }],
      tags: [{ tag: 'aggressive', hint: ERASED }],
    });
    expect(await again.profiles.load(person.reference)).toMatchObject({ name: person.name, phone: person.phone });
    again.store.close();
    store.close();
  });
});
