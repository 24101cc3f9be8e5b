/**
 * Properties of the profile fold over any log the service writes: random profile commands
 * for a few customers (many refused), interleaved with complaint receipts, at advancing
 * times. The projection equals, for every customer and at every instant, a brute-force
 * oracle that computes each field on its own ("the last event at or before t that set
 * it"), and it gives the same state over any interleaving of the streams that keeps each
 * stream's own order. Retired units, closed sites and removed contacts leave the current
 * lists; the oracle finds each entry current when a record of it follows its last retirement.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { customerProfilesProjection, profileAsOf, type RecordedEvent } from '../index.js';
import { actors, fullAcknowledgement } from '../test-support/fixtures.js';
import { CUSTOMERS, profileCommand, profilesWithEngine } from './test-support.js';

type E = RecordedEvent<{ type: string; data: Record<string, unknown> }>;
// Long scripts (size 'max'): a retirement, and a record after it, need an opened profile and a recorded entry first.
/** Each kind of entry recorded, retired, recorded again (reinstated) and retired again, a site closed under a unit refused. */
const org = 'CU-A';
const retireAndReinstate: [{ type: string; data: Record<string, unknown> }, number][] = [
  [{ type: 'OpenCustomerProfile', data: { customerReference: org, name: 'Acme Ltd', ownerId: 'km-1', kind: 'organisation', organisation: { scale: 'small', personInCharge: { name: '赵经理' } } } }, 0],
  [{ type: 'RecordCustomerSite', data: { customerReference: org, site: { siteId: 'site-1', name: 'Depot' } } }, 1],
  [{ type: 'RecordCustomerUnit', data: { customerReference: org, unit: { unitId: 'unit-1', kind: 'vehicle', mileageKm: 1, siteId: 'site-1' } } }, 0],
  [{ type: 'RecordCustomerUnit', data: { customerReference: org, unit: { unitId: 'unit-2', kind: 'vehicle', mileageKm: 1 } } }, 0],
  [{ type: 'RecordKeyContact', data: { customerReference: org, contact: { contactId: 'contact-1', name: '钱主管' } } }, 0],
  [{ type: 'RecordKeyContact', data: { customerReference: org, contact: { contactId: 'contact-2', name: 'Ms Zhou' } } }, 0],
  [{ type: 'CloseCustomerSite', data: { customerReference: org, siteId: 'site-1', reason: 'lease ended' } }, 1],
  ...[0, 1].flatMap((round) => [
    [{ type: 'RetireCustomerUnit', data: { customerReference: org, unitId: 'unit-1', reason: 'sold' } }, 1],
    [{ type: 'RemoveKeyContact', data: { customerReference: org, contactId: 'contact-1', reason: 'left' } }, 0],
    [{ type: 'CloseCustomerSite', data: { customerReference: org, siteId: 'site-1', reason: 'lease ended' } }, 1],
    ...(round === 0
      ? ([
          [{ type: 'RecordCustomerUnit', data: { customerReference: org, unit: { unitId: 'unit-1', kind: 'vehicle', mileageKm: 2 } } }, 1],
          [{ type: 'RecordKeyContact', data: { customerReference: org, contact: { contactId: 'contact-1', name: '钱主管' } } }, 0],
          [{ type: 'RecordCustomerSite', data: { customerReference: org, site: { siteId: 'site-1', name: 'Depot' } } }, 0],
        ] as const)
      : []),
  ]) as [{ type: string; data: Record<string, unknown> }, number][],
];
const script = fc.array(fc.tuple(profileCommand, fc.nat(5)), { minLength: 1, maxLength: 40, size: 'max' });
/** A script as the arbitrary types it (a hand-written example is wider: it is checked by the service, not the compiler). */
type Script = typeof script extends fc.Arbitrary<infer T> ? T : never;

