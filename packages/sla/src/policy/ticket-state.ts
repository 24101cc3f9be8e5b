/**
 * What a condition's `when` and a clock's `pauseWhile` may read: the ticket's
 * state as the SLA projection keeps it, after the event at hand is applied. The
 * fields are named here once, so configuration validation can refuse a typo
 * (`waitng`) instead of a predicate that silently never holds.
 */
import type { ComplaintStep } from '@redress/core';

export interface TicketState {
  /** Waiting on the customer (between WaitingOnCustomerStarted and WaitingOnCustomerEnded). */
  readonly waiting: boolean;
  /** Why, while waiting; null otherwise. */
  readonly waitingReason: string | null;
  readonly severity: string;
  /** P1-P4 from the latest classification; undefined when it recorded none (events before priorities). */
  readonly priority: string | undefined;
  /** The workflow step the ticket is in (`received` … `archived`, `withdrawn`). */
  readonly step: ComplaintStep;
  readonly channel: string;
  readonly handlerId: string | null;
  readonly escalationLevel: string | null;
  /** Archived or withdrawn. */
  readonly closed: boolean;
}

export const TICKET_STATE_FIELDS = ['waiting', 'waitingReason', 'severity', 'priority', 'step', 'channel', 'handlerId', 'escalationLevel', 'closed'] as const satisfies readonly (keyof TicketState)[];
