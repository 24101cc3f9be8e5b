import { createInMemoryEventStore, type NewEvent } from '@redress/core';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analytics/analyze.js';
import { rebuildAnalytics } from '../analytics/rebuild.js';
import { createCsiAutomation } from '../automation/automation.js';
import type { CsiLogEvent } from '../surveys/schema.js';
import { DAY, harness, HOUR, live, wired, type Harness } from '../test-support/harness.js';
import { createRepeatDetector } from './detector.js';
import { DEFAULT_REPEAT_POLICY } from './policy.js';

const handler = { id: 'h-li', role: 'handler' } as const;
const truck = { kind: 'truck', model: 'J6' } as const;
const flagOnly = { ...DEFAULT_REPEAT_POLICY, action: 'flagOnly' as const };

const identify = (h: Harness, complaintId: string) =>
  h.engine.executeOrThrow({ type: 'IdentifyCause', complaintId, actor: handler, data: { cause: 'productQuality', findings: 'Injector fault' } });

/** What the log holds as repeats: flags on tickets and repeats recorded in csi's own streams. */
async function recordedRepeats(h: Harness): Promise<string[]> {
  const all = await h.store.readAll(1, 10_000);
  return all
    .flatMap((e) =>
      e.type === 'RepeatComplaintFlagged' ? [`${e.streamId}/${e.data.basis}/ticket`] : e.type === 'RepeatRecorded' ? [`${e.data.complaintId}/${e.data.basis}/csi:${e.data.closedStep}`] : [],
    )
    .sort();
}

/** Three complaints on the same truck model by different customers, a day apart, investigating. */
async function threeInvestigating(h: Harness): Promise<void> {
  for (const id of ['c-1', 'c-2', 'c-3']) {
    await live(h, id, { product: truck, until: 'investigating' });
    h.clock.advance(DAY);
  }
}

describe('repeats do not depend on the order causes are found in', () => {
  it('flags the third complaint when the causes are found in the order 3, 1, 2', async () => {
    const h = harness();
    const detector = createRepeatDetector({ ...wired(h), policy: flagOnly });
    await threeInvestigating(h);
    for (const id of ['c-3', 'c-1', 'c-2']) {
      await identify(h, id);
      await detector.catchUp(h.store);
    }
    expect(await recordedRepeats(h)).toEqual(['c-3/cause/ticket']);
    expect(h.engine.view(h.tickets).get('c-3')?.repeat).toMatchObject({ basis: 'cause', count: 3, related: ['c-1', 'c-2'] });
  });

  it('flags the latest complaint of the window, not the one whose cause happened to be found last', async () => {
    const h = harness();
    const detector = createRepeatDetector({ ...wired(h), policy: flagOnly });
    await threeInvestigating(h);
    for (const id of ['c-2', 'c-3', 'c-1']) await identify(h, id);
    const outcomes = await detector.catchUp(h.store);
    expect(outcomes.filter((o) => o.command === 'FlagRepeatComplaint').map((o) => o.complaintId)).toEqual(['c-3']);
    expect(h.engine.view(h.tickets).get('c-1')?.repeat).toBeNull();
  });

  it('counts a complaint received exactly at the start of the window, whichever cause is found last', async () => {
    const h = harness();
    const detector = createRepeatDetector({ ...wired(h), policy: flagOnly });
    // Received at T, T + 45 days and T + 90 days exactly (each life takes 2 hours to reach investigation).
    for (const id of ['c-1', 'c-2', 'c-3']) {
      await live(h, id, { product: truck, until: 'investigating' });
      h.clock.advance(45 * DAY - 2 * HOUR);
    }
    for (const id of ['c-3', 'c-2', 'c-1']) await identify(h, id);
    await detector.catchUp(h.store);
    expect(await recordedRepeats(h)).toEqual(['c-3/cause/ticket']);
  });
});

