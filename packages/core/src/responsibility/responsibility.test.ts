/**
 * Responsibility attribution (分清责任) through the public API: recorded with the party it
 * replaces, shown on the ticket; with the rule on, a proposal without it is refused with a
 * typed rule and nothing written; over any sequence, every proposal in the log follows an
 * attribution.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { CommandInput } from '../commands/schema.js';
import { actors, commandOf, happyPath } from '../test-support/fixtures.js';
import { testEngine } from '../test-support/engine.js';
import { NOW } from '../test-support/given.js';

const ID = 'c-1';
const workshop = { kind: 'department', id: 'workshop-2', name: 'Workshop 2' } as const;
const supplier = { kind: 'supplier', id: 'sup-bosch', name: 'Bosch parts' } as const;
const attribute = (party: object, reason = 'The bolt was not torqued'): CommandInput => ({ type: 'AttributeResponsibility', complaintId: ID, actor: actors.handler, data: { party, reason } }) as CommandInput;
const propose = () => commandOf('ProposeResolution', ID, NOW, 0);

/** A complaint investigated with its cause found. */
async function investigated(required: boolean) {
  const t = testEngine({ duties: false, responsibility: { requiredBeforeProposal: required } });
  for (const command of happyPath(ID, NOW).slice(0, 5)) await t.engine.executeOrThrow(command);
  return t;
}

describe('responsibility attribution', () => {
  it('refuses a proposal until the responsible party is recorded, writing nothing', async () => {
    const t = await investigated(true);
    const before = (await t.store.readStream(ID, 1)).length;
    const refused = await t.engine.execute(propose());
    expect(!refused.ok && refused.error).toMatchObject({ kind: 'IllegalCommand', rule: { name: 'responsibilityAttributed' } });
    expect(!refused.ok && refused.error.message).toMatch(/attribute responsibility first/);
    expect((await t.store.readStream(ID, 1)).length).toBe(before);
    await t.engine.executeOrThrow(attribute(workshop));
    expect((await t.engine.execute(propose())).ok).toBe(true);
  });

  it('records each attribution with the one it replaces, and the ticket shows the responsible party', async () => {
    const t = await investigated(true);
    const first = await t.engine.executeOrThrow(attribute(workshop));
    expect(first.events[0]?.data).toEqual({ party: workshop, previous: null, reason: 'The bolt was not torqued', attributedBy: actors.handler.id });
    const second = await t.engine.executeOrThrow(attribute(supplier, 'The bolt was from a bad batch'));
    expect(second.events[0]?.data).toMatchObject({ party: supplier, previous: workshop });
    expect(t.engine.view(t.tickets).get(ID)).toMatchObject({
      responsible: supplier,
      attributions: [
        { at: NOW, party: workshop, by: actors.handler.id },
        { at: NOW, party: supplier, reason: 'The bolt was from a bad batch', by: actors.handler.id },
      ],
    });
  });

  it('is not required unless the host asks, and not allowed before the investigation', async () => {
    const t = await investigated(false);
    expect((await t.engine.execute(propose())).ok).toBe(true);
    const early = testEngine();
    await early.engine.executeOrThrow(commandOf('ReceiveComplaint', ID, NOW, 0));
    const refused = await early.engine.execute(attribute(workshop));
    expect(!refused.ok && refused.error).toMatchObject({ kind: 'IllegalCommand', step: 'received' });
  });

  it('refuses a party of an unknown kind as invalid input', async () => {
    const t = await investigated(true);
    const bad = await t.engine.execute(attribute({ kind: 'weather', id: 'x', name: 'Rain' }));
    expect(!bad.ok && bad.error).toMatchObject({ kind: 'Validation' });
  });
});

const move = fc.constantFrom('attribute', 'propose', 'reject');

describe('over any sequence', () => {
  test.prop([fc.array(move, { maxLength: 12 })], { numRuns: 40 })('with the rule on, every ResolutionProposed in the log follows a ResponsibilityAttributed', async (moves) => {
    const t = testEngine({ duties: false, responsibility: { requiredBeforeProposal: true } });
    for (const command of happyPath(ID, NOW, 'major').slice(0, 5)) await t.engine.executeOrThrow(command);
    let attributed = false;
    for (const m of moves) {
      const command = m === 'attribute' ? attribute(workshop) : m === 'propose' ? propose() : { ...commandOf('RejectRemedy', ID, NOW, 0), actor: actors.senior };
      const result = await t.engine.execute(command);
      if (m === 'attribute' && result.ok) attributed = true;
      // Oracle: a proposal is accepted exactly when an attribution came first (the step allows both from investigation on).
      if (m === 'propose') expect(result.ok).toBe(attributed);
    }
    const log = await t.store.readStream(ID, 1);
    log.forEach((e, i) => {
      if (e.type === 'ResolutionProposed') expect(log.slice(0, i).some((x) => x.type === 'ResponsibilityAttributed')).toBe(true);
    });
  });
});
