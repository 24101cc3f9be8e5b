import { ConcurrencyConflictError, ValidationError } from '@redress/core';
import { describe, expect, it } from 'vitest';
import { harness, live, START } from '../test-support/harness.js';
import type { RecordSurveyInput } from './schema.js';

const quarterly = (over: Partial<RecordSurveyInput> = {}): RecordSurveyInput => ({
  type: 'RecordSurvey',
  surveyId: 'q4-cust-7',
  actor: { id: 'fu-wu', role: 'followUpStaff' },
  data: {
    programme: 'quarterly',
    customer: { reference: 'cust-7', segment: 'fleet' },
    branch: 'Pudong',
    ratings: [
      { dimension: 'timeliness', score: 4, reasons: ['lateArrival'] },
      { dimension: 'attitude', score: 9 },
    ],
  },
  ...over,
});

describe('surveys outside any complaint', () => {
  it('are appended to their own stream with the engine’s envelope and each rating’s level', async () => {
    const h = harness();
    const result = await h.desk.record(quarterly());
    if (!result.ok) throw result.error;
    expect(result.value).toMatchObject({ surveyId: 'q4-cust-7', commandId: 's-1', duplicate: false });
    expect(await h.store.readStream('survey:q4-cust-7')).toEqual([
      {
        type: 'SurveyTaken',
        data: {
          surveyId: 'q4-cust-7',
          programme: 'quarterly',
          customer: { reference: 'cust-7', segment: 'fleet' },
          branch: 'Pudong',
          ratings: [
            { dimension: 'timeliness', score: 4, reasons: ['lateArrival'], level: 'dissatisfied' },
            { dimension: 'attitude', score: 9, level: 'verySatisfied' },
          ],
        },
        eventId: 's-2',
        occurredAt: START,
        actor: { id: 'fu-wu', role: 'followUpStaff' },
        causationId: 's-1',
        correlationId: 's-1',
        schemaVersion: 1,
        streamId: 'survey:q4-cust-7',
        streamVersion: 1,
        globalPosition: 1,
      },
    ]);
  });

  it.each([
    ['a score off the scale', { ratings: [{ dimension: 'skill', score: 11 }] }, 'data.ratings[0].score'],
    ['an unknown dimension', { ratings: [{ dimension: 'price', score: 5 }] }, 'data.ratings[0].dimension'],
    ['a reason code of another dimension', { ratings: [{ dimension: 'skill', score: 2, reasons: ['wrongPart'] }] }, 'data.ratings[0].reasons[0]'],
    ['a dimension rated twice', { ratings: [{ dimension: 'skill', score: 2 }, { dimension: 'skill', score: 3 }] }, 'data.ratings'],
  ])('refuse %s, writing nothing', async (_, change, path) => {
    const h = harness();
    const input = quarterly();
    const result = await h.desk.record({ ...input, data: { ...input.data, ...change } } as RecordSurveyInput);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(ValidationError);
    expect(result.error.kind === 'Validation' && result.error.issues.map((i) => i.path)).toEqual([path]);
    expect(h.store.size).toBe(0);
  });

  it('are recorded once: a retry with the same command id returns the first result', async () => {
    const h = harness();
    const first = await h.desk.record(quarterly({ commandId: 'cmd-1' }));
    h.clock.advance(60_000);
    const again = await h.desk.record(quarterly({ commandId: 'cmd-1' }));
    expect(again).toEqual({ ok: true, value: { ...(first.ok ? first.value : {}), duplicate: true } });
    expect(h.store.size).toBe(1);
  });

  it('refuse a second survey under the same id from another command', async () => {
    const h = harness();
    await h.desk.record(quarterly());
    const other = await h.desk.record(quarterly());
    expect(!other.ok && other.error).toBeInstanceOf(ConcurrencyConflictError);
    expect(h.store.size).toBe(1);
  });

  it('derive the survey id from the command id when none is given, so a retry lands on the same stream', async () => {
    const h = harness();
    const { surveyId: _, ...input } = quarterly({ commandId: 'visit-42' });
    const first = await h.desk.record(input);
    const again = await h.desk.record(input);
    expect(first.ok && first.value.surveyId).toBe('visit-42');
    expect(again.ok && again.value.duplicate).toBe(true);
  });
});

describe('surveys with the follow-up', () => {
  it('are checked against the configuration by the engine rule, and satisfied still decides the workflow', async () => {
    const h = harness();
    await live(h, 'c-1', { until: 'executed' });
    const refused = await h.engine.execute({
      type: 'RecordFollowUp',
      complaintId: 'c-1',
      actor: { id: 'fu-wu', role: 'followUpStaff' },
      data: { satisfied: true, survey: { ratings: [{ dimension: 'price', score: 9 }] } },
    });
    expect(!refused.ok && refused.error).toMatchObject({ kind: 'IllegalCommand', rule: { name: 'followUpSurveyMatchesConfiguration' } });
    expect(!refused.ok && refused.error.message).toMatch(/data\.survey\.ratings\[0\]\.dimension: unknown dimension "price"/);

    const unhappy = await h.engine.executeOrThrow({
      type: 'RecordFollowUp',
      complaintId: 'c-1',
      actor: { id: 'fu-wu', role: 'followUpStaff' },
      data: { satisfied: false, survey: { ratings: [{ dimension: 'skill', score: 3, reasons: ['faultNotRemoved'] }] } },
    });
    expect(unhappy.events.map((e) => e.type)).toEqual(['FollowUpRecorded', 'ComplaintReopened']);
    expect(unhappy.state.step).toBe('investigating');
  });
});
