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
}

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
    const [pgCtl, args] = asServerUser(bin, 'pg_ctl', ['-D', data, '-l', join(directory, 'server.log'), '-o', [...serverOptions, `-p ${port}`].join(' '), '-w', '-t', '60', 'start']);
    try {
      await run(pgCtl, args);
    } catch (error) {
      lastError = error;
      continue;
    }
    const stopArgs = asServerUser(bin, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    let stopped = false;
    const stopNow = () => {
      if (stopped) return;
      stopped = true;
      try {
        execFileSync(stopArgs[0], stopArgs[1], { stdio: 'ignore' });
      } finally {
        remove();
      }
    };
    // A test run that ends without calling stop() must not leave a server behind.
    process.once('exit', stopNow);
    return {
      connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      port,
      directory,
      async stop() {
        process.removeListener('exit', stopNow);
        if (stopped) return;
        stopped = true;
        try {
          await run(stopArgs[0], stopArgs[1]);
        } finally {
          remove();
        }
      },
    };
  }
  remove();
  throw new Error(`PostgreSQL did not start: ${String(lastError)}`, { cause: lastError });
}
