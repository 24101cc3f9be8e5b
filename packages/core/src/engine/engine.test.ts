import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Command, CommandInput, CommandOf } from '../commands/schema.js';
import { ConcurrencyConflictError, ForbiddenError, IllegalCommandError, NotFoundError, ValidationError } from '../errors/errors.js';
import type { ComplaintEvent } from '../events/schema.js';
import { rebuildProjection } from '../projections/projection.js';
import { queuesProjection } from '../projections/queues.js';
import { ticketViewProjection } from '../projections/ticket-view.js';
import type { EventStore } from '../store/event-store.js';
import { createInMemoryEventStore } from '../store/in-memory.js';
import { actors, commandOf, happyPath } from '../test-support/fixtures.js';
import { testEngine } from '../test-support/engine.js';
import { NOW } from '../test-support/given.js';
import { chooseCommand, walkStep } from '../test-support/walk.js';
import { initialComplaintState } from '../decider/state.js';
import { createManualClock } from './clock.js';
import { createEngine } from './engine.js';
import { sequentialIds } from './ids.js';

const receive = (complaintId?: string): CommandInput => {
  const { complaintId: _, ...rest } = commandOf('ReceiveComplaint', 'x', NOW) as CommandOf<'ReceiveComplaint'>;
  return complaintId ? { ...rest, complaintId } : rest;
};

describe('execute', () => {
  it('appends the decided events with their full envelope', async () => {
    const { engine, clock } = testEngine();
    clock.set('2026-11-23T19:30:00+08:00');
    const result = await engine.executeOrThrow({ ...receive('c-1'), commandId: 'cmd-1', correlationId: 'call-77' });
    expect(result).toMatchObject({ complaintId: 'c-1', commandId: 'cmd-1', version: 2, duplicate: false, state: { step: 'received' } });
    expect(result.events.map((e) => ({ ...e, data: undefined }))).toEqual([
      {
        type: 'ComplaintReceived',
        data: undefined,
        eventId: 'id-1',
        streamId: 'c-1',
        streamVersion: 1,
        globalPosition: 1,
        occurredAt: '2026-11-23T11:30:00.000Z',
        actor: { id: 'frontDesk-1', role: 'frontDesk' },
        causationId: 'cmd-1',
        correlationId: 'call-77',
        schemaVersion: 1,
      },
      expect.objectContaining({ type: 'AcknowledgementRecorded', eventId: 'id-2', streamVersion: 2, globalPosition: 2, correlationId: 'call-77' }),
    ]);
  });

  it('assigns ids to a complaint and a command that come without', async () => {
    const { engine } = testEngine();
    const result = await engine.executeOrThrow(receive());
    expect(result).toMatchObject({ commandId: 'id-1', complaintId: 'id-2' });
    expect(result.events[0]).toMatchObject({ streamId: 'id-2', causationId: 'id-1', correlationId: 'id-1', data: { complaintId: 'id-2' } });
  });

  it('runs a complaint to the archive and keeps versions contiguous', async () => {
    const { engine, store } = testEngine();
    for (const command of happyPath('c-1', NOW, 'major')) await engine.executeOrThrow(command);
    const events = await store.readStream('c-1');
    expect(events.map((e) => e.streamVersion)).toEqual(events.map((_, i) => i + 1));
    expect((await engine.load('c-1')).state.step).toBe('archived');
  });

  it('loads an unknown complaint as not received', async () => {
    const { engine } = testEngine();
    expect(await engine.load('nope')).toEqual({ state: initialComplaintState, version: 0 });
  });
});