async function logOf(commands: readonly [{ type: string; data: Record<string, unknown> }, number][]) {
  const s = profilesWithEngine();
  let n = 0;
  for (const [command, minutes] of commands) {
    s.clock.advance(minutes * 60_000);
    if (command.type === 'ReceiveComplaint') {
      const customer = { reference: command.data.customerReference as string };
      await s.engine.executeOrThrow({ type: 'ReceiveComplaint', complaintId: `c-${++n}`, actor: actors.frontDesk, data: { customer, channel: 'phone', description: 'd', demand: 'm', acknowledgement: fullAcknowledgement } });
    } else await s.profiles.execute({ ...command, actor: actors.head });
  }
  return (await s.store.readAll(1, 10_000)) as unknown as E[];
}

/** The profile at `t`, each field computed on its own from the customer's events: no fold shared with the code. */
function oracle(events: readonly E[], customer: string, t: number) {
  const mine = events.filter((e) => e.streamId === `customer:${customer}` && Date.parse(e.occurredAt) <= t);
  const opened = mine.find((e) => e.type === 'CustomerProfileOpened');
  if (!opened) return null;
  const last = <V>(pick: (e: E) => V | undefined, fallback: V): V => mine.reduce<V>((v, e) => pick(e) ?? v, fallback);
  const d = (e: E) => e.data as Record<string, unknown>;
  const isOrg = d(opened).kind === 'organisation';
  // An entry is current when a record of it follows its last retirement, placed by the first such record.
  const touching = (recorded: string, field: string, id: string, retired: string) => {
    const events = mine.filter((e) => e.type === recorded || e.type === retired);
    const idOf = (e: E) => (e.type === recorded ? (d(e)[field] as Record<string, unknown>)[id] : d(e)[id]);
    return events.map((e, i) => ({ e, i, id: idOf(e), later: events.slice(i + 1).filter((x) => idOf(x) === idOf(e)) }));
  };
  const keyed = (recorded: string, field: string, id: string, retired: string) => {
    const all = touching(recorded, field, id, retired);
    const since = (i: unknown) => all.filter((x) => x.id === i && x.e.type === recorded && x.later.every((l) => l.type !== retired));
    const ids = [...new Set(all.map((x) => x.id))].filter((i) => since(i).length > 0);
    return ids.sort((a, b) => since(a)[0]!.i - since(b)[0]!.i).map((i) => d(since(i).at(-1)!.e)[field]);
  };
  const retirements = (recorded: string, field: string, id: string, retired: string) =>
    touching(recorded, field, id, retired)
      .filter((x) => x.e.type === retired && x.later.length === 0)
      .map(({ e }) => ({ id: d(e)[id], reason: d(e).reason, at: e.occurredAt, by: e.actor.id }));
  const tagEvents = mine.filter((e) => e.type === 'DifficultCustomerTagged' || e.type === 'DifficultCustomerUntagged');
  const inForce = tagEvents.filter((e, i) => e.type === 'DifficultCustomerTagged' && !tagEvents.slice(i + 1).some((x) => d(x).tag === d(e).tag));
  return {
    customerReference: customer,
    kind: d(opened).kind,
    ownerId: last((e) => (e.type === 'CustomerProfileOpened' || e.type === 'CustomerOwnerAssigned' ? (d(e).ownerId as string) : undefined), ''),
    name: last((e) => (e.type === 'CustomerProfileOpened' || e.type === 'CustomerDetailsChanged' ? (d(e).name as string | undefined) : undefined), ''),
    phone: null,
    // `membership: null` ends a membership: a given null is a value, an absent field is no change.
    membership: last<{ v: string | null }>((e) => ((e.type === 'CustomerProfileOpened' || e.type === 'CustomerDetailsChanged') && d(e).membership !== undefined ? { v: d(e).membership as string | null } : undefined), { v: null }).v,
    loyaltyTier: last<string | null>((e) => (e.type === 'CustomerDetailsChanged' ? (d(e).loyaltyTier as string | undefined) : undefined), null),
    organisation: isOrg
      ? {
          scale: last((e) => (e.type === 'CustomerDetailsChanged' ? (d(e).scale as string | undefined) : undefined), 'small'),
          fleetSize: null,
          personInCharge: { name: '赵经理' },
          repairCapability: last<{ v: Record<string, unknown> | null }>((e) => {
            const given = (e.type === 'CustomerProfileOpened' ? (d(e).organisation as Record<string, unknown>).repairCapability : e.type === 'CustomerDetailsChanged' ? d(e).repairCapability : undefined) as Record<string, unknown> | undefined;
            return given === undefined ? undefined : { v: { ownWorkshop: given.ownWorkshop, mechanics: given.mechanics ?? null, repairsInHouse: given.repairsInHouse ?? [] } };
          }, { v: null }).v,
          contacts: keyed('KeyContactRecorded', 'contact', 'contactId', 'KeyContactRemoved'),
          sites: keyed('CustomerSiteRecorded', 'site', 'siteId', 'CustomerSiteClosed'),
          closedSites: retirements('CustomerSiteRecorded', 'site', 'siteId', 'CustomerSiteClosed'),
          removedContacts: retirements('KeyContactRecorded', 'contact', 'contactId', 'KeyContactRemoved'),
        }
      : null,
    units: keyed('CustomerUnitRecorded', 'unit', 'unitId', 'CustomerUnitRetired'),
    retiredUnits: retirements('CustomerUnitRecorded', 'unit', 'unitId', 'CustomerUnitRetired'),
    tags: inForce.map((e) => ({ tag: d(e).tag, hint: d(e).hint, since: e.occurredAt, by: e.actor.id })),
    openedAt: opened.occurredAt,
    updatedAt: mine.filter((e) => e.type !== 'CustomerDataErased').at(-1)?.occurredAt,
    erased: false,
    version: mine.length,
  };
}

