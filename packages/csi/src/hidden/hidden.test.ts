import type { RecordedEvent } from '@redress/core';
import { describe, expect, it } from 'vitest';
import { createCsiAutomation } from '../automation/automation.js';
import { harness, wired } from '../test-support/harness.js';
import type { RecordSurveyInput, SurveyTaken } from '../surveys/schema.js';
import { hiddenComplaintId, openHiddenComplaint } from './open.js';
import { DEFAULT_HIDDEN_COMPLAINT_RULE, defineHiddenComplaintRule, hiddenComplaintRatings } from './rule.js';

const survey = (surveyId: string, ratings: RecordSurveyInput['data']['ratings']): RecordSurveyInput => ({
  type: 'RecordSurvey',
  surveyId,
  actor: { id: 'fu-wu', role: 'followUpStaff' },
  data: {
    programme: 'quarterly',
    customer: { reference: 'cust-7', name: '王先生', segment: 'private' },
    product: { kind: 'truck', identifier: 'VIN-7' },
    branch: 'Pudong',
    region: 'East',
    ratings,
  },
});

async function recorded(h: ReturnType<typeof harness>, input: RecordSurveyInput): Promise<RecordedEvent<SurveyTaken>> {
  const result = await h.desk.record(input);
  if (!result.ok) throw result.error;
  return result.value.event;
}

describe('the hidden-complaint rule', () => {
  it('fires on a low score (4 or less by default) or on a listed reason code, in the listed dimensions', () => {
    const ratings = [
      { dimension: 'skill', score: 5, level: 'average' as const },
      { dimension: 'parts', score: 4, level: 'dissatisfied' as const },
      { dimension: 'overall', score: 8, level: 'satisfied' as const, reasons: ['brokenPromise'] },
    ];
    expect(hiddenComplaintRatings(ratings, DEFAULT_HIDDEN_COMPLAINT_RULE).map((r) => r.dimension)).toEqual(['parts']);
    expect(hiddenComplaintRatings(ratings, { scoreAtMost: null, reasons: ['brokenPromise'] }).map((r) => r.dimension)).toEqual(['overall']);
    expect(hiddenComplaintRatings(ratings, { scoreAtMost: 5, reasons: [], dimensions: ['skill'] }).map((r) => r.dimension)).toEqual(['skill']);
    expect(hiddenComplaintRatings(ratings, { scoreAtMost: 3, reasons: [] })).toEqual([]);
  });

  it('is validated against the configuration', () => {
    const bad = defineHiddenComplaintRule({ reasons: ['lateArrival', 'rudeParrot'], dimensions: ['price'] });
    expect(!bad.ok && bad.error.issues.map((i) => i.path)).toEqual(['dimensions[0]', 'reasons[1]']);
    const never = defineHiddenComplaintRule({ scoreAtMost: null });
    expect(!never.ok && never.error.issues[0]?.message).toMatch(/never fires/);
    expect(defineHiddenComplaintRule({ scoreAtMost: 0 }).ok).toBe(false);
    expect(defineHiddenComplaintRule({}).ok && DEFAULT_HIDDEN_COMPLAINT_RULE.scoreAtMost).toBe(4);
  });
});

describe('opening a hidden complaint', () => {
  it('receives a complaint through the engine, as system, linked to the survey', async () => {
    const h = harness();
    const event = await recorded(h, survey('q4-7', [{ dimension: 'timeliness', score: 3, reasons: ['lateArrival'], comment: 'Waited all morning' }]));
    const result = await openHiddenComplaint(h.engine, event, { rule: DEFAULT_HIDDEN_COMPLAINT_RULE });
    if (!result?.ok) throw new Error('expected a complaint');
    expect(result.value.complaintId).toBe(hiddenComplaintId('q4-7'));
    expect(result.value.events[0]).toMatchObject({
      type: 'ComplaintReceived',
      actor: { id: 'redress-csi', role: 'system' },
      correlationId: event.correlationId,
      data: {
        channel: 'survey',
        customer: { reference: 'cust-7', segment: 'private' },
        product: { kind: 'truck', identifier: 'VIN-7' },
        branch: 'Pudong',
        region: 'East',
        source: { kind: 'survey', reference: 'q4-7' },
      },
    });
    expect(result.value.events[0]?.data).toMatchObject({ description: expect.stringContaining('Timeliness 3/10 (Late arrival): Waited all morning') });
    expect(h.engine.view(h.tickets).get(result.value.complaintId)?.source).toEqual({ kind: 'survey', reference: 'q4-7' });
  });

  it('is idempotent: the same survey again opens nothing new', async () => {
    const h = harness();
    const event = await recorded(h, survey('q4-7', [{ dimension: 'skill', score: 2 }]));
    await openHiddenComplaint(h.engine, event, { rule: DEFAULT_HIDDEN_COMPLAINT_RULE });
    const size = h.store.size;
    const again = await openHiddenComplaint(h.engine, event, { rule: DEFAULT_HIDDEN_COMPLAINT_RULE });
    expect(again?.ok && again.value.duplicate).toBe(true);
    expect(h.store.size).toBe(size);
  });

  it('opens nothing for a satisfied customer', async () => {
    const h = harness();
    const event = await recorded(h, survey('q4-8', [{ dimension: 'skill', score: 9 }]));
    expect(await openHiddenComplaint(h.engine, event, { rule: DEFAULT_HIDDEN_COMPLAINT_RULE })).toBeNull();
    expect(h.store.size).toBe(1);
  });

  it('runs from the log: automation reading it twice opens each hidden complaint once', async () => {
    const h = harness();
    await recorded(h, survey('q4-1', [{ dimension: 'skill', score: 2 }]));
    await recorded(h, survey('q4-2', [{ dimension: 'skill', score: 8 }]));
    await recorded(h, survey('q4-3', [{ dimension: 'parts', score: 7, reasons: ['outOfStock'] }]));
    const first = await createCsiAutomation({ ...wired(h), hiddenComplaints: { scoreAtMost: 4, reasons: ['outOfStock'] } }).catchUp(h.store);
    expect(first.hidden.map((o) => [o.surveyId, o.result.ok && o.result.value.duplicate])).toEqual([
      ['q4-1', false],
      ['q4-3', false],
    ]);
    const size = h.store.size;
    const replay = await createCsiAutomation({ ...wired(h), hiddenComplaints: { scoreAtMost: 4, reasons: ['outOfStock'] } }).catchUp(h.store);
    expect(replay.hidden.every((o) => o.result.ok && o.result.value.duplicate)).toBe(true);
    expect(h.store.size).toBe(size);
  });
});
