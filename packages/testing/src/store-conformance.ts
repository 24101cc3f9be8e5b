/**
 * The EventStore contract as a vitest suite. Every adapter runs it, yours included:
 *
 * ```ts
 * import { eventStoreConformance } from '@redress/testing/store-conformance';
 * eventStoreConformance('my store', () => createMyStore());
 * ```
 *
 * The factory must return an empty store each time it is called.
 */
import { isRedressError, type EventLike, type EventStore, type NewEvent, type RecordedEvent } from '@redress/core';
import { describe, expect, it } from 'vitest';

/**
 * A conflict is recognised by its kind, not its class: the store under test may be built
 * against another copy of @redress/core (its CommonJS build, say) than this suite.
 */
const conflict = expect.toSatisfy((e: unknown) => isRedressError(e, 'ConcurrencyConflict'), 'a ConcurrencyConflictError');

/** The events the suite writes. */
export type ConformanceEvent = { type: 'Happened'; data: { n: number; text?: string } };
type TestEvent = ConformanceEvent;

let counter = 0;
function newEvents(n: number, text?: string): NewEvent<TestEvent>[] {
  return Array.from({ length: n }, (_, i) => ({
    type: 'Happened',
    data: text === undefined ? { n: i } : { n: i, text },
    eventId: `ev-${++counter}`,
    occurredAt: '2026-11-23T09:00:00.000Z',
    actor: { id: 'tester', role: 'system' },
    causationId: 'cmd',
    correlationId: 'cmd',
    schemaVersion: 1,
  }));
}

async function collect<E extends EventLike>(iterable: AsyncIterable<RecordedEvent<E>>, count: number): Promise<RecordedEvent<E>[]> {
  const out: RecordedEvent<E>[] = [];
  if (count === 0) return out;
  for await (const e of iterable) {
    out.push(e);
    if (out.length === count) break;
  }
  return out;
}

