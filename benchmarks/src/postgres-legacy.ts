/**
 * The PostgreSQL append as @redress/postgres schema 3 did it (commit 36f2c42), kept
 * here only as a baseline measured in the same run: one transaction for the
 * compare-and-set and the insert without positions, then a second one numbering them
 * under a per-tenant advisory lock (redress_assign_positions, which also notifies), then
 * a read-back of the numbered rows. The SQL is the old release's, statement for
 * statement, on a schema migrated to version 3 only. Versions are numeric here (the
 * benchmark's commands always know them).
 */
import type { ComplaintEvent, RecordedEvent } from '@redress/core';
import type pg from 'pg';

export async function legacyAppend(pool: pg.Pool, schema: string, tenant: string, events: readonly RecordedEvent<ComplaintEvent>[]): Promise<void> {
  const first = events[0];
  if (!first) return;
  const previous = first.streamVersion - 1;
  const s = schema;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const cas =
      previous === 0
        ? await client.query(`INSERT INTO ${s}.redress_streams (tenant, stream_id, version) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 0 AS previous`, [
            tenant,
            first.streamId,
            events.length,
          ])
        : await client.query(
            `UPDATE ${s}.redress_streams SET version = version + $3 WHERE tenant = $1 AND stream_id = $2 AND version = $4 RETURNING version - $3 AS previous`,
            [tenant, first.streamId, events.length, previous],
          );
    if (cas.rows.length === 0) throw new Error(`legacy append: ${first.streamId} is not at ${previous}`);
    const column = <T>(pick: (e: RecordedEvent<ComplaintEvent>) => T) => events.map(pick);
    await client.query(
      `INSERT INTO ${s}.redress_events
         (tenant, stream_id, stream_version, event_id, type, data, occurred_at, actor, causation_id, correlation_id, schema_version)
       SELECT $1, $2, $3 + e.n, e.event_id, e.type, e.data::json, e.occurred_at, e.actor::json, e.causation_id, e.correlation_id, e.schema_version
       FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::int[])
         WITH ORDINALITY AS e(event_id, type, data, occurred_at, actor, causation_id, correlation_id, schema_version, n)
       ORDER BY e.n`,
      [
        tenant,
        first.streamId,
        previous,
        column((e) => e.eventId),
        column((e) => e.type),
        column((e) => JSON.stringify(e.data)),
        column((e) => e.occurredAt),
        column((e) => JSON.stringify(e.actor)),
        column((e) => e.causationId),
        column((e) => e.correlationId),
        column((e) => e.schemaVersion),
      ],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  await pool.query(`SELECT ${s}.redress_assign_positions($1, $2) AS n`, [tenant, true]);
  await pool.query(
    `SELECT global_position, stream_id, stream_version, event_id, type, data, occurred_at, actor, causation_id, correlation_id, schema_version
     FROM ${s}.redress_events WHERE tenant = $1 AND stream_id = $2 AND stream_version >= $3 AND stream_version <= $4 ORDER BY stream_version`,
    [tenant, first.streamId, first.streamVersion, first.streamVersion + events.length - 1],
  );
}
