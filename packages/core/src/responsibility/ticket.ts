/** Responsibility on the ticket view: who answers for the cause now, and every attribution. */
import type { ResponsibleParty } from './schema.js';

/** One attribution of responsibility as the ticket view shows it. */
export interface ResponsibilityAttribution {
  /** When it was recorded (ISO-8601). */
  readonly at: string;
  /** The party held responsible. */
  readonly party: ResponsibleParty;
  /** Why (the findings that point to them). */
  readonly reason: string;
  /** Who recorded it (the actor's id). */
  readonly by: string;
}

/** The responsibility fields of a ticket. */
export interface TicketResponsibility {
  /** The responsible party of the latest attribution; null until one. */
  readonly responsible: ResponsibleParty | null;
  /** Every attribution, oldest first. */
  readonly attributions: readonly ResponsibilityAttribution[];
}
