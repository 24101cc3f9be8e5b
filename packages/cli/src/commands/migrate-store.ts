/**
 * `redress migrate`: brings the store's schema to the version this @redress package
 * knows, and says what it did. SQLite migrates on open (the store applies pending
 * migrations in one transaction); PostgreSQL is opened with `migrate: true`, which runs
 * `migrate()` under its advisory lock, so two deploys running it at once apply each
 * migration once.
 */
import type { OpenedStore } from '../store/open-store.js';
import { CliError } from '../errors.js';

/** What `redress migrate` changed. */
export interface MigrateReport {
  /** The schema version before and after. */
  readonly from: number;
  /** The schema version now. */
  readonly to: number;
  /** The versions this run applied (empty when the schema was current). */
  readonly applied: readonly number[];
}

/** Runs the store's pending migrations (SQLite or PostgreSQL) and reports the versions applied. */
export async function migrateStore(opened: OpenedStore): Promise<MigrateReport> {
  if (opened.kind === 'sqlite') {
    const { from, to, applied } = opened.store.migrations;
    return { from, to, applied: [...applied] };
  }
  // The store was opened with `migrate: true`, so its open ran migrate() and kept the report.
  const report = opened.store.migrations;
  if (!report) throw new CliError(`${opened.label} was opened without migrating: open it with { migrate: true }`);
  return { from: report.from, to: report.to, applied: report.applied.map((m) => m.version) };
}
