/**
 * An organisation's repair capability through the public API: given at opening and
 * replaced by a change, shown on the profile as of any moment; malformed input refused
 * with its path, contradictory input by a named rule, a person refused it; nothing
 * written on a refusal; not personal data, so it stays in plaintext and survives erasure.
 */
import { describe, expect, it } from 'vitest';
import {
  complaintEventFamily,
  createCryptoShredder,
  createCustomerDataProtection,
  createCustomerProfiles,
  createEventEvolution,
  createInMemoryEventStore,
  createInMemoryKeyStore,
  createManualClock,
  customerEventFamily,
  customerProfilesProjection,
  ERASED,
  protectStore,
  rebuildProjection,
  type ComplaintEvent,
} from '../index.js';
import { actors } from '../test-support/fixtures.js';
import { NOW } from '../test-support/given.js';
import { FLEET, openFleet, openPerson, PERSON, profilesWithEngine } from './test-support.js';

const HOUR = 3_600_000;
const capability = { ownWorkshop: true, mechanics: 4, repairsInHouse: ['routine servicing', '轮胎更换'] };
const openWith = (repairCapability: unknown) => {
  const open = openFleet();
  return { ...open, data: { ...open.data, organisation: { ...open.data.organisation, repairCapability } } };
};
const failure = (result: { ok: boolean; error?: unknown }) => (!result.ok ? (result.error as { kind: string; issues?: { path: string }[]; rule?: { name: string; message: string } }) : undefined);

