/** The three changes (三变法): handler, venue and time, each on its own; no meeting in the past; the history kept. */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { CommandInput } from '../commands/schema.js';
import { testEngine } from '../test-support/engine.js';
import { actors, commandOf } from '../test-support/fixtures.js';
import { NOW } from '../test-support/given.js';

const HOUR = 3_600_000;
const later = (hours: number) => new Date(Date.parse(NOW) + hours * HOUR).toISOString();
const arrange = (data: object): CommandInput => ({ type: 'ArrangeMeeting', complaintId: 'c-1', actor: actors.head, data }) as CommandInput;

async function received() {
  const t = testEngine();
  await t.engine.executeOrThrow(commandOf('ReceiveComplaint', 'c-1', NOW));
  return t;
}
const refusal = async (t: Awaited<ReturnType<typeof received>>, command: CommandInput) => {
  const result = await t.engine.execute(command);
  if (result.ok) throw new Error(`expected ${command.type} to be refused`);
  return result.error;
};

describe('the complaint meeting', () => {
  it('is arranged with a time and a place, then moved one at a time', async () => {
    const t = await received();
    expect(await refusal(t, arrange({ venue: 'VIP lounge' }))).toMatchObject({ rule: { name: 'meetingArrangeable', message: expect.stringMatching(/first arrangement gives both \(missing: the time\)/) } });
    await t.engine.executeOrThrow(arrange({ at: later(24), venue: 'VIP lounge', reason: 'initial' }));
    await t.engine.executeOrThrow(arrange({ venue: 'Customer’s office', reason: 'threeChanges' }));
    await t.engine.executeOrThrow(arrange({ at: later(48), reason: 'customerRequest', note: 'After work' }));
    expect(t.engine.view(t.tickets).get('c-1')).toMatchObject({
      meeting: { at: later(48), venue: 'Customer’s office' },
      meetings: [
        { at: later(24), venue: 'VIP lounge', reason: 'initial', by: actors.head.id, arrangedAt: NOW },
        { at: later(24), venue: 'Customer’s office', reason: 'threeChanges', by: actors.head.id, arrangedAt: NOW },
        { at: later(48), venue: 'Customer’s office', reason: 'customerRequest', by: actors.head.id, arrangedAt: NOW },
      ],
    });
    const moves = (await t.store.readStream('c-1')).filter((e) => e.type === 'MeetingArranged');
    expect(moves.at(-1)?.data).toEqual({ at: later(48), venue: 'Customer’s office', previous: { at: later(24), venue: 'Customer’s office' }, reason: 'customerRequest', note: 'After work' });
  });

  it('is never in the past, and a meeting that took place is not moved to another venue', async () => {
    const t = await received();
    expect(await refusal(t, arrange({ at: later(-1), venue: 'VIP lounge' }))).toMatchObject({ rule: { message: `the meeting time ${later(-1)} is not after now (${NOW})` } });
    expect(await refusal(t, arrange({ at: NOW, venue: 'VIP lounge' }))).toMatchObject({ rule: { name: 'meetingArrangeable' } });
    await t.engine.executeOrThrow(arrange({ at: later(2), venue: 'VIP lounge' }));
    t.clock.advance(3 * HOUR);
    expect(await refusal(t, arrange({ venue: 'Room 2' }))).toMatchObject({ rule: { message: expect.stringMatching(/has already taken place: arrange a new time/) } });
    await t.engine.executeOrThrow(arrange({ at: later(30), venue: 'Room 2' }));
  });

  it('changes the handler on its own, or with the meeting (checked the same way); the assignments are kept', async () => {
    const t = await received();
    const assign = (data: object): CommandInput => ({ type: 'AssignHandler', complaintId: 'c-1', actor: actors.head, data }) as CommandInput;
    await t.engine.executeOrThrow(assign({ handlerId: 'h-li', reason: 'initial' }));
    expect(await refusal(t, assign({ handlerId: 'h-zhao', reason: 'threeChanges', meetingAt: later(-2), venue: 'VIP lounge' }))).toMatchObject({ rule: { name: 'meetingArrangeable' } });
    const { events } = await t.engine.executeOrThrow(assign({ handlerId: 'h-zhao', reason: 'threeChanges', meetingAt: later(20), venue: 'VIP lounge' }));
    expect(events.map((e) => e.type)).toEqual(['HandlerAssigned', 'MeetingArranged']);
    // The same handler again is no change; the meeting alone moves with ArrangeMeeting.
    expect(await refusal(t, assign({ handlerId: 'h-zhao', reason: 'threeChanges', venue: 'Room 2' }))).toMatchObject({ rule: { name: 'differentHandler' } });
    expect(t.engine.view(t.tickets).get('c-1')).toMatchObject({
      handlerId: 'h-zhao',
      assignments: [
        { handlerId: 'h-li', previousHandlerId: null, reason: 'initial', by: actors.head.id, at: NOW },
        { handlerId: 'h-zhao', previousHandlerId: 'h-li', reason: 'threeChanges', by: actors.head.id, at: NOW },
      ],
      meeting: { at: later(20), venue: 'VIP lounge' },
    });
  });
});

