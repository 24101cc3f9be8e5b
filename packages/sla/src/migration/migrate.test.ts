/**
 * Moving tickets to another policy version: an explicit, recorded, idempotent
 * action whose dry run says what the real run changes.
 */
import { describe, expect, it } from 'vitest';
import { rebuildProjection } from '@redress/core';
import { slaProjection } from '../clock/projection.js';
import { explain, ticketClocks } from '../clock/queries.js';
import { ticketStatuses } from '../repair/status.js';
import { slaStreamId } from '../tick/events.js';
import { createSlaTicker } from '../tick/ticker.js';
import { H, T0, testLog, type TestStore } from '../test-support/log.js';
import { migrateSlaPolicy } from './migrate.js';

const iso = (ms: number) => new Date(ms).toISOString();
const clock = (name: string, hours: number, extra: Record<string, unknown> = {}) => ({
  name,
  calendar: '24x7',
  start: [{ on: 'ComplaintReceived' }],
  stop: [{ on: 'ResolutionProposed' }],
  target: { duration: `PT${hours}H` },
  warnings: [{ percent: 50 }],
  ...extra,
});
const v1 = { name: 'p', version: 1, clocks: [clock('c', 10), clock('gone', 10)] };
const v2 = { name: 'p', version: 2, effectiveFrom: iso(T0 + 1000 * H), clocks: [clock('c', 4), clock('added', 3), clock('later', 3, { start: [{ on: 'RemedyExecuted' }], stop: [] })] };
const config = { policies: [v1, v2] };

async function received(...ids: string[]) {
  const log = testLog();
  for (const id of ids) await log.add(id, T0, 'ComplaintReceived');
  // The ticker pins them to version 1 (version 2 is not in force yet).
  await createSlaTicker({ store: log.store, config }).tick(T0);
  return log;
}

const move = (store: TestStore, now: number, extra: Partial<Parameters<typeof migrateSlaPolicy>[0]> = {}) =>
  migrateSlaPolicy({ store, config, from: { name: 'p', version: 1 }, to: { name: 'p', version: 2 }, now, migrationId: 'm1', ...extra });

const sla = async (store: TestStore) => (await rebuildProjection(store, slaProjection(config))).state;

