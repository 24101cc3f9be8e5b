/**
 * migrate, rebuild and sla-tick on SQLite, through `redress` as an operator runs them:
 * rebuilt tables equal what a live projector wrote; a projector holding the lease is
 * never raced; a tick appends what is due once, and a second tick appends nothing.
 */
import { systemClock } from '@redress/core';
import { createProjector, createSqliteEventStore, readTicket, sqlTicketProjection, ticketIds } from '@redress/sqlite';
import { slaClocksOf } from '@redress/sqlite/sla';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, tempDir, writeLog } from '../test-support/cli.js';

const file = tempDir();
let n = 0;

async function database(): Promise<string> {
  const db = file(`maintain-${++n}.db`);
  const store = createSqliteEventStore({ file: db });
  await writeLog(store);
  store.close();
  return db;
}

const withStore = <T>(db: string, work: (store: ReturnType<typeof createSqliteEventStore>) => T | Promise<T>) => {
  const store = createSqliteEventStore({ file: db });
  return Promise.resolve(work(store)).finally(() => store.close());
};

describe('redress migrate', () => {
  it('creates the schema of a new file, then finds it current', async () => {
    const db = file('new.db');
    const first = await cli(['migrate', '--sqlite', db, '--json']);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as { from: number; to: number; applied: number[] };
    expect(report.from).toBe(0);
    expect(report.applied).toEqual(Array.from({ length: report.to }, (_, i) => i + 1));
    expect((await cli(['migrate', '--sqlite', db])).stdout).toBe(`SQLite ${db}: schema is current (version ${report.to})\n`);
  });
});

describe('redress rebuild', () => {
  it('rebuilds the ticket tables to what a live projector wrote', async () => {
    const db = await database();
    const live = await withStore(db, async (store) => {
      await createProjector({ store, projection: sqlTicketProjection(), owner: 'app', clock: systemClock, leaseMs: 1 }).catchUp();
      return ticketIds(store.database).map((id) => readTicket(store.database, id));
    });
    await withStore(db, (store) => store.database.exec('DELETE FROM redress_tickets'));
    const run = await cli(['rebuild', '--sqlite', db]);
    expect(run).toMatchObject({ code: 0, stdout: expect.stringMatching(/rebuilt tickets up to position \d+\n$/) });
    const rebuilt = await withStore(db, (store) => ticketIds(store.database).map((id) => readTicket(store.database, id)));
    expect(rebuilt).toEqual(live);
    expect(rebuilt).toHaveLength(5);
  });

  it('refuses while another projector holds the lease, and leaves its tables alone', async () => {
    const db = await database();
    await withStore(db, (store) => createProjector({ store, projection: sqlTicketProjection(), owner: 'app-1', clock: systemClock, leaseMs: 600_000 }).step());
    const tickets = () => withStore(db, (store) => ticketIds(store.database).map((id) => readTicket(store.database, id)));
    const before = await tickets();
    const run = await cli(['rebuild', '--sqlite', db]);
    expect(await tickets()).toEqual(before);
    expect(before).toHaveLength(5);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^redress: tickets: another projector holds the lease \(app-1, until 20\d\d-.*\): stop it, or wait/);
  });

  it('rebuilds the SLA deadlines only with a configuration named on purpose', async () => {
    const db = await database();
    const refused = await cli(['rebuild', '--sqlite', db, '--read-model', 'sla-deadlines']);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('needs the SLA configuration: --sla-config <file.json>') });
    const run = await cli(['rebuild', '--sqlite', db, '--read-model', 'tickets', 'sla-deadlines', '--sla-config', 'default']);
    expect(run.stdout).toMatch(/rebuilt tickets up to position (\d+)\n.*rebuilt sla-deadlines up to position \1\n$/);
    expect(await withStore(db, (store) => slaClocksOf(store.database, 'c-1').length)).toBeGreaterThan(0);
  });

  it('says what is wrong with an SLA configuration file', async () => {
    const bad = file('bad-sla.json');
    writeFileSync(bad, JSON.stringify({ calendars: [], policies: [{ id: 'x' }] }));
    const run = await cli(['rebuild', '--sqlite', await database(), '--read-model', 'sla-deadlines', '--sla-config', bad]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^redress: --sla-config ${bad}: `));
  });
});

describe('redress sla-tick', () => {
  it('appends the warnings and breaches due by now, once', async () => {
    const db = await database();
    const weekLater = '2026-12-01T09:00:00.000Z';
    const first = await cli(['sla-tick', '--sqlite', db, '--sla-config', 'default', '--now', weekLater, '--json']);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as { appended: Record<string, number>; alreadyStored: number };
    expect(report.appended.SlaBreached).toBeGreaterThan(0);
    const second = await cli(['sla-tick', '--sqlite', db, '--sla-config', 'default', '--now', weekLater]);
    expect(second.stdout).toMatch(/at 2026-12-01T09:00:00.000Z: nothing was due/);
    const breaches = await withStore(db, async (store) => (await store.readAll(1, 10_000)).filter((e) => e.type === 'SlaBreached').length);
    expect(breaches).toBe(report.appended.SlaBreached);
  });

  it('refuses an instant that is not one', async () => {
    expect(await cli(['sla-tick', '--sqlite', await database(), '--sla-config', 'default', '--now', 'soon'])).toMatchObject({ code: 1, stderr: 'redress: --now soon: not an ISO-8601 instant\n' });
  });
});
