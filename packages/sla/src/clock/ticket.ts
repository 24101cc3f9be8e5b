/**
 * A ticket as the SLA engine sees it: the pinned policy, its state (what targets,
 * `when` conditions and `pauseWhile` read: severity, priority, channel, step,
 * waiting…), who handles it, how far it was escalated, and its clocks.
 */
import { escalationRankOf, stepAfter, type ComplaintEvent, type ComplaintStep, type EscalationLevel, type EventLike, type RecordedEvent } from '@redress/core';
import type { SlaConfig } from '../policy/config.js';
import type { PolicyConfig } from '../policy/schema.js';
import { selectPolicy } from '../policy/select.js';
import type { TicketState } from '../policy/ticket-state.js';
import { isUntouched, ownRun, RunRecord, stillUntouched, untouchedRun } from './records.js';
import type { ClockRun } from './run.js';
import { applyToClock, reopenClock, type ClockEvent } from './transitions.js';

/** A policy version, as pinned on a ticket. */
export interface PolicyRef {
  /** The policy's name, as `policies[].name` in the SLA config spells it. */
  readonly name: string;
  /**
   * The policy version that measures the ticket; a later version never re-measures it unless a migration
   * (`SlaPolicyMigrated`) says so.
   */
  readonly version: number;
}

/** A ticket's SLA state: what the policy reads of the complaint, plus its clocks. */
export interface TicketSla extends TicketState {
  /** The complaint the clocks measure (the ComplaintReceived payload's id, else its stream id). */
  readonly complaintId: string;
  /** The pinned policy, or undefined when none matched (the ticket has no clocks). */
  policy: PolicyRef | undefined;
  /**
   * How many pin events (SlaPolicyApplied, SlaPolicyMigrated) the log holds for the
   * ticket, less one: -1 while its policy is only selected, not recorded yet.
   */
  pinSeq: number;
  /** Migrations applied to the ticket, by id (undefined until the first). */
  migrations: string[] | undefined;
  /**
   * While the pin is not recorded: the ticket's events so far, to fold again if the recorded pin names another policy
   * version. Undefined once pinned, and from the start when the configuration has one policy and it measures the
   * ticket: a pin can then only name it or none, and dropping the clocks needs no events.
   */
  pending: RecordedEvent<EventLike>[] | undefined;
  /**
   * When the complaint was received (epoch ms of ComplaintReceived's `occurredAt`): the start of clocks that start on
   * receipt.
   */
  readonly receivedAt: number;
  /** The latest instant of an event applied: a migration never acts before it. */
  lastAt: number;
  /**
   * `general` until the first ComplaintClassified, then the latest classification's severity: targets and matrix rows
   * read it, so a reclassification retargets running clocks.
   */
  severity: string;
  priority: string | undefined;
  step: ComplaintStep;
  waiting: boolean;
  waitingReason: string | null;
  /** How the complaint came in (`phone`, `wechat`, …; `other` when the receipt named none); fixed at receipt. */
  readonly channel: string;
  /** The latest HandlerAssigned handler; null until the ticket is assigned. */
  handlerId: string | null;
  /** The highest escalation level reached (the ladder is core's; each escalation records its rung). */
  escalationLevel: string | null;
  /**
   * The rung of `escalationLevel` on the escalation ladder (0: never escalated); only grows, so a lower escalation
   * after a higher one changes nothing.
   */
  escalationRank: number;
  /** Archived or withdrawn. */
  closed: boolean;
  /**
   * One run per clock of the pinned policy, in the policy's order (empty when no policy matched); retired runs of an
   * earlier version stay, with their history. A clock no event has changed yet is a frozen run shared by every such
   * ticket; the first event that changes it puts the ticket's own run in its place, so read runs again after new events.
   */
  readonly clocks: ClockRun[];
}

/** One `PolicyRef` per policy version, shared by its tickets (a copy per ticket costs 32 B at a million). */
const refs = new WeakMap<PolicyConfig, PolicyRef>();
export function refTo(policy: PolicyConfig): PolicyRef {
  let ref = refs.get(policy);
  if (ref === undefined) refs.set(policy, (ref = Object.freeze({ name: policy.name, version: policy.version })));
  return ref;
}

/** A top-level field of an event's payload, or undefined when the payload is not an object. */
export const field = (data: unknown, key: string): unknown => (typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined);

