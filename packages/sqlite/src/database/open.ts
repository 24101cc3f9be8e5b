/**
 * Opening the one file that holds the log, the checkpoints and the read models,
 * with the settings the store relies on.
 */
import Database, { type Database as SqliteDatabase } from 'better-sqlite3';
import { withNativeBinding } from './native-binding.js';

export type Synchronous = 'full' | 'normal';

export interface DatabaseSettings {
  /**
   * How long a writer waits for another process's write lock before giving up
   * with SQLITE_BUSY (default 5,000 ms). Writers are serialised: this is a queue, not a conflict.
   */
  readonly busyTimeoutMs?: number;
  /**
   * `'full'` (default) syncs the WAL on every commit: an acknowledged command
   * survives a power cut. `'normal'` syncs at checkpoints only: it still survives a
   * crashed or killed process, and commits are much cheaper.
   */
  readonly synchronous?: Synchronous;
}

export function openDatabase(file: string): SqliteDatabase {
  return withNativeBinding(() => new Database(file));
}

/** WAL lets readers (subscriptions, other processes) read while one writer appends. */
export function configure(db: SqliteDatabase, settings: DatabaseSettings = {}): void {
  // An in-memory database cannot use WAL (it answers 'memory'); everything else must.
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal' && !db.memory) throw new Error(`could not switch ${db.name} to WAL mode (it answered ${String(mode)})`);
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(settings.busyTimeoutMs ?? 5000))}`);
  db.pragma(`synchronous = ${settings.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
  db.pragma('foreign_keys = ON');
  // Deleted content is overwritten with zeros, not merely unlinked: an erased customer's
  // destroyed keys and scrubbed read-model rows leave no bytes behind in the file.
  db.pragma('secure_delete = ON');
}
