/**
 * The repeat of a closed complaint, as csi records it. The engine refuses every command
 * on an archived or withdrawn complaint, `FlagRepeatComplaint` included, yet a repeat
 * found after the complaint closed (a cause identified later on an earlier complaint,
 * detection turned on over an existing log) is still a fact the analysis must count. So
 * csi records it in a stream of its own in the same log (`repeat:<basis>:<complaintId>`),
 * as the survey desk records surveys: one stream per complaint and basis, appended once.
 */
import { idSchema, repeatBasisSchema, type RepeatBasis } from '@redress/core';
import { z } from 'zod';
import { stableStreamId } from '../support/stable-id.js';

/**
 * The `RepeatRecorded` event: a repeat of a complaint that had already closed, with the basis, the
 * count of complaints in its window (itself included, at least 2), the window in days, the other
 * complaints in it (in order of receipt) and how the complaint had closed.
 */
export const repeatRecordedSchema = z.strictObject({
  type: z.literal('RepeatRecorded'),
  data: z.strictObject({
    /** The complaint that repeats. */
    complaintId: idSchema,
    basis: repeatBasisSchema,
    count: z.int().min(2),
    windowDays: z.int().min(1),
    related: z.array(idSchema).min(1),
    /** How the complaint had closed when the repeat was found. */
    closedStep: z.enum(['archived', 'withdrawn']),
  }),
});
/** A `RepeatRecorded` event's type and data, as `repeatRecordedSchema` parses them. */
export type RepeatRecorded = z.output<typeof repeatRecordedSchema>;

/** Every event of csi's repeat streams (`repeat:<basis>:<complaintId>`), discriminated by `type`; today only `RepeatRecorded`. */
export const repeatEventSchema = z.discriminatedUnion('type', [repeatRecordedSchema]);
/** An event of a repeat stream, as `repeatEventSchema` parses it. */
export type RepeatEvent = z.output<typeof repeatEventSchema>;
/** The event types of repeat streams, for a host that routes or filters events by type. */
export const REPEAT_EVENT_TYPES = ['RepeatRecorded'] as const satisfies readonly RepeatEvent['type'][];
/**
 * The `schemaVersion` the detector writes on `RepeatRecorded`; it changes only with an incompatible change of the data's shape.
 */
export const REPEAT_EVENT_SCHEMA_VERSION = 1;

/** The prefix of every repeat stream id (`repeat:`). */
export const REPEAT_STREAM_PREFIX = 'repeat:';
/**
 * The stream of a closed complaint's repeat on a basis; also the command id of the flag the
 * engine refused, so both name the same finding.
 */
export const repeatStreamId = (basis: RepeatBasis, complaintId: string): string => stableStreamId('repeat', basis, complaintId);
