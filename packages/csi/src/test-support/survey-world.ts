/**
 * Random survey programmes for property tests: surveys outside complaints (attempts, then
 * perhaps the survey) and follow-ups of complaints (attempts, then perhaps the follow-up,
 * a reopening and attempts in the next cycle, a second follow-up in the same cycle), each
 * played through the real desk and engine. `expected` is the model: what the plan itself
 * says about every contact, computed without reading a single event.
 */
import { fc } from '@fast-check/vitest';
import type { Channel, SurveyRating } from '@redress/core';
import { ATTEMPT_OUTCOMES, SURVEY_METHODS, type AttemptOutcome, type SurveyMethod } from '../reach/methods.js';
import { HOUR, live, type Harness } from './harness.js';

const followUpStaff = { id: 'fu-wu', role: 'followUpStaff' } as const;
const DIMENSIONS = ['skill', 'attitude', 'timeliness', 'parts', 'overall', 'performance', 'function', 'operation'] as const;
const REASONS: Record<string, readonly string[]> = {
  skill: ['insufficientSkill', 'repeatedRepairs'],
  timeliness: ['lateArrival', 'hotlineDelay'],
  parts: ['outOfStock'],
  performance: ['lowPower'],
};

export interface PlannedAttempt {
  readonly method: SurveyMethod;
  readonly outcome: AttemptOutcome;
}

export interface SurveyPlan {
  readonly kind: 'survey';
  readonly branch: string | undefined;
  readonly attempts: readonly PlannedAttempt[];
  /** The survey recorded afterwards, if any. */
  readonly taken: { readonly method: SurveyMethod | undefined; readonly ratings: readonly SurveyRating[] } | null;
  readonly gapHours: number;
}

export interface FollowUpPlan {
  readonly kind: 'followUp';
  readonly branch: string | undefined;
  readonly attempts: readonly PlannedAttempt[];
  readonly followUp: { readonly channel: Channel | undefined; readonly satisfied: boolean; readonly ratings: readonly SurveyRating[] | null } | null;
  /** A second satisfied follow-up in the same cycle (only after a satisfied one). */
  readonly again: { readonly ratings: readonly SurveyRating[] | null } | null;
  /** Attempts in the next cycle (only after an unsatisfied follow-up, which reopens the complaint). */
  readonly nextCycle: readonly PlannedAttempt[];
  readonly gapHours: number;
}

export type ContactPlan = SurveyPlan | FollowUpPlan;

const attempt: fc.Arbitrary<PlannedAttempt> = fc.record({ method: fc.constantFrom(...SURVEY_METHODS), outcome: fc.constantFrom(...ATTEMPT_OUTCOMES) });
const rating = (dimension: string): fc.Arbitrary<SurveyRating> =>
  fc.record({ dimension: fc.constant(dimension), score: fc.integer({ min: 1, max: 10 }), reasons: fc.subarray([...(REASONS[dimension] ?? [])]) });
export const ratings: fc.Arbitrary<SurveyRating[]> = fc
  .subarray([...DIMENSIONS], { minLength: 1 })
  .chain((ds) => fc.tuple(...ds.map(rating)));
const branch = fc.option(fc.constantFrom('Pudong', 'Minhang', '浦东 North'), { nil: undefined });
const gapHours = fc.integer({ min: 1, max: 24 * 25 });

const surveyPlan: fc.Arbitrary<SurveyPlan> = fc.record({
  kind: fc.constant('survey' as const),
  branch,
  attempts: fc.array(attempt, { maxLength: 3 }),
  taken: fc.option(fc.record({ method: fc.option(fc.constantFrom(...SURVEY_METHODS), { nil: undefined }), ratings })),
  gapHours,
}).filter((p) => p.attempts.length > 0 || p.taken !== null);

const followUpPlan: fc.Arbitrary<FollowUpPlan> = fc
  .record({
    kind: fc.constant('followUp' as const),
    branch,
    attempts: fc.array(attempt, { maxLength: 3 }),
    followUp: fc.option(fc.record({ channel: fc.option(fc.constantFrom<Channel>('phone', 'visit', 'web', 'other'), { nil: undefined }), satisfied: fc.boolean(), ratings: fc.option(ratings) })),
    again: fc.option(fc.record({ ratings: fc.option(ratings) })),
    nextCycle: fc.array(attempt, { maxLength: 2 }),
    gapHours,
  })
  .map((p) => ({
    ...p,
    again: p.followUp?.satisfied ? p.again : null,
    nextCycle: p.followUp && !p.followUp.satisfied ? p.nextCycle : [],
  }));

export const programme: fc.Arbitrary<ContactPlan[]> = fc.array(fc.oneof(surveyPlan, followUpPlan), { minLength: 1, maxLength: 7 });