describe('an organisation’s repair capability', () => {
  it('is shown on the profile after opening and after a change, and as it was before the change', async () => {
    const s = profilesWithEngine();
    expect((await s.profiles.execute(openWith(capability))).ok).toBe(true);
    expect((await s.profiles.load(FLEET))?.organisation?.repairCapability).toEqual(capability);
    s.clock.advance(2 * HOUR);
    const changed = await s.run('ChangeCustomerDetails', { customerReference: FLEET, repairCapability: { ownWorkshop: false, repairsInHouse: ['tyres'] } });
    expect(changed.ok && changed.value.profile?.organisation?.repairCapability).toEqual({ ownWorkshop: false, mechanics: null, repairsInHouse: ['tyres'] });
    expect((await s.profiles.load(FLEET, NOW))?.organisation?.repairCapability).toEqual(capability);
    const projected = (await rebuildProjection(s.store, customerProfilesProjection())).state.get(FLEET);
    expect(projected?.organisation?.repairCapability).toEqual({ ownWorkshop: false, mechanics: null, repairsInHouse: ['tyres'] });
    // another detail's change leaves it as it is
    await s.run('ChangeCustomerDetails', { customerReference: FLEET, scale: 'enterprise' });
    expect((await s.profiles.load(FLEET))?.organisation?.repairCapability?.repairsInHouse).toEqual(['tyres']);
  });

  it('is null until given', async () => {
    const s = profilesWithEngine();
    await s.profiles.execute(openFleet());
    expect((await s.profiles.load(FLEET))?.organisation?.repairCapability).toBeNull();
    await s.run('ChangeCustomerDetails', { customerReference: FLEET, repairCapability: { ownWorkshop: true } });
    expect((await s.profiles.load(FLEET))?.organisation?.repairCapability).toEqual({ ownWorkshop: true, mechanics: null, repairsInHouse: [] });
  });

  it('refuses malformed input with the path, writing nothing', async () => {
    const s = profilesWithEngine();
    const cases: [unknown, string][] = [
      [{ mechanics: 2 }, 'data.organisation.repairCapability.ownWorkshop'],
      [{ ownWorkshop: 'yes' }, 'data.organisation.repairCapability.ownWorkshop'],
      [{ ownWorkshop: true, mechanics: -1 }, 'data.organisation.repairCapability.mechanics'],
      [{ ownWorkshop: true, mechanics: 2.5 }, 'data.organisation.repairCapability.mechanics'],
      [{ ownWorkshop: true, repairsInHouse: ['engines', ' '] }, 'data.organisation.repairCapability.repairsInHouse[1]'],
      [{ ownWorkshop: true, repairsInHouse: Array.from({ length: 21 }, (_, i) => `item ${i}`) }, 'data.organisation.repairCapability.repairsInHouse'],
      [{ ownWorkshop: true, welders: 3 }, 'data.organisation.repairCapability'],
    ];
    for (const [given, path] of cases) expect(failure(await s.profiles.execute(openWith(given))), JSON.stringify(given)).toMatchObject({ kind: 'Validation', issues: [{ path }] });
    expect(await s.store.readAll(1, 100)).toEqual([]);
  });

  it('refuses a contradiction or a person by a named rule, writing nothing; the other side passes', async () => {
    const s = profilesWithEngine();
    const twice = failure(await s.profiles.execute(openWith({ ownWorkshop: true, repairsInHouse: ['Tyres', 'engines', 'tyres '] })));
    expect(twice).toMatchObject({ kind: 'CustomerProfileRefused', rule: { name: 'repairCapabilityConsistent', message: expect.stringMatching(/tyres.*listed twice/i) } });
    const nobody = failure(await s.profiles.execute(openWith({ ownWorkshop: false, mechanics: 0, repairsInHouse: ['tyres'] })));
    expect(nobody).toMatchObject({ kind: 'CustomerProfileRefused', rule: { name: 'repairCapabilityConsistent', message: expect.stringMatching(/no workshop and no mechanics/) } });
    expect(await s.store.readAll(1, 100)).toEqual([]);

    await s.profiles.execute(openFleet());
    await s.profiles.execute(openPerson());
    const before = (await s.store.readAll(1, 100)).length;
    expect(failure(await s.run('ChangeCustomerDetails', { customerReference: FLEET, repairCapability: { ownWorkshop: false, mechanics: 0, repairsInHouse: ['x'] } }))?.rule?.name).toBe('repairCapabilityConsistent');
    expect(failure(await s.run('ChangeCustomerDetails', { customerReference: PERSON, repairCapability: capability }))?.rule).toMatchObject({ name: 'organisationOnly', message: expect.stringMatching(/repairCapability/) });
    expect((await s.store.readAll(1, 100)).length).toBe(before);
    // the other side of each: no workshop but mechanics (field service), or nothing repaired in-house
    expect((await s.run('ChangeCustomerDetails', { customerReference: FLEET, repairCapability: { ownWorkshop: false, mechanics: 2, repairsInHouse: ['tyres'] } })).ok).toBe(true);
    expect((await s.run('ChangeCustomerDetails', { customerReference: FLEET, repairCapability: { ownWorkshop: false, mechanics: 0 } })).ok).toBe(true);
  });

  it('is not personal data: it is stored in plaintext and survives the customer’s erasure', async () => {
    const raw = createInMemoryEventStore<ComplaintEvent>();
    const keys = createInMemoryKeyStore();
    const store = protectStore(raw, { shredder: createCryptoShredder({ keys }), evolution: createEventEvolution([complaintEventFamily(), customerEventFamily()]) });
    const clock = createManualClock(NOW);
    const profiles = createCustomerProfiles({ store, clock });
    await profiles.execute(openWith(capability));
    await profiles.execute({ type: 'ChangeCustomerDetails', actor: actors.head, data: { customerReference: FLEET, repairCapability: { ...capability, repairsInHouse: ['液压系统'] } } });
    expect(JSON.stringify(await raw.readAll(1, 100))).toContain('液压系统');
    const privacy = createCustomerDataProtection({ store, keys, clock });
    expect((await privacy.erase({ type: 'EraseCustomerData', actor: { id: 'dpo', role: 'dataProtection' }, data: { customerReference: FLEET, reason: 'request' } })).ok).toBe(true);
    const erased = await profiles.load(FLEET);
    expect(erased).toMatchObject({ erased: true, name: ERASED, organisation: { personInCharge: { name: ERASED }, repairCapability: { ownWorkshop: true, mechanics: 4, repairsInHouse: ['液压系统'] } } });
    // holding nothing personal, a change of it is accepted for an erased customer
    expect((await profiles.execute({ type: 'ChangeCustomerDetails', actor: actors.head, data: { customerReference: FLEET, repairCapability: { ownWorkshop: false } } })).ok).toBe(true);
  });
});
