/**
 * The log: streams with their current version (the compare-and-set target) and
 * events with their global position. SQLite runs one writer at a time, so a
 * position assigned inside the write transaction is also the commit order: a
 * reader can never see position n+1 before n.
 */
import type { Migration } from './migration.js';

export const eventLog: Migration = {
  version: 1,
  name: 'event log: streams and events',
  sql: `
    CREATE TABLE redress_streams (
      stream_id TEXT PRIMARY KEY NOT NULL,
      version   INTEGER NOT NULL CHECK (version > 0)
    ) WITHOUT ROWID;

    CREATE TABLE redress_events (
      global_position INTEGER PRIMARY KEY NOT NULL,
      stream_id       TEXT NOT NULL REFERENCES redress_streams (stream_id),
      stream_version  INTEGER NOT NULL CHECK (stream_version > 0),
      event_id        TEXT NOT NULL UNIQUE,
      type            TEXT NOT NULL,
      data            TEXT NOT NULL CHECK (json_valid(data)),
      occurred_at     TEXT NOT NULL,
      actor           TEXT NOT NULL CHECK (json_valid(actor)),
      causation_id    TEXT NOT NULL,
      correlation_id  TEXT NOT NULL,
      schema_version  INTEGER NOT NULL,
      UNIQUE (stream_id, stream_version)
    );

    CREATE INDEX redress_events_by_causation ON redress_events (causation_id);
  `,
};
