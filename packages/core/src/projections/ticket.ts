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
import type { TicketCustomerUpdates } from '../customer-updates/ticket.js';
import type { TicketOwnership } from '../ownership/ticket.js';
import type { TicketPromises } from '../promises/ticket.js';
import type { TicketRouting } from '../routing/ticket.js';
import type { TicketApproval } from '../approval/ticket.js';
import type { TicketIntake } from '../intake/ticket.js';
import type { TicketNotices } from '../notice/ticket.js';
import type { TicketOptions } from '../options/ticket.js';
import type { TicketResponsibility } from '../responsibility/ticket.js';

/** One line of a ticket's history: an event as the timeline shows it. */
export interface TimelineEntry {
  /** When it happened (ISO-8601). */
  readonly at: string;
  /** The complaint's version after it. */
  readonly version: number;
  /** The event type. */
  readonly type: ComplaintEventType;
  /** Who caused it. */
  readonly actor: Actor;
  /** The step the complaint was in after this event. */
  readonly step: ComplaintStep;
}

/** The latest repeat-complaint flag on a ticket. */
export interface RepeatFlag {
  /** When it was recorded (ISO-8601). */
  readonly at: string;
  /** How many complaints about the same thing were found in the window, this one included. */
  readonly count: number;
  /** The window the detector looked back over, in days. */
  readonly windowDays: number;
  /** What the complaints have in common: the customer, the product or the cause. */
  readonly basis: RepeatBasis;
  /** The ids of the other complaints found. */
  readonly related: readonly string[];
}

/** One (re)assignment of the handler: who, instead of whom, why, by whom and when. */
export interface Assignment {
  /** When it was recorded (ISO-8601). */
  readonly at: string;
  /** The new handler. */
  readonly handlerId: string;
  /** Who handled it before; null for the first assignment. */
  readonly previousHandlerId: string | null;
  /** Why it was (re)assigned. */
  readonly reason: AssignmentReason;
  /** The id of whoever assigned it. */
  readonly by: string;
}

/** One arrangement or move of the complaint meeting, as it stood after it. */
export interface MeetingChange extends Meeting {
  /** When it was arranged or moved. */
  readonly arrangedAt: string;
  /** Why it was arranged or moved; null when not recorded. */
  readonly reason: MeetingReason | null;
  /** The id of whoever arranged or moved it. */
  readonly by: string;
}

/**
 * One complaint as a service desk shows it: its step, people, classification, remedy, follow-up and full
 * timeline, with the ownership fields (first-contact responsibility, see `ownership/ticket.ts`), the
 * promises (`promises/ticket.ts`), the routing (`routing/ticket.ts`), the customer updates
 * (`customer-updates/ticket.ts`), the approvals by unit, the responsible party, the intake decline, the options
 * offered and the signed written notices (see those folders).
 */
export interface TicketView
  extends TicketOwnership, TicketPromises, TicketRouting, TicketCustomerUpdates, TicketApproval, TicketResponsibility, TicketIntake, TicketOptions, TicketNotices {
  /** The complaint's id. */
  readonly complaintId: string;
  /** Where it is in the workflow. */
  readonly step: ComplaintStep;
  /** `general` or `major`; null before classification. */
  readonly severity: Severity | null;
  /** P1-P4 from the latest classification; null before one, or when recorded without a priority. */
  readonly priority: Priority | null;
  /** The latest cause identified. */
  readonly cause: Cause | null;
  /** The SERVQUAL factor the latest cause counts under. */
  readonly servqualFactor: ServqualFactor | null;
  /** The handler it is assigned to; null while unassigned. */
  readonly handlerId: string | null;
  /** Every assignment, oldest first: the "change the handler" of the three changes, and every hand-over. */
  readonly assignments: readonly Assignment[];
  /** The complaint meeting as it stands; null until arranged. */
  readonly meeting: Meeting | null;
  /** Every arrangement and move of the meeting, oldest first (new venue, new time). */
  readonly meetings: readonly MeetingChange[];
  /** The customer as received. */
  readonly customer: Customer;
  /** How the complaint reached the business. */
  readonly channel: Channel;
  /** The branch it was received at; it chooses the escalation ladder and SLA policy. */
  readonly branch: string | null;
  /** The region, for reports. */
  readonly region: string | null;
  /** The business line it concerns. */
  readonly businessLine: string | null;
  /** The vehicle or product concerned; null when not given. */
  readonly product: Product | null;
  /** The customer's site and unit (vehicle or machine) concerned, as their profile names them; null when not given. */
  readonly siteId: string | null;
  /** The unit concerned (an id on the customer's profile); null when not given. */
  readonly unitId: string | null;
  /** What revealed the complaint (e.g. the survey behind a hidden complaint); null when not recorded. */
  readonly source: ComplaintSource | null;
  /** The latest repeat-complaint flag; null when never flagged. */
  readonly repeat: RepeatFlag | null;
  /** What the customer said happened. */
  readonly description: string;
  /** What the customer asks for. */
  readonly demand: string;
  /** The standing remedy proposal; null before one. */
  readonly remedy: Remedy | null;
  /** The deadline agreed with the customer for the remedy (ISO-8601). */
  readonly agreedDeadline: string | null;
  /** Whether the last executed remedy was carried out by the agreed deadline; null until one is. */
  readonly executedOnTime: boolean | null;
  /** The last follow-up: when, and whether the customer was satisfied. */
  readonly lastFollowUp: { readonly at: string; readonly satisfied: boolean } | null;
  /** Pass number: 1, then +1 for each reopen. */
  readonly cycle: number;
  /** How many times the customer was not satisfied and it was reopened. */
  readonly reopenCount: number;
  /** Every level escalated to, in order. */
  readonly escalations: readonly EscalationLevel[];
  /** The current escalation level: the highest reached (with its rung); null while not escalated. */
  readonly escalation: { readonly level: EscalationLevel; readonly rank: number } | null;
  /** The preventive action recorded; null before one. */
  readonly preventiveAction: string | null;
  /** The catalogue measure it follows (`PreventiveMeasureChosen`); null when none was named. */
  readonly preventiveMeasure: string | null;
  /** What the complaint waits on the customer for, while it does. */
  readonly waitingOnCustomer: WaitingReason | null;
  /** When it was received. */
  readonly receivedAt: string;
  /** When its last event happened. */
  readonly updatedAt: string;
  /** When it was archived or withdrawn. */
  readonly closedAt: string | null;
  /** Its stream version: pass it as `expectedVersion` to act on exactly this ticket. */
  readonly version: number;
  /** Every event, oldest first. */
  readonly timeline: readonly TimelineEntry[];
}

/** The ticket view's state: tickets by complaint id. */
export type TicketViewState = Map<string, TicketView>;
