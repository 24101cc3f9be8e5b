/**
 * Which advisory lock makes a projector instance the active one. Until schema 3 it was
 * a 32-bit hash of "schema/tenant/projection", and two tenants whose names hashed alike
 * (one pair in every ~250k names) blocked each other's projectors. Now each (tenant,
 * projection) registers a number in its schema, and the lock is the one-key advisory
 * lock (schema oid << 32) | number: two different projections never share one, within
 * a schema or across schemas of one database. In pg_locks it shows as classid = the
 * schema's oid, objid = the number, objsubid = 1.
 */
import type { Pool } from 'pg';
import type { ProjectionScope } from './sql-projection.js';

/** The advisory-lock key of a projection, registering it on first use. */
export async function projectorLockKey(pool: Pool, scope: ProjectionScope, schemaName: string, projection: string): Promise<string> {
  const find = `SELECT ((n.oid::bigint << 32) | l.lock_id)::text AS key
     FROM ${scope.schema}.redress_projector_locks AS l, pg_namespace AS n
     WHERE n.nspname = $3 AND l.tenant = $1 AND l.projection = $2`;
  const params = [scope.tenant, projection, schemaName];
  const found = (await pool.query<{ key: string }>(find, params)).rows[0];
  if (found) return found.key;
  await pool.query(`INSERT INTO ${scope.schema}.redress_projector_locks (tenant, projection) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [scope.tenant, projection]);
  const registered = (await pool.query<{ key: string }>(find, params)).rows[0];
  if (!registered) throw new Error(`projection ${projection} of tenant ${scope.tenant} could not be registered in redress_projector_locks`);
  return registered.key;
}
