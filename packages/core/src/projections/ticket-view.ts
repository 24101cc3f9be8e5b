/**
 * The ticket view: what a service desk shows for each complaint. Each ticket is a
 * record replaced per event (copy, then set what the event changes); the map of
 * tickets is the table. A record, once anyone can see it, never changes.
 *
 * Rebuilding copies a record once per run of events, not once per event: within a
 * run (`evolveBatch`: a catch-up batch, one append's events) nobody can look at the
 * table, so the copy made for a ticket's first event of the run, its arrays
 * included, is updated in place for the rest of the run. Copying per event made a
 * ticket's timeline quadratic (each event copied all the entries before it).
 *
 * Not immer: it made this reducer no clearer and, measured, 40-60 times slower to
 * rebuild (82% of the time in produce and auto-freezing), see benchmarks/.
 */
import { DEFAULT_SERVQUAL_FACTOR_OF_CAUSE, type MeetingReason } from '../domain/vocabulary.js';
import { escalationRankOf } from '../escalation/ladder.js';
import type { RecordedEvent } from '../events/envelope.js';
import { COMPLAINT_EVENT_TYPES, type ComplaintEvent } from '../events/schema.js';
import type { Meeting } from '../meeting/meeting.js';
import { customerUpdatesAfter } from '../customer-updates/ticket.js';
import { handOverOwnership, receivedOwnership } from '../ownership/ticket.js';
import { promisesAfter } from '../promises/ticket.js';
import { applyFlow } from './ticket-flow.js';
import { stepAfter } from '../workflow/step-after.js';
import type { Projection } from './projection.js';
import type { TicketView, TicketViewState } from './ticket.js';

export type { Assignment, MeetingChange, RepeatFlag, TicketView, TicketViewState, TimelineEntry } from './ticket.js';

type Draft = { -readonly [K in keyof TicketView]: TicketView[K] };

/**
 * `list` with `item` at the end: pushed when the draft owns its arrays (copied for
 * this run, seen by nobody yet), else a new array, so a record handed out keeps its own.
 */
function add<T>(list: readonly T[], item: T, owned: boolean): readonly T[] {
  if (!owned) return [...list, item];
  (list as T[]).push(item);
  return list;
}

function meet(draft: Draft, event: RecordedEvent<ComplaintEvent>, meeting: Meeting, reason: MeetingReason | null, owned: boolean): void {
  draft.meeting = meeting;
  draft.meetings = add(draft.meetings, { ...meeting, arrangedAt: event.occurredAt, reason, by: event.actor.id }, owned);
}

