/**
 * Where the week's events are kept: the one place the demo makes its event store.
 * Everything else talks to the `EventStore` contract.
 *
 * By default a SQLite file (the embedded default store), fresh for each run, in a
 * new folder under the system's temp directory that is removed when the process
 * exits. `REDRESS_DEMO_STORE` chooses otherwise:
 *
 * - `memory`: the in-memory store;
 * - a file path: that SQLite file, kept after the run so you can query it
 *   (`sqlite3 week.db "SELECT step, count(*) FROM redress_tickets GROUP BY step"`
 *   once a projector has filled the read models). It must not exist yet: the
 *   week is played from scratch.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInMemoryEventStore, type ComplaintEvent, type EventStore } from '@redress/core';
import { createSqliteEventStore } from '@redress/sqlite';

export type StoreChoice = { readonly kind: 'memory' } | { readonly kind: 'sqlite'; readonly file: string; readonly keep: boolean };

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

export function openStore(choice: StoreChoice = storeChoice()): EventStore<ComplaintEvent> {
  if (choice.kind === 'memory') return createInMemoryEventStore();
  // NORMAL: a demo need not fsync every command; the file still survives a killed process.
  return createSqliteEventStore({ file: choice.file, synchronous: 'normal' });
}
