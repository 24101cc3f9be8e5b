/**
 * defineProjection and defineKeyedProjection against a hand-written reducer on logs of
 * interleaved complaints: same state; every state deeply frozen (whatever the host set
 * immer to); untouched parts shared by reference; the host's initial value left alone.
 */
import { fc, test } from '@fast-check/vitest';
import { setAutoFreeze } from 'immer';
import { describe, expect, it } from 'vitest';
import type { EventLike, RecordedEvent } from '../events/envelope.js';
import type { ComplaintEvent } from '../events/schema.js';
import { testEngine } from '../test-support/engine.js';
import { happyPath } from '../test-support/fixtures.js';
import { NOW } from '../test-support/given.js';
import { defineKeyedProjection } from './define-keyed-projection.js';
import { defineProjection } from './define-projection.js';
import { rebuildProjection, runProjection } from './projection.js';

interface Desk {
  received: number;
  archived: number;
  byCause: Record<string, number>;
  lastArchived: string | null;
}
const emptyDesk = (): Desk => ({ received: 0, archived: 0, byCause: {}, lastArchived: null });

const desk = () =>
  defineProjection<Desk>({
    name: 'desk',
    initial: emptyDesk(),
    on: {
      ComplaintReceived(draft) {
        draft.received++;
      },
      CauseIdentified(draft, event) {
        draft.byCause[event.data.cause] = (draft.byCause[event.data.cause] ?? 0) + 1;
      },
      ComplaintArchived(draft, event) {
        draft.archived++;
        draft.lastArchived = event.streamId;
      },
    },
  });

/** The oracle: the same read model by hand, with no immer and no sharing. */
function deskByHand(log: readonly RecordedEvent<ComplaintEvent>[]): Desk {
  const state = emptyDesk();
  for (const e of log) {
    if (e.type === 'ComplaintReceived') state.received++;
    if (e.type === 'CauseIdentified') state.byCause[e.data.cause] = (state.byCause[e.data.cause] ?? 0) + 1;
    if (e.type === 'ComplaintArchived') [state.archived, state.lastArchived] = [state.archived + 1, e.streamId];
  }
  return state;
}

const deepFrozen = (value: unknown): boolean =>
  typeof value !== 'object' || value === null || (Object.isFrozen(value) && Object.values(value).every(deepFrozen));

/** A log of `count` complaints run to the archive, their commands interleaved in `order`. */
async function logOf(count: number, order: readonly number[]): Promise<RecordedEvent<ComplaintEvent>[]> {
  const { engine, store } = testEngine();
  const queues = Array.from({ length: count }, (_, i) => happyPath(`c-${i}`, NOW, i % 3 === 0 ? 'major' : 'general'));
  for (const pick of [...order, ...queues.keys()]) {
    const queue = queues[pick % count]!;
    const next = queue.shift();
    if (next) await engine.executeOrThrow(next);
  }
  for (const queue of queues) for (const command of queue.splice(0)) await engine.executeOrThrow(command);
  return [...(await store.readAll())];
}

const logs = fc.record({ count: fc.integer({ min: 1, max: 5 }), order: fc.array(fc.nat(), { maxLength: 40 }) });

