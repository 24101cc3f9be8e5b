/**
 * More than one way, and the written notice, through the public API: options are offered
 * and the customer's choice recorded (only of the standing offer); the notice of the
 * standing remedy, signed for by the customer, is recorded and kept on the archived
 * ticket; refusals are typed and write nothing; over any sequence, every choice in the
 * log names an option of the offer before it.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { CommandInput } from '../commands/schema.js';
import type { Actor } from '../domain/primitives.js';
import { actors, happyPath } from '../test-support/fixtures.js';
import { testEngine } from '../test-support/engine.js';
import { NOW } from '../test-support/given.js';

const ID = 'c-1';
const repair = { kind: 'freeRepair', description: 'Repair for free' } as const;
const refund = { kind: 'refund', description: 'Refund the labour', amount: { value: 300, currency: 'CNY' } } as const;
const run = (type: string, data: object, actor: Actor = actors.handler) => ({ type, complaintId: ID, actor, data }) as CommandInput;
const offer = (...ids: string[]) => run('OfferResolutionOptions', { options: ids.map((optionId, i) => ({ optionId, remedy: i % 2 === 0 ? repair : refund })) });
const choose = (optionId: string) => run('RecordCustomerChoice', { optionId }, actors.frontDesk);
const notice = (signedAt = NOW) => run('RecordWrittenNotice', { documentReference: 'scan-0042', signedBy: 'Mr Wang', signedAt });

async function investigated() {
  const t = testEngine({ duties: false });
  for (const command of happyPath(ID, NOW).slice(0, 6)) await t.engine.executeOrThrow(command);
  return t;
}

describe('options and the customer’s choice', () => {
  it('records the options offered and the one chosen, with its remedy', async () => {
    const t = await investigated();
    await t.engine.executeOrThrow(offer('repair', 'refund'));
    const { events } = await t.engine.executeOrThrow(choose('refund'));
    expect(events[0]).toMatchObject({ type: 'CustomerChoiceRecorded', data: { optionId: 'refund', remedy: refund } });
    expect(t.engine.view(t.tickets).get(ID)?.offer).toEqual({
      offeredAt: NOW,
      options: [{ optionId: 'repair', remedy: repair }, { optionId: 'refund', remedy: refund }],
      chosen: 'refund',
      chosenAt: NOW,
    });
  });

  it('refuses a choice with nothing offered, or of an option not offered, writing nothing', async () => {
    const t = await investigated();
    const before = (await t.store.readStream(ID, 1)).length;
    const nothing = await t.engine.execute(choose('repair'));
    expect(!nothing.ok && nothing.error).toMatchObject({ kind: 'IllegalCommand', rule: { name: 'optionOffered', message: expect.stringMatching(/no options were offered/) } });
    await t.engine.executeOrThrow(offer('repair', 'refund'));
    const other = await t.engine.execute(choose('voucher'));
    expect(!other.ok && other.error.message).toContain('option voucher was not offered (offered: repair, refund)');
    expect((await t.store.readStream(ID, 1)).length).toBe(before + 1);
  });

  it('refuses an offer of one option, or of an option twice, as invalid input', async () => {
    const t = await investigated();
    expect(await t.engine.execute(offer('repair'))).toMatchObject({ ok: false, error: { kind: 'Validation' } });
    expect(await t.engine.execute(offer('repair', 'repair'))).toMatchObject({ ok: false, error: { kind: 'Validation' } });
  });
});

describe('the written notice, signed and archived', () => {
  it('is recorded for the standing remedy and kept on the ticket after archiving', async () => {
    const t = await investigated();
    const early = await t.engine.execute(notice());
    expect(!early.ok && early.error).toMatchObject({ kind: 'IllegalCommand', step: 'investigating' });
    const [, , , , , , propose, ...rest] = happyPath(ID, NOW);
    await t.engine.executeOrThrow(propose!);
    const { events } = await t.engine.executeOrThrow(notice());
    expect(events[0]).toMatchObject({ type: 'WrittenNoticeSigned', data: { documentReference: 'scan-0042', signedBy: 'Mr Wang', signedAt: NOW, remedy: { kind: 'freeRepair' } } });
    for (const command of rest) await t.engine.executeOrThrow(command);
    expect(t.engine.view(t.tickets).get(ID)).toMatchObject({
      step: 'archived',
      writtenNotices: [{ documentReference: 'scan-0042', signedBy: 'Mr Wang', signedAt: NOW, recordedBy: actors.handler.id, remedy: { kind: 'freeRepair' } }],
    });
  });

  it('refuses a notice signed after now, writing nothing', async () => {
    const t = await investigated();
    await t.engine.executeOrThrow(happyPath(ID, NOW)[6]!);
    const before = (await t.store.readStream(ID, 1)).length;
    const future = await t.engine.execute(notice(new Date(Date.parse(NOW) + 60_000).toISOString()));
    expect(!future.ok && future.error).toMatchObject({ kind: 'IllegalCommand', rule: { name: 'noticeOfRemedy' } });
    expect((await t.store.readStream(ID, 1)).length).toBe(before);
  });
});

const move = fc.oneof(
  fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { minLength: 2, maxLength: 3 }).map((ids) => ({ kind: 'offer' as const, ids })),
  fc.constantFrom('a', 'b', 'c', 'd').map((id) => ({ kind: 'choose' as const, id })),
);

describe('over any sequence of offers and choices', () => {
  test.prop([fc.array(move, { maxLength: 15 })], { numRuns: 50 })('a choice is accepted exactly when the standing offer has it, and the ticket shows the last offer and its choice', async (moves) => {
    const t = await investigated();
    let standing: string[] | null = null;
    let chosen: string | null = null;
    for (const m of moves) {
      if (m.kind === 'offer') {
        expect((await t.engine.execute(offer(...m.ids))).ok).toBe(true);
        standing = m.ids;
        chosen = null;
      } else {
        const ok = standing?.includes(m.id) ?? false;
        expect((await t.engine.execute(choose(m.id))).ok).toBe(ok);
        if (ok) chosen = m.id;
      }
    }
    const shown = t.engine.view(t.tickets).get(ID)?.offer ?? null;
    expect(shown === null ? null : [shown.options.map((o) => o.optionId), shown.chosen]).toEqual(standing === null ? null : [standing, chosen]);
  });
});
