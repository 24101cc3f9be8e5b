/**
 * An upcaster: a pure function from the `data` of one version of an event type to the
 * next version's. Events are never rewritten in the log; each read brings an old event up
 * to the current version by applying the upcasters from its recorded version on, one
 * step at a time, so an upcaster is written once, against the shape it replaces, and
 * never changes after.
 */
import type { EventLike, RecordedEvent } from '../events/envelope.js';

/** What an upcaster may look at besides the data: the event's envelope, read-only. */
export type UpcastContext = Readonly<Omit<RecordedEvent<EventLike>, 'data'>>;

/**
 * One step of an event type's history: from the data of version `from` to that of `from + 1`. Written once,
 * never changed.
 */
export interface Upcaster {
  /** The event type it upcasts. */
  readonly type: string;
  /** The version it reads; it returns data of version `from + 1`. */
  readonly from: number;
  /** Must not change its input (events may be shared) and must handle `ERASED` in personal fields. */
  up(data: Readonly<Record<string, unknown>>, event: UpcastContext): Record<string, unknown>;
}

/**
 * An upcaster typed by the shapes it maps between. The types document the two versions;
 * nothing checks the stored data against `From` before `up` runs (the current version's
 * schema checks the result, when the family has one).
 */
export function defineUpcaster<From extends object, To extends object>(definition: {
  readonly type: string;
  readonly from: number;
  readonly up: (data: From, event: UpcastContext) => To;
}): Upcaster {
  const { type, from, up } = definition;
  if (!Number.isInteger(from) || from < 1) throw new RangeError(`upcaster of ${type}: from must be a version (an integer from 1), got ${from}`);
  return { type, from, up: (data, event) => up(data as From, event) as Record<string, unknown> };
}
