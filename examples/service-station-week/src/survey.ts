/**
 * What the customer answers on the follow-up call (回访): the satisfaction survey
 * of @redress/csi's default dimensions, on the 10-point scale.
 *
 * The answers follow the complaint: a satisfied customer rates mostly 7-10, a
 * little lower on the dimension the complaint was about; an unsatisfied one rates
 * that dimension 2-5 and says why, with the reason code the material lists for it.
 * Parts supply is only asked about when the remedy needed the workshop.
 */
import type { Cause, FollowUpSurvey, SurveyRating } from '@redress/core';
import { DEFAULT_CSI_CONFIG } from '@redress/csi';
import type { Random } from './random.js';

/** The dimension a cause is about, and the reason codes a customer unhappy with it gives. */
const COMPLAINED_ABOUT: Record<Cause, { readonly dimension: string; readonly reasons: readonly string[] }> = {
  repairQuality: { dimension: 'skill', reasons: ['repeatedRepairs', 'faultNotRemoved'] },
  serviceAttitude: { dimension: 'attitude', reasons: ['badAttitude', 'brokenPromise'] },
  price: { dimension: 'attitude', reasons: ['forcedPartsPurchase'] },
  repairDuration: { dimension: 'timeliness', reasons: ['engineerBusy', 'tooFewStaff'] },
  communication: { dimension: 'attitude', reasons: ['fewProactiveVisits'] },
  environment: { dimension: 'overall', reasons: ['serviceImage'] },
  productQuality: { dimension: 'overall', reasons: ['headOfficeSlow'] },
  other: { dimension: 'overall', reasons: ['generalComplaint'] },
};

/** The survey taken with one follow-up call; `workshop` when the remedy was carried out in the workshop. */
export function followUpSurvey(cause: Cause, workshop: boolean, satisfied: boolean, rnd: Random): FollowUpSurvey {
  const about = COMPLAINED_ABOUT[cause];
  const asked = DEFAULT_CSI_CONFIG.dimensions.map((d) => d.id).filter((d) => d !== 'parts' || workshop);
  const ratings = asked.map((dimension): SurveyRating => {
    if (dimension !== about.dimension) return { dimension, score: rnd.pick(satisfied ? [7, 8, 8, 9, 9, 10] : [5, 6, 7, 7, 8]) };
    if (satisfied) return { dimension, score: rnd.pick([6, 7, 8, 8, 9]) };
    return { dimension, score: rnd.pick([2, 3, 4, 4, 5]), reasons: [rnd.pick(about.reasons)] };
  });
  return { ratings };
}
