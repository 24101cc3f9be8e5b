/**
 * First-contact responsibility (首问负责制) through the public API: the receiver is
 * accountable until a hand-over is accepted by the one offered the complaint; an
 * offer alone, or a declined one, moves nothing; the ticket view knows who was
 * accountable at every moment.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../domain/primitives.js';
import { ForbiddenError, IllegalCommandError } from '../errors/errors.js';
import { actors, commandOf } from '../test-support/fixtures.js';
import { testEngine } from '../test-support/engine.js';
import { NOW } from '../test-support/given.js';
import { accountableAt } from './ticket.js';

const ID = 'c-1';
const HOUR = 3_600_000;

function setup() {
  const t = testEngine();
  const receive = { ...commandOf('ReceiveComplaint', ID, NOW, 0), actor: actors.frontDesk };
  const offer = (to: string, by: Actor = actors.frontDesk) => t.engine.execute({ type: 'OfferHandOver', complaintId: ID, actor: by, data: { to, reason: 'needs the workshop' } });
  const accept = (by: Actor) => t.engine.execute({ type: 'AcceptHandOver', complaintId: ID, actor: by, data: {} });
  const decline = (by: Actor) => t.engine.execute({ type: 'DeclineHandOver', complaintId: ID, actor: by, data: { reason: 'not my workshop' } });
  const ticket = () => {
    const found = t.engine.view(t.tickets).get(ID);
    if (found === undefined) throw new Error('no ticket');
    return found;
  };
  return { ...t, receive: () => t.engine.executeOrThrow(receive), offer, accept, decline, ticket };
}

describe('first-contact responsibility', () => {
  it('keeps the receiver accountable through an offer, and moves accountability when the one offered accepts', async () => {
    const s = setup();
    await s.receive();
    expect(s.ticket()).toMatchObject({ accountableId: 'fd-wang', handOver: null });

    s.clock.advance(HOUR);
    expect((await s.offer('h-li')).ok).toBe(true);
    expect(s.ticket()).toMatchObject({ accountableId: 'fd-wang', handOver: { from: 'fd-wang', to: 'h-li', offeredBy: 'fd-wang' } });

    s.clock.advance(HOUR);
    expect((await s.accept(actors.handler)).ok).toBe(true);
    const ticket = s.ticket();
    expect(ticket).toMatchObject({ accountableId: 'h-li', handOver: null });
    expect(ticket.accountability).toEqual([
      { id: 'fd-wang', since: NOW, until: '2026-11-23T11:00:00.000Z', via: 'receipt' },
      { id: 'h-li', since: '2026-11-23T11:00:00.000Z', until: null, via: 'handOver' },
    ]);
    expect(accountableAt(ticket, '2026-11-23T08:59:59.999Z')).toBeNull();
    expect(accountableAt(ticket, '2026-11-23T10:30:00.000Z')).toBe('fd-wang');
    expect(accountableAt(ticket, '2026-11-23T11:00:00.000Z')).toBe('h-li');
  });

  it('leaves the first owner accountable when the hand-over is declined, or never answered', async () => {
    const s = setup();
    await s.receive();
    await s.offer('h-li');
    expect((await s.decline(actors.handler)).ok).toBe(true);
    expect(s.ticket()).toMatchObject({ accountableId: 'fd-wang', handOver: null });
    await s.offer('h-zhao');
    s.clock.advance(30 * 24 * HOUR);
    expect(s.ticket()).toMatchObject({ accountableId: 'fd-wang', handOver: { to: 'h-zhao' } });
    expect(s.ticket().accountability).toHaveLength(1);
  });

  it('lets a new offer replace a pending one, and only its recipient answer', async () => {
    const s = setup();
    await s.receive();
    await s.offer('h-li');
    await s.offer('h-zhao');
    const offered = (await s.store.readStream(ID, 1)).filter((e) => e.type === 'HandOverOffered').map((e) => e.data);
    expect(offered[1]).toMatchObject({ to: 'h-zhao', replaces: 'h-li' });
    const before = (await s.store.readStream(ID, 1)).length;
    const byFormer = await s.accept(actors.handler);
    expect(!byFormer.ok && byFormer.error).toBeInstanceOf(IllegalCommandError);
    expect(!byFormer.ok && byFormer.error.message).toContain('only they accept or decline it');
    expect((await s.store.readStream(ID, 1)).length).toBe(before);
    expect((await s.accept(actors.otherHandler)).ok).toBe(true);
    expect(s.ticket().accountableId).toBe('h-zhao');
  });

  it('refuses an answer with no offer pending, and an offer to the accountable person', async () => {
    const s = setup();
    await s.receive();
    const answer = await s.accept(actors.handler);
    expect(!answer.ok && answer.error).toMatchObject({ kind: 'IllegalCommand', rule: { name: 'handOverPending' } });
    const toSelf = await s.offer('fd-wang');
    expect(!toSelf.ok && toSelf.error).toMatchObject({ kind: 'IllegalCommand', rule: { name: 'handOverToAnother' } });
  });

  it('lets only the accountable person, or a head, offer the complaint (a duty a host may turn off)', async () => {
    const s = setup();
    await s.receive();
    const byColleague = await s.offer('h-zhao', actors.handler);
    expect(!byColleague.ok && byColleague.error).toBeInstanceOf(ForbiddenError);
    expect(!byColleague.ok && byColleague.error.message).toContain('fd-wang is accountable');
    expect((await s.offer('h-zhao', actors.head)).ok).toBe(true);
    expect(s.ticket().handOver).toMatchObject({ from: 'fd-wang', to: 'h-zhao', offeredBy: 'dh-sun' });

    const off = testEngine({ duties: { handOverByAccountable: false } });
    await off.engine.executeOrThrow({ ...commandOf('ReceiveComplaint', ID, NOW, 0), actor: actors.frontDesk });
    const anyone = await off.engine.execute({ type: 'OfferHandOver', complaintId: ID, actor: actors.handler, data: { to: 'h-zhao', reason: 'x' } });
    expect(anyone.ok).toBe(true);
  });

  it('is apart from the handler: assigning a handler does not make them accountable', async () => {
    const s = setup();
    await s.receive();
    await s.engine.executeOrThrow({ type: 'AssignHandler', complaintId: ID, actor: actors.head, data: { handlerId: 'h-zhao', reason: 'initial' } });
    expect(s.ticket()).toMatchObject({ handlerId: 'h-zhao', accountableId: 'fd-wang' });
    // The assigned-handler duty does not keep another handler from answering an offer made to them.
    await s.offer('h-li');
    expect((await s.accept(actors.handler)).ok).toBe(true);
    expect(s.ticket()).toMatchObject({ handlerId: 'h-zhao', accountableId: 'h-li' });
  });
});

/** A hand-over step: who acts, and what they do. */
const PEOPLE: readonly Actor[] = [actors.frontDesk, actors.handler, actors.otherHandler, actors.head, actors.technician];
const step = fc.record({
  kind: fc.constantFrom('offer', 'accept', 'decline'),
  by: fc.constantFrom(...PEOPLE),
  to: fc.constantFrom(...PEOPLE.map((p) => p.id)),
  minutes: fc.nat({ max: 600 }),
});

