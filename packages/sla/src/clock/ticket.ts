/**
 * A ticket as the SLA engine sees it: the pinned policy, what targets depend on
 * (severity, channel), who handles it, how far it was escalated, and its clocks.
 */
import { escalationRankOf, type EscalationLevel, type EventLike, type RecordedEvent } from '@redress/core';
import type { SlaConfig } from '../policy/config.js';
import { selectPolicy } from '../policy/select.js';
import type { ClockRun } from './run.js';
import { applyToClock, reopenClock, type ClockEvent } from './transitions.js';

export interface TicketSla {
  readonly complaintId: string;
  /** The policy pinned at receipt, or undefined when none matched (the ticket has no clocks). */
  readonly policy: { readonly name: string; readonly version: number } | undefined;
  readonly receivedAt: number;
  severity: string;
  readonly channel: string;
  handlerId: string | null;
  /** The highest escalation level reached (the ladder is core's; each escalation records its rung). */
  escalationLevel: string | null;
  escalationRank: number;
  /** Archived or withdrawn. */
  closed: boolean;
  readonly clocks: ClockRun[];
}

/** A top-level field of an event's payload, or undefined when the payload is not an object. */
export const field = (data: unknown, key: string): unknown => (typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined);

/** A new ticket from its ComplaintReceived event, with the policy in force pinned. */
export function openTicket(config: SlaConfig, event: RecordedEvent<EventLike>): TicketSla {
  const at = Date.parse(event.occurredAt);
  const policy = selectPolicy(config.policies, event.data, at);
  const clocks: ClockRun[] = (policy?.clocks ?? []).map((c) => ({
    config: c,
    // Validated: every clock's calendar exists.
    calendar: config.calendars.get(c.calendar) as NonNullable<ReturnType<SlaConfig['calendars']['get']>>,
    deadline: undefined,
    armed: true,
    cycles: [],
    timeline: [],
    generation: 0,
  }));
  return {
    complaintId: String(field(event.data, 'complaintId') ?? event.streamId),
    policy: policy && { name: policy.name, version: policy.version },
    receivedAt: at,
    severity: 'general',
    channel: String(field(event.data, 'channel') ?? 'other'),
    handlerId: null,
    escalationLevel: null,
    escalationRank: 0,
    closed: false,
    clocks,
  };
}

/** Applies a complaint event to a ticket; returns the clocks that changed. */
export function evolveTicket(ticket: TicketSla, event: RecordedEvent<EventLike>): ClockRun[] {
  switch (event.type) {
    case 'ComplaintClassified':
      ticket.severity = String(field(event.data, 'severity'));
      break;
    case 'HandlerAssigned':
      ticket.handlerId = String(field(event.data, 'handlerId'));
      break;
    case 'ComplaintEscalated': {
      const data = event.data as { level: EscalationLevel; rank?: number };
      const rank = escalationRankOf(data);
      // The highest rung reached; a target of the same rung (re-routed by type) becomes the current one.
      if (rank >= ticket.escalationRank) {
        ticket.escalationLevel = data.level;
        ticket.escalationRank = rank;
      }
      break;
    }
    case 'ComplaintArchived':
    case 'ComplaintWithdrawn':
      ticket.closed = true;
      break;
  }
  const clockEvent: ClockEvent = { type: event.type, data: event.data, eventId: event.eventId, at: Date.parse(event.occurredAt) };
  const changed: ClockRun[] = [];
  for (const run of ticket.clocks) {
    const moved = event.type === 'ComplaintReopened' ? reopenClock(run, ticket, clockEvent) : false;
    if (applyToClock(run, ticket, clockEvent) || moved) changed.push(run);
  }
  return changed;
}
