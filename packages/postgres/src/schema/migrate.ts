/**
 * Brings a schema up to this release's version, once, even when several app
 * instances start together: the whole run is one transaction holding an advisory
 * lock, so a failed migration leaves nothing behind and a second instance waits,
 * then finds nothing to do. A database written by a newer release is refused.
 */
import type { Pool } from 'pg';
import { quoteIdentifier } from '../store/sql.js';
import { LOCK_CLASS, MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations.js';

/** The database's schema is newer than this release understands. */
export class SchemaVersionError extends Error {
  override readonly name = 'SchemaVersionError';
  readonly kind = 'SchemaVersion' as const;
  constructor(
    readonly schema: string,
    readonly databaseVersion: number,
    readonly supportedVersion: number,
  ) {
    super(
      `schema "${schema}" is at version ${databaseVersion}, but this @redress/postgres only knows versions up to ${supportedVersion}: ` +
        'upgrade @redress/postgres (never point an older release at a newer database)',
    );
  }
}

export interface MigrationReport {
  /** The version before the run (0: a fresh schema). */
  readonly from: number;
  readonly to: number;
  readonly applied: readonly { readonly version: number; readonly name: string }[];
}

export async function migrate(pool: Pool, schema = 'public', migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationReport> {
  const s = quoteIdentifier(schema);
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_CLASS.migrations, schema]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${s}.redress_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${s}.redress_migrations`);
    const from = rows[0]?.version ?? 0;
    if (from > latest) throw new SchemaVersionError(schema, from, latest);
    const pending = migrations.filter((m) => m.version > from).sort((a, b) => a.version - b.version);
    for (const m of pending) {
      await client.query(m.sql(s));
      await client.query(`INSERT INTO ${s}.redress_migrations (version, name) VALUES ($1, $2)`, [m.version, m.name]);
    }
    await client.query('COMMIT');
    return { from, to: Math.max(from, latest), applied: pending.map((m) => ({ version: m.version, name: m.name })) };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export { SCHEMA_VERSION };
