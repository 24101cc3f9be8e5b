import { ConcurrencyConflictError, NotFoundError, ValidationError } from '@redress/core';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analytics/analyze.js';
import { rebuildAnalytics } from '../analytics/rebuild.js';
import { harness, HOUR, live, START } from '../test-support/harness.js';
import type { RecordSurveyAttemptInput } from './schema.js';

const staff = { id: 'fu-wu', role: 'followUpStaff' } as const;
const survey = (surveyId: string, over: Partial<RecordSurveyAttemptInput['data']> = {}): RecordSurveyAttemptInput => ({
  type: 'RecordSurveyAttempt',
  actor: staff,
  data: { of: { kind: 'survey', surveyId, programme: 'quarterly', customer: { reference: `cust-${surveyId}` }, branch: 'Pudong' }, method: 'telephone', outcome: 'noAnswer', ...over },
});
const followUp = (complaintId: string, outcome: 'reached' | 'noAnswer' = 'noAnswer'): RecordSurveyAttemptInput => ({
  type: 'RecordSurveyAttempt',
  actor: staff,
  data: { of: { kind: 'followUp', complaintId }, method: 'telephone', outcome },
});

describe('survey attempts', () => {
  it('are appended to their own stream with the engine’s envelope', async () => {
    const h = harness();
    const result = await h.desk.attempt({ ...survey('q4-1'), commandId: 'call-1' });
    if (!result.ok) throw result.error;
    expect(result.value).toMatchObject({ attemptId: 'call-1', commandId: 'call-1', duplicate: false });
    expect(await h.store.readStream('survey-attempt:call-1')).toEqual([
      expect.objectContaining({
        type: 'SurveyAttempted',
        data: {
          attemptId: 'call-1',
          of: { kind: 'survey', surveyId: 'q4-1', programme: 'quarterly', customer: { reference: 'cust-q4-1' }, branch: 'Pudong' },
          method: 'telephone',
          outcome: 'noAnswer',
        },
        occurredAt: START,
        actor: staff,
        causationId: 'call-1',
        schemaVersion: 1,
      }),
    ]);
  });

  it.each([
    ['an unknown method', { method: 'carrierPigeon' }, 'data.method'],
    ['an unknown outcome', { outcome: 'maybe' }, 'data.outcome'],
    ['a target of no known kind', { of: { kind: 'letterbox', surveyId: 'x' } }, 'data.of.kind'],
    ['a survey without its customer', { of: { kind: 'survey', surveyId: 'x', programme: 'quarterly' } }, 'data.of.customer'],
  ])('refuse %s with a ValidationError naming where, writing nothing', async (_, change, path) => {
    const h = harness();
    const input = survey('q4-1');
    const result = await h.desk.attempt({ ...input, data: { ...input.data, ...change } } as RecordSurveyAttemptInput);
    expect(!result.ok && result.error).toBeInstanceOf(ValidationError);
    expect(!result.ok && result.error.kind === 'Validation' && result.error.issues.map((i) => i.path)).toContain(path);
    expect(h.store.size).toBe(0);
  });

  it('refuse to follow up a complaint the log has not received (nor one of csi’s own streams), writing nothing', async () => {
    const h = harness();
    await h.desk.attempt({ ...survey('q4-1'), commandId: 'call-1' });
    const size = h.store.size;
    for (const id of ['c-404', 'survey-attempt:call-1']) {
      const result = await h.desk.attempt(followUp(id));
      expect(!result.ok && result.error).toBeInstanceOf(NotFoundError);
    }
    expect(h.store.size).toBe(size);
  });

  it('are recorded once per command id: a retry returns the first, another command under the same attempt id conflicts', async () => {
    const h = harness();
    const first = await h.desk.attempt({ ...survey('q4-1'), commandId: 'call-1' });
    h.clock.advance(HOUR);
    const retry = await h.desk.attempt({ ...survey('q4-1', { outcome: 'reached' }), commandId: 'call-1' });
    expect(retry).toEqual({ ok: true, value: { ...(first.ok ? first.value : {}), duplicate: true } });
    const other = await h.desk.attempt({ ...survey('q4-1'), attemptId: 'call-1', commandId: 'call-2' });
    expect(!other.ok && other.error).toBeInstanceOf(ConcurrencyConflictError);
    expect(h.store.size).toBe(1);
  });

  it('record the cycle of the follow-up they are for, so a reopened complaint’s next follow-up is another customer contact', async () => {
    const h = harness();
    await live(h, 'c-1', { until: 'executed' });
    const before = await h.desk.attempt(followUp('c-1'));
    await h.engine.executeOrThrow({ type: 'RecordFollowUp', complaintId: 'c-1', actor: staff, data: { satisfied: false, channel: 'phone' } });
    const after = await h.desk.attempt(followUp('c-1'));
    expect([before.ok && before.value.event.data.of, after.ok && after.value.event.data.of]).toEqual([
      { kind: 'followUp', complaintId: 'c-1', cycle: 1 },
      { kind: 'followUp', complaintId: 'c-1', cycle: 2 },
    ]);
    const reach = analyze(await rebuildAnalytics(h.store)).surveys.reach;
    // Cycle 1: a missed call, then the follow-up reached the customer (no ratings). Cycle 2: a missed call.
    expect(reach).toMatchObject({ attempted: 2, reached: 1, responded: 0, attempts: 3, reach: { met: 1, total: 2 }, response: { met: 0, total: 1 } });
    expect(reach.byMethod).toEqual([{ method: 'telephone', attempts: 3, reachedAttempts: 1, reached: 1, responded: 0 }]);
  });
});

