/**
 * Customer profiles through the public API: each command's rule on both sides, who may
 * issue them, idempotent retries, refusals that write nothing, and the profile as of any
 * moment of its history.
 */
import { describe, expect, it } from 'vitest';
import {
  createCustomerProfiles,
  isRedressError,
  CUSTOMER_KINDS,
  CUSTOMER_PROFILE_COMMAND_TYPES,
  CUSTOMER_PROFILE_EVENT_TYPES,
  labels,
  LOCALES,
  ORGANISATION_SCALES,
  profileAsOf,
  staticDirectory,
  UNIT_KINDS,
} from '../index.js';
import type { Actor } from '../domain/primitives.js';
import { actors } from '../test-support/fixtures.js';
import { NOW } from '../test-support/given.js';
import { FLEET, openFleet, openPerson, PERSON, profilesWithEngine } from './test-support.js';

const HOUR = 3_600_000;
const at = (hours: number) => new Date(Date.parse(NOW) + hours * HOUR).toISOString();
const refusedBy = (result: { ok: boolean; error?: unknown }) => (!result.ok ? (result.error as { kind: string; rule?: { name: string } }) : undefined);

describe('customer profiles', () => {
  it('opens a profile on the customer stream with its owner, and folds its changes over time', async () => {
    const s = profilesWithEngine();
    const opened = await s.profiles.execute(openPerson());
    expect(opened.ok && opened.value.events.map((e) => [e.streamId, e.type])).toEqual([[`customer:${PERSON}`, 'CustomerProfileOpened']]);
    s.clock.advance(2 * HOUR);
    await s.run('RecordCustomerUnit', { customerReference: PERSON, unit: { unitId: 'car-1', kind: 'vehicle', model: 'Sagitar', identifier: '沪A12345', mileageKm: 30_000 } });
    s.clock.advance(2 * HOUR);
    await s.run('ChangeCustomerDetails', { customerReference: PERSON, loyaltyTier: 'gold', membership: 'Club card 8812' });
    await s.run('RecordCustomerUnit', { customerReference: PERSON, unit: { unitId: 'car-1', kind: 'vehicle', model: 'Sagitar', identifier: '沪A12345', mileageKm: 41_000 } });
    expect((await s.run('AssignCustomerOwner', { customerReference: PERSON, ownerId: 'km-qian' }, actors.head)).ok).toBe(true);

    const now = await s.profiles.load(PERSON);
    expect(now).toMatchObject({ kind: 'person', ownerId: 'km-qian', name: 'Ms Lin', loyaltyTier: 'gold', membership: 'Club card 8812', organisation: null, erased: false, version: 5 });
    expect(now?.units).toEqual([{ unitId: 'car-1', kind: 'vehicle', model: 'Sagitar', identifier: '沪A12345', mileageKm: 41_000 }]);
    expect(await s.profiles.load(PERSON, at(3))).toMatchObject({ ownerId: 'km-he', loyaltyTier: 'silver', membership: null, units: [{ mileageKm: 30_000 }], version: 2 });
    expect(await s.profiles.load(PERSON, at(-1))).toBeNull();
    const owner = (await s.store.readStream(`customer:${PERSON}`)).at(-1);
    expect(owner?.data).toMatchObject({ ownerId: 'km-qian', previousOwnerId: 'km-he' });
    // membership: null ends it
    await s.run('ChangeCustomerDetails', { customerReference: PERSON, membership: null });
    expect((await s.profiles.load(PERSON))?.membership).toBeNull();
  });

  it('keeps an organisation apart: scale, person in charge, contacts, sites and fleet', async () => {
    const s = profilesWithEngine();
    await s.profiles.execute(openFleet());
    await s.run('RecordCustomerSite', { customerReference: FLEET, site: { siteId: 'depot-n', name: 'North depot', address: '浦东新区 1 号' } });
    await s.run('RecordKeyContact', { customerReference: FLEET, contact: { contactId: 'c-1', name: '钱主管', role: 'fleet manager', phone: '137-0000-2222' } });
    await s.run('RecordCustomerUnit', { customerReference: FLEET, unit: { unitId: 'truck-7', kind: 'vehicle', siteId: 'depot-n' } });
    await s.run('ChangeCustomerDetails', { customerReference: FLEET, scale: 'enterprise', personInCharge: { name: '孙总' } });
    await s.run('RecordCustomerSite', { customerReference: FLEET, site: { siteId: 'depot-n', name: 'North depot (new)' } });
    const profile = await s.profiles.load(FLEET);
    expect(profile?.organisation).toEqual({
      scale: 'enterprise',
      fleetSize: 120,
      personInCharge: { name: '孙总' },
      repairCapability: null,
      contacts: [{ contactId: 'c-1', name: '钱主管', role: 'fleet manager', phone: '137-0000-2222' }],
      sites: [{ siteId: 'depot-n', name: 'North depot (new)' }],
      closedSites: [],
      removedContacts: [],
    });
    expect(profile?.units).toEqual([{ unitId: 'truck-7', kind: 'vehicle', siteId: 'depot-n' }]);
  });

  it('refuses by rule, naming it, and writes nothing', async () => {
    const s = profilesWithEngine();
    const length = async () => (await s.store.readAll(1, 1000)).length;
    expect(refusedBy(await s.run('TagDifficultCustomer', { customerReference: PERSON, tag: 'media', hint: 'h', reason: 'r' }, actors.handler))).toMatchObject({ kind: 'CustomerProfileRefused', rule: { name: 'profileOpened' } });
    const refused = await s.run('ChangeCustomerDetails', { customerReference: PERSON, name: 'x' });
    expect(!refused.ok && isRedressError(refused.error, 'CustomerProfileRefused')).toBe(true);
    const orgWithout = { ...openFleet(), data: { ...openFleet().data, organisation: undefined } };
    expect(refusedBy(await s.profiles.execute(orgWithout))?.rule?.name).toBe('organisationDetailsMatchKind');
    const personWith = { ...openPerson(), data: { ...openPerson().data, organisation: openFleet().data.organisation } };
    expect(refusedBy(await s.profiles.execute(personWith))?.rule?.name).toBe('organisationDetailsMatchKind');
    expect(await length()).toBe(0);

    await s.profiles.execute(openPerson());
    await s.profiles.execute(openFleet());
    const before = await length();
    const cases: [string, object, string][] = [
      ['OpenCustomerProfile', openPerson().data, 'profileNew'],
      ['RecordCustomerSite', { customerReference: PERSON, site: { siteId: 's', name: 'Home' } }, 'organisationOnly'],
      ['RecordKeyContact', { customerReference: PERSON, contact: { contactId: 'k', name: 'X' } }, 'organisationOnly'],
      ['ChangeCustomerDetails', { customerReference: PERSON, scale: 'small' }, 'organisationOnly'],
      ['ChangeCustomerDetails', { customerReference: FLEET }, 'detailsChange'],
      ['RecordCustomerUnit', { customerReference: FLEET, unit: { unitId: 'u', kind: 'equipment', siteId: 'nowhere' } }, 'unitSiteKnown'],
      ['UntagDifficultCustomer', { customerReference: PERSON, tag: 'media', reason: 'r' }, 'tagInForce'],
    ];
    for (const [type, data, rule] of cases) expect(refusedBy(await s.run(type, data, actors.handler))?.rule?.name, type).toBe(rule);
    expect(refusedBy(await s.run('AssignCustomerOwner', { customerReference: PERSON, ownerId: 'km-he' }, actors.head))?.rule?.name).toBe('ownerChanges');
    await s.run('TagDifficultCustomer', { customerReference: PERSON, tag: 'media', hint: 'Be factual', reason: 'threatened the press' }, actors.handler);
    expect(refusedBy(await s.run('TagDifficultCustomer', { customerReference: PERSON, tag: 'media', hint: 'h', reason: 'r' }, actors.handler))?.rule?.name).toBe('tagNotInForce');
    expect(await length()).toBe(before + 1);
    // the other side of each rule
    expect((await s.run('ChangeCustomerDetails', { customerReference: FLEET, scale: 'small' })).ok).toBe(true);
    expect((await s.run('RecordCustomerSite', { customerReference: FLEET, site: { siteId: 'nowhere', name: 'Yard' } })).ok).toBe(true);
    expect((await s.run('RecordCustomerUnit', { customerReference: FLEET, unit: { unitId: 'u', kind: 'equipment', siteId: 'nowhere' } })).ok).toBe(true);
    expect((await s.run('UntagDifficultCustomer', { customerReference: PERSON, tag: 'media', reason: 'calm since' }, actors.handler)).ok).toBe(true);
  });

  it('refuses invalid input with the path, and roles the table does not list', async () => {
    const s = profilesWithEngine();
    const bad = await s.profiles.execute({ ...openPerson(), data: { ...openPerson().data, kind: 'robot' } });
    expect(!bad.ok && bad.error).toMatchObject({ kind: 'Validation', issues: [{ path: 'data.kind' }] });
    expect(refusedBy(await s.profiles.execute(openPerson(actors.customer)))?.kind).toBe('Forbidden');
    expect(refusedBy(await s.profiles.execute(openPerson({ id: 'sys', role: 'system' })))?.kind).toBe('Forbidden');
    await s.profiles.execute(openPerson());
    expect(refusedBy(await s.run('TagDifficultCustomer', { customerReference: PERSON, tag: 't', hint: 'h', reason: 'r' }, actors.frontDesk))?.kind).toBe('Forbidden');
    expect(refusedBy(await s.run('AssignCustomerOwner', { customerReference: PERSON, ownerId: 'x' }, actors.handler))?.kind).toBe('Forbidden');
    expect((await s.profiles.automation('crm-sync').execute({ type: 'ChangeCustomerDetails', data: { customerReference: PERSON, loyaltyTier: 'gold' } })).ok).toBe(true);
    const directed = createCustomerProfiles({ store: s.store, clock: s.clock, directory: staticDirectory({ 'fd-wang': ['handler'] }) });
    expect(refusedBy(await directed.execute({ type: 'ChangeCustomerDetails', actor: actors.frontDesk, data: { customerReference: PERSON, loyaltyTier: 'x' } }))?.kind).toBe('Forbidden');
  });

  it('answers a repeated command id with its first result, writing nothing', async () => {
    const s = profilesWithEngine();
    const first = await s.profiles.execute({ ...openPerson(), commandId: 'open-1' });
    const again = await s.profiles.execute({ ...openPerson(), commandId: 'open-1' });
    expect(again.ok && again.value.duplicate).toBe(true);
    expect(again.ok && again.value.events.map((e) => e.eventId)).toEqual(first.ok && first.value.events.map((e) => e.eventId));
    expect(await s.store.readStream(`customer:${PERSON}`)).toHaveLength(1);
  });

  it('refuses a command id reused for another command (other data, type or actor) with an IdempotencyConflict, writing nothing', async () => {
    const s = profilesWithEngine();
    await s.profiles.execute(openPerson());
    const change = (tier: string, actor: Actor = actors.frontDesk) => ({ type: 'ChangeCustomerDetails', commandId: 'crm-7', actor, data: { customerReference: PERSON, loyaltyTier: tier } });
    expect((await s.profiles.execute(change('gold'))).ok).toBe(true);
    const before = await s.store.readStream(`customer:${PERSON}`);
    for (const reused of [
      change('platinum'),
      change('gold', { id: 'fd-zhang', role: 'frontDesk' }),
      { type: 'TagDifficultCustomer', commandId: 'crm-7', actor: actors.handler, data: { customerReference: PERSON, tag: 't', hint: 'h', reason: 'r' } },
    ]) {
      const result = await s.profiles.execute(reused);
      expect(refusedBy(result)?.kind, JSON.stringify(reused)).toBe('IdempotencyConflict');
    }
    expect(await s.store.readStream(`customer:${PERSON}`)).toEqual(before);
  });

  it('answers a retry as a repeat even after later commands changed the profile: it is decided where the first one was', async () => {
    const s = profilesWithEngine();
    await s.profiles.execute(openPerson());
    const unit = (mileageKm: number, commandId: string) => ({
      type: 'RecordCustomerUnit',
      commandId,
      actor: actors.frontDesk,
      data: { customerReference: PERSON, unit: { unitId: 'car-1', kind: 'vehicle', model: 'Sagitar', mileageKm } },
    });
    const first = await s.profiles.execute(unit(30_000, 'u-1'));
    await s.profiles.execute(unit(41_000, 'u-2'));
    const retry = await s.profiles.execute(unit(30_000, 'u-1'));
    expect(retry.ok && retry.value.duplicate).toBe(true);
    expect(retry.ok && retry.value.events.map((e) => e.eventId)).toEqual(first.ok && first.value.events.map((e) => e.eventId));
    expect((await s.profiles.load(PERSON))?.units[0]?.mileageKm).toBe(41_000);
  });

  it('decides again when another writer got in first: both tags land, a second opening is refused', async () => {
    const s = profilesWithEngine();
    const [a, b] = await Promise.all([s.profiles.execute(openPerson()), s.profiles.execute({ ...openPerson(), data: { ...openPerson().data, name: 'Someone else' } })]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect(refusedBy(a.ok ? b : a)?.rule?.name).toBe('profileNew');
    const tag = (t: string) => s.run('TagDifficultCustomer', { customerReference: PERSON, tag: t, hint: 'h', reason: 'r' }, actors.handler);
    const both = await Promise.all([tag('one'), tag('two')]);
    expect(both.every((r) => r.ok)).toBe(true);
    expect((await s.profiles.load(PERSON))?.tags.map((t) => t.tag).sort()).toEqual(['one', 'two']);
  });

  it('folds a profile as of an instant from the raw events (profileAsOf)', async () => {
    const s = profilesWithEngine();
    await s.profiles.execute(openPerson());
    s.clock.advance(HOUR);
    await s.run('ChangeCustomerDetails', { customerReference: PERSON, name: 'Mrs Lin' });
    const events = await s.store.readStream(`customer:${PERSON}`);
    expect(profileAsOf(events, NOW)?.name).toBe('Ms Lin');
    expect(profileAsOf(events, at(1))?.name).toBe('Mrs Lin');
  });
});

describe('customer labels', () => {
  it.each(LOCALES)('%s labels every profile command, event, kind, scale and unit kind', (locale) => {
    const l = labels(locale).customers;
    const groups = [
      [l.commands, CUSTOMER_PROFILE_COMMAND_TYPES],
      [l.events, CUSTOMER_PROFILE_EVENT_TYPES],
      [l.kinds, CUSTOMER_KINDS],
      [l.scales, ORGANISATION_SCALES],
      [l.unitKinds, UNIT_KINDS],
    ] as const;
    for (const [group, keys] of groups) {
      expect(Object.keys(group).sort()).toEqual([...keys].sort());
      for (const value of Object.values(group)) expect(value.trim()).not.toBe('');
    }
    if (locale === 'zh-CN') for (const value of [...Object.values(l.commands), ...Object.values(l.events)]) expect(value).toMatch(/\p{Script=Han}/u);
  });
});

describe('retiring units, closing sites, removing key contacts', () => {
  async function fleet() {
    const s = profilesWithEngine();
    await s.profiles.execute(openFleet());
    await s.run('RecordCustomerSite', { customerReference: FLEET, site: { siteId: 'depot-n', name: 'North depot' } });
    await s.run('RecordCustomerSite', { customerReference: FLEET, site: { siteId: 'depot-s', name: 'South depot' } });
    await s.run('RecordKeyContact', { customerReference: FLEET, contact: { contactId: 'k-1', name: '钱主管', role: 'fleet manager' } });
    await s.run('RecordCustomerUnit', { customerReference: FLEET, unit: { unitId: 'truck-7', kind: 'vehicle', siteId: 'depot-n' } });
    await s.run('RecordCustomerUnit', { customerReference: FLEET, unit: { unitId: 'loader-2', kind: 'equipment' } });
    return s;
  }

  it('takes the entry off the current lists and keeps the retirement, with its reason, time and actor', async () => {
    const s = await fleet();
    s.clock.advance(HOUR);
    const retired = await s.run('RetireCustomerUnit', { customerReference: FLEET, unitId: 'loader-2', reason: 'sold at auction' });
    expect(retired.ok && retired.value.events.map((e) => [e.streamId, e.type, e.data])).toEqual([[`customer:${FLEET}`, 'CustomerUnitRetired', { customerReference: FLEET, unitId: 'loader-2', reason: 'sold at auction' }]]);
    expect((await s.run('CloseCustomerSite', { customerReference: FLEET, siteId: 'depot-s', reason: 'lease ended' })).ok).toBe(true);
    expect((await s.run('RemoveKeyContact', { customerReference: FLEET, contactId: 'k-1', reason: 'left the company' })).ok).toBe(true);
    const profile = await s.profiles.load(FLEET);
    expect(profile?.units.map((u) => u.unitId)).toEqual(['truck-7']);
    expect(profile?.retiredUnits).toEqual([{ id: 'loader-2', reason: 'sold at auction', at: at(1), by: actors.frontDesk.id }]);
    expect(profile?.organisation?.sites.map((x) => x.siteId)).toEqual(['depot-n']);
    expect(profile?.organisation?.closedSites).toEqual([{ id: 'depot-s', reason: 'lease ended', at: at(1), by: actors.frontDesk.id }]);
    expect(profile?.organisation?.contacts).toEqual([]);
    expect(profile?.organisation?.removedContacts).toEqual([{ id: 'k-1', reason: 'left the company', at: at(1), by: actors.frontDesk.id }]);
    // as of before, they were current
    const before = await s.profiles.load(FLEET, NOW);
    expect(before?.units.map((u) => u.unitId)).toEqual(['truck-7', 'loader-2']);
    expect(before?.retiredUnits).toEqual([]);
    expect(before?.organisation).toMatchObject({ closedSites: [], removedContacts: [], contacts: [{ contactId: 'k-1' }] });
  });

  it('refuses what is not current (never recorded, or retired already), naming the rule, and writes nothing', async () => {
    const s = await fleet();
    await s.run('RetireCustomerUnit', { customerReference: FLEET, unitId: 'loader-2', reason: 'sold' });
    await s.run('CloseCustomerSite', { customerReference: FLEET, siteId: 'depot-s', reason: 'closed' });
    await s.run('RemoveKeyContact', { customerReference: FLEET, contactId: 'k-1', reason: 'left' });
    await s.profiles.execute(openPerson());
    const before = (await s.store.readAll(1, 1000)).length;
    const cases: [string, object, string, RegExp][] = [
      ['RetireCustomerUnit', { customerReference: FLEET, unitId: 'truck-9', reason: 'r' }, 'unitCurrent', /has no unit truck-9/],
      ['RetireCustomerUnit', { customerReference: FLEET, unitId: 'loader-2', reason: 'r' }, 'unitCurrent', /loader-2 was retired already/],
      ['CloseCustomerSite', { customerReference: FLEET, siteId: 'depot-x', reason: 'r' }, 'siteCurrent', /has no site depot-x/],
      ['CloseCustomerSite', { customerReference: FLEET, siteId: 'depot-s', reason: 'r' }, 'siteCurrent', /depot-s was closed already/],
      ['RemoveKeyContact', { customerReference: FLEET, contactId: 'k-9', reason: 'r' }, 'contactCurrent', /has no key contact k-9/],
      ['RemoveKeyContact', { customerReference: FLEET, contactId: 'k-1', reason: 'r' }, 'contactCurrent', /k-1 was removed already/],
      ['CloseCustomerSite', { customerReference: PERSON, siteId: 'home', reason: 'r' }, 'organisationOnly', /only an organisation has sites/],
      ['RemoveKeyContact', { customerReference: PERSON, contactId: 'k', reason: 'r' }, 'organisationOnly', /only an organisation has key contacts/],
      ['RetireCustomerUnit', { customerReference: PERSON, unitId: 'car-1', reason: 'r' }, 'unitCurrent', /has no unit car-1/],
      ['RecordCustomerUnit', { customerReference: FLEET, unit: { unitId: 'truck-8', kind: 'vehicle', siteId: 'depot-s' } }, 'unitSiteKnown', /site depot-s was closed/],
    ];
    for (const [type, data, rule, message] of cases) {
      const refused = refusedBy(await s.run(type, data));
      expect(refused?.rule?.name, type).toBe(rule);
      expect((refused as { message?: string } | undefined)?.message, type).toMatch(message);
    }
    expect(refusedBy(await s.run('RetireCustomerUnit', { customerReference: 'CU-NONE', unitId: 'u', reason: 'r' }))?.rule?.name).toBe('profileOpened');
    expect((await s.store.readAll(1, 1000)).length).toBe(before);
    // the other side: a person's own vehicle can be retired
    await s.run('RecordCustomerUnit', { customerReference: PERSON, unit: { unitId: 'car-1', kind: 'vehicle' } });
    expect((await s.run('RetireCustomerUnit', { customerReference: PERSON, unitId: 'car-1', reason: 'scrapped' })).ok).toBe(true);
  });

  it('refuses to close a site a current unit is based at, naming the units; moving or retiring them first lets it close', async () => {
    const s = await fleet();
    await s.run('RecordCustomerUnit', { customerReference: FLEET, unit: { unitId: 'truck-8', kind: 'vehicle', siteId: 'depot-n' } });
    const refused = refusedBy(await s.run('CloseCustomerSite', { customerReference: FLEET, siteId: 'depot-n', reason: 'merged' })) as { rule?: { name: string; message: string } } | undefined;
    expect(refused?.rule).toEqual({ name: 'siteHasNoUnits', message: 'units truck-7, truck-8 are based at depot-n: move or retire them first' });
    await s.run('RecordCustomerUnit', { customerReference: FLEET, unit: { unitId: 'truck-7', kind: 'vehicle', siteId: 'depot-s' } });
    await s.run('RetireCustomerUnit', { customerReference: FLEET, unitId: 'truck-8', reason: 'written off' });
    expect((await s.run('CloseCustomerSite', { customerReference: FLEET, siteId: 'depot-n', reason: 'merged' })).ok).toBe(true);
    const profile = await s.profiles.load(FLEET);
    for (const u of profile?.units ?? []) if (u.siteId !== undefined) expect(profile?.organisation?.sites.map((x) => x.siteId)).toContain(u.siteId);
  });

  it('reinstates an entry recorded again (a vehicle bought back, a site reopened, a contact back)', async () => {
    const s = await fleet();
    await s.run('RetireCustomerUnit', { customerReference: FLEET, unitId: 'loader-2', reason: 'sold' });
    await s.run('CloseCustomerSite', { customerReference: FLEET, siteId: 'depot-s', reason: 'closed' });
    await s.run('RemoveKeyContact', { customerReference: FLEET, contactId: 'k-1', reason: 'left' });
    await s.run('RecordCustomerUnit', { customerReference: FLEET, unit: { unitId: 'loader-2', kind: 'equipment', mileageKm: 10 } });
    await s.run('RecordCustomerSite', { customerReference: FLEET, site: { siteId: 'depot-s', name: 'South depot' } });
    await s.run('RecordKeyContact', { customerReference: FLEET, contact: { contactId: 'k-1', name: '钱主管' } });
    const profile = await s.profiles.load(FLEET);
    expect(profile?.units.map((u) => u.unitId)).toEqual(['truck-7', 'loader-2']);
    expect(profile?.retiredUnits).toEqual([]);
    expect(profile?.organisation).toMatchObject({ closedSites: [], removedContacts: [], contacts: [{ contactId: 'k-1' }] });
    expect(profile?.organisation?.sites.map((x) => x.siteId)).toEqual(['depot-n', 'depot-s']);
  });

  it('answers a repeated retirement with its first result, and refuses its id reused with another reason', async () => {
    const s = await fleet();
    const retire = (reason: string) => ({ type: 'RetireCustomerUnit', commandId: 'ret-1', actor: actors.frontDesk, data: { customerReference: FLEET, unitId: 'loader-2', reason } });
    const first = await s.profiles.execute(retire('sold'));
    const again = await s.profiles.execute(retire('sold'));
    expect(again.ok && again.value.duplicate).toBe(true);
    expect(again.ok && again.value.events.map((e) => e.eventId)).toEqual(first.ok && first.value.events.map((e) => e.eventId));
    const stream = await s.store.readStream(`customer:${FLEET}`);
    expect(refusedBy(await s.profiles.execute(retire('scrapped')))?.kind).toBe('IdempotencyConflict');
    expect(await s.store.readStream(`customer:${FLEET}`)).toEqual(stream);
  });

  it('leaves the customer and the data-protection role out, as for recording', async () => {
    const s = await fleet();
    for (const actor of [actors.customer, { id: 'dpo', role: 'dataProtection' } as Actor]) {
      expect(refusedBy(await s.run('RetireCustomerUnit', { customerReference: FLEET, unitId: 'loader-2', reason: 'r' }, actor))?.kind).toBe('Forbidden');
    }
  });
});
