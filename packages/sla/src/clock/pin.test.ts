/**
 * The durable pin: the recorded policy version measures a ticket whatever the
 * configuration's versions and `effectiveFrom` say later; a ticket not pinned yet
 * is folded again under the version recorded for it; a version missing from the
 * configuration is a typed error.
 */
import { describe, expect, it } from 'vitest';
import { rebuildProjection } from '@redress/core';
import { SlaPinError } from '../errors.js';
import { slaPinEventId, slaStreamId } from '../tick/events.js';
import { createSlaTicker } from '../tick/ticker.js';
import { H, T0, testLog, type TestStore } from '../test-support/log.js';
import { slaProjection } from './projection.js';
import { ticketClocks } from './queries.js';

const policy = (version: number, hours: number, extra: Record<string, unknown> = {}) => ({
  name: 'p',
  version,
  clocks: [{ name: 'c', calendar: '24x7', start: [{ on: 'ComplaintReceived' }], target: { duration: `PT${hours}H` } }],
  ...extra,
});
const v1 = policy(1, 10);
const v2 = policy(2, 4);

async function pin(store: TestStore, complaintId: string, at: number, version: number | null, seq = 0) {
  await store.append(slaStreamId(complaintId), 'any', [
    {
      type: 'SlaPolicyApplied',
      data: { complaintId, seq, policy: version === null ? null : { name: 'p', version } },
      eventId: slaPinEventId(complaintId, seq),
      occurredAt: new Date(at).toISOString(),
      actor: { id: 'sla', role: 'system' },
      causationId: complaintId,
      correlationId: complaintId,
      schemaVersion: 1,
    },
  ]);
}

const view = async (store: TestStore, config: object, now: number) => ticketClocks((await rebuildProjection(store, slaProjection(config))).state, 'c1', now)[0];