/** An interleaving of the log's streams that keeps each stream's order, chosen by `picks`. */
function interleave(events: readonly E[], picks: readonly number[]): E[] {
  const byStream = new Map<string, E[]>();
  for (const e of events) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
  const queues = [...byStream.values()];
  const out: E[] = [];
  for (let i = 0; queues.some((q) => q.length > 0); i++) {
    const open = queues.filter((q) => q.length > 0);
    out.push(open[(picks[i % Math.max(1, picks.length)] ?? 0) % open.length]!.shift()!);
  }
  return out.map((e, i) => ({ ...e, globalPosition: i + 1 }));
}

const fold = (events: readonly E[]) => {
  const p = customerProfilesProjection();
  return events.reduce((s, e) => (p.handles.includes(e.type) ? p.evolve(s, e) : s), p.initialState());
};

describe('the profile fold over any log', () => {
  test.prop([script, fc.array(fc.nat(), { maxLength: 50 })], { numRuns: 60, examples: [[[[{ type: 'OpenCustomerProfile', data: { customerReference: 'CU-B', name: '王先生', ownerId: 'km-1', kind: 'person' } }, 0], [{ type: 'ChangeCustomerDetails', data: { customerReference: 'CU-B', membership: 'card-1' } }, 0], [{ type: 'ChangeCustomerDetails', data: { customerReference: 'CU-B', membership: null } }, 0]], []], [retireAndReinstate as unknown as Script, []]] })('equals a brute-force oracle, at every instant, over any order-keeping interleaving', async (commands, picks) => {
    const log = await logOf(commands);
    const instants = [...new Set(log.map((e) => Date.parse(e.occurredAt)))];
    for (const customer of CUSTOMERS) {
      const stream = log.filter((e) => e.streamId === `customer:${customer}`);
      for (const t of instants) expect(profileAsOf(stream, new Date(t).toISOString())).toEqual(oracle(log, customer, t));
      // The rules keep every current unit at a current site: a site with units is not closed, a closed one gets none.
      const now = profileAsOf(stream);
      const sites = new Set(now?.organisation?.sites.map((x) => x.siteId));
      for (const u of now?.units ?? []) if (u.siteId !== undefined) expect(sites.has(u.siteId), u.unitId).toBe(true);
    }
    const expected = new Map(CUSTOMERS.flatMap((c) => (oracle(log, c, Infinity) ? [[c, oracle(log, c, Infinity)]] : [])));
    expect(fold(log)).toEqual(expected);
    expect(fold(interleave(log, picks))).toEqual(expected);
  });
});