describe('repeats of closed complaints', () => {
  it('are recorded in csi’s own stream when found after the complaint was archived, and counted in the repeat rate', async () => {
    const h = harness();
    const detector = createRepeatDetector({ ...wired(h), policy: flagOnly });
    await live(h, 'c-1', { product: truck, until: 'investigating' });
    h.clock.advance(DAY);
    await live(h, 'c-2', { product: truck, cause: 'productQuality' });
    h.clock.advance(DAY);
    await live(h, 'c-3', { product: truck, cause: 'productQuality', until: 'planned' });
    await h.engine.executeOrThrow({ type: 'WithdrawComplaint', complaintId: 'c-3', actor: { id: 'fd-wang', role: 'frontDesk' }, data: { reason: 'Went elsewhere' } });
    await detector.catchUp(h.store);
    expect(await recordedRepeats(h)).toEqual([]);
    // c-1's cause, found last, makes c-3 (withdrawn) the third within 90 days.
    await identify(h, 'c-1');
    const outcomes = await detector.catchUp(h.store);
    expect(outcomes.map((o) => [o.complaintId, o.command, o.result.ok])).toEqual([['c-3', 'RecordRepeat', true]]);
    expect(await h.store.readStream('repeat:cause:c-3')).toMatchObject([
      {
        type: 'RepeatRecorded',
        actor: { id: 'redress-csi', role: 'system' },
        causationId: 'repeat:cause:c-3',
        data: { complaintId: 'c-3', basis: 'cause', count: 3, windowDays: 90, related: ['c-1', 'c-2'], closedStep: 'withdrawn' },
      },
    ]);
    const a = analyze(await rebuildAnalytics(h.store));
    expect(a.complaints).toBe(3);
    expect(a.repeat).toEqual({ met: 1, total: 3, rate: 1 / 3 });

    // Analytics count it even from a log that holds the record before the complaint's receipt.
    const reordered = createInMemoryEventStore<CsiLogEvent>();
    const events = await h.store.readAll(1, 10_000);
    for (const e of [...events.filter((x) => x.type === 'RepeatRecorded'), ...events.filter((x) => x.type !== 'RepeatRecorded')]) {
      const { streamId, streamVersion: _v, globalPosition: _g, ...rest } = e;
      await reordered.append(streamId, 'any', [rest as NewEvent<CsiLogEvent>]);
    }
    expect(analyze(await rebuildAnalytics(reordered)).repeat).toEqual({ met: 1, total: 3, rate: 1 / 3 });
  });

  it('are found when detection is turned on over an existing log, whatever the complaints’ state now', async () => {
    const h = harness();
    await live(h, 'c-1', { customer: 'cust-9' });
    h.clock.advance(DAY);
    await live(h, 'c-2', { customer: 'cust-9', until: 'withdrawn' });
    h.clock.advance(DAY);
    await live(h, 'c-3', { customer: 'cust-9' });
    h.clock.advance(DAY);
    await live(h, 'c-4', { customer: 'cust-9', until: 'planned' });
    const { repeats } = await createCsiAutomation({ ...wired(h), repeats: flagOnly }).catchUp(h.store);
    // c-3 was open when its receipt was read, but is archived now: the engine refuses the flag, csi records it.
    expect(repeats.map((o) => [o.complaintId, o.command, o.result.ok])).toEqual([
      ['c-3', 'RecordRepeat', true],
      ['c-4', 'FlagRepeatComplaint', true],
    ]);
    expect(await recordedRepeats(h)).toEqual(['c-3/customer/csi:archived', 'c-4/customer/ticket']);
    expect(analyze(await rebuildAnalytics(h.store)).repeat).toEqual({ met: 2, total: 4, rate: 0.5 });
  });

  it('are recorded once: reading the log again, or two detectors at once, write nothing new', async () => {
    const h = harness();
    for (const id of ['c-1', 'c-2', 'c-3']) await live(h, id, { customer: 'cust-9' });
    await createRepeatDetector({ ...wired(h), policy: flagOnly }).catchUp(h.store);
    const size = h.store.size;
    const [a, b] = await Promise.all([
      createRepeatDetector({ ...wired(h), policy: flagOnly }).catchUp(h.store),
      createRepeatDetector({ ...wired(h), policy: flagOnly }).catchUp(h.store),
    ]);
    expect([...a, ...b].map((o) => [o.complaintId, o.command, o.result.ok && o.result.value.duplicate])).toEqual([
      ['c-3', 'RecordRepeat', true],
      ['c-3', 'RecordRepeat', true],
    ]);
    expect(h.store.size).toBe(size);
  });

  it('flags an open complaint once when two detectors read the log at the same time', async () => {
    const h = harness();
    for (const id of ['c-1', 'c-2', 'c-3']) await live(h, id, { customer: 'cust-9', until: 'received' });
    await Promise.all([createRepeatDetector({ ...wired(h), policy: flagOnly }).catchUp(), createRepeatDetector({ ...wired(h), policy: flagOnly }).catchUp()]);
    expect(await recordedRepeats(h)).toEqual(['c-3/customer/ticket']);
  });

  it('keeps a flag made while the complaint was open: replaying after it was archived finds the flag, records nothing else', async () => {
    const h = harness();
    for (const id of ['c-1', 'c-2']) await live(h, id, { customer: 'cust-9' });
    await live(h, 'c-3', { customer: 'cust-9', until: 'received' });
    await createRepeatDetector({ ...wired(h), policy: flagOnly }).catchUp(h.store);
    await h.engine.executeOrThrow({ type: 'WithdrawComplaint', complaintId: 'c-3', actor: { id: 'fd-wang', role: 'frontDesk' }, data: { reason: 'Sorted out' } });
    const size = h.store.size;
    const again = await createRepeatDetector({ ...wired(h), policy: flagOnly }).catchUp(h.store);
    expect(again.map((o) => [o.complaintId, o.command, o.result.ok && o.result.value.duplicate])).toEqual([['c-3', 'FlagRepeatComplaint', true]]);
    expect(h.store.size).toBe(size);
    expect(await recordedRepeats(h)).toEqual(['c-3/customer/ticket']);
  });
});
