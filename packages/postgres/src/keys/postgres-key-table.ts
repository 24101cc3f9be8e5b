/**
 * The key tables of migration 5 as a `KeyTable` (core's createTableKeyStore holds the
 * logic), every row scoped to the store's tenant. Who decides a race:
 * - two first keys, two rotations: the primary key (tenant, subject, version); the
 *   loser's INSERT … ON CONFLICT DO NOTHING takes no row and it reads again;
 * - an insert against an erasure: the subject row. An insert locks it FOR SHARE and
 *   reads `destroyed` under that lock; a destroy updates it (waiting for the share
 *   lock) and then deletes the keys, so an insert that committed first is deleted with
 *   the rest and one that comes after sees the erasure.
 * Destroyed keys are deleted, not flagged: a `pg_dump` has nothing of them. The dead
 * tuples stay in the data files until VACUUM, as wrapped keys that are useless without
 * the master key.
 */
import type { KeyRow, KeyRowLookup, KeyTable, SubjectKeys } from '@redress/core';
import type { ClientBase, Pool } from 'pg';
import type { StoreTables } from '../store/append.js';
import { inTransaction } from '../store/clients.js';
import { retried } from '../store/faults.js';

type Queryable = Pick<ClientBase, 'query'>;

interface Found {
  readonly destroyed: boolean;
  readonly version: number | null;
  readonly wrapped_key: string | null;
  readonly wrapper_id: string | null;
}

function lookup(subject: string, found: Found | undefined): KeyRowLookup {
  if (found?.destroyed) return { state: 'destroyed' };
  if (!found || found.version === null || found.wrapped_key === null || found.wrapper_id === null) return { state: 'unknown' };
  return { state: 'active', row: { subject, version: found.version, wrappedKey: found.wrapped_key, wrapperId: found.wrapper_id } };
}

/** Destroys a subject's keys on `q`, inside the caller's transaction (an erasure's audit append uses it). */
export async function destroyKeys(q: Queryable, t: StoreTables, subject: string): Promise<void> {
  await q.query(
    `INSERT INTO ${t.schema}.redress_key_subjects (tenant, subject, destroyed, destroyed_at) VALUES ($1, $2, true, now())
     ON CONFLICT (tenant, subject) DO UPDATE SET destroyed = true, destroyed_at = coalesce(${t.schema}.redress_key_subjects.destroyed_at, now())`,
    [t.tenant, subject],
  );
  await q.query(`DELETE FROM ${t.schema}.redress_data_keys WHERE tenant = $1 AND subject = $2`, [t.tenant, subject]);
}

export function postgresKeyTable(pool: Pool, t: StoreTables): KeyTable {
  const s = t.schema;
  const select = (join: string) => `
    SELECT ks.destroyed, k.version, k.wrapped_key, k.wrapper_id FROM ${s}.redress_key_subjects AS ks
    LEFT JOIN ${s}.redress_data_keys AS k ON k.tenant = ks.tenant AND k.subject = ks.subject ${join}
    WHERE ks.tenant = $1 AND ks.subject = $2`;
  const latest = `${select('')} ORDER BY k.version DESC NULLS LAST LIMIT 1`;
  const row = select('AND k.version = $3');

  return {
    latest: (subject) => retried('keys', async () => lookup(subject, (await pool.query<Found>(latest, [t.tenant, subject])).rows[0])),
    row: (subject, version) => retried('keys', async () => lookup(subject, (await pool.query<Found>(row, [t.tenant, subject, version])).rows[0])),
    insert: (key: KeyRow) =>
      inTransaction(pool, 'keys', async (tx) => {
        await tx.query(`INSERT INTO ${s}.redress_key_subjects (tenant, subject, destroyed) VALUES ($1, $2, false) ON CONFLICT DO NOTHING`, [t.tenant, key.subject]);
        const { rows } = await tx.query<{ destroyed: boolean }>(`SELECT destroyed FROM ${s}.redress_key_subjects WHERE tenant = $1 AND subject = $2 FOR SHARE`, [
          t.tenant,
          key.subject,
        ]);
        if (rows[0]?.destroyed !== false) return 'erased';
        const { rowCount } = await tx.query(
          `INSERT INTO ${s}.redress_data_keys (tenant, subject, version, wrapped_key, wrapper_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
          [t.tenant, key.subject, key.version, key.wrappedKey, key.wrapperId],
        );
        return rowCount === 1 ? 'inserted' : 'taken';
      }),
    destroy: (subject) => inTransaction(pool, 'keys', (tx) => destroyKeys(tx, t, subject)),
    async subjects(): Promise<SubjectKeys[]> {
      const { rows } = await retried('keys', () =>
        pool.query<{ subject: string; destroyed: boolean; current: number }>(
          `SELECT ks.subject, ks.destroyed, coalesce(max(k.version), 0)::int AS current FROM ${s}.redress_key_subjects AS ks
           LEFT JOIN ${s}.redress_data_keys AS k ON k.tenant = ks.tenant AND k.subject = ks.subject
           WHERE ks.tenant = $1 GROUP BY ks.subject, ks.destroyed HAVING ks.destroyed OR count(k.version) > 0`,
          [t.tenant],
        ),
      );
      return rows.map((r) => ({ subject: r.subject, currentVersion: r.destroyed ? 0 : r.current, destroyed: r.destroyed }));
    },
  };
}
