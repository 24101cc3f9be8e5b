import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../report/render.js';
import { DAY, harness, HOUR, live, type LifeOptions } from '../test-support/harness.js';
import { analyze } from './analyze.js';
import type { ComplaintFacts } from './facts.js';
import { rebuildAnalytics } from './rebuild.js';

const head = { id: 'dh-sun', role: 'departmentHead' } as const;
const followUpStaff = { id: 'fu-wu', role: 'followUpStaff' } as const;

describe('staff assessment', () => {
  it('credits each execution, follow-up and rating to whoever held the complaint then, across a reassignment', async () => {
    const h = harness();
    // h-zhao handles the first cycle; the customer is not satisfied, the complaint reopens.
    await live(h, 'c-1', { handler: 'h-zhao', until: 'executed' });
    await h.engine.executeOrThrow({ type: 'RecordFollowUp', complaintId: 'c-1', actor: followUpStaff, data: { satisfied: false } });
    // Three changes (三变法): h-li takes over, and misses the agreed deadline.
    const li = { id: 'h-li', role: 'handler' } as const;
    await h.engine.executeOrThrow({ type: 'AssignHandler', complaintId: 'c-1', actor: head, data: { handlerId: 'h-li', reason: 'threeChanges' } });
    await h.engine.executeOrThrow({ type: 'IdentifyCause', complaintId: 'c-1', actor: li, data: { cause: 'repairQuality', findings: 'A cracked bracket' } });
    const deadline = new Date(h.clock.now().getTime() + HOUR).toISOString();
    await h.engine.executeOrThrow({ type: 'ProposeResolution', complaintId: 'c-1', actor: li, data: { remedy: { kind: 'replacement', description: 'New bracket' }, agreedDeadline: deadline } });
    await h.engine.executeOrThrow({ type: 'StartExecution', complaintId: 'c-1', actor: li, data: {} });
    h.clock.advance(DAY);
    await h.engine.executeOrThrow({ type: 'CompleteExecution', complaintId: 'c-1', actor: li, data: { outcome: 'Replaced' } });
    await h.engine.executeOrThrow({
      type: 'RecordFollowUp',
      complaintId: 'c-1',
      actor: followUpStaff,
      data: { satisfied: true, survey: { ratings: [{ dimension: 'attitude', score: 9 }, { dimension: 'skill', score: 7 }] } },
    });
    // c-2 is h-zhao's, untouched since receipt and assignment.
    await live(h, 'c-2', { handler: 'h-zhao', until: 'investigating' });

    const a = analyze(await rebuildAnalytics(h.store));
    expect(a.staff).toEqual([
      { handler: 'h-zhao', complaints: 2, held: 1, archived: 0, onTime: { met: 1, total: 1, rate: 1 }, reopen: { met: 1, total: 1, rate: 1 }, satisfaction: { score: null, responses: 0 }, promisesKept: null },
      { handler: 'h-li', complaints: 1, held: 1, archived: 0, onTime: { met: 0, total: 1, rate: 0 }, reopen: { met: 0, total: 1, rate: 0 }, satisfaction: { score: 80, responses: 1 }, promisesKept: null },
    ]);
    // Promises kept: no promise data yet, so n/a, in both languages, never a number.
    expect(a.promisesKept).toBeNull();
    const rows = (locale: 'en' | 'zh-CN') => renderReport(a, { locale }).split('\n').filter((l) => l.startsWith('| h-'));
    expect(rows('en').filter((l) => l.includes('| 2 | 1 |'))[0]).toMatch(/\| n\/a \|$/);
    expect(rows('zh-CN').filter((l) => l.includes('| 2 | 1 |'))[0]).toMatch(/\| 不适用 \|$/);
  });

  it('shows promises kept from the host’s promise records when it gives them, per handler who made them', async () => {
    const h = harness();
    await live(h, 'c-1', { handler: 'h-li' });
    await live(h, 'c-2', { handler: 'h-zhao' });
    const promises = (c: ComplaintFacts) =>
      c.complaintId === 'c-1'
        ? [
            { handler: 'h-li', kept: true },
            { handler: 'h-li', kept: false },
            { handler: null, kept: true },
          ]
        : [];
    const a = analyze(await rebuildAnalytics(h.store), { hooks: { promises } });
    expect(a.staff.map((s) => [s.handler, s.promisesKept])).toEqual([
      ['h-li', { met: 1, total: 2, rate: 0.5 }],
      ['h-zhao', { met: 0, total: 0, rate: null }],
      [null, { met: 1, total: 1, rate: 1 }],
    ]);
    expect(a.promisesKept).toEqual({ met: 2, total: 3, rate: 2 / 3 });
  });

  const lifeArb: fc.Arbitrary<LifeOptions> = fc.record({
    handler: fc.constantFrom('h-li', 'h-zhao', 'h-qian'),
    until: fc.constantFrom('received', 'investigating', 'executed', 'archived', 'archived', 'withdrawn'),
    reopen: fc.boolean(),
    deadlineHours: fc.integer({ min: 1, max: 72 }),
    ratings: fc.option(fc.constant([{ dimension: 'skill', score: 6 }]), { nil: undefined }),
    unsatisfiedRatings: fc.option(fc.constant([{ dimension: 'attitude', score: 3 }]), { nil: undefined }),
  });

  test.prop([fc.array(lifeArb, { minLength: 1, maxLength: 6 }), fc.array(fc.option(fc.constantFrom('h-li', 'h-zhao')), { maxLength: 3 })], { numRuns: 25 })(
    'rows add up to the report’s totals, and volume counts every complaint a handler was ever given',
    async (lives, surveyHandlers) => {
      const h = harness();
      let n = 0;
      for (const o of lives) await live(h, `c-${++n}`, o);
      let i = 0;
      for (const handlerId of surveyHandlers) {
        const r = await h.desk.record({
          type: 'RecordSurvey',
          surveyId: `q-${++i}`,
          actor: followUpStaff,
          data: { programme: 'visit', customer: { reference: 'cust-q' }, ...(handlerId ? { handlerId } : {}), ratings: [{ dimension: 'overall', score: 8 }] },
        });
        if (!r.ok) throw r.error;
      }
      const a = analyze(await rebuildAnalytics(h.store));
      const sum = (f: (s: (typeof a.staff)[number]) => number) => a.staff.reduce((x, s) => x + f(s), 0);
      expect(sum((s) => s.onTime.total)).toBe(a.sla.remedyOnTime.total);
      expect(sum((s) => s.onTime.met)).toBe(a.sla.remedyOnTime.met);
      expect(sum((s) => s.satisfaction.responses)).toBe(a.surveys.responses);
      expect(sum((s) => s.held)).toBe(a.complaints);
      expect(sum((s) => s.archived)).toBe(a.byStep.archived);
      // Follow-ups: one per execution that reached follow-up in the plan; reopenings: the unsatisfied ones.
      const followedUp = lives.filter((o) => o.until === 'archived');
      expect(sum((s) => s.reopen.total)).toBe(followedUp.reduce((x, o) => x + (o.reopen ? 2 : 1), 0));
      expect(sum((s) => s.reopen.met)).toBe(followedUp.filter((o) => o.reopen).length);
      for (const handler of ['h-li', 'h-zhao', 'h-qian']) {
        const given = lives.filter((o) => o.handler === handler && o.until !== 'received' && o.until !== 'withdrawn').length;
        expect(a.staff.find((s) => s.handler === handler)?.complaints ?? 0, handler).toBe(given);
      }
      expect(a.staff.every((s) => s.promisesKept === null)).toBe(true);
    },
  );
});
