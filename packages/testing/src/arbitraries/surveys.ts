/**
 * Satisfaction surveys taken with a follow-up (跟进回访, CSI 客户满意度): a rating per
 * dimension on the 10-point scale, reason codes for the low ones, a word or two of
 * comment. The scores lean the way the customer leans (a satisfied customer mostly
 * rates 6-10, a dissatisfied one 1-5), but one rating in five may fall anywhere on
 * the scale: `satisfied` stays the workflow's input whatever the ratings say, and
 * hosts should see both.
 *
 * Built from small numbers resolved in `map` (no `.filter`, no `.chain`): a rating is
 * drafted as a distance from the customer's end of the scale, settled once the
 * follow-up's `satisfied` is known. So it shrinks to one rating of the first
 * dimension, 10 (or 1), with no reasons and no comments.
 */
import type { FollowUpSurvey, SurveyRating } from '@redress/core';
import fc from 'fast-check';
import { localeArbitrary, type LocaleOptions } from './people.js';
import { RATING_COMMENTS, TEXTS, type TextLocale } from './phrases.js';

/**
 * A dimension a survey rates, with its reason codes for low scores. The reasons are
 * `{ id }` objects so that @redress/csi's `config.dimensions` can be passed as they are.
 */
export interface SurveyDimension {
  /** The dimension's id as the survey records it (`skill`, `attitude`, `timeliness`, `parts`, `overall` by default). */
  readonly id: string;
  /** Reason codes a low score may cite (`slowHandling`, `outOfStock`, …); none: low scores carry no reasons. */
  readonly reasons?: readonly { readonly id: string }[];
}

const withReasons = (id: string, ...reasons: string[]): SurveyDimension => ({ id, reasons: reasons.map((r) => ({ id: r })) });

/**
 * The domain's five CSI dimensions (service skill 服务技能, service attitude 服务态度,
 * timeliness 服务及时性, parts supply 配件供应, overall service 服务综合) and their reason
 * codes for low scores (domain brief §5). Copied from @redress/csi's `DEFAULT_CSI_CONFIG`
 * (packages/csi/src/dimensions/defaults.ts), ids for ids, so that its
 * `followUpSurveyRule()` accepts the generated surveys; copied rather than imported
 * because @redress/testing does not depend on @redress/csi. A test checks they agree.
 */
export const CSI_DIMENSIONS: readonly SurveyDimension[] = [
  withReasons('skill', 'insufficientSkill', 'repeatedRepairs', 'slowOnSmallFaults', 'faultNotRemoved', 'longRepairTime'),
  withReasons(
    'attitude',
    'badAttitude',
    'noHandsOnWork',
    'noSiteVisit',
    'fewProactiveVisits',
    'slowHandling',
    'forcedPartsPurchase',
    'noSupplierContactHelp',
    'brokenPromise',
  ),
  withReasons('timeliness', 'lateArrival', 'noServiceVehicle', 'tooFewStaff', 'siteFarAway', 'hotlineDelay', 'engineerBusy'),
  withReasons('parts', 'lateSupply', 'warehouseFarAway', 'longShipping', 'outOfStock', 'wrongPart'),
  withReasons('overall', 'serviceImage', 'cumbersomeProcess', 'headOfficeSlow', 'generalComplaint'),
];

/** Options of `followUpSurvey`: the locale of comments and which dimensions are rated. */
export interface SurveyOptions extends LocaleOptions {
  /** The dimensions rated (default `CSI_DIMENSIONS`); a survey rates some or all of them, each once. */
  readonly dimensions?: readonly SurveyDimension[];
}

/** core's limits (followUpSurveySchema): at most 50 ratings, at most 20 reason codes each. */
const MAX_RATINGS = 50;
const MAX_REASONS = 20;
/** A low score (average or worse: 6 and below) is the one that comes with reason codes. */
const LOW = 6;

interface RatingDraft {
  /** How far the score is from the customer's end of the scale: 0 is 10 for a satisfied customer, 1 for a dissatisfied one. */
  readonly distance: number;
  readonly reasons: readonly string[];
  readonly comment?: number;
}

/** A survey before the customer's mood is known. */
export interface SurveyDraft {
  readonly locale: TextLocale;
  readonly ratings: readonly (RatingDraft & { readonly dimension: SurveyDimension })[];
  readonly comment?: number;
}

