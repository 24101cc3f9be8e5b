/**
 * csi's events as an event family (see docs/evolving-events.md): surveys, survey
 * attempts, repeats and improvement actions, each with the schema of its current version,
 * and the streams csi alone writes (`survey:`, `survey-attempt:`, `repeat:`,
 * `improvement:`). Registered beside the complaint family, a reader refuses a csi event
 * of a newer version, or an unknown type on a csi stream, instead of counting it.
 */
import type { EventFamily } from '@redress/core';
import type { z } from 'zod';
import { IMPROVEMENT_STREAM_PREFIX, improvementEventSchema } from '../benchmark/schema.js';
import { SURVEY_ATTEMPT_STREAM_PREFIX, surveyAttemptEventSchema } from '../reach/schema.js';
import { REPEAT_STREAM_PREFIX, repeatEventSchema } from '../repeats/schema.js';
import { SURVEY_STREAM_PREFIX, surveyEventSchema } from '../surveys/schema.js';

const PREFIXES = [SURVEY_STREAM_PREFIX, SURVEY_ATTEMPT_STREAM_PREFIX, REPEAT_STREAM_PREFIX, IMPROVEMENT_STREAM_PREFIX];
const UNIONS = [surveyEventSchema, surveyAttemptEventSchema, repeatEventSchema, improvementEventSchema];

/** For `createEventEvolution([complaintEventFamily(), csiEventFamily()])`. */
export function csiEventFamily(): EventFamily {
  const schemas: Record<string, z.ZodType> = Object.fromEntries(UNIONS.flatMap((union) => union.options.map((schema) => [schema.shape.type.value, schema] as const)));
  return {
    name: 'csi',
    types: Object.keys(schemas),
    ownsStream: (streamId) => PREFIXES.some((prefix) => streamId.startsWith(prefix)),
    upcasters: [],
    schemas,
  };
}
