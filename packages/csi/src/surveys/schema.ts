/**
 * Surveys taken outside any complaint (the quarterly follow-up of every customer,
 * an ad-hoc campaign): their own command and event, stored in their own streams
 * (`survey:<id>`) in the same log as the complaints. Ratings use the same shape as
 * the follow-up survey that `RecordFollowUp` carries, so both score alike.
 */
import {
  actorSchema,
  channelSchema,
  customerSchema,
  followUpSurveySchema,
  idSchema,
  longTextSchema,
  productSchema,
  recordedSurveyRatingSchema,
  shortTextSchema,
  type ComplaintEvent,
} from '@redress/core';
import { z } from 'zod';
import type { ImprovementEvent } from '../benchmark/schema.js';
import type { SurveyAttemptEvent } from '../reach/schema.js';
import { surveyMethodSchema } from '../reach/methods.js';
import type { RepeatEvent } from '../repeats/schema.js';

/** Why a survey was taken: the quarterly follow-up of every customer (100% 回访), a follow-up of a visit, or an ad-hoc campaign. */
export const SURVEY_PROGRAMMES = ['quarterly', 'visit', 'adHoc'] as const;
export type SurveyProgramme = (typeof SURVEY_PROGRAMMES)[number];

/** Survey ids stay short enough that ids derived from them (`hidden:<surveyId>`) fit core's 128 characters. */
export const surveyIdSchema = idSchema.max(100, 'must be at most 100 characters');

/** Who is surveyed, about what, where: what a survey and the attempts to take it record alike. */
export const surveyContextShape = {
  programme: z.enum(SURVEY_PROGRAMMES),
  customer: customerSchema,
  product: productSchema.optional(),
  branch: shortTextSchema.optional(),
  region: shortTextSchema.optional(),
  businessLine: shortTextSchema.optional(),
  /** The member of staff whose service is rated, for per-handler slices. */
  handlerId: idSchema.optional(),
};

const surveyFacts = {
  ...surveyContextShape,
  /** The complaint the survey asks about, when it is about one but not its follow-up. */
  complaintId: idSchema.optional(),
  channel: channelSchema.optional(),
  /** How the survey was taken; when left out, the channel's method (see `DEFAULT_METHOD_OF_CHANNEL`). */
  method: surveyMethodSchema.optional(),
  comment: longTextSchema.optional(),
};

export const recordSurveyCommandSchema = z.strictObject({
  type: z.literal('RecordSurvey'),
  /** Left out: one is drawn from the id generator (or derived from `commandId`, so a retry finds the first result). */
  surveyId: surveyIdSchema.optional(),
  commandId: idSchema.optional(),
  correlationId: idSchema.optional(),
  actor: actorSchema,
  data: z.strictObject({ ...surveyFacts, ratings: followUpSurveySchema.shape.ratings }),
});
export type RecordSurveyCommand = z.output<typeof recordSurveyCommandSchema>;
export type RecordSurveyInput = z.input<typeof recordSurveyCommandSchema>;

export const surveyTakenSchema = z.strictObject({
  type: z.literal('SurveyTaken'),
  data: z.strictObject({ surveyId: surveyIdSchema, ...surveyFacts, ratings: z.array(recordedSurveyRatingSchema).min(1) }),
});
export type SurveyTaken = z.output<typeof surveyTakenSchema>;

export const surveyEventSchema = z.discriminatedUnion('type', [surveyTakenSchema]);
export type SurveyEvent = z.output<typeof surveyEventSchema>;
export const SURVEY_EVENT_TYPES = ['SurveyTaken'] as const satisfies readonly SurveyEvent['type'][];
export const SURVEY_EVENT_SCHEMA_VERSION = 1;

/** Everything in a log that holds complaints and csi's own records: surveys, survey attempts, repeats of closed complaints, improvement actions. */
export type CsiLogEvent = ComplaintEvent | SurveyEvent | SurveyAttemptEvent | RepeatEvent | ImprovementEvent;

export const SURVEY_STREAM_PREFIX = 'survey:';
export const surveyStreamId = (surveyId: string): string => `${SURVEY_STREAM_PREFIX}${surveyId}`;
