/**
 * The complaint events as an event family: their types, their current-version schemas,
 * and the streams they own (a complaint's stream is named by its id; other families
 * prefix theirs, `sla:` and `survey:`). Today every complaint event type is at version 1;
 * `PENDING_COMPLAINT_EVOLUTIONS` (complaint-v2.ts) is the first change waiting to be
 * switched on.
 */
import type { z } from 'zod';
import { COMPLAINT_EVENT_TYPES, complaintEventSchema } from '../events/schema.js';
import type { EventFamily } from './event-family.js';
import type { Upcaster } from './upcaster.js';

/** A stream id with a lowercase `family:` prefix belongs to another family (`sla:…`, `survey:…`). */
const FOREIGN_STREAM = /^[a-z][a-z0-9-]*:/;
/**
 * True for a complaint stream: any id without a lowercase `family:` prefix (`sla:…`, `survey:…` belong to
 * other families).
 */
export const isComplaintStream = (streamId: string): boolean => !FOREIGN_STREAM.test(streamId);

/** Today's schema of each complaint event type, `{ type, data }`. */
export const COMPLAINT_EVENT_SCHEMAS: Readonly<Record<string, z.ZodType>> = Object.freeze(
  Object.fromEntries(complaintEventSchema.options.map((schema) => [schema.shape.type.value, schema])),
);

/**
 * How the complaint family reads: its upcasters, the schemas they lead to, whether to validate, and which
 * streams it owns.
 */
export interface ComplaintFamilyOptions {
  /** Upcasters of complaint events (none today). */
  readonly upcasters?: readonly Upcaster[];
  /** The current-version schemas of the types the upcasters change, replacing today's. */
  readonly schemas?: Readonly<Record<string, z.ZodType>>;
  /** Check every event read against its current schema (default true). */
  readonly validate?: boolean;
  /** Which streams are complaint streams (default: those without a lowercase `family:` prefix). */
  readonly ownsStream?: (streamId: string) => boolean;
}

/**
 * The complaint events as an event family, for `createEventEvolution` and the stores' readers: today's types
 * and schemas plus any upcasters given.
 */
export function complaintEventFamily(options: ComplaintFamilyOptions = {}): EventFamily {
  return {
    name: 'complaint',
    types: COMPLAINT_EVENT_TYPES,
    ownsStream: options.ownsStream ?? isComplaintStream,
    upcasters: options.upcasters ?? [],
    schemas: options.validate === false ? undefined : { ...COMPLAINT_EVENT_SCHEMAS, ...options.schemas },
  };
}
