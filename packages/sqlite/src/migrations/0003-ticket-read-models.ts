/**
 * The ticket view and the work queues as SQL, so a host can ask "all open tickets
 * of handler X" in one query. A ticket row keeps the fields people filter and sort
 * on as columns and the whole view as JSON; the timeline is its own table. The
 * queue is a view over the open tickets: one source of truth, indexed for the
 * board's filters. SLA deadlines have their own table (migration 4), joined on
 * complaint_id.
 */
import type { Migration } from './migration.js';

export const ticketReadModels: Migration = {
  version: 3,
  name: 'ticket view, timeline and queue',
  sql: `
    CREATE TABLE redress_tickets (
      complaint_id       TEXT PRIMARY KEY NOT NULL,
      step               TEXT NOT NULL,
      is_open            INTEGER NOT NULL CHECK (is_open IN (0, 1)),
      severity           TEXT,
      cause              TEXT,
      handler_id         TEXT,
      customer           TEXT NOT NULL,
      channel            TEXT NOT NULL,
      branch             TEXT,
      agreed_deadline    TEXT,
      cycle              INTEGER NOT NULL,
      received_at        TEXT NOT NULL,
      updated_at         TEXT NOT NULL,
      closed_at          TEXT,
      version            INTEGER NOT NULL,
      -- The whole TicketView but its timeline, as JSON.
      view               TEXT NOT NULL CHECK (json_valid(view))
    ) WITHOUT ROWID;

    CREATE INDEX redress_tickets_by_handler ON redress_tickets (handler_id, is_open);
    CREATE INDEX redress_tickets_by_step ON redress_tickets (step);
    CREATE INDEX redress_tickets_by_customer ON redress_tickets (customer);
    CREATE INDEX redress_tickets_by_deadline ON redress_tickets (agreed_deadline) WHERE agreed_deadline IS NOT NULL;

    CREATE TABLE redress_ticket_timeline (
      complaint_id TEXT NOT NULL,
      version      INTEGER NOT NULL,
      at           TEXT NOT NULL,
      type         TEXT NOT NULL,
      actor_id     TEXT NOT NULL,
      actor_role   TEXT NOT NULL,
      step         TEXT NOT NULL,
      PRIMARY KEY (complaint_id, version)
    ) WITHOUT ROWID;

    CREATE VIEW redress_queue AS
      SELECT complaint_id, step, handler_id, severity, customer
      FROM redress_tickets
      WHERE is_open = 1 AND step <> 'none';
  `,
};
