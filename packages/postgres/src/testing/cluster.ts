/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: `initdb` into a temp
 * directory, start the server on a free loopback port (and a unix socket in the
 * same directory), and remove it all on `stop()`. PostgreSQL refuses to run as
 * root, so as root the server runs as the unprivileged `postgres` user.
 *
 * Published as `@redress/postgres/testing` so hosts can test their own code
 * against a real server the same way.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TestClusterOptions {
  /**
   * Keep PostgreSQL's durability settings (fsync, synchronous commit). Off by default:
   * tests kill clients, never the server, so they do not need them, and they are slow
   * on a shared disk. Benchmarks turn them on.
   */
  readonly durable?: boolean;
  /** Extra `-c name=value` server settings. */
  readonly settings?: Readonly<Record<string, string | number>>;
}

export interface TestCluster {
  /** `postgresql://postgres@127.0.0.1:PORT/postgres` (trust authentication, loopback only). */
  readonly connectionString: string;
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

/** How `pg_ctl stop` stops the server (`smart` waits for clients, so tests never use it). */
export type ShutdownMode = 'fast' | 'immediate';

/** Thrown when PostgreSQL's server binaries cannot be found. */
export class PostgresNotInstalledError extends Error {
  override readonly name = 'PostgresNotInstalledError';
}

/** `initdb`'s directory: on PATH, else Debian's versioned directories, newest first. */
export function findPostgresBin(): string {
  const onPath = (process.env.PATH ?? '').split(delimiter).find((dir) => dir !== '' && existsSync(join(dir, 'initdb')));
  if (onPath) return onPath;
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian)
    ? readdirSync(debian)
        .filter((v) => existsSync(join(debian, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (newest !== undefined) return join(debian, newest, 'bin');
  throw new PostgresNotInstalledError(
    'PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH nor in /usr/lib/postgresql/*/bin. ' +
      'Install PostgreSQL 15 or later (Debian: apt-get install postgresql) to run the @redress/postgres tests.',
  );
}

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

/** Runs a server binary, as `postgres` when we are root. */
function asServerUser(bin: string, tool: string, args: readonly string[]): [string, string[]] {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), [...args]];
}

export async function startTestCluster(options: TestClusterOptions = {}): Promise<TestCluster> {
  const bin = findPostgresBin();
  const directory = mkdtempSync(join(tmpdir(), 'redress-pg-'));
  const data = join(directory, 'data');
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
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
    const stopArgs = (mode: ShutdownMode | 'fast') => asServerUser(bin, 'pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
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
          if (running) await run(...stopArgs('fast'));
        } finally {
          remove();
        }
      },
    };
  }
  remove();
  throw new Error(`PostgreSQL did not start: ${String(lastError)}`, { cause: lastError });
}
