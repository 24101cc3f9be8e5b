/**
 * Retention with customer profiles, through the services a host runs (profiles, the
 * engine and `applyRetention` on a protected store): a customer with only a profile is
 * erased `months` after the profile's last change, a profile changed after the last
 * archive holds a customer back, and each is erased once, as recorded audit events.
 */
import { describe, expect, it } from 'vitest';
import type { Command } from '../commands/schema.js';
import {
  complaintEventFamily,
  createCryptoShredder,
  createCustomerDataProtection,
  createCustomerProfiles,
  createEngine,
  createEventEvolution,
  createInMemoryEventStore,
  createInMemoryKeyStore,
  createManualClock,
  customerEventFamily,
  protectStore,
  sequentialIds,
  type ComplaintEvent,
} from '../index.js';
import { actors, happyPath } from '../test-support/fixtures.js';
import { NOW } from '../test-support/given.js';
import { FLEET, openFleet, openPerson, PERSON } from './test-support.js';

const DAY = 86_400_000;

function host() {
  const raw = createInMemoryEventStore<ComplaintEvent>();
  const keys = createInMemoryKeyStore();
  const store = protectStore(raw, { shredder: createCryptoShredder({ keys }), evolution: createEventEvolution([complaintEventFamily(), customerEventFamily()]) });
  const clock = createManualClock(NOW);
  const profiles = createCustomerProfiles({ store, clock, ids: sequentialIds('p') });
  const engine = createEngine({ store, clock, ids: sequentialIds('e') });
  const privacy = createCustomerDataProtection({ store, keys, clock, ids: sequentialIds('r') });
  return { raw, clock, profiles, engine, privacy };
}

/** A whole complaint of `reference`, received and archived now. */
const complaintOf = (complaintId: string, reference: string): Command[] =>
  happyPath(complaintId, NOW).map((c) => (c.type === 'ReceiveComplaint' ? { ...c, data: { ...c.data, customer: { ...c.data.customer, reference } } } : c));

describe('retention of customers with profiles', () => {
  it('erases a profile-only customer months after the profile last changed; a profile change after the archive holds one back', async () => {
    const { raw, clock, profiles, engine, privacy } = host();
    for (const open of [openFleet(), openPerson()]) expect((await profiles.execute(open)).ok).toBe(true);
    for (const command of complaintOf('c-1', PERSON)) await engine.executeOrThrow(command);

    clock.advance(93 * DAY);
    expect((await profiles.execute({ type: 'ChangeCustomerDetails', actor: actors.frontDesk, data: { customerReference: PERSON, loyaltyTier: 'gold' } })).ok).toBe(true);
    // Seven months on: the fleet (a profile, no complaint, unchanged since it was opened) is due; the person, whose
    // profile changed three months after their archive, is not yet.
    clock.advance((7 * 31 - 93) * DAY);
    expect(await privacy.applyRetention({ months: 6 })).toEqual({ erased: [FLEET] });
    expect(await privacy.applyRetention({ months: 6 })).toEqual({ erased: [] });
    clock.advance(3 * 31 * DAY);
    expect(await privacy.applyRetention({ months: 6 })).toEqual({ erased: [PERSON] });

    expect((await profiles.load(FLEET))?.erased).toBe(true);
    const audit = await raw.readStream(`customer:${FLEET}`);
    expect(audit.at(-1)).toMatchObject({ type: 'CustomerDataErased', actor: { id: 'retention', role: 'system' }, data: { reason: expect.stringMatching(/profile change/) } });
    expect(JSON.stringify(await raw.readAll())).not.toContain('顺达物流有限公司');
  });

  it('holds back a customer with a profile and an open complaint, however old the profile', async () => {
    const { clock, profiles, engine, privacy } = host();
    await profiles.execute(openPerson());
    for (const command of complaintOf('c-1', PERSON).slice(0, 3)) await engine.executeOrThrow(command);
    clock.advance(5 * 366 * DAY);
    expect(await privacy.applyRetention({ months: 6 })).toEqual({ erased: [] });
  });
});
