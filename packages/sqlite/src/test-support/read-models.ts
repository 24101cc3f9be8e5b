/** The SQL read models' contents, for comparing a checkpointed run with a rebuild and with the log. */
import { deadlinesFromLog, type SlaConfig, type SlaDeadlineRow } from '@redress/sla';
import type { Database } from 'better-sqlite3';
import { slaClocksOf } from '../sla/index.js';
import type { SqliteEventStore } from '../store/sqlite-event-store.js';

export function dumpReadModels(db: Database): { tickets: unknown[]; timeline: unknown[]; queue: unknown[] } {
  return {
    tickets: db.prepare('SELECT * FROM redress_tickets ORDER BY complaint_id').all(),
    timeline: db.prepare('SELECT * FROM redress_ticket_timeline ORDER BY complaint_id, version').all(),
    queue: db.prepare('SELECT * FROM redress_queue ORDER BY complaint_id').all(),
  };
}

/** Every row of `redress_sla_clocks`, as `slaClocksOf` reads them back, by complaint then clock. */
export function dumpSlaClocks(db: Database): SlaDeadlineRow[] {
  const ids = db.prepare('SELECT DISTINCT complaint_id FROM redress_sla_clocks ORDER BY complaint_id').pluck().all() as string[];
  return ids.flatMap((id) => slaClocksOf(db, id));
}

/** The rows `redress_sla_clocks` must hold, computed from the whole log by @redress/sla, in `dumpSlaClocks`' order. */
export async function slaClocksFromLog(store: SqliteEventStore, config: SlaConfig): Promise<SlaDeadlineRow[]> {
  const { rows } = await deadlinesFromLog(store, config);
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flatMap(([, clocks]) => clocks);
}