describe('over any sequence of offers and answers', () => {
  test.prop([fc.array(step, { maxLength: 25 })], { numRuns: 60 })(
    'the accountable person at every moment is the receiver or the last one who accepted an offer made to them',
    async (steps) => {
      const s = setup();
      await s.receive();
      // The oracle: a few lines of the rule itself, not the engine's code.
      let accountable: string = actors.frontDesk.id;
      let pending: string | null = null;
      const expected: { at: string; who: string }[] = [{ at: NOW, who: accountable }];
      for (const { kind, by, to, minutes } of steps) {
        s.clock.advance(minutes * 60_000);
        const result = kind === 'offer' ? await s.offer(to, by) : kind === 'accept' ? await s.accept(by) : await s.decline(by);
        const mayOffer = by.id === accountable || by.role === 'departmentHead';
        const allowed = kind === 'offer' ? mayOffer && to !== accountable : pending === by.id;
        expect(result.ok, `${kind} by ${by.id} (to ${to}); accountable ${accountable}, pending ${pending}`).toBe(allowed);
        if (!allowed) continue;
        if (kind === 'offer') pending = to;
        else {
          if (kind === 'accept') accountable = by.id;
          pending = null;
        }
        expected.push({ at: s.clock.now().toISOString(), who: accountable });
      }
      const ticket = s.ticket();
      expect(ticket.accountableId).toBe(accountable);
      expect(ticket.handOver?.to ?? null).toBe(pending);
      // Several events may share an instant: the last of them says who is accountable from it on.
      const settled = expected.filter((e, i) => expected[i + 1]?.at !== e.at);
      for (const { at, who } of settled) expect(accountableAt(ticket, at), at).toBe(who);
      // Accountability changes only at an accepted hand-over: one period per acceptance, after the receipt.
      const accepted = (await s.store.readStream(ID, 1)).filter((e) => e.type === 'HandOverAccepted');
      expect(ticket.accountability.map((p) => p.id)).toEqual([actors.frontDesk.id, ...accepted.map((e) => e.data.to)]);
    },
  );
});