describe('refusals write nothing', () => {
  const refusals: [string, Command, new (...args: never[]) => Error][] = [
    ['illegal', commandOf('StartExecution', 'c-1', NOW), IllegalCommandError],
    ['guard', commandOf('ProposeResolution', 'c-1', NOW), IllegalCommandError],
    ['forbidden', commandOf('ConfirmComplaint', 'c-1', NOW, 0, actors.customer), ForbiddenError],
    ['not found', commandOf('ConfirmComplaint', 'c-2', NOW), NotFoundError],
    ['duplicate receipt', commandOf('ReceiveComplaint', 'c-1', NOW), IllegalCommandError],
  ];

  it.each(refusals)('%s', async (_, command, type) => {
    const { engine, store, tickets } = testEngine();
    await engine.executeOrThrow(commandOf('ReceiveComplaint', 'c-1', NOW));
    const before = store.size;
    const result = await engine.execute(command);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toBeInstanceOf(type);
    expect(store.size).toBe(before);
    expect(engine.view(tickets).get('c-1')?.version).toBe(2);
    await expect(engine.executeOrThrow(command)).rejects.toBeInstanceOf(type);
  });
});

describe('malformed input is refused cleanly', () => {
  const base = commandOf('ProposeResolution', 'c-1', NOW) as unknown as Record<string, unknown>;
  const data = base.data as Record<string, unknown>;
  const cases: [string, unknown, string][] = [
    ['null', null, ''],
    ['a number', 42, ''],
    ['a string', 'ProposeResolution', ''],
    ['an array', [base], ''],
    ['no type', { ...base, type: undefined }, 'type'],
    ['an unknown command type', { ...base, type: 'DeleteEverything' }, 'type'],
    ['a missing actor', { ...base, actor: undefined }, 'actor'],
    ['an unknown role', { ...base, actor: { id: 'x', role: 'ceo' } }, 'actor.role'],
    ['a missing payload field', { ...base, data: { ...data, remedy: undefined } }, 'data.remedy'],
    ['a wrong type', { ...base, data: { ...data, agreedDeadline: 20261125 } }, 'data.agreedDeadline'],
    ['an invalid date', { ...base, data: { ...data, agreedDeadline: '25/11/2026' } }, 'data.agreedDeadline'],
    ['a date without offset', { ...base, data: { ...data, agreedDeadline: '2026-11-25T09:00:00' } }, 'data.agreedDeadline'],
    ['a huge string', { ...base, data: { ...data, remedy: { kind: 'other', description: '字'.repeat(1_000_000) } } }, 'data.remedy.description'],
    ['an empty string', { ...base, data: { ...data, remedy: { kind: 'other', description: '   ' } } }, 'data.remedy.description'],
    ['an unknown field', { ...base, data: { ...data, discount: 100 } }, 'data'],
    ['an unknown top-level field', { ...base, priority: 'high' }, ''],
    ['a bad currency', { ...base, data: { ...data, remedy: { kind: 'discount', description: 'x', amount: { value: 10, currency: 'yuan' } } } }, 'data.remedy.amount.currency'],
    ['a negative amount', { ...base, data: { ...data, remedy: { kind: 'discount', description: 'x', amount: { value: -1, currency: 'CNY' } } } }, 'data.remedy.amount.value'],
    ['an id with spaces', { ...base, complaintId: 'c 1' }, 'complaintId'],
    ['a huge id', { ...base, complaintId: 'c'.repeat(129) }, 'complaintId'],
    ['a negative expected version', { ...base, expectedVersion: -1 }, 'expectedVersion'],
    ['a fractional expected version', { ...base, expectedVersion: 1.5 }, 'expectedVersion'],
    ['a prototype key', JSON.parse(`{"type":"AddNote","complaintId":"c-1","actor":{"id":"a","role":"handler"},"data":{"text":"x","__proto__":{"admin":true}}}`), 'data'],
  ];

  it.each(cases)('%s', async (_, input, path) => {
    const { engine, store } = testEngine();
    await engine.executeOrThrow(commandOf('ReceiveComplaint', 'c-1', NOW));
    const before = store.size;
    const result = await engine.execute(input as CommandInput);
    expect(result.ok).toBe(false);
    const error = !result.ok ? result.error : undefined;
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues;
    expect(issues.map((i) => i.path)).toContain(path);
    expect(issues.every((i) => i.message.length > 0)).toBe(true);
    expect(store.size).toBe(before);
  });

  it('explains each issue on its own line, with its path', async () => {
    const { engine } = testEngine();
    const result = await engine.execute({ ...base, data: { ...data, agreedDeadline: 'soon', remedy: { kind: 'gift', description: 'x' } } } as unknown as CommandInput);
    expect(!result.ok && result.error.message).toBe(
      [
        'invalid command:',
        '  ✖ data.remedy.kind: Invalid option: expected one of "freeRepair"|"discount"|"compensation"|"replacement"|"refund"|"apology"|"other"',
        '  ✖ data.agreedDeadline: must be an ISO-8601 date-time with an offset, e.g. 2026-11-23T09:30:00Z',
      ].join('\n'),
    );
  });

  test.prop([fc.anything()], { numRuns: 300 })('never throws and never writes on arbitrary input', async (input) => {
    const { engine, store } = testEngine();
    const result = await engine.execute(input as CommandInput);
    expect(result.ok).toBe(false);
    expect(store.size).toBe(0);
  });

  test.prop([fc.record({ type: fc.constantFrom('AddNote', 'ReceiveComplaint', 'ClassifyComplaint'), complaintId: fc.string(), actor: fc.record({ id: fc.string(), role: fc.string() }), data: fc.object() })], { numRuns: 200 })(
    'never writes on near-miss commands with the wrong shapes',
    async (input) => {
      const { engine, store } = testEngine();
      const result = await engine.execute(input as CommandInput);
      if (result.ok) expect(store.size).toBeGreaterThan(0);
      else expect(store.size).toBe(0);
    },
  );
});