export function eventStoreConformance(name: string, create: () => EventStore<TestEvent> | Promise<EventStore<TestEvent>>): void {
  describe(`${name} satisfies the EventStore contract`, () => {
    describe('append and read', () => {
      it('numbers a new stream from version 1 and the log from position 1', async () => {
        const store = await create();
        const result = await store.append('s-1', 'noStream', newEvents(3));
        expect(result.streamVersion).toBe(3);
        expect(result.duplicate).toBe(false);
        expect(result.events.map((e) => [e.streamId, e.streamVersion, e.globalPosition])).toEqual([
          ['s-1', 1, 1],
          ['s-1', 2, 2],
          ['s-1', 3, 3],
        ]);
        expect(await store.readStream('s-1')).toEqual(result.events);
      });

      it('reads a stream from a version on', async () => {
        const store = await create();
        await store.append('s-1', 'noStream', newEvents(5));
        expect((await store.readStream('s-1', 4)).map((e) => e.streamVersion)).toEqual([4, 5]);
        expect(await store.readStream('s-1', 6)).toEqual([]);
      });

      it('reads a stream that does not exist as empty', async () => {
        const store = await create();
        expect(await store.readStream('nope')).toEqual([]);
      });

      it('keeps what was appended, unicode and all', async () => {
        const store = await create();
        const text = '客户投诉处理流程 🚗 — «naïve» \u0000 end';
        await store.append('s-1', 'noStream', newEvents(1, text));
        const [event] = await store.readStream('s-1');
        expect(event?.data).toEqual({ n: 0, text });
      });

      it('holds large streams', async () => {
        const store = await create();
        for (let i = 0; i < 20; i++) await store.append('big', i === 0 ? 'noStream' : i * 100, newEvents(100));
        const events = await store.readStream('big');
        expect(events).toHaveLength(2000);
        expect(events.every((e, i) => e.streamVersion === i + 1)).toBe(true);
      });

      it('treats an empty append as a no-op', async () => {
        const store = await create();
        expect(await store.append('s-1', 'noStream', [])).toEqual({ events: [], streamVersion: 0, duplicate: false });
        expect(await store.readAll()).toEqual([]);
      });
    });

    describe('expected versions', () => {
      const setup = async () => {
        const store = await create();
        await store.append('s-1', 'noStream', newEvents(2));
        return store;
      };

      it.each([
        ['a stale version', 1],
        ['a future version', 3],
        ['"must not exist" on an existing stream', 'noStream'],
      ] as const)('refuses %s, writing nothing', async (_, expected) => {
        const store = await setup();
        const error = await store.append('s-1', expected, newEvents(1)).catch((e: unknown) => e);
        expect(error).toEqual(conflict);
        expect(error).toMatchObject({ streamId: 's-1', expected, actual: 2 });
        expect(await store.readAll()).toHaveLength(2);
      });

      it('refuses "must exist" on a new stream', async () => {
        const store = await setup();
        await expect(store.append('s-2', 'streamExists', newEvents(1))).rejects.toMatchObject({ kind: 'ConcurrencyConflict', actual: 0 });
        expect(await store.readStream('s-2')).toEqual([]);
      });

      it.each([
        ['the current version', 2],
        ['"must exist"', 'streamExists'],
        ['"any"', 'any'],
      ] as const)('accepts %s', async (_, expected) => {
        const store = await setup();
        expect((await store.append('s-1', expected, newEvents(1))).streamVersion).toBe(3);
      });

      it('accepts version 0 and "any" for a new stream', async () => {
        const store = await create();
        await store.append('s-1', 0, newEvents(1));
        await store.append('s-2', 'any', newEvents(1));
        expect((await store.readAll()).map((e) => e.streamId)).toEqual(['s-1', 's-2']);
      });
    });

    describe('idempotent append by event id', () => {
      it('writes nothing when the same events are appended again', async () => {
        const store = await create();
        const events = newEvents(2);
        const first = await store.append('s-1', 'noStream', events);
        const again = await store.append('s-1', 'noStream', events);
        expect(again).toEqual({ events: first.events, streamVersion: 2, duplicate: true });
        expect(await store.readAll()).toHaveLength(2);
      });

      it('refuses an append that repeats only some stored event ids', async () => {
        const store = await create();
        const events = newEvents(2);
        await store.append('s-1', 'noStream', events);
        await expect(store.append('s-1', 2, [...events.slice(1), ...newEvents(1)])).rejects.toEqual(conflict);
        expect(await store.readAll()).toHaveLength(2);
      });

      it('refuses the same event id twice in one append', async () => {
        const store = await create();
        const once = newEvents(1);
        await expect(store.append('s-1', 'noStream', [...once, ...once])).rejects.toEqual(conflict);
        expect(await store.readAll()).toEqual([]);
      });
    });

    describe('the global order', () => {
      it('reads the whole log in one total order across streams', async () => {
        const store = await create();
        await store.append('a', 'noStream', newEvents(2));
        await store.append('b', 'noStream', newEvents(1));
        await store.append('a', 2, newEvents(1));
        const all = await store.readAll();
        expect(all.map((e) => `${e.streamId}${e.streamVersion}`)).toEqual(['a1', 'a2', 'b1', 'a3']);
        expect(all.map((e) => e.globalPosition)).toEqual([1, 2, 3, 4]);
      });

      it('pages with a start position and a limit', async () => {
        const store = await create();
        await store.append('a', 'noStream', newEvents(10));
        expect((await store.readAll(4, 3)).map((e) => e.globalPosition)).toEqual([4, 5, 6]);
        expect((await store.readAll(9, 100)).map((e) => e.globalPosition)).toEqual([9, 10]);
        expect(await store.readAll(11, 100)).toEqual([]);
        expect(await store.readAll(1, 0)).toEqual([]);
      });
    });

    describe('concurrent appenders', () => {
      it('lets exactly one of several writers at the same version win', async () => {
        const store = await create();
        await store.append('s-1', 'noStream', newEvents(1));
        const results = await Promise.allSettled(Array.from({ length: 10 }, () => store.append('s-1', 1, newEvents(2))));
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of results) if (r.status === 'rejected') expect(r.reason).toEqual(conflict);
        expect((await store.readStream('s-1')).map((e) => e.streamVersion)).toEqual([1, 2, 3]);
      });

      it('keeps every writer of different streams', async () => {
        const store = await create();
        await Promise.all(Array.from({ length: 20 }, (_, i) => store.append(`s-${i}`, 'noStream', newEvents(3))));
        const all = await store.readAll(1, 1000);
        expect(all).toHaveLength(60);
        expect(all.map((e) => e.globalPosition)).toEqual(all.map((_, i) => i + 1));
      });
    });

    describe('subscriptions', () => {
      it('catches up, then follows live appends', async () => {
        const store = await create();
        await store.append('a', 'noStream', newEvents(3));
        const subscription = store.subscribe({ batchSize: 2 });
        const received = collect(subscription, 5);
        await subscription.caughtUp;
        await store.append('b', 'noStream', newEvents(2));
        expect((await received).map((e) => e.globalPosition)).toEqual([1, 2, 3, 4, 5]);
        subscription.close();
      });

      it('delivers events appended while the subscriber was busy', async () => {
        const store = await create();
        await store.append('a', 'noStream', newEvents(1));
        const subscription = store.subscribe();
        const seen: number[] = [];
        for await (const e of subscription) {
          seen.push(e.globalPosition);
          // Appends made while this event is being handled must not wait for a later append.
          if (e.globalPosition === 1) await store.append('a', 1, newEvents(2));
          if (seen.length === 3) break;
        }
        expect(seen).toEqual([1, 2, 3]);
      });

      it('resolves caughtUp when closed before it was iterated', async () => {
        const store = await create();
        await store.append('a', 'noStream', newEvents(1));
        const subscription = store.subscribe();
        subscription.close();
        await subscription.caughtUp;
      });

      it('resolves caughtUp on an empty log and starts from a position', async () => {
        const store = await create();
        const empty = store.subscribe();
        const iterator = empty[Symbol.asyncIterator]();
        const pending = iterator.next();
        await empty.caughtUp;
        empty.close();
        expect(await pending).toEqual({ done: true, value: undefined });

        await store.append('a', 'noStream', newEvents(4));
        const later = store.subscribe({ fromPosition: 3 });
        expect((await collect(later, 2)).map((e) => e.globalPosition)).toEqual([3, 4]);
        later.close();
      });

      it('stops when its signal aborts', async () => {
        const store = await create();
        const controller = new AbortController();
        const subscription = store.subscribe({ signal: controller.signal });
        const seen: number[] = [];
        const consumer = (async () => {
          for await (const e of subscription) {
            seen.push(e.globalPosition);
            controller.abort();
          }
        })();
        await subscription.caughtUp;
        await store.append('a', 'noStream', newEvents(1));
        await consumer;
        await store.append('a', 1, newEvents(1));
        expect(seen).toEqual([1]);
      });
    });
  });
}
