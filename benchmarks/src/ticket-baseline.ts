/**
 * The full hand-written ticket reducer: the ticket view's contents (every field and
 * the whole timeline), built the cheapest way: one mutable record per complaint,
 * updated in place, its arrays pushed to. It gives up what the real view keeps (a
 * record handed out never changes afterwards), so it is the floor, not a peer.
 * `verifySameTickets` checks it ends with exactly the view's contents.
 */
import { isDeepStrictEqual } from 'node:util';
import { DEFAULT_SERVQUAL_FACTOR_OF_CAUSE, escalationRankOf, stepAfter, type ComplaintEvent, type RecordedEvent, type TicketView } from '@redress/core';

type Row = { -readonly [K in keyof TicketView]: TicketView[K] extends readonly (infer T)[] ? T[] : TicketView[K] };

export function ticketsByHand(events: readonly RecordedEvent<ComplaintEvent>[]): Map<string, Row> {
  const rows = new Map<string, Row>();
  for (const event of events) {
    let t = rows.get(event.streamId);
    if (event.type === 'ComplaintReceived') {
      const d = event.data;
      t = {
        complaintId: d.complaintId, step: 'none', severity: null, priority: null, cause: null, servqualFactor: null,
        handlerId: null, assignments: [], meeting: null, meetings: [], customer: d.customer, channel: d.channel,
        branch: d.branch ?? null, region: d.region ?? null, businessLine: d.businessLine ?? null, product: d.product ?? null, siteId: d.siteId ?? null, unitId: d.unitId ?? null,
        source: d.source ?? null, repeat: null, description: d.description, demand: d.demand, remedy: null,
        agreedDeadline: null, executedOnTime: null, lastFollowUp: null, cycle: 1, reopenCount: 0, escalations: [],
        escalation: null, preventiveAction: null, preventiveMeasure: null, waitingOnCustomer: null, receivedAt: event.occurredAt,
        updatedAt: event.occurredAt, closedAt: null, version: 0, timeline: [],
        // Not measured here: the benchmark's paths hand nothing over, promise nothing, route nothing, send no notices.
        accountableId: d.receivedBy ?? event.actor.id, accountability: [{ id: d.receivedBy ?? event.actor.id, since: event.occurredAt, until: null, via: 'receipt' }],
        handOver: null, promises: [], routedTo: null, routings: [], customerUpdates: [], lastCustomerUpdateAt: null,
        remedyDecisions: [], responsible: null, attributions: [], declined: null, offer: null, writtenNotices: [],
      };
      rows.set(event.streamId, t);
    }
    if (t === undefined) continue;
    t.step = stepAfter(t.step, event);
    t.version = event.streamVersion;
    t.updatedAt = event.occurredAt;
    t.timeline.push({ at: event.occurredAt, version: event.streamVersion, type: event.type, actor: event.actor, step: t.step });
    switch (event.type) {
      case 'ComplaintClassified':
        t.severity = event.data.severity;
        t.priority = event.data.priority ?? null;
        break;
      case 'ComplaintEscalated': {
        t.escalations.push(event.data.level);
        const rank = escalationRankOf(event.data);
        if (t.escalation === null || rank >= t.escalation.rank) t.escalation = { level: event.data.level, rank };
        break;
      }
      case 'CauseIdentified':
        t.cause = event.data.cause;
        t.servqualFactor = event.data.servqualFactor ?? DEFAULT_SERVQUAL_FACTOR_OF_CAUSE[event.data.cause];
        break;
      case 'ResolutionProposed':
        t.remedy = event.data.remedy;
        t.agreedDeadline = event.data.agreedDeadline;
        break;
      case 'RemedyRejected':
        t.remedy = null;
        t.agreedDeadline = null;
        break;
      case 'DeadlineRenegotiated':
        t.agreedDeadline = event.data.agreedDeadline;
        break;
      case 'RemedyExecuted':
        t.executedOnTime = event.data.onTime;
        break;
      case 'FollowUpRecorded':
        t.lastFollowUp = { at: event.occurredAt, satisfied: event.data.satisfied };
        break;
      case 'ComplaintReopened':
        t.cycle = event.data.cycle;
        t.reopenCount += 1;
        t.remedy = null;
        t.agreedDeadline = null;
        break;
      case 'PreventiveActionRecorded':
        t.preventiveAction = event.data.action;
        break;
      case 'HandlerAssigned': {
        const d = event.data;
        t.handlerId = d.handlerId;
        t.assignments.push({ at: event.occurredAt, handlerId: d.handlerId, previousHandlerId: d.previousHandlerId, reason: d.reason, by: event.actor.id });
        // The fixtures assign without a meeting; a meeting would be a MeetingArranged.
        if (d.meetingAt !== undefined || d.venue !== undefined) throw new RangeError('the baseline does not handle meetings');
        break;
      }
      case 'ComplaintArchived':
      case 'ComplaintWithdrawn':
        t.closedAt = event.occurredAt;
        break;
      case 'RemedyDecisionAttributed':
        t.remedyDecisions.push({ at: event.occurredAt, ...event.data });
        break;
      case 'ResponsibilityAttributed':
        // The fixtures record the responsible party before the first proposal (required by default).
        t.responsible = event.data.party;
        t.attributions.push({ at: event.occurredAt, party: event.data.party, reason: event.data.reason, by: event.actor.id });
        break;
      case 'MeetingArranged':
      case 'WaitingOnCustomerStarted':
      case 'WaitingOnCustomerEnded':
      case 'RepeatComplaintFlagged':
        throw new RangeError(`the baseline does not handle ${event.type}`);
      default:
        break;
    }
  }
  return rows;
}

/** Throws unless the hand-written rows hold exactly what the ticket view holds. */
export function verifySameTickets(view: ReadonlyMap<string, TicketView>, byHand: ReadonlyMap<string, Row>): void {
  if (view.size !== byHand.size) throw new Error(`ticket baseline mismatch: ${view.size} tickets in the view, ${byHand.size} by hand`);
  for (const [id, ticket] of view) {
    // Compared as plain data: the view may build its records differently.
    if (!isDeepStrictEqual(structuredClone(ticket), structuredClone(byHand.get(id)))) {
      throw new Error(`ticket baseline mismatch for ${id}:\n view: ${JSON.stringify(ticket)}\n by hand: ${JSON.stringify(byHand.get(id))}`);
    }
  }
}
