/**
 * Survey attempts (回访尝试): every call, visit or form sent to take a survey, reached or
 * not, so that the share of customers reached and every percentage based on them can be
 * counted. Like surveys, they live in csi's own streams of the shared log, one stream per
 * attempt (`survey-attempt:<attemptId>`), appended once.
 *
 * An attempt is for a survey outside any complaint (`of.kind: 'survey'`, linked to the
 * `SurveyTaken` of the same survey id) or for the follow-up of a complaint
 * (`of.kind: 'followUp'`, linked to the complaint's `FollowUpRecorded` of the same cycle,
 * which the desk reads from the complaint's stream and records with the attempt).
 */
import { actorSchema, idSchema, longTextSchema } from '@redress/core';
import { z } from 'zod';
import { stableId } from '../support/stable-id.js';
import { surveyContextShape, surveyIdSchema } from '../surveys/schema.js';
import { attemptOutcomeSchema, surveyMethodSchema } from './methods.js';

const forSurvey = z.strictObject({ kind: z.literal('survey'), surveyId: surveyIdSchema, ...surveyContextShape });
const forFollowUp = z.strictObject({ kind: z.literal('followUp'), complaintId: idSchema });

const attemptFacts = {
  method: surveyMethodSchema,
  outcome: attemptOutcomeSchema,
  note: longTextSchema.optional(),
};

export const recordSurveyAttemptCommandSchema = z.strictObject({
  type: z.literal('RecordSurveyAttempt'),
  /** Left out: derived from `commandId` (so a retry finds the first result), or drawn from the id generator. */
  attemptId: surveyIdSchema.optional(),
  commandId: idSchema.optional(),
  correlationId: idSchema.optional(),
  actor: actorSchema,
  data: z.strictObject({ of: z.discriminatedUnion('kind', [forSurvey, forFollowUp]), ...attemptFacts }),
});
export type RecordSurveyAttemptCommand = z.output<typeof recordSurveyAttemptCommandSchema>;
export type RecordSurveyAttemptInput = z.input<typeof recordSurveyAttemptCommandSchema>;

export const surveyAttemptedSchema = z.strictObject({
  type: z.literal('SurveyAttempted'),
  data: z.strictObject({
    attemptId: surveyIdSchema,
    of: z.discriminatedUnion('kind', [
      forSurvey,
      /** The complaint's cycle when the attempt was made (1, or more after reopening): the follow-up it is for. */
      forFollowUp.extend({ cycle: z.int().min(1) }),
    ]),
    ...attemptFacts,
  }),
});
export type SurveyAttempted = z.output<typeof surveyAttemptedSchema>;

export const surveyAttemptEventSchema = z.discriminatedUnion('type', [surveyAttemptedSchema]);
export type SurveyAttemptEvent = z.output<typeof surveyAttemptEventSchema>;
export const SURVEY_ATTEMPT_EVENT_TYPES = ['SurveyAttempted'] as const satisfies readonly SurveyAttemptEvent['type'][];
export const SURVEY_ATTEMPT_EVENT_SCHEMA_VERSION = 1;

export const SURVEY_ATTEMPT_STREAM_PREFIX = 'survey-attempt:';
export const surveyAttemptStreamId = (attemptId: string): string => stableId('survey-attempt', attemptId);
