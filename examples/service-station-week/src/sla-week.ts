/**
 * The week's SLA clocks as of its end, for the board and the report. The
 * breached and warned lists come from where a host would read them: SQL when the
 * week was played on SQLite, @redress/sla's in-memory projection otherwise. The
 * in-memory projection is rebuilt from the log either way, since `explain` (why a
 * clock is where it is) and `atRisk` (remaining business time) need the clocks
 * themselves, not their rows.
 */
import { rebuildProjection } from '@redress/core';
import { slaProjection, type SlaState } from '@redress/sla';
import { SLA_CONFIG } from './sla-config.js';
import { memorySlaReader, type SlaReader } from './sla-reader.js';
import { sqlSlaReader } from './sla-sql.js';
import type { Week } from './week.js';

export interface SlaWeek {
  /** The week's end, read from the demo's clock: every clock is judged then, never at the wall clock's time. */
  readonly now: Date;
  readonly state: SlaState;
  readonly reader: SlaReader;
}

export async function slaOfWeek(week: Pick<Week, 'store' | 'sqlite' | 'clock'>, options: { readonly source?: 'memory' } = {}): Promise<SlaWeek> {
  const now = week.clock.now();
  const { state } = await rebuildProjection(week.store, slaProjection(SLA_CONFIG));
  const reader =
    week.sqlite && options.source !== 'memory' ? await sqlSlaReader(week.sqlite, week.clock, now) : memorySlaReader(state, now);
  return { now, state, reader };
}