describe('migrateSlaPolicy', () => {
  it('moves a running ticket: a shared clock continues with the time used, a removed one is retired, an added one starts', async () => {
    const log = await received('c1');
    const report = await move(log.store, T0 + 6 * H, { dryRun: false });
    expect(report.written).toBe(1);
    expect(report.migrated).toEqual([
      {
        complaintId: 'c1',
        from: { name: 'p', version: 1 },
        to: { name: 'p', version: 2 },
        start: [{ clock: 'added', held: false, deadline: null }],
        changes: [
          { complaintId: 'c1', clock: 'c', cycle: 1, before: 'running', after: 'superseded' },
          { complaintId: 'c1', clock: 'c', cycle: 2, before: 'none', after: 'breached' },
          { complaintId: 'c1', clock: 'added', cycle: 1, before: 'none', after: 'running' },
          { complaintId: 'c1', clock: 'gone', cycle: 1, before: 'running', after: 'cancelled' },
        ],
      },
    ]);
    const state = await sla(log.store);
    const views = Object.fromEntries(ticketClocks(state, 'c1', T0 + 7 * H).map((v) => [v.clock, v]));
    expect(views.c).toMatchObject({ policy: { version: 2 }, cycle: 2, elapsedMs: 7 * H, targetMs: 4 * H, state: 'breached', breachedAt: iso(T0 + 6 * H) });
    expect(views.added).toMatchObject({ state: 'running', elapsedMs: H, dueAt: iso(T0 + 9 * H) });
    expect(views.later).toMatchObject({ state: 'pending' });
    expect(views.gone).toMatchObject({ state: 'cancelled' });
    expect(explain(state, 'c1', 'c', T0 + 7 * H).map((l) => `${l.action} ${l.event?.type ?? '-'}`)).toEqual([
      'started ComplaintReceived',
      'warning -',
      'migrated SlaPolicyMigrated',
      'started SlaPolicyMigrated',
      'warning -',
      'breached -',
    ]);
  });

  it('announces a breach the move causes once, and never again one the ticket already had', async () => {
    const shortened = await received('c1');
    await move(shortened.store, T0 + 6 * H, { dryRun: false });
    const first = await createSlaTicker({ store: shortened.store, config }).tick(T0 + 20 * H);
    expect(first.appended.filter((e) => e.type === 'SlaBreached').map((e) => [e.data.clock, e.data.cycle, e.occurredAt])).toEqual([
      ['c', 2, iso(T0 + 6 * H)],
      ['added', 1, iso(T0 + 9 * H)],
    ]);
    // Breached under version 1 at 10 h, then moved: the continuing cycle is breached too, silently.
    const late = await received('c1');
    await createSlaTicker({ store: late.store, config }).tick(T0 + 12 * H);
    await move(late.store, T0 + 12 * H, { dryRun: false });
    const after = await createSlaTicker({ store: late.store, config }).tick(T0 + 20 * H);
    expect(after.appended.filter((e) => e.type === 'SlaBreached' && e.data.clock === 'c')).toEqual([]);
    expect(ticketClocks(await sla(late.store), 'c1', T0 + 20 * H).find((v) => v.clock === 'c')).toMatchObject({ cycle: 2, state: 'breached' });
  });

  it('a dry run reports what the real run then changes, and writes nothing', async () => {
    const log = await received('c1', 'c2');
    await log.add('c2', T0 + H, 'ResolutionProposed', { agreedDeadline: iso(T0 + 48 * H) });
    const size = log.store.size;
    const dry = await move(log.store, T0 + 3 * H);
    expect(log.store.size).toBe(size);
    const before = await sla(log.store);
    const real = await move(log.store, T0 + 3 * H, { dryRun: false });
    expect(real.migrated).toEqual(dry.migrated);
    const after = await sla(log.store);
    for (const m of dry.migrated) {
      const was = ticketStatuses(before.tickets.get(m.complaintId), T0 + 3 * H);
      const is = ticketStatuses(after.tickets.get(m.complaintId), T0 + 3 * H);
      for (const change of m.changes) {
        expect([was.get(change.clock)?.get(change.cycle) ?? 'none', is.get(change.clock)?.get(change.cycle) ?? 'none']).toEqual([change.before, change.after]);
      }
    }
  });

  it('is idempotent, skips what it must not move, and refuses an unknown version or id', async () => {
    const log = await received('c1', 'c2', 'c3');
    await log.add('c3', T0 + H, 'ComplaintArchived', {});
    const first = await move(log.store, T0 + 2 * H, { dryRun: false });
    expect([first.written, first.migrated.map((m) => m.complaintId), first.skipped]).toEqual([2, ['c1', 'c2'], [{ complaintId: 'c3', reason: 'closed' }]]);
    const again = await move(log.store, T0 + 3 * H, { dryRun: false });
    expect([again.written, again.migrated, again.skipped.map((s) => s.reason)]).toEqual([0, [], ['alreadyMigrated', 'alreadyMigrated', 'closed']]);
    const explicit = await move(log.store, T0 + 3 * H, { dryRun: false, complaintIds: ['c3', 'nope'], migrationId: 'm2' });
    expect([explicit.migrated.map((m) => m.complaintId), explicit.skipped]).toEqual([['c3'], [{ complaintId: 'nope', reason: 'unknownTicket' }]]);
    await expect(move(log.store, T0, { to: { name: 'p', version: 9 } })).rejects.toThrow(/p@9 is not in the SLA configuration/);
    await expect(move(log.store, T0, { migrationId: 'bad id' })).rejects.toThrow(RangeError);
  });

  it('two migrations racing for one ticket record one move; the other reports a conflict', async () => {
    const log = await received('c1');
    const [a, b] = await Promise.all([move(log.store, T0 + H, { dryRun: false, migrationId: 'a' }), move(log.store, T0 + H, { dryRun: false, migrationId: 'b' })]);
    expect([a.written + b.written, [...a.skipped, ...b.skipped]]).toEqual([1, [{ complaintId: 'c1', reason: 'conflict' }]]);
    expect((await log.store.readStream(slaStreamId('c1'))).filter((e) => e.type === 'SlaPolicyMigrated')).toHaveLength(1);
  });
});