describe('defineProjection', () => {
  test.prop([logs], { numRuns: 25 })('folds to the hand-written reducer\'s state, frozen at every step', async ({ count, order }) => {
    const log = await logOf(count, order);
    const runner = runProjection(desk());
    for (const event of log) {
      const before = runner.state;
      runner.apply(event);
      expect(deepFrozen(runner.state)).toBe(true);
      // Structural sharing: an event the projection ignores, or one that leaves byCause alone, keeps it.
      if (event.type !== 'CauseIdentified') expect(runner.state.byCause).toBe(before.byCause);
    }
    expect(runner.state).toEqual(deskByHand(log));
    expect((await rebuildProjection({ readAll: async (from = 1) => log.filter((e) => e.globalPosition >= from) }, desk())).state).toEqual(runner.state);
  });

  it('reacts to the types it has handlers for, and to nothing inherited', () => {
    const projection = defineProjection<{ n: number }, EventLike>({ name: 'n', initial: { n: 0 }, on: { Counted: (d) => void d.n++ } });
    expect(projection.handles).toEqual(['Counted']);
    const event = (type: string, position: number) => ({ type, data: {}, globalPosition: position }) as unknown as RecordedEvent;
    const runner = runProjection(projection);
    for (const [i, type] of ['Counted', 'toString', 'constructor', 'Counted'].entries()) runner.apply(event(type, i + 1));
    expect(runner.state).toEqual({ n: 2 });
    expect(runner.checkpoint).toBe(4);
    // Called directly (a runner of the host's own), an inherited name is still no handler.
    for (const type of ['toString', 'constructor', 'hasOwnProperty']) expect(projection.evolve({ n: 5 }, event(type, 9))).toEqual({ n: 5 });
  });

  it('throws on a mutation from outside, even with immer\'s auto-freeze turned off by the host', () => {
    setAutoFreeze(false);
    try {
      const runner = runProjection(desk());
      runner.apply({ type: 'ComplaintReceived', data: {}, globalPosition: 1, streamId: 'c-1' } as unknown as RecordedEvent<ComplaintEvent>);
      expect(runner.state.received).toBe(1);
      expect(() => {
        (runner.state as Desk).received = 99;
      }).toThrow(TypeError);
    } finally {
      setAutoFreeze(true);
    }
  });

  it('leaves the host\'s initial value as it was, and takes a replacement state from a handler', () => {
    const initial = { items: [] as string[] };
    const projection = defineProjection<{ items: string[] }, EventLike>({
      name: 'items',
      initial,
      on: { Added: (d, e) => void d.items.push(String((e.data as { id: string }).id)), Cleared: () => ({ items: [] }) },
    });
    const runner = runProjection(projection);
    for (const [i, [type, id]] of [['Added', 'a'], ['Added', 'b'], ['Cleared', ''], ['Added', 'c']].entries()) {
      runner.apply({ type, data: { id }, globalPosition: i + 1 } as unknown as RecordedEvent);
    }
    expect(runner.state).toEqual({ items: ['c'] });
    expect(Object.isFrozen(initial)).toBe(false);
    expect(projection.initialState()).toEqual({ items: [] });
    expect(Object.isFrozen(projection.initialState().items)).toBe(true);
  });
});

interface Handling {
  readonly complaintId: string;
  steps: number;
  causes: string[];
}

describe('defineKeyedProjection', () => {
  const handling = () =>
    defineKeyedProjection<Handling>({
      name: 'handling',
      initial: (complaintId) => ({ complaintId, steps: 0, causes: [] }),
      on: {
        ComplaintReceived: (d) => void d.steps++,
        ComplaintConfirmed: (d) => void d.steps++,
        CauseIdentified(d, e) {
          d.causes.push(e.data.cause);
        },
      },
    });

  test.prop([logs], { numRuns: 20 })('keeps one frozen entry per complaint; an event touches its own entry only', async ({ count, order }) => {
    const log = await logOf(count, order);
    const runner = runProjection(handling());
    for (const event of log) {
      const before = new Map(runner.state);
      runner.apply(event);
      for (const [key, entry] of runner.state) {
        expect(deepFrozen(entry)).toBe(true);
        if (key !== event.streamId) expect(entry).toBe(before.get(key));
      }
    }
    const byHand = new Map<string, Handling>();
    for (const e of log) {
      const entry = byHand.get(e.streamId) ?? { complaintId: e.streamId, steps: 0, causes: [] };
      if (e.type === 'ComplaintReceived' || e.type === 'ComplaintConfirmed') entry.steps++;
      if (e.type === 'CauseIdentified') entry.causes.push(e.data.cause);
      if (['ComplaintReceived', 'ComplaintConfirmed', 'CauseIdentified'].includes(e.type)) byHand.set(e.streamId, entry);
    }
    expect(runner.state).toEqual(byHand);
  });
});