type Calendars = SlaConfig['calendars'];
// Validated: every clock's calendar exists.
const calendarOf = (calendars: Calendars, c: PolicyConfig['clocks'][number]) => calendars.get(c.calendar) as NonNullable<ReturnType<Calendars['get']>>;

/** Runs of a policy's clocks, none started, each the ticket's own (to change at once, as a migration does). */
export function runsOf(config: SlaConfig, policy: PolicyConfig | undefined): RunRecord[] {
  return (policy?.clocks ?? []).map((c) => new RunRecord(c, calendarOf(config.calendars, c)));
}

/** Runs of a policy's clocks for a new ticket: the shared untouched ones, copied when an event first changes them. */
const untouchedRunsOf = (config: SlaConfig, policy: PolicyConfig | undefined): ClockRun[] =>
  (policy?.clocks ?? []).map((c) => untouchedRun(c, calendarOf(config.calendars, c)));

/** A ticket under a given policy, from its ComplaintReceived event. */
export function ticketFor(config: SlaConfig, policy: PolicyConfig | undefined, event: RecordedEvent<EventLike>): TicketSla {
  const at = Date.parse(event.occurredAt);
  const clocks = untouchedRunsOf(config, policy);
  return {
    complaintId: String(field(event.data, 'complaintId') ?? event.streamId),
    policy: policy && refTo(policy),
    pinSeq: -1,
    migrations: undefined,
    // Kept only if a recorded pin could name another policy to fold the events under (see `pending`).
    pending: policy === undefined || config.policies.length > 1 ? [event] : undefined,
    receivedAt: at,
    lastAt: at,
    severity: 'general',
    priority: undefined,
    step: 'received',
    waiting: false,
    waitingReason: null,
    channel: String(field(event.data, 'channel') ?? 'other'),
    handlerId: null,
    escalationLevel: null,
    escalationRank: 0,
    closed: false,
    clocks,
  };
}

/** A new ticket from its ComplaintReceived event, with the policy in force selected (pinned once recorded). */
export function openTicket(config: SlaConfig, event: RecordedEvent<EventLike>): TicketSla {
  return ticketFor(config, selectPolicy(config.policies, event.data, Date.parse(event.occurredAt)), event);
}

/** The ticket's own state, from one of its complaint events. */
function evolveState(ticket: TicketSla, event: RecordedEvent<EventLike>): void {
  ticket.step = stepAfter(ticket.step, event as unknown as ComplaintEvent) ?? ticket.step;
  switch (event.type) {
    case 'ComplaintClassified': {
      ticket.severity = String(field(event.data, 'severity'));
      const priority = field(event.data, 'priority');
      ticket.priority = typeof priority === 'string' ? priority : undefined;
      break;
    }
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
    case 'WaitingOnCustomerStarted': {
      const reason = field(event.data, 'reason');
      ticket.waiting = true;
      ticket.waitingReason = typeof reason === 'string' ? reason : 'other';
      break;
    }
    case 'WaitingOnCustomerEnded':
      ticket.waiting = false;
      ticket.waitingReason = null;
      break;
    case 'ComplaintArchived':
    case 'ComplaintWithdrawn':
    case 'ComplaintDeclined':
      ticket.closed = true;
      break;
  }
}

/** Applies a complaint event to a ticket; returns the clocks that changed. */
export function evolveTicket(ticket: TicketSla, event: RecordedEvent<EventLike>): ClockRun[] {
  evolveState(ticket, event);
  const clockEvent: ClockEvent = { type: event.type, data: event.data, eventId: event.eventId, at: Date.parse(event.occurredAt) };
  ticket.lastAt = Math.max(ticket.lastAt, clockEvent.at);
  const changed: ClockRun[] = [];
  const { clocks } = ticket;
  for (let i = 0; i < clocks.length; i++) {
    const shared = clocks[i] as ClockRun;
    const run = isUntouched(shared) ? ownRun(shared) : shared;
    const moved = event.type === 'ComplaintReopened' ? reopenClock(run, ticket, clockEvent) : false;
    if (applyToClock(run, ticket, clockEvent) || moved) changed.push(run);
    // An untouched clock the event changed becomes the ticket's own; one it left alone stays shared.
    if (run !== shared && !stillUntouched(run as RunRecord)) clocks[i] = run;
  }
  return changed;
}
