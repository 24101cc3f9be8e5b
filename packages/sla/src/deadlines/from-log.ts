/**
 * The deadline rows a SQL read model must hold, computed from scratch: the whole
 * log (complaint events and the SLA streams' pins) folded by the in-memory SLA projection. The stores' tests hold their tables
 * to it, and a host writing its own SQL read model can do the same.
 */
import { rebuildProjection, type EventLike, type EventStore } from '@redress/core';
import { isPinEvent } from '../clock/pin.js';
import { slaProjection, type SlaState } from '../clock/projection.js';
import { slaStreamId } from '../tick/events.js';
import type { SlaConfig } from '../policy/config.js';
import { deadlineRows, type SlaDeadlineRow } from './rows.js';

/** The deadline rows a SQL read model should hold, computed from the whole log. */
export interface DeadlinesFromLog {
  /** The in-memory projection's state, for its queries (`breachedClocks`, …). */
  readonly state: SlaState;
  /** Per complaint (stream id), its rows sorted by clock name, exact at its last event. */
  readonly rows: ReadonlyMap<string, readonly SlaDeadlineRow[]>;
}

/**
 * Folds the whole log with the in-memory SLA projection into the deadline rows: the oracle the stores' SQL
 * read models are tested against.
 */
export async function deadlinesFromLog(store: Pick<EventStore<EventLike>, 'readAll' | 'readStream'>, config: SlaConfig | unknown): Promise<DeadlinesFromLog> {
  const { state } = await rebuildProjection(store, slaProjection(config));
  const rows = new Map<string, SlaDeadlineRow[]>();
  for (const [id, ticket] of state.tickets) {
    const events = await store.readStream(id);
    const last = events[events.length - 1];
    if (last === undefined) continue;
    // Exact at the ticket's last event: of its complaint stream, or a pin (a migration) in its SLA stream.
    const pins = (await store.readStream(slaStreamId(ticket.complaintId))).filter(isPinEvent);
    const asOf = Math.max(...[...events, ...pins].map((e) => Date.parse(e.occurredAt)));
    rows.set(id, deadlineRows(ticket, id, asOf, last.streamVersion).sort((a, b) => (a.clock < b.clock ? -1 : a.clock > b.clock ? 1 : 0)));
  }
  return { state, rows };
}
