/**
 * What a condition's `when` and a clock's `pauseWhile` may read: the ticket's
 * state as the SLA projection keeps it, after the event at hand is applied. The
 * fields are named here once, so configuration validation can refuse a typo
 * (`waitng`) instead of a predicate that silently never holds.
 */
import type { ComplaintStep } from '@redress/core';

/**
 * The ticket fields an SLA `when` condition or `pauseWhile` predicate may test (`{ severity: 'major' }`, `{ waiting:
 * true }`): the projection's state after the event at hand is applied. Only these names are accepted by config
 * validation.
 */
export interface TicketState {
  /** Waiting on the customer (between WaitingOnCustomerStarted and WaitingOnCustomerEnded). */
  readonly waiting: boolean;
  /** Why, while waiting; null otherwise. */
  readonly waitingReason: string | null;
  /** `general` or `major`: `general` until the first classification, then the latest one's. */
  readonly severity: string;
  /** P1-P4 from the latest classification; undefined when it recorded none (events before priorities). */
  readonly priority: string | undefined;
  /** The workflow step the ticket is in (`received` … `archived`, `withdrawn`). */
  readonly step: ComplaintStep;
  /** The intake channel recorded at receipt (`phone`, `hotline`, `wechat`, …, `other`). */
  readonly channel: string;
  /** The handler currently assigned; null while unassigned. */
  readonly handlerId: string | null;
  /**
   * The highest escalation level reached so far (`departmentHead`, `seniorManagement`, … as core's ladder names them);
   * null before any escalation.
   */
  readonly escalationLevel: string | null;
  /** Archived or withdrawn. */
  readonly closed: boolean;
}

/**
 * The `TicketState` field names, as a runtime list: config validation refuses a condition or `pauseWhile` naming any
 * other field, so a typo fails at load time instead of never matching.
 */
export const TICKET_STATE_FIELDS = ['waiting', 'waitingReason', 'severity', 'priority', 'step', 'channel', 'handlerId', 'escalationLevel', 'closed'] as const satisfies readonly (keyof TicketState)[];