describe('the durable policy pin', () => {
  it('keeps the recorded version whatever later versions and effectiveFrom say', async () => {
    const log = testLog();
    await log.add('c1', T0, 'ComplaintReceived');
    await pin(log.store, 'c1', T0, 1);
    for (const later of [v2, { ...v2, effectiveFrom: new Date(T0 - 100 * H).toISOString() }, { ...v2, effectiveFrom: new Date(T0).toISOString() }]) {
      expect(await view(log.store, { policies: [v1, later] }, T0 + 5 * H)).toMatchObject({ policy: { name: 'p', version: 1 }, targetMs: 10 * H, state: 'running' });
    }
    // A ticket received after publication, with no pin yet, takes the version in force.
    await log.add('c2', T0 + H, 'ComplaintReceived');
    const { state } = await rebuildProjection(log.store, slaProjection({ policies: [v1, v2] }));
    expect(state.tickets.get('c2')?.policy).toEqual({ name: 'p', version: 2 });
  });

  it('folds a ticket again under its recorded version when the pin comes after some of its events', async () => {
    const log = testLog();
    await log.add('c1', T0, 'ComplaintReceived');
    await log.add('c1', T0 + H, 'WaitingOnCustomerStarted', { reason: 'information' });
    await log.add('c1', T0 + 2 * H, 'ComplaintClassified', { severity: 'major', previousSeverity: null, priority: 'P2' });
    await pin(log.store, 'c1', T0, 1);
    const pinned = await view(log.store, { policies: [v1, v2] }, T0 + 5 * H);
    const alone = await view(log.store, { policies: [v1] }, T0 + 5 * H);
    expect(pinned).toEqual(alone);
    const { state } = await rebuildProjection(log.store, slaProjection({ policies: [v1, v2] }));
    expect(state.tickets.get('c1')).toMatchObject({ severity: 'major', priority: 'P2', waiting: true, pinSeq: 0, pending: undefined });
  });

  it('a ticket recorded with no policy keeps none, even when a later configuration would match it', async () => {
    const log = testLog();
    await log.add('c1', T0, 'ComplaintReceived', { channel: 'email' });
    await pin(log.store, 'c1', T0, null);
    const { state } = await rebuildProjection(log.store, slaProjection({ policies: [v1] }));
    expect(state.tickets.get('c1')).toMatchObject({ policy: undefined, clocks: [] });
  });

  it('under a single policy, a pin naming none after some events drops the clocks and keeps the state folded so far', async () => {
    // One policy measuring the ticket: its events are not kept (a pin can only name that policy or none).
    const log = testLog();
    await log.add('c1', T0, 'ComplaintReceived');
    await log.add('c1', T0 + H, 'WaitingOnCustomerStarted', { reason: 'information' });
    await log.add('c1', T0 + 2 * H, 'ComplaintClassified', { severity: 'major', previousSeverity: null, priority: 'P2' });
    const before = await rebuildProjection(log.store, slaProjection({ policies: [v1] }));
    expect(before.state.tickets.get('c1')).toMatchObject({ pending: undefined, pinSeq: -1 });
    await pin(log.store, 'c1', T0, null);
    const fields = (t: object | undefined) => ({ ...t, pending: undefined, clocks: undefined });
    const single = (await rebuildProjection(log.store, slaProjection({ policies: [v1] }))).state.tickets.get('c1');
    // Two versions keep the events and fold them again: the same ticket.
    const kept = (await rebuildProjection(log.store, slaProjection({ policies: [v1, v2] }))).state.tickets.get('c1');
    expect(single).toMatchObject({ policy: undefined, clocks: [], severity: 'major', priority: 'P2', waiting: true, pinSeq: 0 });
    expect(fields(single)).toEqual(fields(kept));
    expect(kept?.clocks).toEqual([]);
  });

  it('under a single policy that did not match at receipt, a pin naming it folds the kept events under it', async () => {
    const later = policy(1, 10, { effectiveFrom: new Date(T0 + H).toISOString() });
    const log = testLog();
    await log.add('c1', T0, 'ComplaintReceived');
    await log.add('c1', T0 + 2 * H, 'WaitingOnCustomerStarted', { reason: 'information' });
    const unpinned = (await rebuildProjection(log.store, slaProjection({ policies: [later] }))).state.tickets.get('c1');
    expect(unpinned?.policy).toBeUndefined();
    expect(unpinned?.pending).toHaveLength(2);
    await pin(log.store, 'c1', T0, 1);
    expect(await view(log.store, { policies: [later] }, T0 + 5 * H)).toMatchObject({ policy: { name: 'p', version: 1 }, state: 'running', elapsedMs: 5 * H });
  });

  it('refuses, with a typed error, a configuration that lacks a version a ticket is pinned to', async () => {
    const log = testLog();
    await log.add('c1', T0, 'ComplaintReceived');
    await pin(log.store, 'c1', T0, 1);
    const error = await rebuildProjection(log.store, slaProjection({ policies: [v2] })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlaPinError);
    expect(error).toMatchObject({ complaintId: 'c1', policy: { name: 'p', version: 1 }, role: 'pinned to' });
    expect(String(error)).toMatch(/ticket c1 is pinned to p@1, which the SLA configuration does not have/);
  });

  it('the ticker records the pin once, at receipt; a ticker under a newer configuration keeps it', async () => {
    const log = testLog();
    await log.add('c1', T0, 'ComplaintReceived');
    const first = await createSlaTicker({ store: log.store, config: { policies: [v1] } }).tick(T0 + H);
    expect(first.appended.filter((e) => e.type === 'SlaPolicyApplied').map((e) => [e.occurredAt, e.data])).toEqual([
      [new Date(T0).toISOString(), { complaintId: 'c1', seq: 0, policy: { name: 'p', version: 1 } }],
    ]);
    const upgraded = createSlaTicker({ store: log.store, config: { policies: [v1, v2] } });
    const second = await upgraded.tick(T0 + 5 * H);
    expect(second.appended.map((e) => e.type)).toEqual(['SlaWarningRaised']);
    expect(ticketClocks(upgraded.state, 'c1', T0 + 5 * H)[0]).toMatchObject({ policy: { version: 1 }, state: 'running' });
  });

  it('two tickers under different configurations racing for a new ticket agree on the one pin stored', async () => {
    const log = testLog();
    await log.add('c1', T0, 'ComplaintReceived');
    const a = createSlaTicker({ store: log.store, config: { policies: [v1] } });
    const b = createSlaTicker({ store: log.store, config: { policies: [v1, v2] } });
    await Promise.all([a.tick(T0 + 5 * H), b.tick(T0 + 5 * H)]);
    const pins = (await log.store.readStream(slaStreamId('c1'))).filter((e) => e.type === 'SlaPolicyApplied');
    expect(pins).toHaveLength(1);
    const recorded = (pins[0]?.data as { policy: { version: number } }).policy.version;
    expect([ticketClocks(a.state, 'c1', T0 + 5 * H)[0]?.policy?.version, ticketClocks(b.state, 'c1', T0 + 5 * H)[0]?.policy?.version]).toEqual([recorded, recorded]);
    // And a breach is handed out under that version only.
    await Promise.all([a.tick(T0 + 20 * H), b.tick(T0 + 20 * H)]);
    const breaches = (await log.store.readStream(slaStreamId('c1'))).filter((e) => e.type === 'SlaBreached');
    expect(breaches.map((e) => e.occurredAt)).toEqual([new Date(T0 + (recorded === 1 ? 10 : 4) * H).toISOString()]);
  });

  it('a pin the ticker meets twice (a migration wrote it between the ticker\'s read and its append) is applied once', async () => {
    const log = testLog();
    await log.add('c1', T0, 'ComplaintReceived');
    const migration = {
      type: 'SlaPolicyMigrated',
      data: { complaintId: 'c1', seq: 0, migrationId: 'm', from: { name: 'p', version: 2 }, to: { name: 'p', version: 1 }, start: [] },
      eventId: slaPinEventId('c1', 0),
      occurredAt: new Date(T0 + H).toISOString(),
      actor: { id: 'sla', role: 'system' as const },
      causationId: 'm',
      correlationId: 'c1',
      schemaVersion: 1,
    };
    const store = {
      readAll: log.store.readAll.bind(log.store),
      // The migration takes pin number 0 between the ticker's read and its append of the pin.
      async append(...[streamId, expected, events]: Parameters<typeof log.store.append>) {
        if (events[0]?.type === 'SlaPolicyApplied') await log.store.append(streamId, 'any', [migration]);
        return log.store.append(streamId, expected, events);
      },
    };
    const ticker = createSlaTicker({ store, config: { policies: [v1, v2] } });
    await ticker.tick(T0 + 2 * H);
    await ticker.tick(T0 + 3 * H);
    const view = ticketClocks(ticker.state, 'c1', T0 + 3 * H)[0];
    expect(view).toMatchObject({ policy: { version: 1 }, cycle: 2, targetMs: 10 * H, elapsedMs: 3 * H });
    expect(view?.cycles.map((c) => c.outcome)).toEqual(['superseded', null]);
  });
});

