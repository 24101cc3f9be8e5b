/**
 * An event family: the event types one part of Redress writes (complaint events, SLA
 * events, survey events), with their upcasters and, optionally, the schema of each type's
 * current version. Every type is at version 1 until its first upcaster: the current
 * version of a type is 1 + the number of its upcasters, so the two cannot drift apart.
 */
import type { z } from 'zod';
import type { Upcaster } from './upcaster.js';

/**
 * The event types one part of Redress writes, with their upcasters and current schemas: the unit
 * `createEventEvolution` is built from.
 */
export interface EventFamily {
  /** A name for messages: "complaint", "SLA". */
  readonly name: string;
  /** Every event type the family has ever had. */
  readonly types: readonly string[];
  /**
   * True for a stream only this family writes to: an event type the family does not
   * have, found there, is refused (it was written by a newer version). Streams no family
   * owns pass unknown types through untouched, for the host's own events.
   */
  readonly ownsStream?: (streamId: string) => boolean;
  /** One per type and version step, from 1 on without gaps. */
  readonly upcasters?: readonly Upcaster[];
  /** The schema of `{ type, data }` at each type's current version; an upcast event that fails it is refused. */
  readonly schemas?: Readonly<Record<string, z.ZodType>>;
}
