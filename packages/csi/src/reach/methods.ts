/**
 * How a survey reaches the customer, and what an attempt came to. The material names four
 * methods (questionnaire, telephone, on-site, web) and counts every percentage against the
 * customers successfully reached (占成功回访比例): an attempt either reached the customer
 * (who answered, or declined to answer) or did not.
 */
import type { Channel } from '@redress/core';
import { z } from 'zod';

/**
 * The four ways the material takes a survey: by `questionnaire`, by `telephone`, `onSite` or on the
 * `web`. Each attempt records one; reach is reported per method.
 */
export const SURVEY_METHODS = ['questionnaire', 'telephone', 'onSite', 'web'] as const;
/** How a survey or an attempt reached (or tried to reach) the customer: one of `SURVEY_METHODS`. */
export type SurveyMethod = (typeof SURVEY_METHODS)[number];
/** Validates a `SurveyMethod`; used by `RecordSurvey.data.method` and `RecordSurveyAttempt.data.method`. */
export const surveyMethodSchema = z.enum(SURVEY_METHODS);

/** `reached` and `declined` reached the customer; the others did not. */
export const ATTEMPT_OUTCOMES = ['reached', 'declined', 'noAnswer', 'wrongContact', 'unavailable', 'other'] as const;
/**
 * What one attempt came to (`ATTEMPT_OUTCOMES`). `reached` and `declined` count as reaching the
 * customer, so a refusal still adds to the base of every survey percentage; `noAnswer`,
 * `wrongContact`, `unavailable` and `other` do not.
 */
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];
/** Validates an `AttemptOutcome`, for `RecordSurveyAttempt.data.outcome`. */
export const attemptOutcomeSchema = z.enum(ATTEMPT_OUTCOMES);

/**
 * Whether an attempt with this outcome reached the customer: true for `reached` and `declined`
 * (the customer was on the line, and refused), false otherwise. The one place that decides what
 * "successfully reached" (成功回访) means.
 */
export const reachedBy = (outcome: AttemptOutcome): boolean => outcome === 'reached' || outcome === 'declined';

/**
 * The method of a survey or follow-up that names only its channel (core's `RecordFollowUp`
 * has a channel, not a method). Ours, since the material does not pair them: calls are
 * telephone surveys, a visit is on site, electronic channels are web, a letter or a survey
 * form is a questionnaire. `other` has no method. `analyze` takes another table.
 */
export const DEFAULT_METHOD_OF_CHANNEL: Readonly<Record<Channel, SurveyMethod | null>> = Object.freeze({
  phone: 'telephone',
  hotline: 'telephone',
  visit: 'onSite',
  email: 'web',
  sms: 'web',
  wechat: 'web',
  web: 'web',
  survey: 'questionnaire',
  letter: 'questionnaire',
  other: null,
});
