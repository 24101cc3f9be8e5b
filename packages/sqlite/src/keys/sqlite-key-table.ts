/**
 * The key tables of migration 6 as a `KeyTable` (core's createTableKeyStore holds the
 * logic). Each call is one statement or one IMMEDIATE transaction: the write lock is
 * taken first, so an insert checks "not erased, version free" and writes with no other
 * connection in between, and a destroy deletes and records in one step. The store runs
 * with `secure_delete`, so a destroyed key's bytes are zeroed in the file (open.ts).
 */
import type { Clock, KeyRow, KeyRowLookup, KeyTable, SubjectKeys } from '@redress/core';
import type { Database } from 'better-sqlite3';
import { typed } from '../store/faults.js';

interface Found {
  readonly destroyed: number;
  readonly version: number | null;
  readonly wrapped_key: string | null;
  readonly wrapper_id: string | null;
}

function lookup(subject: string, found: Found | undefined): KeyRowLookup {
  if (found?.destroyed === 1) return { state: 'destroyed' };
  if (found?.version == null || found.wrapped_key === null || found.wrapper_id === null) return { state: 'unknown' };
  return { state: 'active', row: { subject, version: found.version, wrappedKey: found.wrapped_key, wrapperId: found.wrapper_id } };
}

/** The key table on `db`; `destroyInTransaction` lets an erasure destroy keys inside the transaction of its audit event. */
export function sqliteKeyTable(db: Database, clock: Clock): KeyTable & { destroyInTransaction(subject: string): void } {
  const sql = {
    latest: db.prepare(`
      SELECT s.destroyed, k.version, k.wrapped_key, k.wrapper_id FROM redress_key_subjects AS s
      LEFT JOIN redress_data_keys AS k ON k.subject = s.subject
      WHERE s.subject = ? ORDER BY k.version DESC LIMIT 1`),
    row: db.prepare(`
      SELECT s.destroyed, k.version, k.wrapped_key, k.wrapper_id FROM redress_key_subjects AS s
      LEFT JOIN redress_data_keys AS k ON k.subject = s.subject AND k.version = ?
      WHERE s.subject = ?`),
    destroyed: db.prepare('SELECT destroyed FROM redress_key_subjects WHERE subject = ?').pluck(),
    addSubject: db.prepare('INSERT INTO redress_key_subjects (subject, destroyed) VALUES (?, 0) ON CONFLICT (subject) DO NOTHING'),
    insert: db.prepare(
      'INSERT INTO redress_data_keys (subject, version, wrapped_key, wrapper_id, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (subject, version) DO NOTHING',
    ),
    deleteKeys: db.prepare('DELETE FROM redress_data_keys WHERE subject = ?'),
    markDestroyed: db.prepare(`
      INSERT INTO redress_key_subjects (subject, destroyed, destroyed_at) VALUES (?, 1, ?)
      ON CONFLICT (subject) DO UPDATE SET destroyed = 1, destroyed_at = COALESCE(destroyed_at, excluded.destroyed_at)`),
    subjects: db.prepare(`
      SELECT s.subject, s.destroyed, COALESCE(MAX(k.version), 0) AS current FROM redress_key_subjects AS s
      LEFT JOIN redress_data_keys AS k ON k.subject = s.subject
      GROUP BY s.subject HAVING s.destroyed = 1 OR COUNT(k.version) > 0`),
  };

  const insert = db.transaction((row: KeyRow): 'inserted' | 'taken' | 'erased' => {
    if (sql.destroyed.get(row.subject) === 1) return 'erased';
    sql.addSubject.run(row.subject);
    const { changes } = sql.insert.run(row.subject, row.version, row.wrappedKey, row.wrapperId, clock.now().toISOString());
    return changes === 1 ? 'inserted' : 'taken';
  });
  const destroyInTransaction = (subject: string) => {
    sql.deleteKeys.run(subject);
    sql.markDestroyed.run(subject, clock.now().toISOString());
  };
  const destroy = db.transaction(destroyInTransaction);

  return {
    latest: async (subject) => typed('keys', () => lookup(subject, sql.latest.get(subject) as Found | undefined)),
    row: async (subject, version) => typed('keys', () => lookup(subject, sql.row.get(version, subject) as Found | undefined)),
    insert: async (row) => typed('keys', () => insert.immediate(row)),
    destroy: async (subject) => typed('keys', () => destroy.immediate(subject)),
    destroyInTransaction,
    async subjects(): Promise<SubjectKeys[]> {
      const rows = typed('keys', () => sql.subjects.all()) as { subject: string; destroyed: number; current: number }[];
      return rows.map((r) => ({ subject: r.subject, currentVersion: r.destroyed === 1 ? 0 : r.current, destroyed: r.destroyed === 1 }));
    },
  };
}