describe('idempotency', () => {
  it('returns the first result for a repeated command id and writes nothing', async () => {
    const { engine, store, clock } = testEngine();
    const first = await engine.executeOrThrow({ ...receive('c-1'), commandId: 'cmd-1' });
    clock.advance(60_000);
    const again = await engine.executeOrThrow({ ...receive('c-1'), commandId: 'cmd-1' });
    expect(again).toEqual({ ...first, duplicate: true });
    expect(store.size).toBe(2);
  });

  it('returns the first result even after later commands', async () => {
    const { engine, store } = testEngine();
    const [receiveCmd, confirm, classify] = happyPath('c-1', NOW);
    await engine.executeOrThrow(receiveCmd!);
    const first = await engine.executeOrThrow({ ...confirm!, commandId: 'confirm-1' });
    await engine.executeOrThrow(classify!);
    const size = store.size;
    const again = await engine.executeOrThrow({ ...confirm!, commandId: 'confirm-1' });
    expect(again).toEqual({ ...first, duplicate: true });
    expect(again.state.step).toBe('confirmed');
    expect(store.size).toBe(size);
  });

  it('finds the first receipt when a receipt is retried with its command id but no complaint id', async () => {
    const { engine, store } = testEngine();
    const first = await engine.executeOrThrow({ ...receive(), commandId: 'receipt-1' });
    const again = await engine.executeOrThrow({ ...receive(), commandId: 'receipt-1' });
    expect(again).toEqual({ ...first, duplicate: true });
    expect(first.complaintId).toBe('receipt-1');
    expect(store.size).toBe(2);
  });

  it('recognises a repeat from the log alone, across engine instances', async () => {
    const store = createInMemoryEventStore<ComplaintEvent>();
    const one = testEngine({ store }).engine;
    const two = testEngine({ store, ids: sequentialIds('other') }).engine;
    const first = await one.executeOrThrow({ ...receive('c-1'), commandId: 'cmd-1' });
    const again = await two.executeOrThrow({ ...receive('c-1'), commandId: 'cmd-1' });
    expect(again.events).toEqual(first.events);
    expect(again.duplicate).toBe(true);
    expect(store.size).toBe(2);
  });
});

