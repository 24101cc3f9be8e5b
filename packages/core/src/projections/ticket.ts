/**
 * What a ticket of the ticket view holds: the record a service desk shows for each
 * complaint (see `ticket-view.ts` for how events fill it).
 */
import type { ComplaintSource, Customer, Product, Remedy } from '../commands/payloads.js';
import type { ComplaintStep } from '../decider/state.js';
import type { Actor } from '../domain/primitives.js';
import type {
  AssignmentReason,
  Cause,
  Channel,
  EscalationLevel,
  MeetingReason,
  Priority,
  RepeatBasis,
  ServqualFactor,
  Severity,
  WaitingReason,
} from '../domain/vocabulary.js';
import type { ComplaintEventType } from '../events/schema.js';
import type { Meeting } from '../meeting/meeting.js';
import type { TicketOwnership } from '../ownership/ticket.js';
import type { TicketPromises } from '../promises/ticket.js';
import type { TicketRouting } from '../routing/ticket.js';

export interface TimelineEntry {
  readonly at: string;
  readonly version: number;
  readonly type: ComplaintEventType;
  readonly actor: Actor;
  /** The step the complaint was in after this event. */
  readonly step: ComplaintStep;
}

/** The latest repeat-complaint flag on a ticket. */
export interface RepeatFlag {
  readonly at: string;
  readonly count: number;
  readonly windowDays: number;
  readonly basis: RepeatBasis;
  readonly related: readonly string[];
}

/** One (re)assignment of the handler: who, instead of whom, why, by whom and when. */
export interface Assignment {
  readonly at: string;
  readonly handlerId: string;
  readonly previousHandlerId: string | null;
  readonly reason: AssignmentReason;
  readonly by: string;
}

/** One arrangement or move of the complaint meeting, as it stood after it. */
export interface MeetingChange extends Meeting {
  /** When it was arranged or moved. */
  readonly arrangedAt: string;
  readonly reason: MeetingReason | null;
  readonly by: string;
}

/** With the ownership fields (first-contact responsibility, see `ownership/ticket.ts`) and the promises (`promises/ticket.ts`). */
export interface TicketView extends TicketOwnership, TicketPromises, TicketRouting {
  readonly complaintId: string;
  readonly step: ComplaintStep;
  readonly severity: Severity | null;
  /** P1-P4 from the latest classification; null before one, or when recorded without a priority. */
  readonly priority: Priority | null;
  /** The latest cause identified. */
  readonly cause: Cause | null;
  /** The SERVQUAL factor the latest cause counts under. */
  readonly servqualFactor: ServqualFactor | null;
  readonly handlerId: string | null;
  /** Every assignment, oldest first: the "change the handler" of the three changes, and every hand-over. */
  readonly assignments: readonly Assignment[];
  /** The complaint meeting as it stands; null until arranged. */
  readonly meeting: Meeting | null;
  /** Every arrangement and move of the meeting, oldest first (new venue, new time). */
  readonly meetings: readonly MeetingChange[];
  readonly customer: Customer;
  readonly channel: Channel;
  readonly branch: string | null;
  readonly region: string | null;
  readonly businessLine: string | null;
  readonly product: Product | null;
  /** What revealed the complaint (e.g. the survey behind a hidden complaint); null when not recorded. */
  readonly source: ComplaintSource | null;
  /** The latest repeat-complaint flag; null when never flagged. */
  readonly repeat: RepeatFlag | null;
  readonly description: string;
  readonly demand: string;
  readonly remedy: Remedy | null;
  readonly agreedDeadline: string | null;
  /** Whether the last executed remedy was carried out by the agreed deadline; null until one is. */
  readonly executedOnTime: boolean | null;
  /** The last follow-up: when, and whether the customer was satisfied. */
  readonly lastFollowUp: { readonly at: string; readonly satisfied: boolean } | null;
  /** Pass number: 1, then +1 for each reopen. */
  readonly cycle: number;
  readonly reopenCount: number;
  /** Every level escalated to, in order. */
  readonly escalations: readonly EscalationLevel[];
  /** The current escalation level: the highest reached (with its rung); null while not escalated. */
  readonly escalation: { readonly level: EscalationLevel; readonly rank: number } | null;
  readonly preventiveAction: string | null;
  /** What the complaint waits on the customer for, while it does. */
  readonly waitingOnCustomer: WaitingReason | null;
  readonly receivedAt: string;
  readonly updatedAt: string;
  /** When it was archived or withdrawn. */
  readonly closedAt: string | null;
  readonly version: number;
  readonly timeline: readonly TimelineEntry[];
}

export type TicketViewState = Map<string, TicketView>;
