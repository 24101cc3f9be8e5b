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
/** Why a survey was taken (`SURVEY_PROGRAMMES`): `quarterly`, `visit` or `adHoc`. */
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

/**
 * The `RecordSurvey` command the survey desk takes: the survey's id (optional, at most 100
 * characters), command and correlation ids, the actor, and the facts: programme, customer,
 * optional product, branch, region, business line, rated handler, complaint, channel, method and
 * comment, and the ratings (1-10 per dimension, each dimension at most once, reason codes
 * optional). Only the shape is checked here; the desk also checks the ratings against the
 * configuration.
 */
export const recordSurveyCommandSchema = z.strictObject({
  type: z.literal('RecordSurvey'),
  /** Left out: one is drawn from the id generator (or derived from `commandId`, so a retry finds the first result). */
  surveyId: surveyIdSchema.optional(),
  commandId: idSchema.optional(),
  correlationId: idSchema.optional(),
  actor: actorSchema,
  data: z.strictObject({ ...surveyFacts, ratings: followUpSurveySchema.shape.ratings }),
});
/** A `RecordSurvey` command as `recordSurveyCommandSchema` parses it (trimmed texts). */
export type RecordSurveyCommand = z.output<typeof recordSurveyCommandSchema>;
/** What `SurveyDesk.record` accepts: a `RecordSurvey` command before parsing. */
export type RecordSurveyInput = z.input<typeof recordSurveyCommandSchema>;

/**
 * The `SurveyTaken` event: a survey outside any complaint, as the desk appends it to
 * `survey:<surveyId>`. Its data are the command's facts with the survey id filled in and every
 * rating carrying its `level` (very satisfied … very dissatisfied), so readers of the log need not
 * know the 10-point scale.
 */
export const surveyTakenSchema = z.strictObject({
  type: z.literal('SurveyTaken'),
  data: z.strictObject({ surveyId: surveyIdSchema, ...surveyFacts, ratings: z.array(recordedSurveyRatingSchema).min(1) }),
});
/** A `SurveyTaken` event's type and data, as `surveyTakenSchema` parses them (the envelope is the store's `RecordedEvent`). */
export type SurveyTaken = z.output<typeof surveyTakenSchema>;

/** Every event of csi's survey streams (`survey:<id>`), discriminated by `type`; today only `SurveyTaken`. */
export const surveyEventSchema = z.discriminatedUnion('type', [surveyTakenSchema]);
/** An event of a survey stream, as `surveyEventSchema` parses it. */
export type SurveyEvent = z.output<typeof surveyEventSchema>;
/** The event types of survey streams, for a host that routes or filters events by type. */
export const SURVEY_EVENT_TYPES = ['SurveyTaken'] as const satisfies readonly SurveyEvent['type'][];
/**
 * The `schemaVersion` the desk writes on `SurveyTaken`. It changes only when the data's shape
 * changes incompatibly, so readers can upcast older events.
 */
export const SURVEY_EVENT_SCHEMA_VERSION = 1;

/** Everything in a log that holds complaints and csi's own records: surveys, survey attempts, repeats of closed complaints, improvement actions. */
export type CsiLogEvent = ComplaintEvent | SurveyEvent | SurveyAttemptEvent | RepeatEvent | ImprovementEvent;

/**
 * The prefix of every survey stream id (`survey:`); csi's other records use their own prefixes, so
 * a stream's id says what it holds.
 */
export const SURVEY_STREAM_PREFIX = 'survey:';
/** The stream a survey is appended to: `survey:<surveyId>`. */
export const surveyStreamId = (surveyId: string): string => `${SURVEY_STREAM_PREFIX}${surveyId}`;