describe('optimistic concurrency', () => {
  it('refuses a command whose expected version is stale, writing nothing', async () => {
    const { engine, store } = testEngine();
    const [r, confirm] = happyPath('c-1', NOW);
    await engine.executeOrThrow(r!);
    const result = await engine.execute({ ...confirm!, expectedVersion: 1 });
    expect(!result.ok && result.error).toBeInstanceOf(ConcurrencyConflictError);
    expect(!result.ok && result.error).toMatchObject({ kind: 'ConcurrencyConflict', streamId: 'c-1', expected: 1, actual: 2 });
    expect(store.size).toBe(2);
    expect((await engine.execute({ ...confirm!, expectedVersion: 2 })).ok).toBe(true);
  });

  /** A store that lets another writer slip in between the engine's read and its append. */
  function racingStore(inner: EventStore<ComplaintEvent>, intruder: () => Promise<unknown>): EventStore<ComplaintEvent> {
    let raced = false;
    return {
      ...inner,
      append: async (stream, expected, events) => {
        if (!raced) {
          raced = true;
          await intruder();
        }
        return inner.append(stream, expected, events);
      },
    };
  }

  async function race(retry?: { attempts: number }) {
    const shared = createInMemoryEventStore<ComplaintEvent>();
    const other = createEngine({ store: shared, clock: createManualClock(NOW), ids: sequentialIds('other') });
    await other.executeOrThrow(commandOf('ReceiveComplaint', 'c-1', NOW));
    const note = commandOf('AddNote', 'c-1', NOW);
    const store = racingStore(shared, () => other.executeOrThrow({ ...note, commandId: 'intruder' }));
    const engine = createEngine({ store, clock: createManualClock(NOW), ids: sequentialIds('me'), ...(retry ? { retry } : {}) });
    return { shared, result: await engine.execute({ ...note, commandId: 'mine' }) };
  }

  it('reports a lost race as a concurrency conflict by default', async () => {
    const { shared, result } = await race();
    expect(!result.ok && result.error).toMatchObject({ kind: 'ConcurrencyConflict', expected: 2, actual: 3 });
    expect(shared.size).toBe(3);
  });

  it('decides again on the fresh state when retry is on', async () => {
    const { shared, result } = await race({ attempts: 3 });
    expect(result.ok && result.value.version).toBe(4);
    expect((await shared.readStream('c-1')).map((e) => e.causationId)).toEqual(['other-1', 'other-1', 'intruder', 'mine']);
  });
});

