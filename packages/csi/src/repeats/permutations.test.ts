/**
 * Repeat detection is a function of the facts, not of the order the log happens to hold
 * them in: for any interleaving of the same complaint streams (each stream in its own
 * order), read live with the detector catching up at random moments or all at once at
 * the end, the repeats recorded (flags on tickets, and csi's records for complaints closed
 * by then) are exactly those an independent model of the definition finds.
 */
import { fc, test } from '@fast-check/vitest';
import { CAUSES, type Cause, type NewEvent, type RecordedEvent } from '@redress/core';
import { describe, expect } from 'vitest';
import { harness, HOUR, live, wired } from '../test-support/harness.js';
import type { CsiLogEvent } from '../surveys/schema.js';
import { createRepeatDetector } from './detector.js';
import { CAUSE_SCOPES, defineRepeatPolicy, type RepeatPolicy } from './policy.js';

const DAY = 24 * HOUR;

interface Spec {
  readonly customer: string;
  readonly product: { readonly kind: string; readonly model?: string; readonly identifier?: string } | undefined;
  readonly branch: string | undefined;
  readonly causes: readonly Cause[];
  readonly closing: 'open' | 'withdrawn' | 'archived';
  readonly gapHours: number;
}

const spec: fc.Arbitrary<Spec> = fc.record({
  customer: fc.constantFrom('cust-a', 'cust-b'),
  product: fc.option(
    fc.record({ kind: fc.constant('truck'), model: fc.constantFrom('J6', 'J7'), identifier: fc.constantFrom('VIN-1', 'VIN-2') }, { requiredKeys: ['kind'] }),
    { nil: undefined },
  ),
  branch: fc.option(fc.constantFrom('Pudong', 'Minhang'), { nil: undefined }),
  causes: fc.uniqueArray(fc.constantFrom<Cause>('price', 'productQuality', 'repairQuality'), { maxLength: 2 }),
  closing: fc.constantFrom('open', 'withdrawn', 'archived'),
  gapHours: fc.constantFrom(0, 0, 1, 12, 30, 100),
});

const policy: fc.Arbitrary<RepeatPolicy> = fc
  .record({ threshold: fc.integer({ min: 2, max: 3 }), windowDays: fc.constantFrom(1, 3, 8), causeScope: fc.constantFrom(...CAUSE_SCOPES) })
  .map(({ threshold, windowDays, causeScope }) => {
    const p = defineRepeatPolicy({
      rules: (['customer', 'product', 'cause'] as const).map((basis) => ({ basis, threshold, windowDays })),
      causeScope,
      action: 'flagOnly',
    });
    if (!p.ok) throw p.error;
    return p.value;
  });

/** The log of these complaints, played one after the other. */
async function baseLog(specs: readonly Spec[]): Promise<readonly RecordedEvent<CsiLogEvent>[]> {
  const h = harness();
  for (const [i, s] of specs.entries()) {
    h.clock.advance(s.gapHours * HOUR);
    const id = `c-${i + 1}`;
    const facts = { customer: s.customer, ...(s.product ? { product: s.product } : {}), ...(s.branch ? { branch: s.branch } : {}) };
    if (s.causes.length === 0) {
      await live(h, id, { ...facts, until: s.closing === 'withdrawn' ? 'withdrawn' : 'received' });
      continue;
    }
    await live(h, id, { ...facts, causes: s.causes, until: s.closing === 'archived' ? 'archived' : 'planned' });
    if (s.closing === 'withdrawn') {
      await h.engine.executeOrThrow({ type: 'WithdrawComplaint', complaintId: id, actor: { id: 'fd-wang', role: 'frontDesk' }, data: { reason: 'Went elsewhere' } });
    }
  }
  return h.store.readAll(1, 100_000);
}

