/**
 * The SLA projection: a core `Projection` over complaint events that keeps every
 * ticket's clocks. The clocks' views at a given `now` and the queries are
 * functions of its state; the ticker reads `changed` to keep its due index fresh.
 */
import { COMPLAINT_EVENT_TYPES, type EventLike, type Projection, type RecordedEvent } from '@redress/core';
import { toSlaConfig, type SlaConfig } from '../policy/config.js';
import type { ClockRun } from './run.js';
import { evolveTicket, openTicket, type TicketSla } from './ticket.js';

export interface SlaState {
  readonly config: SlaConfig;
  readonly tickets: Map<string, TicketSla>;
  /** Clocks changed since the ticker last looked, with their ticket. */
  readonly changed: Map<ClockRun, TicketSla>;
}

export function slaProjection(config: SlaConfig | unknown): Projection<SlaState, EventLike> {
  const parsed = toSlaConfig(config);
  return {
    name: 'sla',
    handles: COMPLAINT_EVENT_TYPES,
    initialState: () => ({ config: parsed, tickets: new Map(), changed: new Map() }),
    evolve(state, event) {
      applyEvent(state, event);
      return state;
    },
  };
}

export function applyEvent(state: SlaState, event: RecordedEvent<EventLike>): void {
  let ticket = state.tickets.get(event.streamId);
  if (event.type === 'ComplaintReceived' && ticket === undefined) {
    ticket = openTicket(state.config, event);
    state.tickets.set(event.streamId, ticket);
  }
  if (ticket === undefined) return;
  for (const run of evolveTicket(ticket, event)) state.changed.set(run, ticket);
}
