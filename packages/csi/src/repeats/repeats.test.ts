import { describe, expect, it } from 'vitest';
import { DAY, harness, live, wired } from '../test-support/harness.js';
import { createRepeatDetector } from './detector.js';
import { defineRepeatPolicy, DEFAULT_REPEAT_POLICY } from './policy.js';

const flags = (outcomes: Awaited<ReturnType<ReturnType<typeof createRepeatDetector>['catchUp']>>) =>
  outcomes.filter((o) => o.command === 'FlagRepeatComplaint').map((o) => [o.complaintId, o.detection?.basis, o.detection?.count, o.result.ok]);

describe('repeat complaints', () => {
  it('flags the third complaint of a customer within 90 days, not the second, and escalates it by default', async () => {
    const h = harness();
    await live(h, 'c-1', { customer: 'cust-9', until: 'received' });
    h.clock.advance(30 * DAY);
    await live(h, 'c-2', { customer: 'cust-9', until: 'received' });
    h.clock.advance(30 * DAY);
    await live(h, 'c-3', { customer: 'cust-9', until: 'received' });
    const detector = createRepeatDetector({ ...wired(h) });
    const outcomes = await detector.catchUp(h.store);
    expect(flags(outcomes)).toEqual([['c-3', 'customer', 3, true]]);
    expect(outcomes.find((o) => o.command === 'EscalateComplaint')?.result.ok).toBe(true);
    const ticket = h.engine.view(h.tickets).get('c-3');
    expect(ticket?.repeat).toMatchObject({ count: 3, windowDays: 90, basis: 'customer', related: ['c-1', 'c-2'] });
    expect(ticket?.escalations).toEqual(['departmentHead']);
    expect(h.engine.view(h.tickets).get('c-2')?.repeat).toBeNull();
  });

  it('does not count complaints older than the window', async () => {
    const h = harness();
    await live(h, 'c-1', { customer: 'cust-9', until: 'received' });
    h.clock.advance(60 * DAY);
    await live(h, 'c-2', { customer: 'cust-9', until: 'received' });
    h.clock.advance(31 * DAY);
    await live(h, 'c-3', { customer: 'cust-9', until: 'received' });
    expect(flags(await createRepeatDetector({ ...wired(h) }).catchUp(h.store))).toEqual([]);
  });

  it('detects the same vehicle across customers, and the same cause on the same model', async () => {
    const h = harness();
    const truck = { kind: 'truck', model: 'J6', identifier: 'VIN-1' };
    for (const [id, customer] of [['c-1', 'a'], ['c-2', 'b'], ['c-3', 'c']] as const) {
      await live(h, id, { customer, product: truck, until: 'planned', cause: 'productQuality' });
      h.clock.advance(DAY);
    }
    const outcomes = await createRepeatDetector({ ...wired(h), policy: { ...DEFAULT_REPEAT_POLICY, action: 'flagOnly' } }).catchUp(h.store);
    expect(flags(outcomes)).toEqual([
      ['c-3', 'product', 3, true],
      ['c-3', 'cause', 3, true],
    ]);
    expect(outcomes.some((o) => o.command === 'EscalateComplaint')).toBe(false);
    expect(h.engine.view(h.tickets).get('c-3')?.repeat?.basis).toBe('cause');
  });

  it('reads the same log again without writing anything', async () => {
    const h = harness();
    for (const id of ['c-1', 'c-2', 'c-3', 'c-4']) await live(h, id, { customer: 'cust-9', until: 'received' });
    await createRepeatDetector({ ...wired(h) }).catchUp(h.store);
    const size = h.store.size;
    const again = await createRepeatDetector({ ...wired(h) }).catchUp(h.store);
    expect(flags(again)).toEqual([
      ['c-3', 'customer', 3, true],
      ['c-4', 'customer', 4, true],
    ]);
    expect(again.every((o) => o.result.ok && o.result.value.duplicate)).toBe(true);
    expect(h.store.size).toBe(size);
  });

  it('classifies a repeat as major when the policy says so, once the complaint can be classified', async () => {
    const h = harness();
    const policy = { ...DEFAULT_REPEAT_POLICY, action: 'classifyMajor' as const };
    const detector = createRepeatDetector({ ...wired(h), policy });
    for (const id of ['c-1', 'c-2', 'c-3']) await live(h, id, { customer: 'cust-9', until: 'received' });
    await detector.catchUp(h.store);
    // Still `received`: it cannot be classified before it is confirmed.
    expect(h.engine.view(h.tickets).get('c-3')).toMatchObject({ severity: null, repeat: { basis: 'customer' } });
    await h.engine.executeOrThrow({ type: 'ConfirmComplaint', complaintId: 'c-3', actor: { id: 'h-li', role: 'handler' }, data: { summary: 'Third time' } });
    const outcomes = await detector.catchUp(h.store);
    expect(outcomes.map((o) => [o.command, o.result.ok])).toEqual([['ClassifyComplaint', true]]);
    expect(h.engine.view(h.tickets).get('c-3')).toMatchObject({ step: 'classified', severity: 'major', escalations: ['seniorManagement'] });
  });

  it('reports a refusal when system may not classify, instead of throwing', async () => {
    const h = harness({ systemMayClassify: false });
    for (const id of ['c-1', 'c-2']) await live(h, id, { customer: 'cust-9', until: 'received' });
    await live(h, 'c-3', { customer: 'cust-9', until: 'planned' });
    const outcomes = await createRepeatDetector({ ...wired(h), policy: { ...DEFAULT_REPEAT_POLICY, action: 'classifyMajor' } }).catchUp(h.store);
    expect(outcomes.find((o) => o.command === 'ClassifyComplaint')?.result).toMatchObject({ ok: false, error: { kind: 'Forbidden' } });
  });

  it('validates the policy', () => {
    const bad = defineRepeatPolicy({ rules: [{ basis: 'customer', threshold: 1 }, { basis: 'customer' }] });
    expect(!bad.ok && bad.error.issues.map((i) => i.path)).toEqual(['rules[0].threshold', 'rules']);
    expect(defineRepeatPolicy().ok && DEFAULT_REPEAT_POLICY.rules.map((r) => [r.basis, r.threshold, r.windowDays])).toEqual([
      ['customer', 3, 90],
      ['product', 3, 90],
      ['cause', 3, 90],
    ]);
  });
});
