/**
 * The write side of an append, as SQL. The compare-and-set on the stream row is one
 * statement per kind of expectation, so PostgreSQL, not this process, decides a race:
 * an UPDATE that waits on a concurrent writer re-checks its WHERE clause on the row
 * that writer committed, and an INSERT of a new stream loses to a concurrent one.
 */
import { ConcurrencyConflictError, type EventLike, type ExpectedVersion, type NewEvent } from '@redress/core';
import type { ClientBase } from 'pg';

export interface StoreTables {
  /** The quoted schema. */
  readonly schema: string;
  readonly tenant: string;
}

/** Takes `count` versions on the stream when it is at `expected`; returns the version before, or undefined on a mismatch. */
async function compareAndSet(client: ClientBase, t: StoreTables, streamId: string, expected: ExpectedVersion, count: number): Promise<number | undefined> {
  const s = t.schema;
  const params = [t.tenant, streamId, count];
  let sql: string;
  if (expected === 'noStream' || expected === 0) {
    sql = `INSERT INTO ${s}.redress_streams (tenant, stream_id, version) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 0 AS previous`;
  } else if (expected === 'any') {
    sql = `INSERT INTO ${s}.redress_streams AS st (tenant, stream_id, version) VALUES ($1, $2, $3)
           ON CONFLICT (tenant, stream_id) DO UPDATE SET version = st.version + EXCLUDED.version
           RETURNING st.version - $3 AS previous`;
  } else if (expected === 'streamExists') {
    sql = `UPDATE ${s}.redress_streams SET version = version + $3 WHERE tenant = $1 AND stream_id = $2 RETURNING version - $3 AS previous`;
  } else {
    // A version the stream can never be at (negative, fractional) matches no row.
    if (!Number.isSafeInteger(expected) || expected < 0) return undefined;
    sql = `UPDATE ${s}.redress_streams SET version = version + $3 WHERE tenant = $1 AND stream_id = $2 AND version = $4 RETURNING version - $3 AS previous`;
    params.push(expected);
  }
  const { rows } = await client.query<{ previous: number }>(sql, params);
  return rows[0]?.previous;
}

export async function streamVersion(client: Pick<ClientBase, 'query'>, t: StoreTables, streamId: string): Promise<number> {
  const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${t.schema}.redress_streams WHERE tenant = $1 AND stream_id = $2`, [
    t.tenant,
    streamId,
  ]);
  return rows[0]?.version ?? 0;
}

/**
 * Inside the caller's transaction: checks the stream is at `expected`, bumps its
 * version and inserts the events without a global position (they get one after
 * commit). Returns the version before the append. Throws `ConcurrencyConflictError`
 * on a version mismatch; a reused event id surfaces as the driver's unique violation.
 */
export async function appendInTransaction<E extends EventLike>(
  client: ClientBase,
  t: StoreTables,
  streamId: string,
  expected: ExpectedVersion,
  events: readonly NewEvent<E>[],
): Promise<number> {
  const previous = await compareAndSet(client, t, streamId, expected, events.length);
  if (previous === undefined) throw new ConcurrencyConflictError(streamId, expected, await streamVersion(client, t, streamId));
  const column = <T>(pick: (e: NewEvent<E>) => T) => events.map(pick);
  await client.query(
    `INSERT INTO ${t.schema}.redress_events
       (tenant, stream_id, stream_version, event_id, type, data, occurred_at, actor, causation_id, correlation_id, schema_version)
     SELECT $1, $2, $3 + e.n, e.event_id, e.type, e.data::json, e.occurred_at, e.actor::json, e.causation_id, e.correlation_id, e.schema_version
     FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::int[])
       WITH ORDINALITY AS e(event_id, type, data, occurred_at, actor, causation_id, correlation_id, schema_version, n)
     ORDER BY e.n`,
    [
      t.tenant,
      streamId,
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
  return previous;
}