/** Sets on a fresh copy what one event changes. */
function applyTo(draft: Draft, event: RecordedEvent<ComplaintEvent>, owned: boolean): void {
  if (applyFlow(draft, event)) return;
  switch (event.type) {
    case 'ComplaintClassified':
      draft.severity = event.data.severity;
      draft.priority = event.data.priority ?? null;
      return;
    case 'ComplaintEscalated': {
      draft.escalations = add(draft.escalations, event.data.level, owned);
      const rank = escalationRankOf(event.data);
      if (draft.escalation === null || rank >= draft.escalation.rank) draft.escalation = { level: event.data.level, rank };
      return;
    }
    case 'CauseIdentified':
      draft.cause = event.data.cause;
      draft.servqualFactor = event.data.servqualFactor ?? DEFAULT_SERVQUAL_FACTOR_OF_CAUSE[event.data.cause];
      return;
    case 'ResolutionProposed':
      draft.remedy = event.data.remedy;
      draft.agreedDeadline = event.data.agreedDeadline;
      return;
    case 'RemedyRejected':
      draft.remedy = null;
      draft.agreedDeadline = null;
      return;
    case 'DeadlineRenegotiated':
      draft.agreedDeadline = event.data.agreedDeadline;
      return;
    case 'RemedyExecuted':
      draft.executedOnTime = event.data.onTime;
      return;
    case 'FollowUpRecorded':
      draft.lastFollowUp = { at: event.occurredAt, satisfied: event.data.satisfied };
      return;
    case 'ComplaintReopened':
      draft.cycle = event.data.cycle;
      draft.reopenCount += 1;
      // The executed remedy did not satisfy: a new one will be decided in this cycle.
      draft.remedy = null;
      draft.agreedDeadline = null;
      return;
    case 'PreventiveActionRecorded':
      draft.preventiveAction = event.data.action;
      // A new action without a measure of its own follows none.
      draft.preventiveMeasure = null;
      return;
    case 'PreventiveMeasureChosen':
      draft.preventiveMeasure = event.data.measureId;
      return;
    case 'HandlerAssigned': {
      const d = event.data;
      draft.handlerId = d.handlerId;
      draft.assignments = add(draft.assignments, { at: event.occurredAt, handlerId: d.handlerId, previousHandlerId: d.previousHandlerId, reason: d.reason, by: event.actor.id }, owned);
      // Older events carried the meeting along with the reassignment.
      const at = d.meetingAt ?? draft.meeting?.at;
      const venue = d.venue ?? draft.meeting?.venue;
      if ((d.meetingAt !== undefined || d.venue !== undefined) && at !== undefined && venue !== undefined) meet(draft, event, { at, venue, strategy: draft.meeting?.strategy ?? null }, d.reason === 'threeChanges' ? 'threeChanges' : null, owned);
      return;
    }
    case 'MeetingArranged':
      meet(draft, event, { at: event.data.at, venue: event.data.venue, strategy: draft.meeting?.strategy ?? null }, event.data.reason ?? null, owned);
      return;
    case 'WaitingOnCustomerStarted':
      draft.waitingOnCustomer = event.data.reason;
      return;
    case 'WaitingOnCustomerEnded':
      draft.waitingOnCustomer = null;
      return;
    case 'RepeatComplaintFlagged':
      draft.repeat = { at: event.occurredAt, ...event.data };
      return;
    case 'HandOverOffered':
    case 'HandOverAccepted':
    case 'HandOverDeclined':
      Object.assign(draft, handOverOwnership(draft, event));
      return;
    case 'PromiseMade':
    case 'PromiseKept':
    case 'PromiseBreakExplained':
    case 'PromiseBroken':
      draft.promises = promisesAfter(draft.promises, event);
      return;
    case 'ComplaintRouted':
      draft.routedTo = event.data.group;
      draft.routings = [...draft.routings, { at: event.occurredAt, problemType: event.data.problemType, group: event.data.group, by: event.actor.id }];
      return;
    case 'ProgressNoticeSent':
    case 'ResultFeedbackSent':
      Object.assign(draft, customerUpdatesAfter(draft.customerUpdates, event));
      return;
    case 'ComplaintArchived':
    case 'ComplaintWithdrawn':
      draft.closedAt = event.occurredAt;
      return;
    default:
      return;
  }
}

function received(event: RecordedEvent<Extract<ComplaintEvent, { type: 'ComplaintReceived' }>>): Draft {
  const d = event.data;
  const ownership = receivedOwnership(event);
  // Written out like copyTicket, not spread: every record then has one object shape, and the reducers stay monomorphic.
  return {
    complaintId: d.complaintId,
    step: 'none',
    severity: null,
    priority: null,
    cause: null,
    servqualFactor: null,
    handlerId: null,
    accountableId: ownership.accountableId,
    accountability: ownership.accountability,
    handOver: ownership.handOver,
    promises: [],
    routedTo: null,
    routings: [],
    // The fields of ticket-flow.ts, written out: a spread here gave received records another shape than copies.
    remedyDecisions: [],
    responsible: null,
    attributions: [],
    declined: null,
    offer: null,
    writtenNotices: [],
    customerUpdates: [],
    lastCustomerUpdateAt: null,
    assignments: [],
    meeting: null,
    meetings: [],
    customer: d.customer,
    channel: d.channel,
    branch: d.branch ?? null,
    region: d.region ?? null,
    businessLine: d.businessLine ?? null,
    product: d.product ?? null,
    siteId: d.siteId ?? null,
    unitId: d.unitId ?? null,
    source: d.source ?? null,
    repeat: null,
    description: d.description,
    demand: d.demand,
    remedy: null,
    agreedDeadline: null,
    executedOnTime: null,
    lastFollowUp: null,
    cycle: 1,
    reopenCount: 0,
    escalations: [],
    escalation: null,
    preventiveAction: null,
    preventiveMeasure: null,
    waitingOnCustomer: null,
    receivedAt: event.occurredAt,
    updatedAt: event.occurredAt,
    closedAt: null,
    version: 0,
    timeline: [],
  };
}

/**
 * A new record with every field of `t`, in `received`'s order, written out rather than
 * spread: V8 builds this literal several times faster than `{ ...t }`. A field added
 * to `TicketView` and missing here fails to compile. `ownArrays`: the arrays copied
 * too, so the copy can be pushed to.
 */
