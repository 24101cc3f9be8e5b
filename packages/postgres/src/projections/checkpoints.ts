/** Where each projection is in the log, per tenant (redress_checkpoints). */
import type { ClientBase, Pool } from 'pg';
import type { ProjectionScope } from './sql-projection.js';

/** The checkpoint (0 before any event); `forUpdate` locks the row, inside the caller's transaction. */
export async function readCheckpoint(q: Pick<ClientBase | Pool, 'query'>, scope: ProjectionScope, projection: string, forUpdate: boolean): Promise<number> {
  const { rows } = await q.query<{ position: string }>(
    `SELECT position FROM ${scope.schema}.redress_checkpoints WHERE tenant = $1 AND projection = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [scope.tenant, projection],
  );
  return Number(rows[0]?.position ?? 0);
}

export async function writeCheckpoint(tx: ClientBase, scope: ProjectionScope, projection: string, position: number): Promise<void> {
  await tx.query(
    `INSERT INTO ${scope.schema}.redress_checkpoints (tenant, projection, position) VALUES ($1, $2, $3)
     ON CONFLICT (tenant, projection) DO UPDATE SET position = EXCLUDED.position`,
    [scope.tenant, projection, position],
  );
}
