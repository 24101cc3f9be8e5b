import type { SurveyRating } from '@redress/core';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analytics/analyze.js';
import { rebuildAnalytics } from '../analytics/rebuild.js';
import { createCsiAutomation } from '../automation/automation.js';
import { harness, live, wired, type Harness } from '../test-support/harness.js';
import { followUpHiddenComplaintId } from './open.js';

const followUpStaff = { id: 'fu-wu', role: 'followUpStaff' } as const;

/** c-1 executed, then its follow-up with these ratings. */
async function followedUp(h: Harness, satisfied: boolean, ratings: SurveyRating[]): Promise<number> {
  await live(h, 'c-1', {
    customer: 'cust-7',
    segment: 'fleet',
    product: { kind: 'truck', model: 'J6', identifier: 'VIN-7' },
    branch: 'Pudong',
    region: 'East',
    until: 'executed',
  });
  const result = await h.engine.executeOrThrow({
    type: 'RecordFollowUp',
    complaintId: 'c-1',
    actor: followUpStaff,
    data: { satisfied, channel: 'phone', survey: { ratings, comment: 'The part took three weeks' } },
  });
  return result.events[0]?.streamVersion ?? 0;
}

describe('hidden complaints found at the follow-up of a complaint (回访)', () => {
  it('opens one for a low rating, as system, linked to the follow-up, with the complaint’s customer and product', async () => {
    const h = harness();
    const version = await followedUp(h, true, [
      { dimension: 'skill', score: 9 },
      { dimension: 'parts', score: 3, reasons: ['lateSupply'] },
    ]);
    const { hidden } = await createCsiAutomation({ ...wired(h) }).catchUp(h.store);
    const id = followUpHiddenComplaintId('c-1', version);
    expect(hidden.map((o) => [o.surveyId, o.followUpOf, o.result.ok && o.result.value.complaintId])).toEqual([[null, 'c-1', id]]);
    const ticket = h.engine.view(h.tickets).get(id);
    expect(ticket).toMatchObject({ step: 'received', source: { kind: 'followUp', reference: 'c-1' } });
    const [received] = await h.store.readStream(id);
    expect(received).toMatchObject({
      type: 'ComplaintReceived',
      actor: { id: 'redress-csi', role: 'system' },
      data: {
        channel: 'survey',
        customer: { reference: 'cust-7', segment: 'fleet' },
        product: { kind: 'truck', model: 'J6', identifier: 'VIN-7' },
        branch: 'Pudong',
        region: 'East',
        source: { kind: 'followUp', reference: 'c-1' },
      },
    });
    expect(received?.data).toMatchObject({ description: expect.stringContaining('follow-up of complaint c-1: Parts supply 3/10 (Late supply)') });
    expect(received?.data).toMatchObject({ description: expect.stringContaining('Customer: The part took three weeks') });
    expect(received?.data).not.toMatchObject({ description: expect.stringContaining('Service skill') });
  });

  it('opens one when the customer is not satisfied too (the complaint itself reopens), unless the host asks otherwise', async () => {
    const h = harness();
    const version = await followedUp(h, false, [{ dimension: 'timeliness', score: 2 }]);
    const outcomes = await createCsiAutomation({ ...wired(h) }).catchUp(h.store);
    expect(outcomes.hidden.map((o) => o.result.ok && o.result.value.complaintId)).toEqual([followUpHiddenComplaintId('c-1', version)]);
    expect(h.engine.view(h.tickets).get('c-1')?.step).toBe('investigating');

    const other = harness();
    await followedUp(other, false, [{ dimension: 'timeliness', score: 2 }]);
    expect((await createCsiAutomation({ ...wired(other), followUps: 'whenSatisfied' }).catchUp(other.store)).hidden).toEqual([]);
    expect((await createCsiAutomation({ ...wired(other), followUps: 'never' }).catchUp(other.store)).hidden).toEqual([]);
    expect(() => createCsiAutomation({ ...wired(other), followUps: 'sometimes' as 'never' })).toThrow(/followUps must be one of always, whenSatisfied, never, got sometimes/);
  });

  it('opens nothing for good ratings or a follow-up without a survey', async () => {
    const h = harness();
    await followedUp(h, true, [{ dimension: 'parts', score: 7 }]);
    await live(h, 'c-2', { until: 'executed' });
    await h.engine.executeOrThrow({ type: 'RecordFollowUp', complaintId: 'c-2', actor: followUpStaff, data: { satisfied: true } });
    const size = h.store.size;
    expect((await createCsiAutomation({ ...wired(h) }).catchUp(h.store)).hidden).toEqual([]);
    expect(h.store.size).toBe(size);
  });

  it('is idempotent: reading the log again, or another process reading it, opens nothing new', async () => {
    const h = harness();
    await followedUp(h, true, [{ dimension: 'overall', score: 4 }]);
    await createCsiAutomation({ ...wired(h) }).catchUp(h.store);
    const size = h.store.size;
    const [again, concurrent] = await Promise.all([
      createCsiAutomation({ ...wired(h) }).catchUp(h.store),
      createCsiAutomation({ ...wired(h) }).catchUp(h.store),
    ]);
    expect([again.hidden.length, concurrent.hidden.length]).toEqual([1, 1]);
    for (const o of [...again.hidden, ...concurrent.hidden]) expect(o.result.ok && o.result.value.duplicate).toBe(true);
    expect(h.store.size).toBe(size);
  });

  it('gives each follow-up of a reopened complaint its own hidden complaint, counted in the hidden share', async () => {
    const h = harness();
    await live(h, 'c-1', { reopen: true, unsatisfiedRatings: [{ dimension: 'skill', score: 2 }], ratings: [{ dimension: 'parts', score: 1 }] });
    const outcomes = await createCsiAutomation({ ...wired(h) }).catchUp(h.store);
    const ids = outcomes.hidden.map((o) => o.result.ok && o.result.value.complaintId);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    const a = analyze(await rebuildAnalytics(h.store));
    expect(a.complaints).toBe(3);
    expect(a.hidden).toEqual({ met: 2, total: 3, rate: 2 / 3 });
  });
});