describe('the meeting plan (接待时间与地点…应对策略)', () => {
  it('carries its time, place and prepared strategy, kept when the meeting moves', async () => {
    const t = await received();
    const alone = await refusal(t, arrange({ strategy: 'Agree the facts first' }));
    expect(alone).toMatchObject({ kind: 'IllegalCommand', rule: { name: 'meetingArrangeable', message: expect.stringMatching(/arrange its time and place first/) } });
    const { events } = await t.engine.executeOrThrow(arrange({ at: later(24), venue: 'VIP lounge', strategy: 'Agree the facts first; the loan car is the fallback' }));
    expect(events.map((e) => e.type)).toEqual(['MeetingArranged', 'MeetingStrategyPrepared']);
    expect(events[1]?.data).toEqual({ strategy: 'Agree the facts first; the loan car is the fallback', meetingAt: later(24) });
    await t.engine.executeOrThrow(arrange({ venue: 'Customer’s office', reason: 'threeChanges' }));
    expect(t.engine.view(t.tickets).get('c-1')?.meeting).toEqual({ at: later(24), venue: 'Customer’s office', strategy: 'Agree the facts first; the loan car is the fallback' });
    const revised = await t.engine.executeOrThrow(arrange({ strategy: 'Start with the repair record' }));
    expect(revised.events.map((e) => e.type)).toEqual(['MeetingStrategyPrepared']);
    expect(t.engine.view(t.tickets).get('c-1')?.meeting).toEqual({ at: later(24), venue: 'Customer’s office', strategy: 'Start with the repair record' });
    // The strategy is personal data: the decision state keeps the time and place only (see docs/privacy.md).
    expect(revised.state.meeting).toEqual({ at: later(24), venue: 'Customer’s office' });
  });

  it('refuses a strategy alone once the meeting took place, and writes nothing', async () => {
    const t = await received();
    await t.engine.executeOrThrow(arrange({ at: later(2), venue: 'VIP lounge' }));
    t.clock.advance(3 * HOUR);
    const before = (await t.store.readStream('c-1')).length;
    expect(await refusal(t, arrange({ strategy: 'Too late' }))).toMatchObject({ rule: { name: 'meetingArrangeable', message: expect.stringMatching(/already taken place/) } });
    expect((await t.store.readStream('c-1')).length).toBe(before);
    expect((await t.engine.execute(arrange({ at: later(30), strategy: 'For the new time' }))).ok).toBe(true);
  });
});

const change = fc.record({
  hours: fc.integer({ min: -3, max: 72 }),
  venue: fc.constantFrom('VIP lounge', 'Room 2', undefined),
  time: fc.boolean(),
  wait: fc.integer({ min: 0, max: 30 }),
  strategy: fc.constantFrom('Agree the facts first', 'Offer the loan car early', undefined),
});

test.prop([fc.array(change, { maxLength: 12 })])(
  'the meeting shown is the last accepted change applied to the one before, every accepted time was in the future, and a strategy alone is prepared only for a meeting still ahead',
  async (changes) => {
    const t = await received();
    let expected: { at: string; venue: string; strategy: string | null } | null = null;
    for (const c of changes) {
      t.clock.advance(c.wait * HOUR);
      const now = t.clock.now().toISOString();
      const at = c.time ? new Date(Date.parse(now) + c.hours * HOUR).toISOString() : undefined;
      if (at === undefined && c.venue === undefined && c.strategy === undefined) continue;
      const result = await t.engine.execute(arrange({ ...(at ? { at } : {}), ...(c.venue ? { venue: c.venue } : {}), ...(c.strategy ? { strategy: c.strategy } : {}) }));
      // Oracle: the rules, stated plainly.
      const next = { at: at ?? expected?.at, venue: c.venue ?? expected?.venue, strategy: c.strategy ?? expected?.strategy ?? null };
      const valid =
        at === undefined && c.venue === undefined
          ? expected !== null && Date.parse(expected.at) > Date.parse(now)
          : next.at !== undefined && next.venue !== undefined && Date.parse(next.at) > Date.parse(now);
      expect(result.ok, JSON.stringify({ c, now, expected })).toBe(valid);
      if (valid) expected = next as { at: string; venue: string; strategy: string | null };
    }
    expect(t.engine.view(t.tickets).get('c-1')?.meeting ?? null).toEqual(expected);
  },
);
