/**
 * The schema, as an ordered list of migrations. A migration is never edited once
 * released: changes go in a new one with the next version. Every statement names its
 * schema, so one database can hold several Redress schemas.
 */

import { dataKeys } from './data-keys.js';
import { oneCommitAppends } from './one-commit-appends.js';

/**
 * Advisory-lock class ids (the first key of the two-key form), so our locks never collide
 * with a host's. `positions` and `projections` are only used by schema 3 and before:
 * projectors now lock a registered id (redress_projector_locks), in the one-key form.
 */
export const LOCK_CLASS = {
  migrations: 0x5245_4401,
  positions: 0x5245_4402,
  projections: 0x5245_4403,
} as const;

/** The channel appends are announced on, after they commit; the payload is the tenant. */
export const NOTIFY_CHANNEL = 'redress_events';

export interface Migration {
  readonly version: number;
  readonly name: string;
  /** The SQL for a schema, given as an already quoted identifier. */
  sql(schema: string): string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'event log',
    sql: (s) => `
      CREATE TABLE ${s}.redress_streams (
        tenant    text    NOT NULL,
        stream_id text    NOT NULL,
        version   integer NOT NULL CHECK (version > 0),
        PRIMARY KEY (tenant, stream_id)
      );

      -- seq is the write order, taken at insert and never shown: transactions commit
      -- out of seq order. global_position is the public, gapless order, given to
      -- committed events only, by redress_assign_positions.
      CREATE TABLE ${s}.redress_events (
        seq             bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tenant          text    NOT NULL,
        global_position bigint,
        stream_id       text    NOT NULL,
        stream_version  integer NOT NULL CHECK (stream_version > 0),
        event_id        text    NOT NULL,
        type            text    NOT NULL,
        -- json, not jsonb: jsonb cannot hold the \\u0000 escape, and payloads are kept verbatim.
        data            json    NOT NULL,
        occurred_at     text    NOT NULL,
        actor           json    NOT NULL,
        causation_id    text    NOT NULL,
        correlation_id  text    NOT NULL,
        schema_version  integer NOT NULL,
        CONSTRAINT redress_events_stream_version UNIQUE (tenant, stream_id, stream_version),
        CONSTRAINT redress_events_event_id UNIQUE (tenant, event_id),
        CONSTRAINT redress_events_position UNIQUE (tenant, global_position)
      );
      CREATE INDEX redress_events_unpositioned ON ${s}.redress_events (tenant, seq) WHERE global_position IS NULL;

      -- Gives the next gapless positions to every committed event that has none, in
      -- write order, and notifies listeners. Runs in its own short transaction after
      -- an append commits, serialised per tenant by an advisory lock. Because only
      -- committed rows get positions, and each run commits before the next one starts,
      -- positions become visible strictly in order: a reader at position p never sees
      -- p + 1 before p, so it can never skip an event that commits late.
      CREATE FUNCTION ${s}.redress_assign_positions(p_tenant text, p_wait boolean) RETURNS bigint
      LANGUAGE plpgsql AS $fn$
      DECLARE
        v_last  bigint;
        v_count bigint;
      BEGIN
        IF p_wait THEN
          PERFORM pg_advisory_xact_lock(${LOCK_CLASS.positions}, hashtext(p_tenant));
        ELSIF NOT pg_try_advisory_xact_lock(${LOCK_CLASS.positions}, hashtext(p_tenant)) THEN
          RETURN 0;
        END IF;
        -- Each statement of a volatile function takes a fresh snapshot (READ COMMITTED),
        -- so these see the previous run's positions and every append committed by now.
        SELECT coalesce(max(global_position), 0) INTO v_last FROM ${s}.redress_events WHERE tenant = p_tenant;
        WITH pending AS (
          SELECT seq, v_last + row_number() OVER (ORDER BY seq) AS position
          FROM ${s}.redress_events
          WHERE tenant = p_tenant AND global_position IS NULL
        )
        UPDATE ${s}.redress_events e SET global_position = pending.position
        FROM pending WHERE e.seq = pending.seq;
        GET DIAGNOSTICS v_count = ROW_COUNT;
        IF v_count > 0 THEN
          PERFORM pg_notify('${NOTIFY_CHANNEL}', p_tenant);
        END IF;
        RETURN v_count;
      END
      $fn$;
    `,
  },
  {
    version: 2,
    name: 'projections and read models',
    sql: (s) => `
      -- The last global position each projection has applied, per tenant.
      CREATE TABLE ${s}.redress_checkpoints (
        tenant     text   NOT NULL,
        projection text   NOT NULL,
        position   bigint NOT NULL CHECK (position >= 0),
        PRIMARY KEY (tenant, projection)
      );

      -- The ticket view: one row per complaint, the columns a host filters on, and the
      -- whole view as JSON for display.
      CREATE TABLE ${s}.redress_tickets (
        tenant       text    NOT NULL,
        complaint_id text    NOT NULL,
        step         text    NOT NULL,
        severity     text,
        handler_id   text,
        customer     text    NOT NULL,
        channel      text    NOT NULL,
        branch       text,
        cycle        integer NOT NULL,
        agreed_deadline timestamptz,
        received_at  timestamptz NOT NULL,
        updated_at   timestamptz NOT NULL,
        closed_at    timestamptz,
        version      integer NOT NULL,
        -- json, not jsonb: texts are kept verbatim, \\u0000 included.
        view         json    NOT NULL,
        PRIMARY KEY (tenant, complaint_id)
      );
      CREATE INDEX redress_tickets_handler ON ${s}.redress_tickets (tenant, handler_id) WHERE closed_at IS NULL;

      CREATE TABLE ${s}.redress_ticket_timeline (
        tenant       text    NOT NULL,
        complaint_id text    NOT NULL,
        version      integer NOT NULL,
        at           timestamptz NOT NULL,
        type         text    NOT NULL,
        actor_id     text    NOT NULL,
        actor_role   text    NOT NULL,
        step         text    NOT NULL,
        PRIMARY KEY (tenant, complaint_id, version)
      );

      -- The work queues: one row per open complaint; closed complaints leave it.
      CREATE TABLE ${s}.redress_queue (
        tenant       text NOT NULL,
        complaint_id text NOT NULL,
        step         text NOT NULL,
        handler_id   text,
        severity     text,
        customer     text NOT NULL,
        PRIMARY KEY (tenant, complaint_id)
      );
      CREATE INDEX redress_queue_handler ON ${s}.redress_queue (tenant, handler_id);
      CREATE INDEX redress_queue_step ON ${s}.redress_queue (tenant, step);
    `,
  },
  {
    version: 3,
    name: 'SLA deadlines',
    sql: (s) => `
      -- One row per complaint and SLA clock, written by sqlSlaProjection (@redress/postgres/sla)
      -- from @redress/sla's clocks. A row is exact at as_of (the ticket's last event); after it
      -- a clock only changes with time, so "breached by now" compares instants the projection
      -- computed on the business calendar (due_at): no calendar arithmetic in SQL.
      CREATE TABLE ${s}.redress_sla_clocks (
        tenant           text    NOT NULL,
        complaint_id     text    NOT NULL,
        clock            text    NOT NULL,
        policy_name      text    NOT NULL,
        policy_version   integer NOT NULL,
        handler_id       text,
        severity         text    NOT NULL,
        channel          text    NOT NULL,
        escalation_level text,
        ticket_closed    boolean NOT NULL,
        cycle            integer NOT NULL CHECK (cycle >= 0),
        state            text    NOT NULL CHECK (state IN ('pending', 'running', 'paused', 'met', 'breached', 'cancelled')),
        running          boolean NOT NULL,
        target_ms        bigint,
        elapsed_ms       bigint  NOT NULL,
        due_at           timestamptz,
        warned_at        timestamptz,
        next_warning_at  timestamptz,
        breached_at      timestamptz,
        as_of            timestamptz NOT NULL,
        version          integer NOT NULL,
        PRIMARY KEY (tenant, complaint_id, clock)
      );
      CREATE INDEX redress_sla_clocks_handler ON ${s}.redress_sla_clocks (tenant, handler_id, state);
      CREATE INDEX redress_sla_clocks_due ON ${s}.redress_sla_clocks (tenant, due_at) WHERE state = 'running';

      -- For SQL written by hand: breached and warned as of the transaction's now().
      -- The library's queries take "now" as a parameter instead (an injected clock).
      CREATE VIEW ${s}.redress_sla_status AS
        SELECT c.*,
          (c.state = 'breached' OR (c.state = 'running' AND COALESCE(c.due_at <= now(), false))) AS breached,
          (NOT (c.state = 'breached' OR (c.state = 'running' AND COALESCE(c.due_at <= now(), false)))
            AND c.state IN ('running', 'paused')
            AND (c.warned_at IS NOT NULL OR (c.state = 'running' AND COALESCE(c.next_warning_at <= now(), false)))) AS warned
        FROM ${s}.redress_sla_clocks AS c;
    `,
  },
  oneCommitAppends,
  dataKeys,
];

/** The schema version this release writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
