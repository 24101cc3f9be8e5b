/**
 * Brings a database's schema up to this build's version. Each migration runs in
 * its own write transaction together with its row in `redress_migrations`, so a
 * crash leaves the schema at a version, never between two; several processes
 * opening the same file at once apply each migration exactly once (the version is
 * re-read after taking the write lock).
 */
import type { Clock } from '@redress/core';
import type { Database } from 'better-sqlite3';
import { SchemaTooNewError } from '../errors.js';
import { MIGRATIONS } from './all.js';
import type { Migration } from './migration.js';

/** What a migration run did. */
export interface MigrationReport {
  /** The schema version before and after. */
  readonly from: number;
  /** The version after the run. */
  readonly to: number;
  /** The versions applied by this call (empty when already up to date). */
  readonly applied: readonly number[];
}

const currentVersion = (db: Database): number =>
  (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM redress_migrations').get() as { v: number }).v;

/**
 * Brings the file to the latest schema, each migration in its own transaction, recording when each was
 * applied (by the injected clock); throws `SchemaTooNewError` for a newer file.
 */
export function migrate(db: Database, clock: Clock, migrations: readonly Migration[] = MIGRATIONS): MigrationReport {
  db.exec(`CREATE TABLE IF NOT EXISTS redress_migrations (
    version    INTEGER PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const supported = migrations.length;
  const from = currentVersion(db);
  if (from > supported) throw new SchemaTooNewError(from, supported);
  const applied: number[] = [];
  const record = db.prepare('INSERT INTO redress_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      // Another process may have migrated while this one waited for the lock.
      const now = currentVersion(db);
      if (now > supported) throw new SchemaTooNewError(now, supported);
      if (now >= migration.version) return;
      db.exec(migration.sql);
      migration.run?.(db);
      record.run(migration.version, migration.name, clock.now().toISOString());
      applied.push(migration.version);
    }).immediate();
  }
  return { from, to: currentVersion(db), applied };
}
