/**
 * Intake acceptance (确定受理投诉标准) through the public API: a received complaint is
 * declined with its reason and, when the station has criteria, the one it fails; the
 * decline is terminal, shown on the ticket, counted in the queues; a decline naming no
 * criterion, or an unknown one, is refused with a typed rule and nothing written.
 */
import { describe, expect, it } from 'vitest';
import type { CommandInput } from '../commands/schema.js';
import { WorkflowConfigError } from '../errors/errors.js';
import { actors, commandOf } from '../test-support/fixtures.js';
import { testEngine } from '../test-support/engine.js';
import { NOW } from '../test-support/given.js';
import { parseIntakeCriteria } from './intake.js';

const ID = 'c-1';
const intake = parseIntakeCriteria({
  name: 'station-7',
  criteria: [
    { id: 'serviceArea', description: 'The vehicle is serviced in our area' },
    { id: 'ownWork', description: 'The complaint concerns work or parts of this station' },
  ],
});
const decline = (data: object): CommandInput => ({ type: 'DeclineComplaint', complaintId: ID, actor: actors.frontDesk, data }) as CommandInput;

async function received(options: Parameters<typeof testEngine>[0] = {}) {
  const t = testEngine(options);
  await t.engine.executeOrThrow(commandOf('ReceiveComplaint', ID, NOW, 0));
  return t;
}

describe('intake acceptance', () => {
  it('declines a complaint that fails a criterion: recorded, terminal, shown and counted', async () => {
    const t = await received({ intake });
    const { events } = await t.engine.executeOrThrow(decline({ criterion: 'ownWork', reason: 'The repair was done by another dealer' }));
    expect(events[0]).toMatchObject({
      type: 'ComplaintDeclined',
      data: { criterion: 'ownWork', criterionDescription: 'The complaint concerns work or parts of this station', criteria: 'station-7', reason: 'The repair was done by another dealer', declinedBy: actors.frontDesk.id },
    });
    expect(t.engine.view(t.tickets).get(ID)).toMatchObject({ step: 'declined', closedAt: NOW, declined: { at: NOW, criterion: 'ownWork', by: actors.frontDesk.id } });
    expect([...t.engine.view(t.queues).declined]).toEqual([ID]);
    expect(t.engine.view(t.queues).open.has(ID)).toBe(false);
    // Terminal: nothing more is accepted.
    const after = await t.engine.execute({ ...commandOf('ConfirmComplaint', ID, NOW, 0) });
    expect(!after.ok && after.error).toMatchObject({ kind: 'IllegalCommand', step: 'declined', allowed: [] });
  });

  it('refuses a decline naming a criterion the station does not have, writing nothing, and one naming none as invalid', async () => {
    const t = await received({ intake });
    const before = (await t.store.readStream(ID, 1)).length;
    const unknown = await t.engine.execute(decline({ criterion: 'ownBusiness', reason: 'x' }));
    expect(!unknown.ok && unknown.error).toMatchObject({ kind: 'IllegalCommand', rule: { name: 'declineCriterionKnown' } });
    expect(!unknown.ok && unknown.error.message).toContain('no acceptance criterion ownBusiness (criteria station-7: serviceArea, ownWork)');
    const none = await t.engine.execute(decline({ reason: 'x' }));
    expect(!none.ok && none.error).toMatchObject({ kind: 'Validation' });
    expect((await t.store.readStream(ID, 1)).length).toBe(before);
  });

  it('declines under our default criteria when the station configures none', async () => {
    const t = await received();
    const { events } = await t.engine.executeOrThrow(decline({ criterion: 'withinOffer', reason: 'A new car is not ours to give' }));
    expect(events[0]?.data).toMatchObject({ criteria: 'default', criterionDescription: 'What the customer asks for lies within what the company offers' });
  });

  it('declines only at intake: not once confirmed', async () => {
    const t = await received();
    await t.engine.executeOrThrow(commandOf('ConfirmComplaint', ID, NOW, 0));
    const late = await t.engine.execute(decline({ criterion: 'ownBusiness', reason: 'x' }));
    expect(!late.ok && late.error).toMatchObject({ kind: 'IllegalCommand', step: 'confirmed' });
  });

  it('refuses criteria listing an id twice, or none', () => {
    expect(() => parseIntakeCriteria({ name: 's', criteria: [{ id: 'a', description: 'x' }, { id: 'a', description: 'y' }] })).toThrow(WorkflowConfigError);
    expect(() => parseIntakeCriteria({ name: 's', criteria: [{ id: 'a', description: 'x' }, { id: 'a', description: 'y' }] })).toThrow(/criteria\.1\.id: criterion a is listed twice/);
    expect(() => parseIntakeCriteria({ name: 's', criteria: [] })).toThrow(/at least one acceptance criterion/);
  });
});
