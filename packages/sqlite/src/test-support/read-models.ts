/** The SQL read models' contents, for comparing a checkpointed run with a rebuild. */
import type { Database } from 'better-sqlite3';

export function dumpReadModels(db: Database): { tickets: unknown[]; timeline: unknown[]; queue: unknown[] } {
  return {
    tickets: db.prepare('SELECT * FROM redress_tickets ORDER BY complaint_id').all(),
    timeline: db.prepare('SELECT * FROM redress_ticket_timeline ORDER BY complaint_id, version').all(),
    queue: db.prepare('SELECT * FROM redress_queue ORDER BY complaint_id').all(),
  };
}
