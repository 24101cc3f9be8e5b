/** Promises on the ticket view: every promise made to the customer, with its state and when it was decided. */
import type { RecordedEvent } from '../events/envelope.js';
import type { ComplaintEventOf } from '../events/schema.js';
import type { PromiseKind } from './schema.js';

/** One promise made to the customer as the ticket view shows it: what, by whom, due when, and how it ended, for a host's promise list and reminders. */
export interface PromiseView {
  /** The promise's id within the complaint (given, or `promise-<n>`): what the keep, explain and break commands name. */
  readonly promiseId: string;
  /** What kind of promise it is (a visit, a call-back, …), for labels and per-kind filters. */
  readonly kind: PromiseKind;
  /** When it is due (ISO-8601); kept after it counts as kept late. */
  readonly due: string;
  /** What was promised, in the words told to the customer (personal data: see docs/privacy.md). */
  readonly description: string;
  /** Who made the promise (the actor's id): the person csi's promise-kept figure credits. */
  readonly madeBy: string;
  /** When the promise was recorded (ISO-8601). */
  readonly madeAt: string;
  /** Open until kept or broken; a promise is settled once and never reopens. */
  readonly state: 'open' | 'kept' | 'broken';
  /** When the customer was told why it cannot be kept (the latest time); null when never. */
  readonly explainedAt: string | null;
  /** When it was kept or broken. */
  readonly settledAt: string | null;
  /** Kept by its due time; null until kept (a broken promise was not kept on time, or at all). */
  readonly keptOnTime: boolean | null;
}

/** The promises field of a ticket. */
export interface TicketPromises {
  /** Every promise made, oldest first. */
  readonly promises: readonly PromiseView[];
}

type PromiseEvent = RecordedEvent<ComplaintEventOf<'PromiseMade' | 'PromiseKept' | 'PromiseBreakExplained' | 'PromiseBroken'>>;

export function promisesAfter(promises: readonly PromiseView[], event: PromiseEvent): readonly PromiseView[] {
  if (event.type === 'PromiseMade') {
    const { promiseId, kind, due, description, madeBy } = event.data;
    return [...promises, { promiseId, kind, due, description, madeBy, madeAt: event.occurredAt, state: 'open', explainedAt: null, settledAt: null, keptOnTime: null }];
  }
  const change = (p: PromiseView): PromiseView => {
    switch (event.type) {
      case 'PromiseBreakExplained':
        return { ...p, explainedAt: event.occurredAt };
      case 'PromiseKept':
        return { ...p, state: 'kept', settledAt: event.occurredAt, keptOnTime: event.data.onTime };
      case 'PromiseBroken':
        return { ...p, state: 'broken', settledAt: event.occurredAt };
    }
  };
  return promises.map((p) => (p.promiseId === event.data.promiseId ? change(p) : p));
}
