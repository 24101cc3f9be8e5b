/**
 * Properties of the profile fold over any log the service writes: random profile commands
 * for a few customers (many refused), interleaved with complaint receipts, at advancing
 * times. The projection equals, for every customer and at every instant, a brute-force
 * oracle that computes each field on its own ("the last event at or before t that set
 * it"), and it gives the same state over any interleaving of the streams that keeps each
 * stream's own order.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { customerProfilesProjection, profileAsOf, type RecordedEvent } from '../index.js';
import { actors, fullAcknowledgement } from '../test-support/fixtures.js';
import { CUSTOMERS, profileCommand, profilesWithEngine } from './test-support.js';

type E = RecordedEvent<{ type: string; data: Record<string, unknown> }>;
const script = fc.array(fc.tuple(profileCommand, fc.nat(5)), { minLength: 1, maxLength: 40 });

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
  const keyed = (type: string, field: string, id: string) => {
    const records = mine.filter((e) => e.type === type).map((e) => d(e)[field] as Record<string, unknown>);
    const ids = [...new Set(records.map((r) => r[id]))];
    return ids.map((i) => records.filter((r) => r[id] === i).at(-1));
  };
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
          contacts: [],
          sites: keyed('CustomerSiteRecorded', 'site', 'siteId'),
        }
      : null,
    units: keyed('CustomerUnitRecorded', 'unit', 'unitId'),
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
  test.prop([script, fc.array(fc.nat(), { maxLength: 50 })], { numRuns: 60, examples: [[[[{ type: 'OpenCustomerProfile', data: { customerReference: 'CU-B', name: '王先生', ownerId: 'km-1', kind: 'person' } }, 0], [{ type: 'ChangeCustomerDetails', data: { customerReference: 'CU-B', membership: 'card-1' } }, 0], [{ type: 'ChangeCustomerDetails', data: { customerReference: 'CU-B', membership: null } }, 0]], []]] })('equals a brute-force oracle, at every instant, over any order-keeping interleaving', async (commands, picks) => {
    const log = await logOf(commands);
    const instants = [...new Set(log.map((e) => Date.parse(e.occurredAt)))];
    for (const customer of CUSTOMERS) {
      const stream = log.filter((e) => e.streamId === `customer:${customer}`);
      for (const t of instants) expect(profileAsOf(stream, new Date(t).toISOString())).toEqual(oracle(log, customer, t));
    }
    const expected = new Map(CUSTOMERS.flatMap((c) => (oracle(log, c, Infinity) ? [[c, oracle(log, c, Infinity)]] : [])));
    expect(fold(log)).toEqual(expected);
    expect(fold(interleave(log, picks))).toEqual(expected);
  });
});
