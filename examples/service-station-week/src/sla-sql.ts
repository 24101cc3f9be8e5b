/**
 * The SLA board's questions answered by SQL, as a host on SQLite would ask them:
 * a checkpointed projector keeps `redress_sla_clocks` (one row per ticket and
 * clock, computed by @redress/sla on the station's calendar) in the demo's own
 * file, and @redress/sqlite/sla's queries read it as of the week's end. The rows
 * only hold instants, so "breached by now" is a comparison in SQL, no calendar.
 */
import type { Clock, ComplaintEvent } from '@redress/core';
import type { SlaDeadlineRow } from '@redress/sla';
import { createProjector, type SqliteEventStore } from '@redress/sqlite';
import { breachedSlaClocks, sqlSlaProjection, warnedSlaClocks } from '@redress/sqlite/sla';
import { SLA_CONFIG } from './sla-config.js';
import { toLine, type SlaReader } from './sla-reader.js';

/**
 * What a handler's screen would run: the same rule as `breachedSlaClocks`, written
 * out so the board can print it (a test runs it against the demo's file).
 */
export const HANDLER_BREACHES_SQL = [
  'SELECT complaint_id, clock, due_at, breached_at FROM redress_sla_clocks',
  "WHERE handler_id = :handler AND (state = 'breached' OR (state = 'running' AND due_at <= :now))",
  'ORDER BY complaint_id, clock;',
].join('\n');

/**
 * A row is exact at its ticket's last event: a clock that ran past its due instant
 * since then is breached by `now` with `breached_at` still null. It breached at
 * `due_at`, the instant a running clock breaches.
 */
const breachedRow = (row: SlaDeadlineRow): SlaDeadlineRow => ({ ...row, breachedAt: row.breachedAt ?? row.dueAt });

/** Brings the SQL read model up to the end of the log, then answers from it as of `now`. */
export async function sqlSlaReader(store: SqliteEventStore<ComplaintEvent>, clock: Clock, now: Date): Promise<SlaReader> {
  const projection = sqlSlaProjection({ config: SLA_CONFIG });
  // The projector's lease is timed on the demo's clock, like everything else in the week.
  const projector = createProjector({ store, projection, owner: 'service-station-demo', clock });
  await projector.catchUp();
  projector.release();
  return {
    breached: (handlerId) => breachedSlaClocks(store.database, now, handlerId === undefined ? {} : { handlerId }).map(breachedRow).map(toLine),
    warned: () => warnedSlaClocks(store.database, now).map(toLine),
  };
}
