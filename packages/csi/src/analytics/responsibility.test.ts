/**
 * The report by responsible party (分清责任) and declined complaints, from core's events:
 * each complaint counted under the party its latest attribution names (the unattributed
 * apart); a complaint declined at intake is counted in its step, owes no plan and is
 * nobody's open work. The property compares the report with a count over the log.
 */
import { fc, test } from '@fast-check/vitest';
import type { Actor, CommandInput } from '@redress/core';
import { describe, expect, it } from 'vitest';
import { harness, HOUR, DAY, live, type Harness } from '../test-support/harness.js';
import { analyze } from './analyze.js';
import { rebuildAnalytics } from './rebuild.js';

const li: Actor = { id: 'h-li', role: 'handler' };
const desk: Actor = { id: 'fd-wang', role: 'frontDesk' };
const PARTIES = [
  { kind: 'department', id: 'workshop-2', name: 'Workshop 2' },
  { kind: 'supplier', id: 'sup-bosch', name: 'Bosch parts' },
  { kind: 'person', id: 't-zhang', name: 'Zhang Wei' },
] as const;
const attribute = (h: Harness, complaintId: string, party: (typeof PARTIES)[number]) =>
  h.engine.executeOrThrow({ type: 'AttributeResponsibility', complaintId, actor: li, data: { party, reason: 'Found in the investigation' } } as CommandInput);

describe('the report by responsible party', () => {
  it('counts each complaint under its latest attribution, and the unattributed apart', async () => {
    const h = harness();
    for (const id of ['c-1', 'c-2', 'c-3']) await live(h, id, { handler: 'h-li', until: 'investigating' });
    await attribute(h, 'c-1', PARTIES[0]);
    await attribute(h, 'c-2', PARTIES[0]);
    await attribute(h, 'c-2', PARTIES[1]);
    const a = analyze(await rebuildAnalytics(h.store));
    expect(a.responsibility).toEqual({
      parties: [
        { kind: 'department', id: 'workshop-2', name: 'Workshop 2', complaints: 1, major: 0, reopened: 0, repeat: 0, open: 1 },
        { kind: 'supplier', id: 'sup-bosch', name: 'Bosch parts', complaints: 1, major: 0, reopened: 0, repeat: 0, open: 1 },
      ],
      unattributed: 1,
    });
  });

  it('counts a declined complaint in its step, owing no plan, in nobody’s open work', async () => {
    const h = harness();
    await live(h, 'c-1', { until: 'received' });
    await h.engine.executeOrThrow({ type: 'DeclineComplaint', complaintId: 'c-1', actor: desk, data: { criterion: 'ownBusiness', reason: 'Serviced at another dealer' } } as CommandInput);
    h.clock.advance(8 * DAY);
    await live(h, 'c-2', { until: 'received' });
    const a = analyze(await rebuildAnalytics(h.store));
    expect(a.byStep.declined).toBe(1);
    expect(a.sla.planWithin7Days).toEqual({ met: 0, total: 0, rate: null });
    expect(a.handlers.every((l) => l.open === 0)).toBe(true);
  });
});

describe('over any attributions', () => {
  test.prop([fc.array(fc.tuple(fc.nat({ max: 3 }), fc.nat({ max: 2 })), { maxLength: 12 })], { numRuns: 20 })(
    'each party’s count is the number of complaints whose last attribution names it',
    async (moves) => {
      const h = harness();
      for (let i = 0; i < 4; i++) await live(h, `c-${i}`, { handler: 'h-li', until: 'investigating' });
      const last = new Map<string, string>();
      for (const [c, p] of moves) {
        h.clock.advance(HOUR);
        await attribute(h, `c-${c}`, PARTIES[p]!);
        last.set(`c-${c}`, PARTIES[p]!.id);
      }
      const { responsibility } = analyze(await rebuildAnalytics(h.store));
      const expected = new Map<string, number>();
      for (const id of last.values()) expected.set(id, (expected.get(id) ?? 0) + 1);
      expect(new Map(responsibility.parties.map((r) => [r.id, r.complaints]))).toEqual(expected);
      expect(responsibility.unattributed).toBe(4 - last.size);
    },
  );
});
