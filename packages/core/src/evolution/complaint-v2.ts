/**
 * The worked example of evolving events, and the first real one: two fields that events
 * recorded before them lack become required (version 2).
 *
 * - ComplaintClassified gains `priority`: required, `null` on an old classification (no
 *   priority was set then, and inventing one from the severity would be a fact nobody
 *   decided). Readers stop checking for a missing key.
 * - CauseIdentified gains `servqualFactor`: required; an old event is read with its
 *   cause's default factor (DEFAULT_SERVQUAL_FACTOR_OF_CAUSE), which is what the ticket
 *   view already shows for it. A factor recorded on a version-1 event is kept.
 *
 * Switching it on (phase 2) is: pass these to `complaintEventFamily`, make the event
 * schemas in events/schema.ts the v2 ones below, and have writers stamp
 * `evolution.currentVersion(type)` instead of COMPLAINT_EVENT_SCHEMA_VERSION.
 */
import { z } from 'zod';
import { prioritySchema, servqualFactorSchema, DEFAULT_SERVQUAL_FACTOR_OF_CAUSE, type Priority, type ServqualFactor } from '../domain/vocabulary.js';
import { causeIdentified, complaintClassified, type ComplaintEventOf } from '../events/schema.js';
import { defineUpcaster } from './upcaster.js';

type ClassifiedV1 = ComplaintEventOf<'ComplaintClassified'>['data'];
type CauseV1 = ComplaintEventOf<'CauseIdentified'>['data'];

/**
 * `ComplaintClassified` at version 2: the priority is always present (null for a classification recorded
 * before priorities).
 */
export const complaintClassifiedV2 = z.strictObject({
  type: z.literal('ComplaintClassified'),
  data: complaintClassified.shape.data.extend({
    /** P1-P4; null on a classification recorded before priorities existed. */
    priority: prioritySchema.nullable(),
  }),
});
/** `CauseIdentified` at version 2: every cause carries its SERVQUAL factor. */
export const causeIdentifiedV2 = z.strictObject({
  type: z.literal('CauseIdentified'),
  data: causeIdentified.shape.data.extend({ servqualFactor: servqualFactorSchema }),
});

/** Brings a version 1 `ComplaintClassified` to version 2: a missing priority reads as null. */
export const classifiedWithPriority = defineUpcaster<ClassifiedV1, Omit<ClassifiedV1, 'priority'> & { priority: Priority | null }>({
  type: 'ComplaintClassified',
  from: 1,
  up: (data) => ({ ...data, priority: data.priority ?? null }),
});

/**
 * Brings a version 1 `CauseIdentified` to version 2: a missing SERVQUAL factor is the cause's default one
 * (`DEFAULT_SERVQUAL_FACTOR_OF_CAUSE`).
 */
export const causeWithServqualFactor = defineUpcaster<CauseV1, CauseV1 & { servqualFactor: ServqualFactor }>({
  type: 'CauseIdentified',
  from: 1,
  up: (data) => ({ ...data, servqualFactor: data.servqualFactor ?? DEFAULT_SERVQUAL_FACTOR_OF_CAUSE[data.cause] }),
});

/** The upcasters and v2 schemas, ready for `complaintEventFamily(PENDING_COMPLAINT_EVOLUTIONS)`. */
export const PENDING_COMPLAINT_EVOLUTIONS = Object.freeze({
  upcasters: [classifiedWithPriority, causeWithServqualFactor],
  schemas: { ComplaintClassified: complaintClassifiedV2, CauseIdentified: causeIdentifiedV2 },
});