function ratingDraft(dimension: SurveyDimension): fc.Arbitrary<RatingDraft> {
  const codes = (dimension.reasons ?? []).map((r) => r.id);
  return fc.record(
    {
      // Mostly within five points of the customer's end of the scale, sometimes anywhere on it.
      distance: fc.oneof({ arbitrary: fc.nat({ max: 4 }), weight: 4 }, { arbitrary: fc.nat({ max: 9 }), weight: 1 }),
      // One to three of the dimension's reason codes (kept for a low score only); shrinks to none.
      reasons:
        codes.length === 0 ? fc.constant([]) : fc.option(fc.subarray(codes, { minLength: 1, maxLength: Math.min(3, codes.length, MAX_REASONS) }), { nil: [] }),
      comment: fc.nat(),
    },
    { requiredKeys: ['distance', 'reasons'] },
  );
}

/** Drafts of a survey over `dimensions`: usually all of them rated, sometimes only some (at least one). */
export function surveyDraft(options: SurveyOptions = {}): fc.Arbitrary<SurveyDraft> {
  const dimensions = options.dimensions ?? CSI_DIMENSIONS;
  if (dimensions.length === 0) throw new RangeError('a survey rates at least one dimension: give some');
  if (new Set(dimensions.map((d) => d.id)).size !== dimensions.length) throw new RangeError('survey dimension ids must be unique');
  const indices = dimensions.map((_, i) => i).slice(0, MAX_RATINGS);
  // Some dimensions first, so a failing case shrinks to one rating, of the first dimension (indices shrink
  // towards 0, and are sorted so ratings keep the dimensions' order); all of them twice as often, as real surveys go.
  const some = fc.uniqueArray(fc.nat({ max: indices.length - 1 }), { minLength: 1, maxLength: indices.length }).map((is) => [...is].sort((a, b) => a - b));
  const rated = fc.oneof({ arbitrary: some, weight: 1 }, { arbitrary: fc.constant(indices), weight: 2 });
  return fc
    .record(
      { locale: localeArbitrary(options.locale), rated, drafts: fc.tuple(...indices.map((i) => ratingDraft(dimensions[i] as SurveyDimension))), comment: fc.nat() },
      { requiredKeys: ['locale', 'rated', 'drafts'] },
    )
    .map(({ locale, rated, drafts, comment }) => ({
      locale,
      ratings: rated.map((i) => ({ ...(drafts[i] as RatingDraft), dimension: dimensions[i] as SurveyDimension })),
      ...(comment === undefined ? {} : { comment }),
    }));
}

const pick = (options: readonly string[], i: number) => options[i % options.length] as string;

/** The survey a customer in that mood gives: scores from the drafts' distances, reasons for the low ones, comments in the survey's language. */
export function settleSurvey(draft: SurveyDraft, satisfied: boolean): FollowUpSurvey {
  const ratings = draft.ratings.map(({ dimension, distance, reasons, comment }): SurveyRating => {
    const score = satisfied ? 10 - distance : 1 + distance;
    const low = score <= LOW;
    const comments = RATING_COMMENTS[draft.locale][dimension.id] ?? (RATING_COMMENTS[draft.locale]['*'] as { low: readonly string[]; high: readonly string[] });
    return {
      dimension: dimension.id,
      score,
      ...(low && reasons.length > 0 ? { reasons: [...reasons] } : {}),
      ...(comment === undefined ? {} : { comment: pick(low ? comments.low : comments.high, comment) }),
    };
  });
  return { ratings, ...(draft.comment === undefined ? {} : { comment: pick(TEXTS[draft.locale].survey, draft.comment) }) };
}

/**
 * A satisfaction survey as a follow-up carries it: valid for core's
 * `followUpSurveySchema`, and, with the default dimensions, for @redress/csi's
 * `followUpSurveyRule()`. Scores lean towards `satisfied` when given.
 */
export function followUpSurvey(options: SurveyOptions & { readonly satisfied?: boolean } = {}): fc.Arbitrary<FollowUpSurvey> {
  const mood = options.satisfied === undefined ? fc.boolean() : fc.constant(options.satisfied);
  return fc.tuple(surveyDraft(options), mood).map(([draft, satisfied]) => settleSurvey(draft, satisfied));
}
