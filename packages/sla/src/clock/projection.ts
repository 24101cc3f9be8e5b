/**
 * The SLA projection: a core `Projection` over complaint events and the SLA
 * streams' pin events (which policy version measures a ticket) that keeps every
 * ticket's clocks. The clocks' views at a given `now` and the queries are
 * functions of its state; the ticker reads `changed` to keep its due index fresh,
 * and `unpinned` to record the pins the log does not hold yet.
 */
import { COMPLAINT_EVENT_TYPES, type EventLike, type Projection, type RecordedEvent } from '@redress/core';
import { toSlaConfig, type SlaConfig } from '../policy/config.js';
import { applyPin, isPinEvent, PIN_EVENT_TYPES } from './pin.js';
import type { ClockRun } from './run.js';
import { evolveTicket, openTicket, type TicketSla } from './ticket.js';

/**
 * The SLA projection's state: every ticket's clocks, folded from complaint events and the SLA streams' policy
 * pins.
 */
export interface SlaState {
  /**
   * The validated configuration the state was folded with: every policy version a ticket may be pinned to must be in
   * it.
   */
  readonly config: SlaConfig;
  /**
   * Every ticket seen, keyed by its complaint stream id (the complaint id), from its ComplaintReceived on; closed
   * tickets stay, as their clocks' history does.
   */
  readonly tickets: Map<string, TicketSla>;
  /** Clocks changed since the ticker last looked, with their ticket. */
  readonly changed: Map<ClockRun, TicketSla>;
  /** Tickets opened since the ticker last looked: those still with no recorded pin need one (an array: a set per ticket costs more). */
  readonly unpinned: TicketSla[];
}

/** What the SLA projection reads: every complaint event, and the pin events of the SLA streams. */
export const SLA_PROJECTION_EVENT_TYPES: readonly string[] = [...COMPLAINT_EVENT_TYPES, ...PIN_EVENT_TYPES];

export const emptySlaState = (config: SlaConfig): SlaState => ({ config, tickets: new Map(), changed: new Map(), unpinned: [] });

/**
 * The SLA projection for a configuration (validated here): feed it the log, then read clocks at any `now`
 * with the views and queries.
 */
export function slaProjection(config: SlaConfig | unknown): Projection<SlaState, EventLike> {
  const parsed = toSlaConfig(config);
  return {
    name: 'sla',
    handles: SLA_PROJECTION_EVENT_TYPES,
    initialState: () => emptySlaState(parsed),
    evolve(state, event) {
      applyEvent(state, event);
      return state;
    },
  };
}

export function applyEvent(state: SlaState, event: RecordedEvent<EventLike>): void {
  if (isPinEvent(event)) {
    applyPin(state, event);
    return;
  }
  let ticket = state.tickets.get(event.streamId);
  if (event.type === 'ComplaintReceived' && ticket === undefined) {
    ticket = openTicket(state.config, event);
    state.tickets.set(event.streamId, ticket);
    state.unpinned.push(ticket);
    for (const run of evolveTicket(ticket, event)) state.changed.set(run, ticket);
    return;
  }
  if (ticket === undefined) return;
  ticket.pending?.push(event);
  for (const run of evolveTicket(ticket, event)) state.changed.set(run, ticket);
}
