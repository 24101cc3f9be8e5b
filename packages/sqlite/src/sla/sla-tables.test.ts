import { createEngine, createManualClock, sequentialIds, type CommandInput } from '@redress/core';
import { breachedClocks, createSlaTicker, deadlinesFromLog, defaultPolicy, defaultSlaConfig, isWarnedAt, migrateSlaPolicy, parseSlaConfig, serviceHoursCalendar, SlaConfigError } from '@redress/sla';
import { commandSequence } from '@redress/testing';
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createProjector, createSqliteEventStore } from '../index.js';
import { receive } from '../test-support/workload.js';
import { breachedSlaClocks, slaClocksOf, sqlSlaProjection, warnedSlaClocks } from './index.js';

const config = parseSlaConfig(defaultSlaConfig());
const H = 3_600_000;
const D = 24 * H;

const key = (r: { complaintId: string; clock: string }) => `${r.complaintId}/${r.clock}`;

/** Three complaints walked through the workflow by @redress/testing, their commands interleaved by time. */
const day = fc
  .tuple(...[0, 1, 2].map((i) => commandSequence({ complaintId: `c-${i}`, start: '2026-03-02T01:00:00Z', maxLength: 25 })))
  .map((walks) => walks.flat().sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)));

describe('the SQL SLA deadlines', () => {
  it('hold the in-memory projection\'s clocks, checkpointed in small batches with restarts, and answer breached and warned as it does', async () => {
    await fc.assert(
      fc.asyncProperty(day, fc.integer({ min: 1, max: 9 }), fc.array(fc.integer({ min: 0, max: 12 * D }), { minLength: 1, maxLength: 4 }), async (commands, batchSize, laters) => {
        const store = createSqliteEventStore({ file: ':memory:' });
        const clock = createManualClock('2026-03-02T00:00:00Z');
        const engine = createEngine({ store, clock, ids: sequentialIds('ev') });
        let projector = createProjector({ store, projection: sqlSlaProjection({ config }), owner: 'a', clock, batchSize });
        for (const [i, walked] of commands.entries()) {
          clock.set(walked.at);
          await engine.execute(walked.command as CommandInput);
          if (i % 4 === 0) await projector.step();
          // The instance restarts now and then: its clocks are read back from the log.
          if (i % 11 === 10) projector = createProjector({ store, projection: sqlSlaProjection({ config }), owner: 'a', clock, batchSize });
        }
        await projector.catchUp();
        const { state, rows } = await deadlinesFromLog(store, config);
        for (const [id, expected] of rows) expect(slaClocksOf(store.database, id)).toEqual(expected);
        const all = [...rows.values()].flat();
        expect(store.database.prepare('SELECT COUNT(*) FROM redress_sla_clocks').pluck().get()).toBe(all.length);

        const last = Date.parse(commands.at(-1)?.at ?? '2026-03-02T01:00:00Z');
        for (const later of laters) {
          const now = last + later;
          expect(breachedSlaClocks(store.database, now).map(key).sort()).toEqual(breachedClocks(state, now).map(key).sort());
          for (const handlerId of ['h-li', null]) {
            expect(breachedSlaClocks(store.database, now, { handlerId }).map(key).sort()).toEqual(
              breachedClocks(state, now).filter((c) => c.handlerId === handlerId).map(key).sort(),
            );
          }
          expect(warnedSlaClocks(store.database, now).map(key).sort()).toEqual(all.filter((r) => isWarnedAt(r, now)).map(key).sort());
        }
        store.close();
      }),
      { numRuns: 25 },
    );
  });

  it('answers "the breached tickets of handler X" in plain SQL, and rebuilds from zero to the same rows', async () => {
    const store = createSqliteEventStore({ file: ':memory:' });
    const clock = createManualClock('2026-01-05T01:00:00Z'); // a Monday, 09:00 in Shanghai
    const engine = createEngine({ store, clock, ids: sequentialIds('ev') });
    for (const id of ['late-1', 'late-2', 'on-time']) {
      // Received without the acknowledgement, so its clock runs.
      const { acknowledgement: _, ...data } = (receive(id) as Extract<CommandInput, { type: 'ReceiveComplaint' }>).data;
      await engine.executeOrThrow({ ...receive(id), data } as CommandInput);
      await engine.executeOrThrow({
        type: 'AssignHandler',
        complaintId: id,
        commandId: `assign-${id}`,
        actor: { id: 'dh-sun', role: 'departmentHead' },
        data: { handlerId: id === 'late-2' ? 'h-zhao' : 'h-li', reason: 'workload' },
      });
    }
    clock.set('2026-01-05T02:00:00Z');
    await engine.executeOrThrow({ type: 'ConfirmComplaint', complaintId: 'on-time', commandId: 'confirm', actor: { id: 'h-li', role: 'handler' }, data: { summary: 'Noise', acknowledgement: { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true } } });
    const projector = createProjector({ store, projection: sqlSlaProjection({ config: defaultSlaConfig() }), owner: 'a', clock, batchSize: 2 });
    await projector.catchUp();

    // The acknowledgement was due after 4 business hours: 14:30 in Shanghai on the Monday.
    const query = store.database.prepare(`
      SELECT s.complaint_id, s.clock, s.due_at
      FROM redress_sla_clocks AS s
      WHERE s.handler_id = @handler
        AND (s.state = 'breached' OR (s.state = 'running' AND s.due_at <= @now))
      ORDER BY s.complaint_id, s.clock`);
    expect(query.all({ handler: 'h-li', now: '2026-01-05T06:29:59.999Z' })).toEqual([]);
    expect(query.all({ handler: 'h-li', now: '2026-01-05T06:30:00.000Z' })).toEqual([{ complaint_id: 'late-1', clock: 'acknowledgement', due_at: '2026-01-05T06:30:00.000Z' }]);
    // The status view does the same against the database's own clock (long after January here).
    const viewed = store.database.prepare("SELECT complaint_id, clock FROM redress_sla_status WHERE breached AND handler_id = 'h-li' ORDER BY complaint_id, clock").all();
    expect(viewed).toEqual([
      { complaint_id: 'late-1', clock: 'acknowledgement' },
      { complaint_id: 'late-1', clock: 'resolution' },
      { complaint_id: 'on-time', clock: 'resolution' },
    ]);

    const before = store.database.prepare('SELECT * FROM redress_sla_clocks ORDER BY complaint_id, clock').all();
    await projector.rebuild();
    expect(store.database.prepare('SELECT * FROM redress_sla_clocks ORDER BY complaint_id, clock').all()).toEqual(before);
    store.close();
  });

  it('keep tickets on the policy version recorded for them, rebuilt under a newer configuration, until a migration moves them', async () => {
    const store = createSqliteEventStore({ file: ':memory:' });
    const clock = createManualClock('2026-01-05T01:00:00Z');
    const engine = createEngine({ store, clock, ids: sequentialIds('ev') });
    for (const id of ['kept', 'moved']) await engine.executeOrThrow(receive(id));
    // The ticker records both tickets on version 1.
    await createSlaTicker({ store, config: defaultSlaConfig() }).tick(clock.now());
    // Version 2 published without effectiveFrom: a rebuild under it keeps them on 1 (pinned).
    const versions = { calendars: [serviceHoursCalendar], policies: [defaultPolicy({ version: 1 }), defaultPolicy({ version: 2, resolution: { general: 'P2D' } })] };
    const projector = createProjector({ store, projection: sqlSlaProjection({ config: versions, cacheSize: 0 }), owner: 'a', clock, batchSize: 1 });
    await projector.rebuild();
    const versionsOf = () => store.database.prepare('SELECT DISTINCT complaint_id, policy_version FROM redress_sla_clocks ORDER BY complaint_id').all();
    expect(versionsOf()).toEqual([
      { complaint_id: 'kept', policy_version: 1 },
      { complaint_id: 'moved', policy_version: 1 },
    ]);
    clock.set('2026-01-05T02:00:00Z');
    await migrateSlaPolicy({ store, config: versions, from: { name: 'default' }, to: { name: 'default', version: 2 }, now: clock.now(), migrationId: 'v2', complaintIds: ['moved'], dryRun: false });
    // A later event of the kept ticket, read by a projector that keeps nothing in memory: its history holds the pin.
    await engine.executeOrThrow({ type: 'AddNote', complaintId: 'kept', commandId: 'note', actor: { id: 'h-li', role: 'handler' }, data: { text: 'called', visibility: 'internal' } });
    await projector.catchUp();
    expect(versionsOf()).toEqual([
      { complaint_id: 'kept', policy_version: 1 },
      { complaint_id: 'moved', policy_version: 2 },
    ]);
    const { rows } = await deadlinesFromLog(store, versions);
    for (const [id, expected] of rows) expect(slaClocksOf(store.database, id)).toEqual(expected);
    store.close();
  });

  it('refuses a bad configuration when it is wired up, with every problem listed', () => {
    expect(() => sqlSlaProjection({ config: { calendars: [], policies: [{ name: 'p', version: 1, clocks: [{ name: 'c', calendar: 'nowhere', target: { duration: 'PT1H' }, start: [{ on: 'ComplaintReceived' }] }] }] } })).toThrow(SlaConfigError);
  });
});
