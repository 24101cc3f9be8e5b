/** Test helpers for customer profiles: a profile service beside a test engine, on one store and clock. */
import { fc } from '@fast-check/vitest';
import type { Actor } from '../domain/primitives.js';
import { testEngine } from '../test-support/engine.js';
import { actors } from '../test-support/fixtures.js';
import { sequentialIds } from '../engine/ids.js';
import { createCustomerProfiles, type CustomerProfilesOptions } from './service.js';

export const FLEET = 'CU-FLEET-1';
export const PERSON = 'CU-PERSON-1';

/** An organisation's opening: a logistics company with a person in charge. */
export const openFleet = (actor: Actor = actors.frontDesk) => ({
  type: 'OpenCustomerProfile',
  actor,
  data: {
    customerReference: FLEET,
    kind: 'organisation',
    ownerId: 'km-he',
    name: '顺达物流有限公司',
    phone: '021-5550-1234',
    organisation: { scale: 'large', fleetSize: 120, personInCharge: { name: '赵经理', phone: '138-0000-1111' } },
  },
});

/** A person's opening. */
export const openPerson = (actor: Actor = actors.frontDesk) => ({
  type: 'OpenCustomerProfile',
  actor,
  data: { customerReference: PERSON, kind: 'person', ownerId: 'km-he', name: 'Ms Lin', phone: '139-1234-5678', loyaltyTier: 'silver' },
});

/** A test engine and a profile service over the same store and clock. */
export function profilesWithEngine(options: NonNullable<Parameters<typeof testEngine>[0]> & { profiles?: Partial<CustomerProfilesOptions> } = {}) {
  const t = testEngine(options);
  const profiles = createCustomerProfiles({ store: t.store, clock: t.clock, ids: sequentialIds('p'), ...options.profiles });
  const run = (type: string, data: object, actor: Actor = actors.frontDesk) => profiles.execute({ type, actor, data });
  return { ...t, profiles, run };
}

export const CUSTOMERS = ['CU-A', 'CU-B', 'CU-C'];
const ref = fc.constantFrom(...CUSTOMERS);
const small = (prefix: string) => fc.constantFrom(`${prefix}-1`, `${prefix}-2`, `${prefix}-3`);
/** Two ids per kind of entry, so a retirement often meets a recorded one and a record often follows a retirement. */
const entry = (prefix: string) => fc.constantFrom(`${prefix}-1`, `${prefix}-2`);

const tag = fc.constantFrom('tag-1', 'tag-2', 'stubborn', 'honest');
const absent = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
/** Some contradict themselves (repairs with no workshop and no mechanics, an item twice): the rule refuses those. */
const repairCapability = fc
  .record({ ownWorkshop: fc.boolean(), mechanics: absent(fc.nat(2)), repairsInHouse: absent(fc.array(fc.constantFrom('tyres', 'brakes', 'Tyres'), { maxLength: 2 })) })
  .map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)));
/** A profile command's type and data for one of `CUSTOMERS` (many are refused on the profile they meet); `ReceiveComplaint` stands for a complaint of that customer. */
export const profileCommand = fc.oneof(
  { arbitrary: fc.record({ type: fc.constant('OpenCustomerProfile'), customerReference: ref, kind: fc.constantFrom('person', 'organisation'), name: fc.constantFrom('王先生', 'Acme Ltd'), ownerId: small('km'), repair: absent(repairCapability) }).map(({ type, kind, repair, ...d }) => ({
    type,
    data: { ...d, kind, ...(kind === 'organisation' ? { organisation: { scale: 'small', personInCharge: { name: '赵经理' }, ...(repair ? { repairCapability: repair } : {}) } } : {}) },
  })), weight: 3 },
  fc.record({ customerReference: ref, name: fc.option(fc.constantFrom('Mr Li', '李先生'), { nil: undefined }), loyaltyTier: fc.option(fc.constantFrom('silver', 'gold'), { nil: undefined }), membership: fc.option(fc.constantFrom('card-1', null), { nil: undefined }), scale: fc.option(fc.constantFrom('large', 'medium'), { nil: undefined }), repairCapability: absent(repairCapability) })
    .map((d) => ({ type: 'ChangeCustomerDetails', data: Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) })),
  fc.record({ customerReference: ref, ownerId: small('km') }).map((data) => ({ type: 'AssignCustomerOwner', data })),
  { arbitrary: fc.record({ customerReference: ref, unitId: entry('unit'), mileageKm: fc.nat(100), siteId: absent(entry('site')) }).map(({ customerReference, siteId, ...unit }) => ({ type: 'RecordCustomerUnit', data: { customerReference, unit: { ...unit, kind: 'vehicle', ...(siteId ? { siteId } : {}) } } })), weight: 2 },
  { arbitrary: fc.record({ customerReference: ref, siteId: entry('site'), name: fc.constantFrom('Depot', 'Plant') }).map(({ customerReference, ...site }) => ({ type: 'RecordCustomerSite', data: { customerReference, site } })), weight: 2 },
  { arbitrary: fc.record({ customerReference: ref, contactId: entry('contact'), name: fc.constantFrom('钱主管', 'Ms Zhou') }).map(({ customerReference, ...contact }) => ({ type: 'RecordKeyContact', data: { customerReference, contact } })), weight: 2 },
  // Retirements: of current entries, of retired ones and of ones never recorded (the rules refuse the last two).
  { arbitrary: fc.record({ customerReference: ref, unitId: entry('unit'), reason: fc.constantFrom('sold', '报废') }).map((data) => ({ type: 'RetireCustomerUnit', data })), weight: 2 },
  { arbitrary: fc.record({ customerReference: ref, siteId: entry('site'), reason: fc.constantFrom('lease ended', '搬迁') }).map((data) => ({ type: 'CloseCustomerSite', data })), weight: 2 },
  { arbitrary: fc.record({ customerReference: ref, contactId: entry('contact'), reason: fc.constantFrom('left', '离职') }).map((data) => ({ type: 'RemoveKeyContact', data })), weight: 2 },
  // A catalogue tag without a hint records the catalogue's; a host's tag without one is refused.
  { arbitrary: fc.record({ customerReference: ref, tag, hint: absent(fc.constantFrom('calm', 'in writing')) }).map((d) => ({ type: 'TagDifficultCustomer', data: { ...Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)), reason: 'incidents' } })), weight: 2 },
  { arbitrary: fc.record({ customerReference: ref, tag }).map((d) => ({ type: 'UntagDifficultCustomer', data: { ...d, reason: 'better' } })), weight: 2 },
  fc.record({ complaint: ref }).map(({ complaint }) => ({ type: 'ReceiveComplaint', data: { customerReference: complaint } })),
);
