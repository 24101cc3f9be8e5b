/**
 * Keeping the customer informed through the public API: progress notices at any open
 * step, the result fed back once the remedy was carried out, both on the ticket with
 * when the customer last heard; refusals write nothing.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { CommandInput, CommandType } from '../commands/schema.js';
import type { Actor } from '../domain/primitives.js';
import { actors, commandOf } from '../test-support/fixtures.js';
import { testEngine } from '../test-support/engine.js';
import { NOW } from '../test-support/given.js';

const ID = 'c-1';
const HOUR = 3_600_000;
const at = (hours: number) => new Date(Date.parse(NOW) + hours * HOUR).toISOString();
/** The general path after receipt, in order: each moves the complaint one step on. */
const PATH: readonly CommandType[] = ['ConfirmComplaint', 'ClassifyComplaint', 'StartInvestigation', 'IdentifyCause', 'AttributeResponsibility', 'ProposeResolution', 'StartExecution', 'CompleteExecution', 'RecordFollowUp', 'ArchiveComplaint'];

async function setup() {
  const t = testEngine();
  await t.engine.executeOrThrow({ ...commandOf('ReceiveComplaint', ID, NOW, 0), actor: actors.frontDesk });
  const run = (type: string, data: object, actor: Actor = actors.handler) => t.engine.execute({ type, complaintId: ID, actor, data } as CommandInput);
  const next = (type: CommandType) => t.engine.executeOrThrow({ ...commandOf(type, ID, t.clock.now().toISOString(), 0), ...(type === 'ClassifyComplaint' ? { data: { severity: 'general' } } : {}) } as CommandInput);
  const ticket = () => t.engine.view(t.tickets).get(ID);
  const logLength = async () => (await t.store.readStream(ID, 1)).length;
  return { ...t, run, next, ticket, logLength };
}

describe('customer updates', () => {
  it('lists every notice and feedback on the ticket, with when the customer last heard', async () => {
    const s = await setup();
    expect(s.ticket()).toMatchObject({ customerUpdates: [], lastCustomerUpdateAt: null });
    s.clock.advance(2 * HOUR);
    expect((await s.run('SendProgressNotice', { channel: 'sms', contentRef: 'sms-4711', summary: 'The part arrives on Friday' })).ok).toBe(true);
    for (const type of PATH.slice(0, 8)) await s.next(type);
    s.clock.advance(3 * HOUR);
    expect((await s.run('SendResultFeedback', { channel: 'letter', contentRef: 'letter-2026-118' }, actors.followUp)).ok).toBe(true);
    expect(s.ticket()).toMatchObject({
      lastCustomerUpdateAt: at(5),
      customerUpdates: [
        { at: at(2), kind: 'progress', channel: 'sms', contentRef: 'sms-4711', summary: 'The part arrives on Friday', by: 'h-li' },
        { at: at(5), kind: 'result', channel: 'letter', contentRef: 'letter-2026-118', summary: null, by: 'fu-wu' },
      ],
    });
    expect(s.ticket()?.timeline.map((e) => e.type)).toContain('ResultFeedbackSent');
  });

  it('feeds the result back only once the remedy was carried out, and writes nothing when refused', async () => {
    const s = await setup();
    for (const type of PATH.slice(0, 7)) {
      await s.next(type);
      const before = await s.logLength();
      const early = await s.run('SendResultFeedback', { channel: 'phone', contentRef: 'call-1' });
      expect(!early.ok && early.error, `after ${type}`).toMatchObject({ kind: 'IllegalCommand', commandType: 'SendResultFeedback' });
      expect(await s.logLength()).toBe(before);
    }
    await s.next('CompleteExecution');
    expect((await s.run('SendResultFeedback', { channel: 'phone', contentRef: 'call-1' })).ok).toBe(true);
  });

  it('sends nothing once the complaint is closed', async () => {
    const s = await setup();
    for (const type of PATH) await s.next(type);
    for (const type of ['SendProgressNotice', 'SendResultFeedback']) {
      const closed = await s.run(type, { channel: 'sms', contentRef: 'sms-1' });
      expect(!closed.ok && closed.error).toMatchObject({ kind: 'IllegalCommand', step: 'archived', allowed: [] });
    }
  });

  it('refuses a notice without a content reference, on an unknown channel, or from the customer', async () => {
    const s = await setup();
    const before = await s.logLength();
    const noRef = await s.run('SendProgressNotice', { channel: 'sms', contentRef: '  ' });
    expect(!noRef.ok && noRef.error).toMatchObject({ kind: 'Validation', issues: [{ path: 'data.contentRef' }] });
    const channel = await s.run('SendProgressNotice', { channel: 'pigeon', contentRef: 'x' });
    expect(!channel.ok && channel.error).toMatchObject({ kind: 'Validation', issues: [{ path: 'data.channel' }] });
    const customer = await s.run('SendProgressNotice', { channel: 'sms', contentRef: 'x' }, actors.customer);
    expect(!customer.ok && customer.error).toMatchObject({ kind: 'Forbidden' });
    expect(await s.logLength()).toBe(before);
  });
});

const move = fc.oneof(
  fc.record({ kind: fc.constant('next' as const) }),
  fc.record({ kind: fc.constantFrom('progress' as const, 'result' as const), channel: fc.constantFrom('sms', 'phone', 'wechat', 'letter'), hours: fc.nat({ max: 30 }) }),
);

describe('over any sequence of updates along the workflow', () => {
  test.prop([fc.array(move, { maxLength: 25 })], { numRuns: 40 })(
    'feedback is accepted exactly while following up, notices while open, and the ticket lists exactly the accepted ones with the latest time',
    async (moves) => {
      const s = await setup();
      let done = 0; // how many PATH commands ran
      const accepted: { at: string; kind: string; channel: string }[] = [];
      for (const m of moves) {
        if (m.kind === 'next') {
          if (done < PATH.length) await s.next(PATH[done++] as CommandType);
          continue;
        }
        s.clock.advance(m.hours * HOUR);
        const result = await s.run(m.kind === 'progress' ? 'SendProgressNotice' : 'SendResultFeedback', { channel: m.channel, contentRef: `ref-${accepted.length}` });
        const open = done < PATH.length;
        // CompleteExecution (the 8th) leads to following up; archiving (the 10th) closes.
        const expected = m.kind === 'progress' ? open : done >= 8 && open;
        expect(result.ok, `${m.kind} after ${done} steps`).toBe(expected);
        if (expected) accepted.push({ at: s.clock.now().toISOString(), kind: m.kind, channel: m.channel });
      }
      const t = s.ticket();
      expect(t?.customerUpdates.map(({ at: when, kind, channel }) => ({ at: when, kind, channel }))).toEqual(accepted);
      expect(t?.lastCustomerUpdateAt).toBe(accepted.at(-1)?.at ?? null);
    },
  );
});
