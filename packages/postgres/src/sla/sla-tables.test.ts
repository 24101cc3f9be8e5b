import { createEngine, createManualClock, sequentialIds, type CommandInput } from '@redress/core';
import { breachedClocks, createSlaTicker, deadlinesFromLog, defaultPolicy, defaultSlaConfig, isWarnedAt, migrateSlaPolicy, parseSlaConfig, serviceHoursCalendar, SlaConfigError } from '@redress/sla';
import { commandSequence } from '@redress/testing';
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createProjector } from '../projections/projector.js';
import { rebuildSqlProjection } from '../projections/rebuild.js';
import { createPostgresEventStore, type PostgresEventStore } from '../store/postgres-event-store.js';
import { useClusterPool } from '../test-support/cluster-pool.js';
import { breachedSlaClocks, slaClocksOf, sqlSlaProjection, warnedSlaClocks } from './index.js';

const config = parseSlaConfig(defaultSlaConfig());
const D = 24 * 3_600_000;

const db = useClusterPool();

const key = (r: { complaintId: string; clock: string }) => `${r.complaintId}/${r.clock}`;
const dump = async (tenant: string) =>
  (await db.pool.query('SELECT * FROM redress_sla_clocks WHERE tenant = $1 ORDER BY complaint_id, clock', [tenant])).rows;

/** Three complaints walked through the workflow by @redress/testing, their commands interleaved by time. */
const day = fc
  .tuple(...[0, 1, 2].map((i) => commandSequence({ complaintId: `c-${i}`, start: '2026-03-02T01:00:00Z', maxLength: 20 })))
  .map((walks) => walks.flat().sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)));

let runs = 0;

