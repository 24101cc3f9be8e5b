/**
 * Migration 6: the data keys of crypto-shredding (docs/privacy.md), and read models
 * that can be erased.
 *
 * `redress_key_subjects` has a row per data subject (customer reference) that has keys
 * or was erased: the erasure record outlives the keys, so an erased subject reads as
 * erased (never as "unknown") and gets no new key. `redress_data_keys` has a row per key
 * version, only ever wrapped by the host's master key, with the wrapper's id (which rows a
 * new master key still has to re-wrap). Erasure deletes a subject's key rows; the store
 * runs with `secure_delete`, so their bytes are zeroed in the file, not just unlinked.
 *
 * `redress_tickets.erased_view` is the ticket as it reads once its customer is erased
 * (every personal value `[erased]`), kept beside `view` so erasure can replace the one with
 * the other in place (see projections/ticket-tables.ts). Rows written before this column
 * get theirs here: the fields of the view the default personal fields of
 * `ComplaintReceived` fill, the only personal values the ticket view held until now.
 */
import { ERASED } from '@redress/core';
import type { Database } from 'better-sqlite3';
import type { Migration } from './migration.js';

/** Where the ticket view keeps `ComplaintReceived`'s personal fields (DEFAULT_PERSONAL_DATA). */
const LEGACY_PERSONAL = [['customer', 'name'], ['customer', 'phone'], ['product', 'identifier'], ['description'], ['demand'], ['source', 'note']] as const;

function erasedViews(db: Database): void {
  const rows = db.prepare('SELECT complaint_id AS id, view FROM redress_tickets').all() as { id: string; view: string }[];
  const set = db.prepare('UPDATE redress_tickets SET erased_view = ? WHERE complaint_id = ?');
  for (const { id, view } of rows) {
    const erased = JSON.parse(view) as Record<string, unknown>;
    for (const path of LEGACY_PERSONAL) {
      const parent = path.length === 1 ? erased : erased[path[0]];
      const key = path[path.length - 1] as string;
      if (typeof parent === 'object' && parent !== null && (parent as Record<string, unknown>)[key] !== undefined) (parent as Record<string, unknown>)[key] = ERASED;
    }
    set.run(JSON.stringify(erased), id);
  }
}

export const dataKeys: Migration = {
  version: 6,
  name: 'data keys; erasable ticket views',
  sql: `
    CREATE TABLE redress_key_subjects (
      subject      TEXT PRIMARY KEY NOT NULL,
      destroyed    INTEGER NOT NULL CHECK (destroyed IN (0, 1)),
      destroyed_at TEXT
    ) WITHOUT ROWID;

    CREATE TABLE redress_data_keys (
      subject     TEXT NOT NULL REFERENCES redress_key_subjects (subject),
      version     INTEGER NOT NULL CHECK (version > 0),
      wrapped_key TEXT NOT NULL,
      wrapper_id  TEXT NOT NULL,
      created_at  TEXT NOT NULL,
      PRIMARY KEY (subject, version)
    ) WITHOUT ROWID;

    ALTER TABLE redress_tickets ADD COLUMN erased_view TEXT CHECK (json_valid(erased_view));
  `,
  run: erasedViews,
};
