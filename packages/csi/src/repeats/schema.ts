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
import { stableId } from '../support/stable-id.js';

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
export type RepeatRecorded = z.output<typeof repeatRecordedSchema>;

export const repeatEventSchema = z.discriminatedUnion('type', [repeatRecordedSchema]);
export type RepeatEvent = z.output<typeof repeatEventSchema>;
export const REPEAT_EVENT_TYPES = ['RepeatRecorded'] as const satisfies readonly RepeatEvent['type'][];
export const REPEAT_EVENT_SCHEMA_VERSION = 1;

export const REPEAT_STREAM_PREFIX = 'repeat:';
/**
 * The stream of a closed complaint's repeat on a basis; also the command id of the flag the
 * engine refused, so both name the same finding.
 */
export const repeatStreamId = (basis: RepeatBasis, complaintId: string): string => stableId('repeat', basis, complaintId);
