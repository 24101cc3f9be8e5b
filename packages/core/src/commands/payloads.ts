/**
 * Payload schemas shared by commands and the events they become, so that what a
 * host may send and what the log records cannot disagree.
 */
import { z } from 'zod';
import { idSchema, instantSchema, longTextSchema, plainTextSchema, shortTextSchema } from '../domain/primitives.js';
import {
  channelSchema,
  complaintSourceKindSchema,
  remedyKindSchema,
  satisfactionLevelOf,
  satisfactionLevelSchema,
  satisfactionScoreSchema,
} from '../domain/vocabulary.js';

/** The customer as the complaint refers to them: a reference into the host's CRM, plus optional contact details. */
export const customerSchema = z.strictObject({
  reference: idSchema,
  name: shortTextSchema.optional(),
  phone: plainTextSchema.trim().min(3).max(40).optional(),
  /** The customer type used to slice analytics (fleet, private, corporate…), in the host's own words. */
  segment: shortTextSchema.optional(),
});
/** The customer a complaint refers to, as `customerSchema` parses it. */
export type Customer = z.infer<typeof customerSchema>;

/** The vehicle or product concerned (model, plate or serial, mileage, purchase date). */
export const productSchema = z.strictObject({
  kind: shortTextSchema.optional(),
  model: shortTextSchema.optional(),
  identifier: shortTextSchema.optional(),
  mileageKm: z.int().min(0).max(10_000_000).optional(),
  purchasedOn: z.iso.date().optional(),
});
/** The vehicle or product concerned, as `productSchema` parses it. */
export type Product = z.infer<typeof productSchema>;

/**
 * Handling behaviours 1-4 (thank, say why the complaint is appreciated, apologise,
 * promise prompt effort). They may be recorded in parts when receiving and
 * confirming; confirmation needs all four.
 */
export const acknowledgementSchema = z.strictObject({
  thanked: z.boolean(),
  appreciated: z.boolean(),
  apologised: z.boolean(),
  promisedPromptAction: z.boolean(),
  words: longTextSchema.optional(),
});
/** The acknowledgement behaviours recorded in one command, as `acknowledgementSchema` parses it. */
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;

/** A money amount in minor-unit-free decimal form with an ISO-4217 currency. */
export const moneySchema = z.strictObject({
  value: z.number().min(0).max(1e12),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO-4217 code such as CNY'),
});
/** An amount with its currency, as `moneySchema` parses it. */
export type Money = z.infer<typeof moneySchema>;

/** The remedy decided from the findings. */
export const remedySchema = z.strictObject({
  kind: remedyKindSchema,
  description: longTextSchema,
  amount: moneySchema.optional(),
});
/** A proposed remedy: its kind, what it is and what it costs, as `remedySchema` parses it. */
export type Remedy = z.infer<typeof remedySchema>;

/** "Three checks and one synthesis" (三查一综合) for product-quality complaints. */
export const productChecksSchema = z.strictObject({
  product: longTextSchema.optional(),
  operatingConditions: longTextSchema.optional(),
  usageAndMaintenance: longTextSchema.optional(),
});
/** The three checks and synthesis of a product-quality investigation, as `productChecksSchema` parses it. */
export type ProductChecks = z.infer<typeof productChecksSchema>;

/** What revealed a complaint, e.g. `{ kind: 'survey', reference: surveyId }` for a hidden complaint found by a survey. */
export const complaintSourceSchema = z.strictObject({
  kind: complaintSourceKindSchema,
  /** The id of what revealed it (a survey, a complaint), when there is one. */
  reference: idSchema.optional(),
  note: longTextSchema.optional(),
});
/** What revealed the complaint, as `complaintSourceSchema` parses it. */
export type ComplaintSource = z.infer<typeof complaintSourceSchema>;

/** Ratings carry at most this many reason codes; a survey at most this many ratings. */
const MAX_REASONS = 20;
const MAX_RATINGS = 50;

/**
 * One rating of a satisfaction survey: a dimension (configurable, so an id, not an enum),
 * a score on the 10-point scale, and why (reason codes, free text).
 */
export const surveyRatingSchema = z.strictObject({
  dimension: idSchema,
  score: satisfactionScoreSchema,
  reasons: z.array(idSchema).max(MAX_REASONS).optional(),
  comment: longTextSchema.optional(),
});
/** One rating of a satisfaction survey, as a command sends it, as `surveyRatingSchema` parses it. */
export type SurveyRating = z.infer<typeof surveyRatingSchema>;

const uniqueDimensions = (ratings: readonly { dimension: string }[]) => new Set(ratings.map((r) => r.dimension)).size === ratings.length;

/** The satisfaction survey taken with a follow-up, as a command gives it. */
export const followUpSurveySchema = z.strictObject({
  ratings: z
    .array(surveyRatingSchema)
    .min(1, 'a survey rates at least one dimension')
    .max(MAX_RATINGS)
    .refine(uniqueDimensions, 'each dimension is rated at most once'),
  comment: longTextSchema.optional(),
});
/** The survey taken with a follow-up, as a command sends it, as `followUpSurveySchema` parses it. */
export type FollowUpSurvey = z.infer<typeof followUpSurveySchema>;

/** A rating as recorded: with the level its score falls in. */
export const recordedSurveyRatingSchema = surveyRatingSchema.extend({ level: satisfactionLevelSchema });
/** One rating as recorded, with its satisfaction level, as `recordedSurveyRatingSchema` parses it. */
export type RecordedSurveyRating = z.infer<typeof recordedSurveyRatingSchema>;

/** The survey as `FollowUpRecorded` carries it. */
export const recordedSurveySchema = z.strictObject({
  ratings: z.array(recordedSurveyRatingSchema).min(1).max(MAX_RATINGS),
  comment: longTextSchema.optional(),
});
/** The survey as `FollowUpRecorded` records it, as `recordedSurveySchema` parses it. */
export type RecordedSurvey = z.infer<typeof recordedSurveySchema>;

/** The survey as recorded: each rating gets its level label. */
export function recordSurvey(survey: FollowUpSurvey): RecordedSurvey {
  return { ...survey, ratings: survey.ratings.map((r) => ({ ...r, level: satisfactionLevelOf(r.score) })) };
}

export { channelSchema, idSchema, instantSchema, longTextSchema, shortTextSchema };
