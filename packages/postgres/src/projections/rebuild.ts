/**
 * Rebuilds a SQL projection from position 1, in one transaction: readers keep the
 * old rows until the new ones commit, all at once. The checkpoint row stays locked
 * meanwhile, so the active projector waits, then notices the new checkpoint and goes
 * on from there instead of applying a batch twice.
 */
import type { ComplaintEvent, EventLike } from '@redress/core';
import type { PostgresEventStore } from '../store/postgres-event-store.js';
import { inTransaction } from '../store/clients.js';
import { quoteIdentifier } from '../store/sql.js';
import { readCheckpoint, writeCheckpoint } from './checkpoints.js';
import type { ProjectionScope, SqlProjection } from './sql-projection.js';

/** What a rebuild did. */
export interface RebuildReport {
  /** The checkpoint after the rebuild: the last event applied. */
  readonly checkpoint: number;
  /** Events applied. */
  readonly events: number;
}

/**
 * Empties the projection's tables and replays the whole log into them in one transaction: readers see the old
 * read model until it commits.
 */
export async function rebuildSqlProjection<E extends EventLike = ComplaintEvent>(
  store: PostgresEventStore<E>,
  projection: SqlProjection<E>,
  options: { readonly batchSize?: number } = {},
): Promise<RebuildReport> {
  const batchSize = options.batchSize ?? 1000;
  const scope: ProjectionScope = { schema: quoteIdentifier(store.schema), tenant: store.tenant };
  return inTransaction(store.pool, 'rebuild', async (client) => {
    // Create the row if needed, then lock it for the whole rebuild.
    await client.query(`INSERT INTO ${scope.schema}.redress_checkpoints (tenant, projection, position) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING`, [
      scope.tenant,
      projection.name,
    ]);
    await readCheckpoint(client, scope, projection.name, true);
    await projection.reset(client, scope);
    let position = 0;
    let events = 0;
    // This transaction holds a transaction id from the reset on, so the log is read up to
    // the appends that started before it: the rows match one instant of the log.
    for (;;) {
      const batch = await store.readAll(position + 1, batchSize);
      const last = batch[batch.length - 1];
      if (last === undefined) break;
      await projection.apply(client, batch, scope);
      position = last.globalPosition;
      events += batch.length;
    }
    await writeCheckpoint(client, scope, projection.name, position);
    return { checkpoint: position, events };
  });
}