/** Plays the plans through the desk and the engine; contact i is survey `s-i` or complaint `c-i`. */
export async function play(h: Harness, plans: readonly ContactPlan[]): Promise<void> {
  let i = 0;
  for (const plan of plans) {
    i++;
    h.clock.advance(plan.gapHours * HOUR);
    if (plan.kind === 'survey') await playSurvey(h, `s-${i}`, plan);
    else await playFollowUp(h, `c-${i}`, plan);
  }
}

async function ok<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: Error }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw r.error;
  return r.value;
}

async function playSurvey(h: Harness, surveyId: string, plan: SurveyPlan): Promise<void> {
  const context = { surveyId, programme: 'quarterly' as const, customer: { reference: `cust-${surveyId}` }, ...(plan.branch ? { branch: plan.branch } : {}) };
  for (const a of plan.attempts) {
    h.clock.advance(HOUR);
    await ok(h.desk.attempt({ type: 'RecordSurveyAttempt', actor: followUpStaff, data: { of: { kind: 'survey', ...context }, ...a } }));
  }
  if (!plan.taken) return;
  h.clock.advance(HOUR);
  const { surveyId: id, ...facts } = context;
  await ok(
    h.desk.record({
      type: 'RecordSurvey',
      surveyId: id,
      actor: followUpStaff,
      data: { ...facts, ...(plan.taken.method ? { method: plan.taken.method } : {}), ratings: [...plan.taken.ratings] },
    }),
  );
}

async function attemptFollowUp(h: Harness, complaintId: string, attempts: readonly PlannedAttempt[]): Promise<void> {
  for (const a of attempts) {
    h.clock.advance(HOUR);
    await ok(h.desk.attempt({ type: 'RecordSurveyAttempt', actor: followUpStaff, data: { of: { kind: 'followUp', complaintId }, ...a } }));
  }
}

async function playFollowUp(h: Harness, complaintId: string, plan: FollowUpPlan): Promise<void> {
  await live(h, complaintId, { until: 'executed', ...(plan.branch ? { branch: plan.branch } : {}) });
  await attemptFollowUp(h, complaintId, plan.attempts);
  const record = async (satisfied: boolean, channel: Channel | undefined, rs: readonly SurveyRating[] | null) => {
    h.clock.advance(HOUR);
    await h.engine.executeOrThrow({
      type: 'RecordFollowUp',
      complaintId,
      actor: followUpStaff,
      data: { satisfied, ...(channel ? { channel } : {}), ...(rs ? { survey: { ratings: [...rs] } } : {}) },
    });
  };
  if (plan.followUp) await record(plan.followUp.satisfied, plan.followUp.channel, plan.followUp.ratings);
  if (plan.again) await record(true, 'phone', plan.again.ratings);
  await attemptFollowUp(h, complaintId, plan.nextCycle);
}

/** The model: each contact as the plan defines it. */
export interface ExpectedContact {
  readonly branch: string | null;
  readonly attempts: number;
  readonly reached: boolean;
  readonly responded: boolean;
  readonly ratings: readonly SurveyRating[] | null;
}

const reaches = (a: PlannedAttempt) => a.outcome === 'reached' || a.outcome === 'declined';
/** Attempts counted: the explicit ones, plus the survey or follow-up itself when no explicit attempt reached the customer. */
const counted = (attempts: readonly PlannedAttempt[], recorded: boolean) => attempts.length + (recorded && !attempts.some(reaches) ? 1 : 0);

export function expected(plans: readonly ContactPlan[]): ExpectedContact[] {
  return plans.flatMap((p): ExpectedContact[] => {
    const b = p.branch ?? null;
    if (p.kind === 'survey') {
      const recorded = p.taken !== null;
      return [{ branch: b, attempts: counted(p.attempts, recorded), reached: recorded || p.attempts.some(reaches), responded: recorded, ratings: p.taken?.ratings ?? null }];
    }
    const out: ExpectedContact[] = [];
    const recorded = p.followUp !== null;
    out.push({
      branch: b,
      attempts: counted(p.attempts, recorded),
      reached: recorded || p.attempts.some(reaches),
      responded: p.followUp?.ratings != null,
      ratings: p.followUp?.ratings ?? null,
    });
    // A contact exists for a complaint only once something was attempted or recorded for it.
    if (out[0]?.attempts === 0) out.pop();
    if (p.again) out.push({ branch: b, attempts: 1, reached: true, responded: p.again.ratings !== null, ratings: p.again.ratings });
    if (p.nextCycle.length > 0) out.push({ branch: b, attempts: p.nextCycle.length, reached: p.nextCycle.some(reaches), responded: false, ratings: null });
    return out;
  });
}
