/**
 * Where the week's events are kept: the one place the demo makes its event store.
 * Everything else talks to the `EventStore` contract, except the SLA board, which
 * asks a SQLite store's database for its SQL read model of the deadlines.
 *
 * By default a SQLite file (the embedded default store), fresh for each run, in a
 * new folder under the system's temp directory that is removed when the process
 * exits. `REDRESS_DEMO_STORE` chooses otherwise:
 *
 * - `memory`: the in-memory store;
 * - a file path: that SQLite file, kept after the run so you can query it
 *   (`sqlite3 week.db "SELECT complaint_id, clock, due_at FROM redress_sla_clocks
 *   WHERE state = 'breached'"`: the demo fills the SLA deadlines read model). It must not exist yet: the
 *   week is played from scratch.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInMemoryEventStore, type ComplaintEvent, type EventStore } from '@redress/core';
import { createSqliteEventStore, type SqliteEventStore } from '@redress/sqlite';

export type StoreChoice = { readonly kind: 'memory' } | { readonly kind: 'sqlite'; readonly file: string; readonly keep: boolean };

/**
 * The store opened, and said which it is: a SQLite store also holds SQL read models
 * (the SLA board asks its database), the in-memory store has only the log.
 */
export type DemoStore =
  | { readonly kind: 'memory'; readonly store: EventStore<ComplaintEvent> }
  | { readonly kind: 'sqlite'; readonly store: SqliteEventStore<ComplaintEvent> };

/** What `REDRESS_DEMO_STORE` asks for (unset or empty: a fresh temporary SQLite file). */
export function storeChoice(setting = process.env.REDRESS_DEMO_STORE): StoreChoice {
  if (setting === 'memory') return { kind: 'memory' };
  if (setting !== undefined && setting !== '') {
    if (existsSync(setting)) throw new Error(`REDRESS_DEMO_STORE=${setting}: the file exists; the week is played from scratch, so give a new path`);
    return { kind: 'sqlite', file: setting, keep: true };
  }
  const dir = mkdtempSync(join(tmpdir(), 'redress-demo-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return { kind: 'sqlite', file: join(dir, 'week.db'), keep: false };
}

export function openStore(choice: StoreChoice = storeChoice()): DemoStore {
  if (choice.kind === 'memory') return { kind: 'memory', store: createInMemoryEventStore() };
  // NORMAL: a demo need not fsync every command; the file still survives a killed process.
  return { kind: 'sqlite', store: createSqliteEventStore({ file: choice.file, synchronous: 'normal' }) };
}
