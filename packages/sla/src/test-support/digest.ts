/**
 * Everything a host can read of the SLA clocks of a log, as text: for every
 * ticket and clock, its view and its explain lines at `now`, and every SLA event
 * a ticker hands out by then (as a set). Event ids are replaced by their place in the log
 * (`e-17` → `#4`), since the test log's ids depend on what ran before.
 */
import { rebuildProjection, type EventLike, type RecordedEvent } from '@redress/core';
import { slaProjection } from '../clock/projection.js';
import { explainClock, viewClock } from '../clock/view.js';
import type { SlaConfig } from '../policy/config.js';
import { createSlaTicker } from '../tick/ticker.js';
import type { TestStore } from './log.js';

export async function slaDigest(config: SlaConfig, store: TestStore, now: number): Promise<string[]> {
  const log: readonly RecordedEvent<EventLike>[] = await store.readAll(1, 1_000_000);
  const place = new Map(log.map((e, i) => [e.eventId, `#${i}`]));
  const canon = (text: string) => text.replace(/e-\d+/g, (id) => place.get(id) ?? id);
  const out: string[] = [];
  const { state } = await rebuildProjection(store, slaProjection(config));
  for (const [id, ticket] of state.tickets) {
    out.push(`ticket ${id} ${JSON.stringify(ticket.policy ?? null)}`);
    for (const run of ticket.clocks) {
      out.push(`  view ${canon(JSON.stringify(viewClock(run, now)))}`);
      // The run as `clockOf` hands it out (its generation is bookkeeping, not state).
      const { armed, heldBy, deadline, retired } = run;
      out.push(`  run ${canon(JSON.stringify({ armed, heldBy, deadline, retired }))}`);
      for (const c of run.cycles) {
        const { number, startedAt, targetMs, deadline, elapsedMs, carriedMs, since, status, outcome, endedAt, crossings, emitted, measuredBy } = c;
        const by = measuredBy && [measuredBy.config.name, measuredBy.calendar.name];
        out.push(`  cycle ${JSON.stringify({ number, startedAt, targetMs, deadline, elapsedMs, carriedMs, since, status, outcome, endedAt, crossings, emitted, by })}`);
      }
      for (const e of run.timeline) out.push(`  timeline ${canon(JSON.stringify(e))}`);
      for (const line of explainClock(run, now)) out.push(`  explain ${canon(JSON.stringify(line))}`);
    }
  }
  const tick = await createSlaTicker({ store, config }).tick(now);
  // Sorted: clocks due at the same instant are handed out in no set order (the due index's ties).
  out.push(...tick.appended.map((e) => `tick ${canon(JSON.stringify([e.type, e.eventId, e.occurredAt, e.causationId, e.data]))}`).sort());
  out.push(`next ${tick.nextDueAt}`);
  return out;
}