describe('the stream cache', () => {
  it('decides a warm complaint without reading, and probing unknown complaints does not evict it', async () => {
    const inner = createInMemoryEventStore<ComplaintEvent>();
    const reads: [string, number | undefined][] = [];
    const store: EventStore<ComplaintEvent> = { ...inner, readStream: (id, from) => (reads.push([id, from]), inner.readStream(id, from)) };
    const engine = createEngine({ store, clock: createManualClock(NOW), ids: sequentialIds('id'), cacheSize: 1 });
    const [r, confirm] = happyPath('c-1', NOW);
    await engine.executeOrThrow(r!);
    for (const id of ['u-1', 'u-2', 'u-3']) expect((await engine.execute(commandOf('AddNote', id, NOW))).ok).toBe(false);
    reads.length = 0;
    await engine.executeOrThrow(confirm!);
    expect(reads).toEqual([]);
  });

  /** Engine `a` has c-1 cached at `received`; engine `b` then moves it on behind a's back. */
  async function staleCache() {
    const store = createInMemoryEventStore();
    const a = createEngine({ store, clock: createManualClock(NOW), ids: sequentialIds('a') });
    const b = createEngine({ store, clock: createManualClock(NOW), ids: sequentialIds('b') });
    const [r, confirm] = happyPath('c-1', NOW);
    await a.executeOrThrow(r!);
    await b.executeOrThrow({ ...confirm!, commandId: 'confirm-by-b' });
    return { store, a, b };
  }

  it('never refuses on a stale cache: a refusal is checked against a fresh read', async () => {
    const { a } = await staleCache();
    // Classifying is illegal in the cached step (received) but legal in the real one (confirmed).
    const result = await a.executeOrThrow(commandOf('ClassifyComplaint', 'c-1', NOW, 0));
    expect(result.state.step).toBe('classified');
  });

  it('decides again after a conflict caused by its own stale cache, without counting it as a retry', async () => {
    const { a, store } = await staleCache();
    const result = await a.executeOrThrow(commandOf('AddNote', 'c-1', NOW));
    expect(result.version).toBe(5);
    expect((await store.readStream('c-1')).map((e) => e.type).at(-1)).toBe('NoteAdded');
  });

  it('finds a command another engine executed, even with a stale cache', async () => {
    const { a } = await staleCache();
    const [, confirm] = happyPath('c-1', NOW);
    expect(await a.executeOrThrow({ ...confirm!, commandId: 'confirm-by-b' })).toMatchObject({ duplicate: true, version: 4 });
  });

  /** Two engines on one store that counts its stream reads; `a` received c-1, `b` never saw it. */
  function twoEngines(idsOfB = sequentialIds('b')) {
    const inner = createInMemoryEventStore<ComplaintEvent>();
    const reads: string[] = [];
    const store: EventStore<ComplaintEvent> = { ...inner, readStream: (id, from) => (reads.push(id), inner.readStream(id, from)) };
    const a = createEngine({ store, clock: createManualClock(NOW), ids: sequentialIds('a') });
    const b = createEngine({ store, clock: createManualClock(NOW), ids: idsOfB });
    return { inner, reads, a, b };
  }

  it('decides a receipt of a new complaint without reading its stream', async () => {
    const { reads, a } = twoEngines();
    await a.executeOrThrow(happyPath('c-1', NOW)[0]!);
    await a.executeOrThrow({ ...happyPath('c-2', NOW)[0]!, complaintId: undefined } as CommandInput);
    expect(reads).toEqual([]);
  });

  it('refuses a receipt of a complaint another engine received, on a fresh read, writing nothing', async () => {
    const { inner, reads, a, b } = twoEngines();
    const [receive] = happyPath('c-1', NOW);
    await a.executeOrThrow(receive!);
    const size = inner.size;
    const result = await b.execute({ ...receive!, commandId: 'another-receipt' });
    expect(!result.ok && result.error).toBeInstanceOf(IllegalCommandError);
    expect(reads).toEqual(['c-1']);
    expect(inner.size).toBe(size);
  });

  it('answers a receipt resent through a cold engine with its first result, even when the ids it draws were taken', async () => {
    // b draws the very ids a drew (sequential ids, same prefix): its optimistic append repeats a's event ids.
    for (const idsOfB of [sequentialIds('b'), sequentialIds('a')]) {
      const { inner, a, b } = twoEngines(idsOfB);
      const [receive] = happyPath('c-1', NOW);
      const first = await a.executeOrThrow({ ...receive!, commandId: 'r-1' });
      const again = await b.executeOrThrow({ ...receive!, commandId: 'r-1' });
      expect(again).toEqual({ ...first, duplicate: true });
      expect(inner.size).toBe(first.events.length);
    }
  });

  it('checks a stale expected version against a fresh read', async () => {
    const { a } = await staleCache();
    expect((await a.execute({ ...commandOf('AddNote', 'c-1', NOW), expectedVersion: 4 })).ok).toBe(true);
  });
});

