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
import { stableStreamId } from '../support/stable-id.js';
import { surveyContextShape, surveyIdSchema } from '../surveys/schema.js';
import { attemptOutcomeSchema, surveyMethodSchema } from './methods.js';

const forSurvey = z.strictObject({ kind: z.literal('survey'), surveyId: surveyIdSchema, ...surveyContextShape });
const forFollowUp = z.strictObject({ kind: z.literal('followUp'), complaintId: idSchema });

const attemptFacts = {
  method: surveyMethodSchema,
  outcome: attemptOutcomeSchema,
  note: longTextSchema.optional(),
};

/**
 * The `RecordSurveyAttempt` command (`SurveyDesk.attempt`): one call, visit or form sent, with its
 * method, its outcome and an optional note. `of` says what it was for: a survey outside any
 * complaint (`{ kind: 'survey', surveyId, programme, customer, … }`, the id `RecordSurvey` gets
 * later, and the same context, so an unanswered attempt still falls in the right slice) or the
 * follow-up of a complaint (`{ kind: 'followUp', complaintId }`).
 */
export const recordSurveyAttemptCommandSchema = z.strictObject({
  type: z.literal('RecordSurveyAttempt'),
  /** Left out: derived from `commandId` (so a retry finds the first result), or drawn from the id generator. */
  attemptId: surveyIdSchema.optional(),
  commandId: idSchema.optional(),
  correlationId: idSchema.optional(),
  actor: actorSchema,
  data: z.strictObject({ of: z.discriminatedUnion('kind', [forSurvey, forFollowUp]), ...attemptFacts }),
});
/** A `RecordSurveyAttempt` command as `recordSurveyAttemptCommandSchema` parses it. */
export type RecordSurveyAttemptCommand = z.output<typeof recordSurveyAttemptCommandSchema>;
/** What `SurveyDesk.attempt` accepts: a `RecordSurveyAttempt` command before parsing. */
export type RecordSurveyAttemptInput = z.input<typeof recordSurveyAttemptCommandSchema>;

/**
 * The `SurveyAttempted` event, appended to `survey-attempt:<attemptId>`: the command's facts, and
 * for a follow-up the complaint's `cycle` at the time (1 plus its reopenings), which ties the
 * attempt to that cycle's `FollowUpRecorded` whatever order the log is read in.
 */
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
/** A `SurveyAttempted` event's type and data, as `surveyAttemptedSchema` parses them. */
export type SurveyAttempted = z.output<typeof surveyAttemptedSchema>;

/** Every event of csi's attempt streams (`survey-attempt:<id>`), discriminated by `type`; today only `SurveyAttempted`. */
export const surveyAttemptEventSchema = z.discriminatedUnion('type', [surveyAttemptedSchema]);
/** An event of an attempt stream, as `surveyAttemptEventSchema` parses it. */
export type SurveyAttemptEvent = z.output<typeof surveyAttemptEventSchema>;
/** The event types of attempt streams, for a host that routes or filters events by type. */
export const SURVEY_ATTEMPT_EVENT_TYPES = ['SurveyAttempted'] as const satisfies readonly SurveyAttemptEvent['type'][];
/** The `schemaVersion` the desk writes on `SurveyAttempted`; it changes only with an incompatible change of the data's shape. */
export const SURVEY_ATTEMPT_EVENT_SCHEMA_VERSION = 1;

/** The prefix of every attempt stream id (`survey-attempt:`). */
export const SURVEY_ATTEMPT_STREAM_PREFIX = 'survey-attempt:';
/**
 * The stream an attempt is appended to: `survey-attempt:<attemptId>` (attempt ids are at most 100
 * characters, so the id fits core's 128).
 */
export const surveyAttemptStreamId = (attemptId: string): string => stableStreamId('survey-attempt', attemptId);