function copyTicket(t: TicketView, ownArrays: boolean): Draft {
  return {
    complaintId: t.complaintId,
    step: t.step,
    severity: t.severity,
    priority: t.priority,
    cause: t.cause,
    servqualFactor: t.servqualFactor,
    handlerId: t.handlerId,
    // Replaced, never pushed to, by their reducers (ownership/, promises/, routing/, customer-updates/): shared as they are.
    accountableId: t.accountableId,
    accountability: t.accountability,
    handOver: t.handOver,
    promises: t.promises,
    routedTo: t.routedTo,
    routings: t.routings,
    remedyDecisions: t.remedyDecisions,
    responsible: t.responsible,
    attributions: t.attributions,
    declined: t.declined,
    offer: t.offer,
    writtenNotices: t.writtenNotices,
    customerUpdates: t.customerUpdates,
    lastCustomerUpdateAt: t.lastCustomerUpdateAt,
    assignments: ownArrays ? t.assignments.slice() : t.assignments,
    meeting: t.meeting,
    meetings: ownArrays ? t.meetings.slice() : t.meetings,
    customer: t.customer,
    channel: t.channel,
    branch: t.branch,
    region: t.region,
    businessLine: t.businessLine,
    product: t.product,
    siteId: t.siteId,
    unitId: t.unitId,
    source: t.source,
    repeat: t.repeat,
    description: t.description,
    demand: t.demand,
    remedy: t.remedy,
    agreedDeadline: t.agreedDeadline,
    executedOnTime: t.executedOnTime,
    lastFollowUp: t.lastFollowUp,
    cycle: t.cycle,
    reopenCount: t.reopenCount,
    escalations: ownArrays ? t.escalations.slice() : t.escalations,
    escalation: t.escalation,
    preventiveAction: t.preventiveAction,
    preventiveMeasure: t.preventiveMeasure,
    waitingOnCustomer: t.waitingOnCustomer,
    receivedAt: t.receivedAt,
    updatedAt: t.updatedAt,
    closedAt: t.closedAt,
    version: t.version,
    timeline: ownArrays ? t.timeline.slice() : t.timeline,
  };
}

/** Applies one event to a fresh draft: the step, the version, the timeline, then what the event changes. */
function advance(draft: Draft, event: RecordedEvent<ComplaintEvent>, owned: boolean): void {
  const step = stepAfter(draft.step, event);
  draft.step = step;
  draft.version = event.streamVersion;
  draft.updatedAt = event.occurredAt;
  draft.timeline = add(draft.timeline, { at: event.occurredAt, version: event.streamVersion, type: event.type, actor: event.actor, step }, owned);
  applyTo(draft, event, owned);
}

/** Evolves one ticket; exported for hosts that keep tickets in their own store. */
export function evolveTicket(ticket: TicketView | undefined, event: RecordedEvent<ComplaintEvent>): TicketView | undefined {
  if (event.type === 'ComplaintReceived') {
    const draft = received(event);
    advance(draft, event, true);
    return draft;
  }
  if (ticket === undefined) return undefined;
  const draft = copyTicket(ticket, false);
  advance(draft, event, false);
  return draft;
}

/**
 * The ticket-view projection: one `TicketView` per complaint, what a service desk shows. Hand-written because
 * every execute updates it.
 */
export function ticketViewProjection(): Projection<TicketViewState> {
  return {
    name: 'tickets',
    handles: COMPLAINT_EVENT_TYPES,
    initialState: () => new Map(),
    evolve: (tickets, event) => {
      const next = evolveTicket(tickets.get(event.streamId), event);
      if (next) tickets.set(event.streamId, next);
      return tickets;
    },
    evolveBatch: (tickets, events) => {
      // The records made in this run: nobody has seen them, so they are updated in place.
      const owned = new Map<string, Draft>();
      for (const event of events) {
        const id = event.streamId;
        let draft: Draft | undefined;
        if (event.type === 'ComplaintReceived') {
          draft = received(event);
          owned.set(id, draft);
          tickets.set(id, draft);
        } else {
          draft = owned.get(id);
          if (draft === undefined) {
            const before = tickets.get(id);
            if (before === undefined) continue;
            draft = copyTicket(before, true);
            owned.set(id, draft);
            tickets.set(id, draft);
          }
        }
        advance(draft, event, true);
      }
      return tickets;
    },
  };
}
