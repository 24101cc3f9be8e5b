/**
 * Checkpointed projections: where each projection has got to, and who may run it.
 * The lease is a row rather than a lock so it survives the process that took it
 * and expires by time: a dead owner's lease lapses and another instance takes over.
 */
import type { Migration } from './migration.js';

export const projections: Migration = {
  version: 2,
  name: 'projection checkpoints and leases',
  sql: `
    CREATE TABLE redress_checkpoints (
      projection TEXT PRIMARY KEY NOT NULL,
      position   INTEGER NOT NULL CHECK (position >= 0),
      updated_at TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE redress_projection_leases (
      projection TEXT PRIMARY KEY NOT NULL,
      owner      TEXT NOT NULL,
      -- Milliseconds since the epoch, from the owners' clocks.
      expires_at INTEGER NOT NULL
    ) WITHOUT ROWID;
  `,
};