describe('the SQL SLA deadlines on PostgreSQL', () => {
  it('hold the in-memory projection\'s clocks, checkpointed in small batches across restarts, and answer breached and warned as it does', async () => {
    await fc.assert(
      fc.asyncProperty(day, fc.integer({ min: 1, max: 9 }), fc.array(fc.integer({ min: 0, max: 12 * D }), { minLength: 1, maxLength: 3 }), async (commands, batchSize, laters) => {
        const store = await createPostgresEventStore({ pool: db.pool, tenant: `sla-${++runs}`, pollIntervalMs: 50 });
        const clock = createManualClock('2026-03-02T00:00:00Z');
        const engine = createEngine({ store, clock, ids: sequentialIds('ev') });
        // A new projection object each time: an instance restarting with nothing in memory.
        const start = () => {
          const p = createProjector({ store, projection: sqlSlaProjection({ config }), batchSize, pollIntervalMs: 20 });
          p.start();
          return p;
        };
        let projector = start();
        try {
          for (const [i, walked] of commands.entries()) {
            clock.set(walked.at);
            await engine.execute(walked.command as CommandInput);
            if (i % 13 === 12) {
              await projector.reached(await store.headPosition());
              await projector.stop();
              projector = start();
            }
          }
          await projector.reached(await store.headPosition());
          const { state, rows } = await deadlinesFromLog(store, config);
          for (const [id, expected] of rows) expect(await slaClocksOf(store, id)).toEqual(expected);
          const all = [...rows.values()].flat();
          expect(await dump(store.tenant)).toHaveLength(all.length);

          const last = Date.parse(commands.at(-1)?.at ?? '2026-03-02T01:00:00Z');
          for (const later of laters) {
            const now = last + later;
            expect((await breachedSlaClocks(store, now)).map(key).sort()).toEqual(breachedClocks(state, now).map(key).sort());
            expect((await breachedSlaClocks(store, now, { handlerId: null })).map(key).sort()).toEqual(
              breachedClocks(state, now).filter((c) => c.handlerId === null).map(key).sort(),
            );
            expect((await warnedSlaClocks(store, now)).map(key).sort()).toEqual(all.filter((r) => isWarnedAt(r, now)).map(key).sort());
          }
        } finally {
          await projector.stop();
          await store.close();
        }
      }),
      { numRuns: 15 },
    );
  });

  it('keep tickets on the policy version recorded for them, rebuilt under a newer configuration, until a migration moves them', async () => {
    const store = await createPostgresEventStore({ pool: db.pool, tenant: 'pins', pollIntervalMs: 50 });
    db.cleanup(() => store.close());
    const clock = createManualClock('2026-01-05T01:00:00Z');
    const engine = createEngine({ store, clock, ids: sequentialIds('pins') });
    for (const id of ['kept', 'moved']) {
      await engine.executeOrThrow({
        type: 'ReceiveComplaint',
        complaintId: id,
        commandId: `receive-${id}`,
        actor: { id: 'fd-wang', role: 'frontDesk' },
        data: { customer: { reference: 'cust-1' }, channel: 'phone', description: 'Engine noise', demand: 'Fix it' },
      });
    }
    // The ticker records both tickets on version 1.
    await createSlaTicker({ store, config: defaultSlaConfig() }).tick(clock.now());
    // Version 2 published without effectiveFrom: a rebuild under it keeps them on 1 (pinned).
    const versions = { calendars: [serviceHoursCalendar], policies: [defaultPolicy({ version: 1 }), defaultPolicy({ version: 2, resolution: { general: 'P2D' } })] };
    await rebuildSqlProjection(store, sqlSlaProjection({ config: versions }));
    const versionsOf = async () => (await db.pool.query("SELECT DISTINCT complaint_id, policy_version FROM redress_sla_clocks WHERE tenant = 'pins' ORDER BY complaint_id")).rows;
    expect(await versionsOf()).toEqual([
      { complaint_id: 'kept', policy_version: 1 },
      { complaint_id: 'moved', policy_version: 1 },
    ]);
    clock.set('2026-01-05T02:00:00Z');
    await migrateSlaPolicy({ store, config: versions, from: { name: 'default' }, to: { name: 'default', version: 2 }, now: clock.now(), migrationId: 'v2', complaintIds: ['moved'], dryRun: false });
    // A later event of the kept ticket, read by a projector that keeps nothing in memory: its history holds the pin.
    await engine.executeOrThrow({ type: 'AddNote', complaintId: 'kept', commandId: 'note', actor: { id: 'h-li', role: 'handler' }, data: { text: 'called', visibility: 'internal' } });
    const projector = createProjector({ store, projection: sqlSlaProjection({ config: versions, cacheSize: 0 }), batchSize: 1, pollIntervalMs: 20 });
    db.cleanup(() => projector.stop());
    projector.start();
    await projector.reached(await store.headPosition());
    expect(await versionsOf()).toEqual([
      { complaint_id: 'kept', policy_version: 1 },
      { complaint_id: 'moved', policy_version: 2 },
    ]);
    const { rows } = await deadlinesFromLog(store, versions);
    for (const [id, expected] of rows) expect(await slaClocksOf(store, id)).toEqual(expected);
  });

  it('answers "the breached tickets of handler X" in plain SQL, keeps tenants apart, and rebuilds from zero to the same rows', async () => {
    // One projection object for both tenants, keeping nothing between batches: every event
    // after the first re-reads its ticket's history, which must be the tenant's own.
    const projection = sqlSlaProjection({ config: defaultSlaConfig(), cacheSize: 0 });
    const write = async (tenant: string, handler: string, notes: number) => {
      const store = await createPostgresEventStore({ pool: db.pool, tenant, pollIntervalMs: 50 });
      db.cleanup(() => store.close());
      const clock = createManualClock('2026-01-05T01:00:00Z'); // a Monday, 09:00 in Shanghai
      const engine = createEngine({ store, clock, ids: sequentialIds(tenant) });
      await engine.executeOrThrow({
        type: 'ReceiveComplaint',
        complaintId: 'c-1',
        commandId: 'receive',
        actor: { id: 'fd-wang', role: 'frontDesk' },
        data: { customer: { reference: 'cust-1' }, channel: 'phone', description: 'Engine noise', demand: 'Fix it' },
      });
      const handle = { complaintId: 'c-1', actor: { id: handler, role: 'handler' } } as const;
      await engine.executeOrThrow({ ...handle, type: 'AssignHandler', commandId: 'assign', actor: { id: 'dh-sun', role: 'departmentHead' }, data: { handlerId: handler, reason: 'workload' } });
      for (let n = 0; n < notes; n++) await engine.executeOrThrow({ ...handle, type: 'AddNote', commandId: `note-${n}`, data: { text: 'called', visibility: 'internal' } });
      return store;
    };
    const project = async (store: PostgresEventStore) => {
      const projector = createProjector({ store, projection, batchSize: 1, pollIntervalMs: 20 });
      db.cleanup(() => projector.stop());
      projector.start();
      await projector.reached(await store.headPosition());
      return projector;
    };
    // Two tenants with the same complaint id, handled by different people; desk-b's ticket is
    // confirmed (which stops its acknowledgement clock) at version 5, desk-a's longer one never is.
    const a = await write('desk-a', 'h-li', 4);
    const b = await write('desk-b', 'h-zhao', 2);
    await createEngine({ store: b, clock: createManualClock('2026-01-05T02:00:00Z'), ids: sequentialIds('b2') }).executeOrThrow({
      type: 'ConfirmComplaint',
      complaintId: 'c-1',
      commandId: 'confirm',
      actor: { id: 'h-zhao', role: 'handler' },
      data: { summary: 'Noise', acknowledgement: { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true } },
    });
    const projectorA = await project(a);
    await project(b);

    // The acknowledgement was due after 4 business hours: 14:30 in Shanghai on the Monday.
    const query = `SELECT complaint_id, clock, due_at FROM redress_sla_clocks
      WHERE tenant = $1 AND handler_id = $2 AND (state = 'breached' OR (state = 'running' AND due_at <= $3))`;
    expect((await db.pool.query(query, ['desk-a', 'h-li', '2026-01-05T06:29:59.999Z'])).rows).toEqual([]);
    expect((await db.pool.query(query, ['desk-a', 'h-li', '2026-01-05T06:30:00.000Z'])).rows).toEqual([
      { complaint_id: 'c-1', clock: 'acknowledgement', due_at: new Date('2026-01-05T06:30:00.000Z') },
    ]);
    expect((await db.pool.query(query, ['desk-a', 'h-zhao', '2026-01-06T00:00:00.000Z'])).rows).toEqual([]);
    // The status view does the same against now() (long after January here).
    const viewed = await db.pool.query("SELECT tenant, clock FROM redress_sla_status WHERE breached AND tenant LIKE 'desk-%' ORDER BY tenant, clock");
    expect(viewed.rows).toEqual([
      { tenant: 'desk-a', clock: 'acknowledgement' },
      { tenant: 'desk-a', clock: 'resolution' },
      { tenant: 'desk-b', clock: 'resolution' },
    ]);

    const before = await dump('desk-a');
    await rebuildSqlProjection(a, sqlSlaProjection({ config }));
    expect(await dump('desk-a')).toEqual(before);
    await projectorA.stop();
    expect(await dump('desk-b')).toHaveLength(4);
  });

  it('refuses a bad configuration when it is wired up', () => {
    expect(() => sqlSlaProjection({ config: { calendars: [], policies: [{ name: 'p', version: 1, clocks: [{ name: 'c', calendar: 'nowhere', target: { duration: 'PT1H' }, start: [{ on: 'ComplaintReceived' }] }] }] } })).toThrow(
      SlaConfigError,
    );
  });
});
