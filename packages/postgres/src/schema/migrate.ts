/**
 * Brings a schema up to this release's version, once, even when several app
 * instances start together: the whole run is one transaction holding an advisory
 * lock, so a failed migration leaves nothing behind and a second instance waits,
 * then finds nothing to do. A database written by a newer release is refused.
 */
import type { Pool, PoolClient } from 'pg';
import { inTransaction } from '../store/clients.js';
import { EVENTS_PER_APPEND } from '../store/positions.js';
import { quoteIdentifier } from '../store/sql.js';
import { LOCK_CLASS, MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations.js';

/** The database's schema is not the version this release reads: newer (upgrade the package) or older (migrate). */
export class SchemaVersionError extends Error {
  /** The class name as a string, so logs still name it after a bundler renames the class. */
  override readonly name = 'SchemaVersionError';
  /**
   * Always `'SchemaVersion'`: recognise the error by this, not `instanceof`, which fails across the ESM and
   * CommonJS builds.
   */
  readonly kind = 'SchemaVersion' as const;
  constructor(
    /** The schema holding Redress's tables. */
    readonly schema: string,
    /** The version the database is at. */
    readonly databaseVersion: number,
    /** The version this release reads. */
    readonly supportedVersion: number,
  ) {
    super(
      databaseVersion > supportedVersion
        ? `schema "${schema}" is at version ${databaseVersion}, but this @redress/postgres only knows versions up to ${supportedVersion}: ` +
            'upgrade @redress/postgres (never point an older release at a newer database)'
        : `schema "${schema}" is at version ${databaseVersion}, but this @redress/postgres needs version ${supportedVersion}: run migrate() first`,
    );
  }
}

/** What a migration run did. */
export interface MigrationReport {
  /** The version before the run (0: a fresh schema). */
  readonly from: number;
  /** The version after the run. */
  readonly to: number;
  /** The migrations this run applied, in order. */
  readonly applied: readonly { readonly version: number; readonly name: string }[];
  /**
   * True when new positions would have fallen below the log's (the transaction counter
   * is behind it: a dump restored into another cluster) and the base was moved up.
   */
  readonly rebased: boolean;
}

/**
 * New positions come from transaction ids (store/positions.ts). If the cluster's
 * counter is behind the log, as after restoring a dump into another cluster, they
 * would fall below positions readers have passed: move the base so they do not.
 * Writers are locked out meanwhile, so no append sees half of it.
 */
async function positionsBehind(q: Pick<PoolClient, 'query'> | Pool, s: string): Promise<boolean> {
  const { rows: exists } = await q.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [`${s}.redress_positions`]);
  if (!exists[0]?.t) return false;
  // pg_current_xact_id() would take a transaction id: the next one is enough to compare.
  const check = `SELECT (pg_snapshot_xmax(pg_current_snapshot())::text::bigint - p.base_xid) * ${EVENTS_PER_APPEND}
       <= (SELECT coalesce(max(last_position), 0) FROM ${s}.redress_streams) AS behind
     FROM ${s}.redress_positions AS p`;
  return (await q.query<{ behind: boolean }>(check)).rows[0]?.behind === true;
}

async function rebaseIfBehind(client: PoolClient, s: string): Promise<boolean> {
  if (!(await positionsBehind(client, s))) return false;
  await client.query(`LOCK TABLE ${s}.redress_events, ${s}.redress_streams IN EXCLUSIVE MODE`);
  await client.query(
    `UPDATE ${s}.redress_positions SET base_xid = pg_current_xact_id()::text::bigint - ((SELECT coalesce(max(last_position), 0) FROM ${s}.redress_streams) / ${EVENTS_PER_APPEND} + 1)`,
  );
  return true;
}

/**
 * Brings a schema to the latest version in one transaction holding an advisory lock, so instances that
 * start together migrate it once.
 */
export async function migrate(pool: Pool, schema = 'public', migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationReport> {
  const s = quoteIdentifier(schema);
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  return inTransaction(pool, 'migrate', async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_CLASS.migrations, schema]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${s}.redress_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const from = await versionOf(client, s);
    if (from > latest) throw new SchemaVersionError(schema, from, latest);
    const pending = migrations.filter((m) => m.version > from).sort((a, b) => a.version - b.version);
    for (const m of pending) {
      await client.query(m.sql(s));
      await client.query(`INSERT INTO ${s}.redress_migrations (version, name) VALUES ($1, $2)`, [m.version, m.name]);
    }
    const rebased = await rebaseIfBehind(client, s);
    return { from, to: Math.max(from, latest), applied: pending.map((m) => ({ version: m.version, name: m.name })), rebased };
  });
}

async function versionOf(q: Pick<PoolClient, 'query'> | Pool, s: string): Promise<number> {
  const { rows } = await q.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${s}.redress_migrations`);
  return rows[0]?.version ?? 0;
}

/** For stores created with `migrate: false`: refuses a schema this release cannot use, before anything is written. */
export async function assertMigrated(pool: Pool, schema: string): Promise<void> {
  const s = quoteIdentifier(schema);
  const { rows } = await pool.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [`${s}.redress_migrations`]);
  const version = rows[0]?.t ? await versionOf(pool, s) : 0;
  if (version !== SCHEMA_VERSION) throw new SchemaVersionError(schema, version, SCHEMA_VERSION);
  if (await positionsBehind(pool, s)) throw new PositionsBehindError(schema);
}

/** The cluster's transaction counter is behind the log (a dump restored into another cluster): run migrate() first. */
export class PositionsBehindError extends Error {
  /** The class name as a string, so logs still name it after a bundler renames the class. */
  override readonly name = 'PositionsBehindError';
  /**
   * Always `'PositionsBehind'`: recognise the error by this, not `instanceof`, which fails across the ESM and
   * CommonJS builds.
   */
  readonly kind = 'PositionsBehind' as const;
  constructor(
    /** The schema whose positions are behind. */
    readonly schema: string,
  ) {
    super(
      `schema "${schema}": new positions would fall below the log's (the database was restored into another cluster?); ` +
        'run migrate() once, which moves the base up, before appending',
    );
  }
}

export { SCHEMA_VERSION };
