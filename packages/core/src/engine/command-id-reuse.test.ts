/**
 * A command id is a promise: the same command again gets its first result, another
 * command under the same id is refused (issue 10: it used to be dropped with
 * `duplicate: true`). The check decides the new command again where the first was
 * decided (the state before its events, their instant) and compares the events.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Command, CommandInput } from '../commands/schema.js';
import { sequentialIds } from './ids.js';
import { IdempotencyConflictError } from '../errors/errors.js';
import { testEngine } from '../test-support/engine.js';
import { actors, commandOf, happyPath } from '../test-support/fixtures.js';
import { NOW } from '../test-support/given.js';
import { chooseCommand, walkStep } from '../test-support/walk.js';

const note = (text: string, commandId = 'k-2'): CommandInput => ({ type: 'AddNote', complaintId: 'c-1', commandId, actor: actors.handler, data: { text } });

async function withNote() {
  const t = testEngine();
  await t.engine.executeOrThrow({ ...commandOf('ReceiveComplaint', 'c-1', NOW), commandId: 'k-1' });
  await t.engine.executeOrThrow(note('Called the workshop'));
  return t;
}

describe('a command id reused for another command', () => {
  it('is refused with a typed error that says how it differs, and writes nothing', async () => {
    const { engine, store } = await withNote();
    const before = (await store.readAll(1)).length;
    const cases: [CommandInput, RegExp][] = [
      [note('Something else entirely'), /it records NoteAdded with other data/],
      [{ ...note('Called the workshop'), actor: actors.otherHandler }, /the first was by h-li \(handler\), this one by h-zhao \(handler\)/],
      [{ type: 'LogCustomerContact', complaintId: 'c-1', commandId: 'k-2', actor: actors.handler, data: { channel: 'phone', direction: 'outbound', summary: 'Called back' } }, /it would record CustomerContactLogged, the first recorded NoteAdded/],
      [{ type: 'StartInvestigation', complaintId: 'c-1', commandId: 'k-2', actor: actors.handler }, /decided where the first was, it is refused: StartInvestigation is not allowed in step "received"/],
    ];
    for (const [command, difference] of cases) {
      const result = await engine.execute(command);
      expect(result.ok).toBe(false);
      const error = !result.ok ? result.error : undefined;
      expect(error).toBeInstanceOf(IdempotencyConflictError);
      expect(error).toMatchObject({ kind: 'IdempotencyConflict', streamId: 'c-1', commandId: 'k-2', first: { types: ['NoteAdded'], actor: actors.handler, at: NOW } });
      expect(error?.message).toMatch(difference);
    }
    expect((await store.readAll(1)).length).toBe(before);
  });

  it('is the same command when only what the log does not record differs: defaults, the expected version', async () => {
    const { engine } = await withNote();
    const again = await engine.execute({ ...note('Called the workshop'), expectedVersion: 99 } as CommandInput);
    expect(again).toMatchObject({ ok: true, value: { duplicate: true } });
    const explicitDefault = await engine.execute({ ...note('Called the workshop'), data: { text: 'Called the workshop', visibility: 'internal' } } as CommandInput);
    expect(explicitDefault).toMatchObject({ ok: true, value: { duplicate: true } });
  });

  it('is decided again at the first one’s instant: a retry after the deadline is still the same completion', async () => {
    const { engine, clock } = testEngine();
    for (const command of happyPath('c-1', NOW).slice(0, 8)) await engine.executeOrThrow(command);
    const complete = { ...commandOf('CompleteExecution', 'c-1', NOW), commandId: 'done-1' };
    const first = await engine.executeOrThrow(complete);
    expect(first.events[0]?.data).toMatchObject({ onTime: true });
    clock.advance(30 * 24 * 3_600_000);
    expect(await engine.executeOrThrow(complete)).toEqual({ ...first, duplicate: true });
  });

  it('a command sent three times at once, through three engines, is written once; every call gets its result', async () => {
    const { store } = await withNote();
    // Appends wait until all three have read and decided: two of them lose the race to the same command.
    let waiting = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const racing = {
      ...store,
      readStream: store.readStream.bind(store),
      readAll: store.readAll.bind(store),
      append: async (...args: Parameters<typeof store.append>) => {
        if (++waiting === 3) release();
        await gate;
        return store.append(...args);
      },
    } as typeof store;
    const engines = [1, 2, 3].map((n) => testEngine({ store: racing, ids: sequentialIds(`engine-${n}`) }).engine);
    const results = await Promise.all(engines.map((engine) => engine.execute(note('Twice', 'k-3'))));
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(results.filter((r) => r.ok && !r.value.duplicate)).toHaveLength(1);
    expect((await store.readStream('c-1')).filter((e) => e.causationId === 'k-3')).toHaveLength(1);
  });
});

test.prop([fc.array(walkStep, { minLength: 1, maxLength: 40 }), fc.array(fc.tuple(fc.nat(), fc.boolean(), fc.boolean()), { maxLength: 10 })], { numRuns: 60 })(
  'resent commands: the same one is a duplicate, a changed one is refused, and neither writes, with or without a warm cache',
  async (steps, resends) => {
    const { engine, store, clock } = testEngine();
    const accepted: Command[] = [];
    for (const [i, step] of steps.entries()) {
      clock.advance(step.minutes * 60_000);
      const { state } = await engine.load('c-1');
      const command = { ...chooseCommand(state, step, 'c-1', clock.now().toISOString()), commandId: `cmd-${i}` } as Command;
      if ((await engine.execute(command)).ok) accepted.push(command);
    }
    fc.pre(accepted.length > 0);
    for (const [pick, changed, cold] of resends) {
      const original = accepted[pick % accepted.length] as Command;
      // A change the log records: another command by the same person, or the same command by someone else.
      const byOther = pick % 2 === 0;
      const resent = !changed ? original : byOther ? ({ ...original, actor: { id: 'someone-else', role: original.actor.role } } as Command) : ({ ...original, type: 'AddNote', data: { text: 'not the first command' } } as Command);
      const size = store.size;
      const result = await (cold ? testEngine({ store }).engine : engine).execute(resent);
      expect(store.size).toBe(size);
      if (changed) expect(!result.ok && result.error.kind).toBe('IdempotencyConflict');
      else expect(result.ok && result.value.duplicate).toBe(true);
    }
  },
);
