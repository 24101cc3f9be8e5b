/**
 * Migration 4: appends in one commit. Until schema 3 an append inserted its events
 * without a position and a second transaction numbered them (redress_assign_positions).
 * From 4 on, an append gives its events their positions itself, derived from its
 * transaction id, so readers can order by position and stop below the oldest
 * transaction still running (see store/positions.ts).
 *
 * The migration keeps every position already handed out (checkpoints refer to them),
 * numbers what the old positioner never reached (events committed by a writer killed
 * before numbering), and sets the base so that every new position lies above every old
 * one. It locks the events against writers while it runs: an old release still running
 * then fails to append (no position given: NOT NULL; no positioner any more), loudly and
 * writing nothing, instead of writing events no reader would see.
 */
import type { Migration } from './migrations.js';

export const oneCommitAppends: Migration = {
  version: 4,
  name: 'one commit per append: positions from the transaction id',
  sql: (s) => `
    LOCK TABLE ${s}.redress_events, ${s}.redress_streams IN EXCLUSIVE MODE;

    -- What the old positioner would have done next: number each tenant's committed
    -- events that have no position, after the tenant's last, in write order.
    WITH pending AS (
      SELECT e.seq, coalesce(h.head, 0) + row_number() OVER (PARTITION BY e.tenant ORDER BY e.seq) AS position
      FROM ${s}.redress_events AS e
      LEFT JOIN (SELECT tenant, max(global_position) AS head FROM ${s}.redress_events GROUP BY tenant) AS h USING (tenant)
      WHERE e.global_position IS NULL
    )
    UPDATE ${s}.redress_events AS e SET global_position = pending.position FROM pending WHERE e.seq = pending.seq;

    ALTER TABLE ${s}.redress_events ALTER COLUMN global_position SET NOT NULL;
    DROP INDEX ${s}.redress_events_unpositioned;
    DROP FUNCTION ${s}.redress_assign_positions(text, boolean);

    -- Each stream's last position: an append to a stream must place its events after it
    -- (the guard that keeps every stream's versions in global order).
    ALTER TABLE ${s}.redress_streams ADD COLUMN last_position bigint NOT NULL DEFAULT 0;
    UPDATE ${s}.redress_streams AS st SET last_position = m.last
    FROM (SELECT tenant, stream_id, max(global_position) AS last FROM ${s}.redress_events GROUP BY tenant, stream_id) AS m
    WHERE st.tenant = m.tenant AND st.stream_id = m.stream_id;

    -- position = (transaction id - base_xid) * 1000 + index in the append. One row.
    CREATE TABLE ${s}.redress_positions (
      one      boolean PRIMARY KEY DEFAULT true CHECK (one),
      base_xid bigint  NOT NULL
    );
    INSERT INTO ${s}.redress_positions (base_xid)
      SELECT pg_current_xact_id()::text::bigint - (coalesce(max(global_position), 0) / 1000 + 1) FROM ${s}.redress_events;

    -- Projector locks by a registered number instead of a 32-bit hash of the names, which
    -- let two tenants' projectors block each other. The advisory key is
    -- (schema oid << 32) | lock_id: unique in the database.
    CREATE TABLE ${s}.redress_projector_locks (
      tenant     text    NOT NULL,
      projection text    NOT NULL,
      lock_id    integer GENERATED ALWAYS AS IDENTITY UNIQUE,
      PRIMARY KEY (tenant, projection)
    );
  `,
};
