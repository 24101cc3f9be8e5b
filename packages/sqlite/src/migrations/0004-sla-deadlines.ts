/**
 * The SLA deadlines as SQL: one row per ticket and clock, written by
 * `sqlSlaProjection` (@redress/sqlite/sla) from @redress/sla's own clock state.
 *
 * A row is exact at `as_of` (the ticket's last event); after that a clock only
 * changes with time, so "breached by :now" is a comparison on instants the
 * projection computed on the business calendar (`due_at`), never a calendar
 * computation in SQL. Instants are ISO-8601 UTC text with milliseconds, the
 * format `toISOString()` and the status view's `now` both write, so comparing
 * them as text compares them in time.
 */
import type { Migration } from './migration.js';

export const slaDeadlines: Migration = {
  version: 4,
  name: 'SLA deadlines',
  sql: `
    CREATE TABLE redress_sla_clocks (
      complaint_id     TEXT NOT NULL,
      clock            TEXT NOT NULL,
      policy_name      TEXT NOT NULL,
      policy_version   INTEGER NOT NULL,
      handler_id       TEXT,
      severity         TEXT NOT NULL,
      channel          TEXT NOT NULL,
      escalation_level TEXT,
      ticket_closed    INTEGER NOT NULL CHECK (ticket_closed IN (0, 1)),
      cycle            INTEGER NOT NULL CHECK (cycle >= 0),
      -- The clock's state at as_of.
      state            TEXT NOT NULL CHECK (state IN ('pending', 'running', 'paused', 'met', 'breached', 'cancelled')),
      running          INTEGER NOT NULL CHECK (running IN (0, 1)),
      target_ms        INTEGER,
      elapsed_ms       INTEGER NOT NULL,
      due_at           TEXT,
      warned_at        TEXT,
      next_warning_at  TEXT,
      breached_at      TEXT,
      as_of            TEXT NOT NULL,
      version          INTEGER NOT NULL,
      PRIMARY KEY (complaint_id, clock)
    ) WITHOUT ROWID;

    CREATE INDEX redress_sla_clocks_by_handler ON redress_sla_clocks (handler_id, state);
    CREATE INDEX redress_sla_clocks_by_due ON redress_sla_clocks (due_at) WHERE state = 'running';

    -- For people writing SQL by hand: breached and warned as of the database's clock.
    -- The library's queries take "now" as a parameter instead (an injected clock).
    CREATE VIEW redress_sla_status AS
      SELECT c.*,
        (c.state = 'breached' OR (c.state = 'running' AND COALESCE(c.due_at <= n.now, 0))) AS breached,
        (NOT (c.state = 'breached' OR (c.state = 'running' AND COALESCE(c.due_at <= n.now, 0)))
          AND c.state IN ('running', 'paused')
          AND (c.warned_at IS NOT NULL OR (c.state = 'running' AND COALESCE(c.next_warning_at <= n.now, 0)))) AS warned
      FROM redress_sla_clocks AS c, (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS now) AS n;
  `,
};
