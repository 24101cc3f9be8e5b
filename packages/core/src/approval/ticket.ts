/** Plan approval on the ticket view: who approved or rejected a major complaint's remedy, in which role, for which unit. */
import type { Role } from '../domain/vocabulary.js';

/** One approval or rejection of a major remedy, as the ticket view shows it. */
export interface RemedyDecisionView {
  /** When it was decided (ISO-8601). */
  readonly at: string;
  /** Approved, or sent back to investigation. */
  readonly decision: 'approved' | 'rejected';
  /** Who decided (the actor's id). */
  readonly approverId: string;
  /** The configured approver role they decided in. */
  readonly role: Role;
  /** The unit that role approves for (the regional branch, the company). */
  readonly unit: string;
}

/** The approval fields of a ticket. */
export interface TicketApproval {
  /** Every attributed approval or rejection, oldest first (none recorded before attribution existed). */
  readonly remedyDecisions: readonly RemedyDecisionView[];
}
