/**
 * The write side of an append, as SQL: one statement, so one round trip and one
 * commit. Its first part is a compare-and-set on the stream row, one form per kind of
 * expectation, so PostgreSQL, not this process, decides a race: an UPDATE that waits
 * on a concurrent writer re-checks its WHERE clause on the row that writer committed,
 * and an INSERT of a new stream loses to a concurrent one. Its second part inserts the
 * events with their positions (store/positions.ts) only if the first part took the row.
 *
 * The stream row also holds the stream's last position, and the compare-and-set only
 * succeeds above it. That keeps every stream's versions in global order even when a
 * writer got its transaction id before the writer it then waited for (possible with
 * 'any' and 'streamExists'): its positions would lie below that writer's, so its
 * statement takes no row, and the caller tries again in a new transaction.
 */
import type { EventLike, ExpectedVersion, NewEvent } from '@redress/core';
import { createHash } from 'node:crypto';
import type { ClientBase } from 'pg';
import { firstPosition } from './positions.js';

export interface StoreTables {
  /** The quoted schema. */
  readonly schema: string;
  readonly tenant: string;
}

type Queryable = Pick<ClientBase, 'query'>;

/** The stream-row part of the statement for an expectation; `$12` is a numeric expected version. */
function compareAndSet(s: string, expected: ExpectedVersion): string {
  const update = (condition: string) => `
    UPDATE ${s}.redress_streams AS st SET version = st.version + $3::int, last_position = pos.first + $3::int - 1
    FROM pos WHERE st.tenant = $1 AND st.stream_id = $2 ${condition} AND st.last_position < pos.first
    RETURNING st.version - $3::int AS previous, pos.first AS first`;
  const insert = (onConflict: string) => `
    INSERT INTO ${s}.redress_streams AS st (tenant, stream_id, version, last_position)
    SELECT $1, $2, $3::int, pos.first + $3::int - 1 FROM pos
    ${onConflict}
    RETURNING st.version - $3::int AS previous, st.last_position - $3::int + 1 AS first`;
  if (expected === 'noStream' || expected === 0) return insert('ON CONFLICT DO NOTHING');
  if (expected === 'any') {
    return insert(`ON CONFLICT (tenant, stream_id) DO UPDATE SET version = st.version + EXCLUDED.version, last_position = EXCLUDED.last_position
      WHERE st.last_position < EXCLUDED.last_position - $3::int + 1`);
  }
  if (expected === 'streamExists') return update('');
  return update('AND st.version = $12');
}

/** The kinds of expectation that have a statement of their own. */
const formOf = (expected: ExpectedVersion) => (expected === 'noStream' || expected === 0 ? 'new' : typeof expected === 'number' ? 'version' : expected);

const statements = new Map<string, { readonly text: string; readonly name: string }>();

/** The statement for a schema and a kind of expectation, built (and named after its text) once. */
function statementFor(s: string, expected: ExpectedVersion): { readonly text: string; readonly name: string } {
  const key = `${s}\u0000${formOf(expected)}`;
  let statement = statements.get(key);
  if (!statement) {
    const text = `WITH pos AS (SELECT ${firstPosition(s)} AS first),
     cas AS (${compareAndSet(s, expected)}),
     ins AS (
       INSERT INTO ${s}.redress_events
         (tenant, global_position, stream_id, stream_version, event_id, type, data, occurred_at, actor, causation_id, correlation_id, schema_version)
       SELECT $1, cas.first + e.n - 1, $2, cas.previous + e.n, e.event_id, e.type, e.data::json, e.occurred_at, e.actor::json,
              e.causation_id, e.correlation_id, e.schema_version
       FROM cas, unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::int[])
         WITH ORDINALITY AS e(event_id, type, data, occurred_at, actor, causation_id, correlation_id, schema_version, n)
     )
     SELECT previous, first FROM cas`;
    statement = { text, name: `redress-append-${createHash('sha1').update(text).digest('hex').slice(0, 16)}` };
    statements.set(key, statement);
  }
  return statement;
}

/** Where an append went: the stream's version before it and its first position. */
export interface Placed {
  readonly previous: number;
  readonly first: number;
}

/** What to append where. */
export interface AppendRequest<E extends EventLike> {
  readonly streamId: string;
  readonly expected: ExpectedVersion;
  readonly events: readonly NewEvent<E>[];
}

/**
 * Appends in one statement (its own transaction, unless the caller opened one). Returns
 * undefined when the stream row was not taken: the stream is not at `expected`, or the
 * position guard above refused; `streamVersion` tells which. A version the stream can
 * never be at (negative, fractional) takes nothing. `prepared`: as a named statement,
 * parsed and planned once per connection (its name is a hash of its text).
 */
export async function appendStatement<E extends EventLike>(q: Queryable, t: StoreTables, request: AppendRequest<E>, prepared = false): Promise<Placed | undefined> {
  const { streamId, expected, events } = request;
  if (typeof expected === 'number' && (!Number.isSafeInteger(expected) || expected < 0)) return undefined;
  const s = t.schema;
  const column = <T>(pick: (e: NewEvent<E>) => T) => events.map(pick);
  const params: unknown[] = [
    t.tenant,
    streamId,
    events.length,
    column((e) => e.eventId),
    column((e) => e.type),
    column((e) => JSON.stringify(e.data)),
    column((e) => e.occurredAt),
    column((e) => JSON.stringify(e.actor)),
    column((e) => e.causationId),
    column((e) => e.correlationId),
    column((e) => e.schemaVersion),
  ];
  if (typeof expected === 'number' && expected > 0) params.push(expected);
  const { text, name } = statementFor(s, expected);
  const { rows } = await q.query<{ previous: number; first: string }>(prepared ? { name, text, values: params } : { text, values: params });
  const row = rows[0];
  return row ? { previous: row.previous, first: Number(row.first) } : undefined;
}

/** The stream's version (0: no stream). */
export async function streamVersion(q: Queryable, t: StoreTables, streamId: string): Promise<number> {
  const { rows } = await q.query<{ version: number }>(`SELECT version FROM ${t.schema}.redress_streams WHERE tenant = $1 AND stream_id = $2`, [
    t.tenant,
    streamId,
  ]);
  return rows[0]?.version ?? 0;
}
