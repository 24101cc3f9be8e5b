/**
 * The opt-in rule through the public API: customer-facing text with a forbidden phrase
 * is refused (naming each phrase, writing nothing); internal notes, clean text and
 * engines without the rule are not affected.
 */
import { describe, expect, it } from 'vitest';
import type { Command, CommandInput } from '../commands/schema.js';
import type { Actor } from '../domain/primitives.js';
import { actors, commandOf } from '../test-support/fixtures.js';
import { testEngine } from '../test-support/engine.js';
import { NOW } from '../test-support/given.js';
import { createPhraseChecker } from './checker.js';
import { forbiddenPhraseList } from './list.js';
import { customerFacingText, forbiddenPhraseRule } from './rule.js';

const ID = 'c-1';

async function setup(rules = [forbiddenPhraseRule()]) {
  const t = testEngine({ rules });
  await t.engine.executeOrThrow({ ...commandOf('ReceiveComplaint', ID, NOW, 0), actor: actors.frontDesk });
  const run = (type: string, data: object, actor: Actor = actors.handler) => t.engine.execute({ type, complaintId: ID, actor, data } as CommandInput);
  const logLength = async () => (await t.store.readStream(ID, 1)).length;
  return { ...t, run, logLength };
}

describe('the forbidden-phrase rule', () => {
  it('refuses a customer-facing note naming every phrase found, and writes nothing', async () => {
    const s = await setup();
    const before = await s.logLength();
    const result = await s.run('AddNote', { text: 'Sorry, I dont know. That is IMPOSSIBLE.', visibility: 'customer' });
    expect(!result.ok && result.error).toMatchObject({ kind: 'IllegalCommand', rule: { name: 'noForbiddenPhrases' } });
    const message = !result.ok && result.error.kind === 'IllegalCommand' ? (result.error.rule?.message ?? '') : '';
    expect(message).toContain('"I dont know" (dontKnow, at 7-18; say "Let me find out for you" instead)');
    expect(message).toContain('"That is IMPOSSIBLE" (impossible, at 20-38');
    expect(await s.logLength()).toBe(before);
  });

  it('reads progress notices and promise explanations, not internal notes or clean text', async () => {
    const s = await setup();
    const notice = await s.run('SendProgressNotice', { channel: 'sms', contentRef: 'sms-1', summary: '这不可能今天修好' });
    expect(!notice.ok && notice.error).toMatchObject({ rule: { name: 'noForbiddenPhrases' } });
    expect((await s.run('SendProgressNotice', { channel: 'sms', contentRef: 'sms-2', summary: '配件周五到，我们会尽快修好' })).ok).toBe(true);
    expect((await s.run('SendProgressNotice', { channel: 'sms', contentRef: 'sms-3' })).ok).toBe(true);
    expect((await s.run('AddNote', { text: 'Customer said: I don’t know the mileage', visibility: 'internal' })).ok).toBe(true);
    await s.run('MakePromise', { kind: 'visit', due: '2026-12-30T00:00:00Z', description: 'A visit' });
    const explain = await s.run('ExplainPromiseBreak', { promiseId: 'promise-1', channel: 'phone', explanation: 'That is not my responsibility' });
    expect(!explain.ok && explain.error).toMatchObject({ rule: { name: 'noForbiddenPhrases' } });
  });

  it('checks against the host’s list, and is off unless the host adds it', async () => {
    const own = await setup([forbiddenPhraseRule(createPhraseChecker(forbiddenPhraseList({ base: [], add: [{ id: 'calmDown', locale: 'en', text: 'calm down' }] })))]);
    expect((await own.run('AddNote', { text: 'That is impossible', visibility: 'customer' })).ok).toBe(true);
    expect((await own.run('AddNote', { text: 'Please CALM down', visibility: 'customer' })).ok).toBe(false);
    const none = await setup([]);
    expect((await none.run('AddNote', { text: 'That is impossible', visibility: 'customer' })).ok).toBe(true);
  });

  it('knows which text of a command reaches the customer', () => {
    const note = (visibility: 'internal' | 'customer'): Command => ({ type: 'AddNote', complaintId: ID, actor: actors.handler, data: { text: 'hello', visibility } });
    expect(customerFacingText(note('customer'))).toBe('hello');
    expect(customerFacingText(note('internal'))).toBeUndefined();
    expect(customerFacingText(commandOf('LogCustomerContact', ID, NOW))).toBeUndefined();
  });
});
