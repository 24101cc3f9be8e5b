/** Subscriptions: catch up, then follow live appends, in the global order, each event once. */
import { describe, expect, it } from 'vitest';
import { collect, newEvents, type CreateStore } from './events.js';

export function subscriptions(create: CreateStore): void {
  describe('subscriptions', () => {
    it('catches up, then follows live appends', async () => {
      const store = await create();
      await store.append('a', 'noStream', newEvents(3));
      const subscription = store.subscribe({ batchSize: 2 });
      const received = collect(subscription, 5);
      await subscription.caughtUp;
      await store.append('b', 'noStream', newEvents(2));
      expect(await received).toEqual(await store.readAll());
      subscription.close();
    });

    it('delivers events appended while the subscriber was busy', async () => {
      const store = await create();
      await store.append('a', 'noStream', newEvents(1));
      const subscription = store.subscribe();
      const seen: string[] = [];
      for await (const e of subscription) {
        seen.push(e.eventId);
        // Appends made while this event is being handled must not wait for a later append.
        if (seen.length === 1) await store.append('a', 1, newEvents(2));
        if (seen.length === 3) break;
      }
      expect(seen).toEqual((await store.readAll()).map((e) => e.eventId));
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
      const all = await store.readAll();
      const later = store.subscribe({ fromPosition: all[2]?.globalPosition ?? 0 });
      expect(await collect(later, 2)).toEqual(all.slice(2));
      later.close();
    });

    it('stops when its signal aborts', async () => {
      const store = await create();
      const controller = new AbortController();
      const subscription = store.subscribe({ signal: controller.signal });
      const seen: string[] = [];
      const consumer = (async () => {
        for await (const e of subscription) {
          seen.push(e.eventId);
          controller.abort();
        }
      })();
      await subscription.caughtUp;
      await store.append('a', 'noStream', newEvents(1));
      await consumer;
      await store.append('a', 1, newEvents(1));
      expect(seen).toHaveLength(1);
    });
  });
}