/** The definition, on the facts: X repeats on a basis when a key of X is shared by `threshold` complaints received in the window up to X. */
function expectedRepeats(specs: readonly Spec[], receivedMs: readonly number[], p: RepeatPolicy): string[] {
  const keys = (s: Spec, basis: 'customer' | 'product' | 'cause'): string[] => {
    if (basis === 'customer') return [s.customer];
    if (basis === 'product') return s.product?.identifier ? [s.product.identifier] : [];
    const scope = p.causeScope === 'global' ? '' : p.causeScope === 'branch' ? s.branch : s.product?.model;
    return scope === undefined ? [] : s.causes.map((c) => `${scope}|${c}`);
  };
  const id = (i: number) => `c-${i + 1}`;
  const upTo = (j: number, i: number) => (receivedMs[j] ?? 0) < (receivedMs[i] ?? 0) || ((receivedMs[j] ?? 0) === (receivedMs[i] ?? 0) && id(j) <= id(i));
  const found: string[] = [];
  specs.forEach((x, i) => {
    for (const rule of p.rules) {
      const hit = keys(x, rule.basis).some((k) => {
        const inWindow = specs.filter(
          (y, j) => keys(y, rule.basis).includes(k) && upTo(j, i) && (receivedMs[j] ?? 0) >= (receivedMs[i] ?? 0) - rule.windowDays * DAY,
        );
        return inWindow.length >= rule.threshold;
      });
      if (hit) found.push(`${id(i)}/${rule.basis}`);
    }
  });
  return found.sort();
}

/** The streams interleaved: at each step `picks` chooses which stream gives its next event. */
function interleave(events: readonly RecordedEvent<CsiLogEvent>[], picks: readonly number[]): RecordedEvent<CsiLogEvent>[] {
  const queues = new Map<string, RecordedEvent<CsiLogEvent>[]>();
  for (const e of events) queues.set(e.streamId, [...(queues.get(e.streamId) ?? []), e]);
  const out: RecordedEvent<CsiLogEvent>[] = [];
  for (let k = 0; queues.size > 0; k++) {
    const streams = [...queues.keys()];
    const streamId = streams[(picks[k % Math.max(1, picks.length)] ?? 0) % streams.length] ?? '';
    const queue = queues.get(streamId) ?? [];
    const next = queue.shift();
    if (next) out.push(next);
    if (queue.length === 0) queues.delete(streamId);
  }
  return out;
}

const asNew = ({ streamId: _s, streamVersion: _v, globalPosition: _g, ...e }: RecordedEvent<CsiLogEvent>): NewEvent<CsiLogEvent> =>
  // Ids of their own, so they never meet the ids the replaying engine draws.
  ({ ...e, eventId: `base-${e.eventId}` }) as NewEvent<CsiLogEvent>;

describe('repeat detection over reordered logs', () => {
  test.prop([fc.array(spec, { minLength: 2, maxLength: 6 }), policy, fc.array(fc.nat(), { minLength: 1, maxLength: 80 }), fc.array(fc.boolean(), { maxLength: 80 })], {
    numRuns: 60,
  })('records exactly the repeats the definition gives, whatever the interleaving and whenever the detector catches up', async (specs, p, picks, catchUpAfter) => {
    expect(CAUSES).toContain('productQuality');
    const log = await baseLog(specs);
    const receivedMs = specs.map((_, i) => Date.parse(log.find((e) => e.streamId === `c-${i + 1}` && e.type === 'ComplaintReceived')?.occurredAt ?? ''));
    const expected = expectedRepeats(specs, receivedMs, p);

    const h = harness();
    const detector = createRepeatDetector({ ...wired(h), policy: p });
    for (const [i, e] of interleave(log, picks).entries()) {
      await h.store.append(e.streamId, 'any', [asNew(e)]);
      if (catchUpAfter[i]) await detector.catchUp(h.store);
    }
    await detector.catchUp(h.store);

    const recorded = (await h.store.readAll(1, 100_000)).flatMap((e) =>
      e.type === 'RepeatComplaintFlagged' ? [`${e.streamId}/${e.data.basis}`] : e.type === 'RepeatRecorded' ? [`${e.data.complaintId}/${e.data.basis}`] : [],
    );
    expect(recorded.sort()).toEqual(expected);
  });
});
