/**
 * Every command on PostgreSQL, on a throwaway cluster: a log exported from SQLite is
 * imported into a migrated schema and tenant, exported again unchanged, verified, its
 * read models rebuilt and its clocks ticked, through the same `redress` a host runs.
 */
import { readFileSync } from 'node:fs';
import { createPostgresEventStore } from '@redress/postgres';
import { startTestCluster, type TestCluster } from '@redress/postgres/testing';
import { createSqliteEventStore } from '@redress/sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir, writeLog } from '../test-support/cli.js';

const file = tempDir();
let cluster: TestCluster;
let url: string;
let ndjson: string;
/** The PostgreSQL log's last position after the import. */
let head = 0;

const lines = (text: string): { globalPosition: number; [field: string]: unknown }[] =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { globalPosition: number });

beforeAll(async () => {
  cluster = await startTestCluster();
  url = cluster.connectionString;
  const db = file('source.db');
  const store = createSqliteEventStore({ file: db });
  await writeLog(store);
  store.close();
  await cli(['export', '--sqlite', db, '--out', file('log.ndjson')]);
  ndjson = readFileSync(file('log.ndjson'), 'utf8');
});
afterAll(() => cluster?.stop());

const pg = (...args: string[]) => ['--postgres', url, '--schema', 'ops', '--tenant', 'branch-7', ...args];

describe('redress on PostgreSQL', () => {
  it('says to migrate a schema that was never migrated', async () => {
    const run = await cli(['verify', ...pg()]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^redress: .*does not exist.*: run `redress migrate` on this database first\n$/);
  });

  it('migrates, imports, exports the same log, and verifies it', async () => {
    const migrated = await cli(['migrate', ...pg('--json')]);
    expect(JSON.parse(migrated.stdout)).toMatchObject({ from: 0 });
    expect((await cli(['migrate', ...pg()])).stdout).toMatch(/PostgreSQL ops \(tenant branch-7\): schema is current/);

    const imported = await cli(['import', '-', ...pg()], { stdin: ndjson });
    expect(imported).toMatchObject({ code: 0, stdout: expect.stringMatching(/^imported 22 events of 5 streams into PostgreSQL ops \(tenant branch-7\)\n$/) });
    // The same events in the same order; the positions are PostgreSQL's own (ordered by
    // transaction, with gaps), so only their order is compared.
    const exported = lines((await cli(['export', ...pg()])).stdout);
    expect(exported.map(({ globalPosition: _, ...event }) => event)).toEqual(lines(ndjson).map(({ globalPosition: _, ...event }) => event));
    const positions = exported.map((e) => e.globalPosition);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(positions.length);
    head = positions[positions.length - 1] ?? 0;
    const verified = await cli(['verify', ...pg()]);
    expect(verified).toMatchObject({ code: 0, stdout: expect.stringContaining('✔ positions increase') });
    // Another tenant of the same schema sees none of it.
    expect((await cli(['export', '--postgres', url, '--schema', 'ops', '--tenant', 'other'])).stdout).toBe('');
  });

  it('rebuilds the ticket and SLA tables, and ticks the clocks once', async () => {
    const rebuilt = await cli(['rebuild', ...pg('--read-model', 'tickets', 'sla-deadlines', '--sla-config', 'default')]);
    expect(rebuilt.stdout).toMatch(new RegExp(`rebuilt tickets up to position ${head}\\n.*rebuilt sla-deadlines up to position ${head}\\n$`));
    const store = await createPostgresEventStore({ connectionString: url, schema: 'ops', tenant: 'branch-7', migrate: false });
    try {
      const { rows } = await store.pool.query('SELECT count(*)::int AS n FROM ops.redress_tickets WHERE tenant = $1', ['branch-7']);
      expect(rows[0].n).toBe(5);
    } finally {
      await store.close();
    }
    const tick = await cli(['sla-tick', ...pg('--sla-config', 'default', '--now', '2026-12-01T09:00:00.000Z', '--json')]);
    expect(JSON.parse(tick.stdout).appended.SlaBreached).toBeGreaterThan(0);
    const again = await cli(['sla-tick', ...pg('--sla-config', 'default', '--now', '2026-12-01T09:00:00.000Z')]);
    expect(again.stdout).toMatch(/nothing was due/);
  });
});
