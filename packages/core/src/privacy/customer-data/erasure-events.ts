/**
 * Which event records an erasure, for read models that scrub what they copied (the SQL
 * ticket tables of both stores): one definition, so the stores cannot disagree on it.
 */
import type { RecordedEvent } from '../../events/envelope.js';
import { erasedBy } from './scan.js';

/** The event that records an erasure, and the data subject (customer reference) it erased. */
export interface ErasureEvents {
  /** The event type that records an erasure. */
  readonly type: string;
  /** The data subject (customer reference) an erasure event erased; undefined when the event names none. */
  subjectOf(event: RecordedEvent<{ readonly type: string; readonly data: unknown }>): string | undefined;
}

/** `EraseCustomerData`'s audit event (`CustomerDataErased`, on the customer's own stream): the default for read models. */
export const CUSTOMER_DATA_ERASURES: ErasureEvents = Object.freeze({
  type: 'CustomerDataErased',
  subjectOf: erasedBy,
});
