/**
 * A complaint's site and unit, through the engine: checked against the customer's profile
 * when one exists (unknown ones refused with the rule named, nothing written), taken as
 * given when none exists, and shown on the ticket.
 */
import { describe, expect, it } from 'vitest';
import type { CommandInput } from '../commands/schema.js';
import { actors, fullAcknowledgement } from '../test-support/fixtures.js';
import { FLEET, openFleet, openPerson, PERSON, profilesWithEngine } from './test-support.js';

const receive = (customerReference: string, links: { siteId?: string; unitId?: string }, complaintId = 'c-1'): CommandInput => ({
  type: 'ReceiveComplaint',
  complaintId,
  actor: actors.frontDesk,
  data: { customer: { reference: customerReference }, channel: 'phone', description: 'Truck 7 still pulls left', demand: 'Fix it', acknowledgement: fullAcknowledgement, ...links },
});

async function fleet() {
  const s = profilesWithEngine();
  await s.profiles.execute(openFleet());
  await s.run('RecordCustomerSite', { customerReference: FLEET, site: { siteId: 'depot-n', name: 'North depot' } });
  await s.run('RecordCustomerUnit', { customerReference: FLEET, unit: { unitId: 'truck-7', kind: 'vehicle', siteId: 'depot-n' } });
  return s;
}

describe('complaints linked to a site and unit', () => {
  it('accepts the site and unit the profile knows, and the ticket shows them', async () => {
    const s = await fleet();
    const received = await s.engine.execute(receive(FLEET, { siteId: 'depot-n', unitId: 'truck-7' }));
    expect(received.ok && received.value.events[0]?.data).toMatchObject({ siteId: 'depot-n', unitId: 'truck-7' });
    expect(s.engine.view(s.tickets).get('c-1')).toMatchObject({ siteId: 'depot-n', unitId: 'truck-7' });
    expect((await s.engine.execute(receive(FLEET, {}, 'c-2'))).ok).toBe(true);
    expect(s.engine.view(s.tickets).get('c-2')).toMatchObject({ siteId: null, unitId: null });
  });

  it('refuses a site or unit the profile does not know, naming the rule, and writes nothing', async () => {
    const s = await fleet();
    const before = (await s.store.readAll(1, 1000)).length;
    const site = await s.engine.execute(receive(FLEET, { siteId: 'depot-s', unitId: 'truck-7' }));
    expect(!site.ok && site.error).toMatchObject({ kind: 'IllegalCommand', rule: { name: 'siteOfCustomer' } });
    const unit = await s.engine.execute(receive(FLEET, { siteId: 'depot-n', unitId: 'truck-9' }));
    expect(!unit.ok && unit.error).toMatchObject({ kind: 'IllegalCommand', rule: { name: 'unitOfCustomer' } });
    expect((await s.store.readAll(1, 1000)).length).toBe(before);
    expect(await s.store.readStream('c-1')).toEqual([]);
  });

  it('refuses a site for a person, who has none, but accepts their vehicle', async () => {
    const s = profilesWithEngine();
    await s.profiles.execute(openPerson());
    await s.run('RecordCustomerUnit', { customerReference: PERSON, unit: { unitId: 'car-1', kind: 'vehicle' } });
    const site = await s.engine.execute(receive(PERSON, { siteId: 'home' }));
    expect(!site.ok && site.error).toMatchObject({ rule: { name: 'siteOfCustomer' } });
    expect((await s.engine.execute(receive(PERSON, { unitId: 'car-1' }))).ok).toBe(true);
  });

  it('takes the site and unit as given when the customer has no profile', async () => {
    const s = profilesWithEngine();
    expect((await s.engine.execute(receive('CU-WALK-IN', { siteId: 'anything', unitId: 'any-unit' }))).ok).toBe(true);
  });

  it('checks against the profile as it is now: a unit recorded later is accepted then', async () => {
    const s = await fleet();
    expect((await s.engine.execute(receive(FLEET, { unitId: 'loader-2' }))).ok).toBe(false);
    await s.run('RecordCustomerUnit', { customerReference: FLEET, unit: { unitId: 'loader-2', kind: 'equipment' } });
    expect((await s.engine.execute(receive(FLEET, { unitId: 'loader-2' }))).ok).toBe(true);
  });

  it('refuses a retired unit or a closed site as retired, not unknown, and writes nothing', async () => {
    const s = await fleet();
    await s.run('RecordCustomerSite', { customerReference: FLEET, site: { siteId: 'depot-s', name: 'South depot' } });
    await s.run('RecordCustomerUnit', { customerReference: FLEET, unit: { unitId: 'loader-2', kind: 'equipment', siteId: 'depot-s' } });
    await s.run('RetireCustomerUnit', { customerReference: FLEET, unitId: 'loader-2', reason: 'sold to 李四' });
    await s.run('CloseCustomerSite', { customerReference: FLEET, siteId: 'depot-s', reason: 'lease ended' });
    const before = (await s.store.readAll(1, 1000)).length;
    const unit = await s.engine.execute(receive(FLEET, { unitId: 'loader-2' }));
    expect(!unit.ok && unit.error).toMatchObject({ kind: 'IllegalCommand', rule: { name: 'unitRetired' } });
    expect(!unit.ok && unit.error.message).toMatch(/unit loader-2 of customer CU-FLEET-1 was retired/);
    expect(!unit.ok && unit.error.message).not.toMatch(/李四/);
    const site = await s.engine.execute(receive(FLEET, { siteId: 'depot-s' }));
    expect(!site.ok && site.error).toMatchObject({ kind: 'IllegalCommand', rule: { name: 'siteClosed' } });
    expect(!site.ok && site.error.message).toMatch(/site depot-s of customer CU-FLEET-1 was closed/);
    expect((await s.store.readAll(1, 1000)).length).toBe(before);
    expect(await s.store.readStream('c-1')).toEqual([]);
    // the current ones still pass
    expect((await s.engine.execute(receive(FLEET, { siteId: 'depot-n', unitId: 'truck-7' }))).ok).toBe(true);
  });
});