describe('projections', () => {
  it('rebuilding from the log gives exactly the live result', async () => {
    const { engine, store, tickets, queues } = testEngine();
    for (const [i, severity] of (['general', 'major', 'general'] as const).entries()) {
      for (const command of happyPath(`c-${i}`, NOW, severity).slice(0, 4 + i * 3)) await engine.executeOrThrow(command);
    }
    expect((await rebuildProjection(store, ticketViewProjection())).state).toEqual(engine.view(tickets));
    expect((await rebuildProjection(store, queuesProjection())).state).toEqual(engine.view(queues));
  });

  it('catches up with what other writers appended', async () => {
    const store = createInMemoryEventStore<ComplaintEvent>();
    const a = testEngine({ store });
    const b = testEngine({ store, ids: sequentialIds('b') });
    await b.engine.executeOrThrow(commandOf('ReceiveComplaint', 'c-b', NOW));
    await a.engine.executeOrThrow(commandOf('ReceiveComplaint', 'c-a', NOW));
    expect([...a.engine.view(a.tickets).keys()].sort()).toEqual(['c-a', 'c-b']);
  });

  it('catches up at start-up over an existing log', async () => {
    const first = testEngine();
    for (const command of happyPath('c-1', NOW).slice(0, 5)) await first.engine.executeOrThrow(command);
    const restarted = testEngine({ store: first.store });
    await restarted.engine.catchUp();
    expect(restarted.engine.view(restarted.tickets)).toEqual(first.engine.view(first.tickets));
  });

  it('never skips an event another writer has not committed yet (a store with gap-safe reads)', async () => {
    const inner = createInMemoryEventStore();
    let hidden: number | undefined;
    // Like PostgreSQL's gap-safe readAll: an event whose transaction is still open is not
    // visible, and neither is anything after it.
    const store: EventStore<ComplaintEvent> = {
      ...inner,
      readAll: async (from, limit) => (await inner.readAll(from, limit)).filter((e) => hidden === undefined || e.globalPosition < hidden),
    };
    const other = createEngine({ store: inner, clock: createManualClock(NOW), ids: sequentialIds('o') });
    const tickets = ticketViewProjection();
    const engine = createEngine({ store, clock: createManualClock(NOW), ids: sequentialIds('e'), projections: [tickets] });
    await engine.executeOrThrow(commandOf('ReceiveComplaint', 'c-1', NOW));
    await other.executeOrThrow(commandOf('ReceiveComplaint', 'c-2', NOW));
    hidden = 3; // c-2's events (positions 3 and 4) are "in flight"
    await engine.executeOrThrow(commandOf('AddNote', 'c-1', NOW));
    expect(engine.view(tickets).has('c-2')).toBe(false);
    hidden = undefined; // committed
    await engine.catchUp();
    expect(engine.view(tickets)).toEqual((await rebuildProjection(inner, ticketViewProjection())).state);
  });

  it('refuses to view a projection it does not run', () => {
    const { engine } = testEngine();
    expect(() => engine.view(ticketViewProjection())).toThrow(/was not passed to createEngine/);
  });
});

test.prop([fc.array(fc.tuple(fc.nat({ max: 4 }), walkStep), { maxLength: 150, size: 'max' }), fc.constantFrom(1, 2, 10_000)], { numRuns: 60 })(
  'replay equals live for random commands over several complaints, whatever the cache size',
  async (steps, cacheSize) => {
    const { engine, store, tickets, queues, clock } = testEngine({ cacheSize });
    for (const [which, step] of steps) {
      clock.advance(step.minutes * 60_000);
      const id = `c-${which}`;
      const { state } = await engine.load(id);
      const before = store.size;
      const result = await engine.execute(chooseCommand(state, step, id, clock.now().toISOString()));
      // Every accepted command appends at least one event; every refused one appends none.
      expect(store.size - before).toBe(result.ok ? result.value.events.length : 0);
      if (result.ok) expect(result.value.events.length).toBeGreaterThan(0);
    }
    const fresh = testEngine({ store });
    for (let which = 0; which <= 4; which++) expect(await fresh.engine.load(`c-${which}`)).toEqual(await engine.load(`c-${which}`));
    expect((await rebuildProjection(store, ticketViewProjection())).state).toEqual(engine.view(tickets));
    expect((await rebuildProjection(store, queuesProjection())).state).toEqual(engine.view(queues));
  },
);
