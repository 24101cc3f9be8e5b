/**
 * "No customer update" on the clock: from receipt, restarted by every progress notice
 * and result feedback, warning then breaching when the customer hears nothing for too
 * long; through the engine, the ticker and `explain`, with a property over any
 * sequence of updates.
 */
import { fc, test } from '@fast-check/vitest';
import { createEngine, createInMemoryEventStore, createManualClock, type Actor, type CommandInput } from '@redress/core';
import { describe, expect, it } from 'vitest';
import { createSlaTicker, customerUpdateClock, defaultPolicy, explain, ticketClocks, type PolicyInput } from '../index.js';

const H = 3_600_000;
const T0 = Date.parse('2026-11-23T01:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const desk: Actor = { id: 'fd-wang', role: 'frontDesk' };
const handler: Actor = { id: 'h-li', role: 'handler' };
const policy: PolicyInput = { name: 'updates', version: 1, clocks: [customerUpdateClock()] };

async function setup(config: PolicyInput = policy) {
  const store = createInMemoryEventStore();
  const clock = createManualClock(iso(T0));
  const engine = createEngine({ store, clock });
  const ticker = createSlaTicker({ store, config: { policies: [config] } });
  await engine.executeOrThrow({
    type: 'ReceiveComplaint',
    complaintId: 'c-1',
    actor: desk,
    data: { customer: { reference: 'cust-9' }, channel: 'phone', description: 'Noise after service', demand: 'Fix it' },
  });
  const run = (type: string, data: object = {}) => engine.executeOrThrow({ type, complaintId: 'c-1', actor: handler, data } as CommandInput);
  const notice = () => run('SendProgressNotice', { channel: 'sms', contentRef: `sms-${clock.now().getTime()}` });
  const tickAt = async (ms: number) => {
    clock.set(iso(ms));
    const { appended } = await ticker.tick(ms);
    const view = ticketClocks(ticker.state, 'c-1', ms).find((v) => v.clock === 'customerUpdate');
    return { view, appended: appended.map((e) => `${e.occurredAt} ${e.type}`) };
  };
  return { engine, clock, ticker, run, notice, tickAt };
}

describe('the "no customer update" clock', () => {
  it('warns at 75% and breaches after 2 days without an update, and explain says why', async () => {
    const s = await setup();
    expect((await s.tickAt(T0 + 35 * H)).view).toMatchObject({ state: 'running', dueAt: iso(T0 + 48 * H) });
    expect((await s.tickAt(T0 + 49 * H)).appended).toEqual([`${iso(T0 + 36 * H)} SlaWarningRaised`, `${iso(T0 + 48 * H)} SlaBreached`]);
    expect(explain(s.ticker.state, 'c-1', 'customerUpdate', T0 + 49 * H).map((l) => [l.at, l.action, l.event?.type ?? null])).toEqual([
      [iso(T0), 'started', 'ComplaintReceived'],
      [iso(T0 + 36 * H), 'warning', null],
      [iso(T0 + 48 * H), 'breached', null],
    ]);
  });

  it('starts the wait again at every progress notice and result feedback', async () => {
    const s = await setup();
    s.clock.set(iso(T0 + 40 * H));
    await s.notice();
    expect((await s.tickAt(T0 + 60 * H)).view).toMatchObject({ state: 'running', cycle: 2, dueAt: iso(T0 + 88 * H) });
    // A breached wait ends at the next update: the customer has heard from the station again.
    expect((await s.tickAt(T0 + 90 * H)).view).toMatchObject({ state: 'breached' });
    for (const type of ['ConfirmComplaint', 'ClassifyComplaint', 'StartInvestigation']) {
      await s.run(type, type === 'ConfirmComplaint' ? { summary: 'Noise', acknowledgement: { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true } } : type === 'ClassifyComplaint' ? { severity: 'general' } : {});
    }
    await s.run('IdentifyCause', { cause: 'repairQuality', findings: 'Loose shield' });
    await s.run('AttributeResponsibility', { party: { kind: 'department', id: 'workshop-1', name: 'Workshop 1' }, reason: 'Not refitted' });
    await s.run('ProposeResolution', { remedy: { kind: 'freeRepair', description: 'Refit the shield' }, agreedDeadline: iso(T0 + 120 * H) });
    await s.run('StartExecution');
    await s.run('CompleteExecution', { outcome: 'Refitted' });
    await s.run('SendResultFeedback', { channel: 'phone', contentRef: 'call-77' });
    expect((await s.tickAt(T0 + 91 * H)).view).toMatchObject({ state: 'running', cycle: 3, dueAt: iso(T0 + 138 * H) });
  });

  it('gives a major complaint 1 day, pauses while waiting on the customer, and is cancelled at withdrawal', async () => {
    const s = await setup();
    await s.run('ConfirmComplaint', { summary: 'Noise', acknowledgement: { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true } });
    await s.run('ClassifyComplaint', { severity: 'major' });
    expect((await s.tickAt(T0 + H)).view).toMatchObject({ dueAt: iso(T0 + 24 * H) });
    await s.run('WaitOnCustomer', { reason: 'vehicleAccess' });
    expect((await s.tickAt(T0 + 30 * H)).view).toMatchObject({ state: 'paused' });
    await s.run('StopWaitingOnCustomer');
    expect((await s.tickAt(T0 + 31 * H)).view).toMatchObject({ state: 'running', dueAt: iso(T0 + 53 * H) });
    await s.run('WithdrawComplaint', { reason: 'Sold the car' });
    expect((await s.tickAt(T0 + 100 * H)).view).toMatchObject({ state: 'cancelled' });
  });

  it('is in the default policy only when asked for, with the host’s interval', () => {
    expect(defaultPolicy().clocks.map((c) => c.name)).not.toContain('customerUpdate');
    const on = defaultPolicy({ customerUpdate: true, version: 2 }).clocks.find((c) => c.name === 'customerUpdate');
    expect(on?.target).toEqual({ matrix: { by: 'severity', values: { major: 'P1D' }, otherwise: 'P2D' } });
    const own = defaultPolicy({ customerUpdate: { general: 'PT12H', major: 'PT6H' } }).clocks.find((c) => c.name === 'customerUpdate');
    expect(own?.target).toEqual({ matrix: { by: 'severity', values: { major: 'PT6H' }, otherwise: 'PT12H' } });
  });
});

describe('over any sequence of updates', () => {
  const gaps = fc.array(fc.record({ hours: fc.integer({ min: 1, max: 60 }), kind: fc.constantFrom('notice', 'note') }), { maxLength: 12 });

  test.prop([gaps, fc.integer({ min: 0, max: 60 })], { numRuns: 40 })(
    'the clock is due 2 days after the latest customer update (receipt counting as one), and breached exactly when that passed',
    async (moves, after) => {
      const s = await setup();
      let now = T0;
      let last = T0;
      for (const { hours, kind } of moves) {
        now += hours * H;
        s.clock.set(iso(now));
        // An internal note tells the customer nothing: it must not restart the wait.
        if (kind === 'notice') {
          await s.notice();
          last = now;
        } else await s.run('AddNote', { text: 'Called the warehouse' });
      }
      const end = now + after * H;
      const { view } = await s.tickAt(end);
      expect(view?.dueAt).toBe(iso(last + 48 * H));
      // Due at an instant means breached from that instant on.
      expect(view?.state).toBe(end >= last + 48 * H ? 'breached' : 'running');
    },
  );
});