describe('reach, the worked example', () => {
  it('counts a follow-up through RecordFollowUp as the attempt that reached the customer, by its channel’s method', async () => {
    const h = harness();
    // Ten quarterly surveys attempted by phone: six reached (one declined), four never.
    for (let i = 1; i <= 10; i++) {
      const outcome = i <= 5 ? 'reached' : i === 6 ? 'declined' : 'noAnswer';
      await h.desk.attempt(survey(`q-${i}`, { outcome }));
      if (i <= 5) {
        const r = await h.desk.record({
          type: 'RecordSurvey',
          surveyId: `q-${i}`,
          actor: staff,
          data: { programme: 'quarterly', customer: { reference: `cust-q-${i}` }, branch: 'Pudong', ratings: [{ dimension: 'timeliness', score: i <= 2 ? 3 : 9, ...(i <= 2 ? { reasons: ['lateArrival'] } : {}) }] },
        });
        if (!r.ok) throw r.error;
      }
    }
    // Two complaints followed up on site, with ratings, no attempt recorded: reached by the follow-up itself.
    for (const id of ['c-1', 'c-2']) {
      await live(h, id, { branch: 'Pudong', until: 'executed' });
      await h.engine.executeOrThrow({ type: 'RecordFollowUp', complaintId: id, actor: staff, data: { satisfied: true, channel: 'visit', survey: { ratings: [{ dimension: 'timeliness', score: 8 }] } } });
    }
    const s = analyze(await rebuildAnalytics(h.store)).surveys;
    expect(s.reach).toMatchObject({ attempted: 12, reached: 8, responded: 7, attempts: 12, reach: { met: 8, total: 12 }, response: { met: 7, total: 8 } });
    expect(s.reach.byMethod).toEqual([
      { method: 'telephone', attempts: 10, reachedAttempts: 6, reached: 6, responded: 5 },
      { method: 'onSite', attempts: 2, reachedAttempts: 2, reached: 2, responded: 2 },
    ]);
    // 占成功回访比例: of the 8 customers reached, 2 dissatisfied with timeliness (a 3), 3 very satisfied, 1 did not rate it.
    expect(s.levels.timeliness?.levels.dissatisfied).toEqual({ met: 2, total: 8, rate: 0.25 });
    expect(s.levels.timeliness?.levels.verySatisfied).toEqual({ met: 3, total: 8, rate: 3 / 8 });
    expect(s.levels.timeliness?.notRated).toEqual({ met: 1, total: 8, rate: 1 / 8 });
    expect(s.drivers).toEqual([{ dimension: 'timeliness', reason: 'lateArrival', customers: 2, ofReached: { met: 2, total: 8, rate: 0.25 }, share: 1, cumulativeShare: 1, main: true }]);
    expect(s.dissatisfied).toEqual({ met: 2, total: 8, rate: 0.25 });
  });
});
