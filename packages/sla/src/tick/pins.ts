/**
 * The ticker records each new ticket's policy version (`SlaPolicyApplied`, pin
 * number 0) the first time it sees the ticket, dated at receipt: from then on the
 * version is durable (see `clock/pin.ts`). What the store holds is applied at once,
 * so a pin another ticker recorded first (under another configuration) measures
 * the ticket before anything is handed out.
 */
import type { EventLike, EventStore, NewEvent, RecordedEvent } from '@redress/core';
import { applyEvent, type SlaState } from '../clock/projection.js';
import { SLA_ACTOR } from './emissions.js';
import { slaPinEventId, slaStreamId, type SlaEvent } from './events.js';

/** Records the pin of every ticket that has none yet; returns the events this call wrote. */
export async function recordPins(store: Pick<EventStore<EventLike>, 'append'>, state: SlaState): Promise<RecordedEvent<SlaEvent>[]> {
  const written: RecordedEvent<SlaEvent>[] = [];
  const opened = state.unpinned;
  let done = 0;
  try {
    for (; done < opened.length; done++) {
      const ticket = opened[done] as (typeof opened)[number];
      if (ticket.pinSeq >= 0) continue;
      const event: NewEvent<SlaEvent> = {
        type: 'SlaPolicyApplied',
        data: { complaintId: ticket.complaintId, seq: 0, policy: ticket.policy ?? null },
        eventId: slaPinEventId(ticket.complaintId, 0),
        occurredAt: new Date(ticket.receivedAt).toISOString(),
        actor: SLA_ACTOR,
        causationId: ticket.complaintId,
        correlationId: ticket.complaintId,
        schemaVersion: 1,
      };
      const result = await store.append(slaStreamId(ticket.complaintId), 'any', [event]);
      const stored = result.events[0] as RecordedEvent<EventLike>;
      if (!result.duplicate) written.push(stored as RecordedEvent<SlaEvent>);
      // Whatever the store answered, this ticket's pin is recorded now.
      applyEvent(state, stored);
    }
  } finally {
    // A failed append leaves the rest for the next tick.
    opened.splice(0, done);
  }
  return written;
}
