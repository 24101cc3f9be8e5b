/** Test helpers for customer profiles: a profile service beside a test engine, on one store and clock. */
import type { Actor } from '../domain/primitives.js';
import { testEngine } from '../test-support/engine.js';
import { actors } from '../test-support/fixtures.js';
import { sequentialIds } from '../engine/ids.js';
import type { EventStore } from '../store/event-store.js';
import type { ComplaintEvent } from '../events/schema.js';
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
  const profiles = createCustomerProfiles({ store: t.store as EventStore<ComplaintEvent> as never, clock: t.clock, ids: sequentialIds('p'), ...options.profiles });
  const run = (type: string, data: object, actor: Actor = actors.frontDesk) => profiles.execute({ type, actor, data });
  return { ...t, profiles, run };
}
