/**
 * The global order: one total order of every event, positions that increase (gaps
 * allowed), each append's events side by side and in stream order, and every writer
 * kept when many race.
 */
import type { RecordedEvent } from '@redress/core';
import { describe, expect, it } from 'vitest';
import { increasing, label, newEvents, type ConformanceEvent, type CreateStore } from './events.js';
import { errorOfKind } from './kinds.js';

export function globalOrder(create: CreateStore): void {
  describe('the global order', () => {
    it('reads the whole log in one total order across streams', async () => {
      const store = await create();
      await store.append('a', 'noStream', newEvents(2));
      await store.append('b', 'noStream', newEvents(1));
      await store.append('a', 2, newEvents(1));
      const all = await store.readAll();
      expect(all.map(label)).toEqual(['a1', 'a2', 'b1', 'a3']);
      expect(increasing(all)).toBe(true);
    });

    it('pages from a position on, with a limit', async () => {
      const store = await create();
      await store.append('a', 'noStream', newEvents(10));
      const all = await store.readAll();
      const at = (i: number) => all[i]?.globalPosition ?? Number.NaN;
      expect(await store.readAll(at(3), 3)).toEqual(all.slice(3, 6));
      expect(await store.readAll(at(8), 100)).toEqual(all.slice(8));
      // From just after an event: the next one on, whatever the gap between them.
      expect(await store.readAll(at(4) + 1, 2)).toEqual(all.slice(5, 7));
      expect(await store.readAll(at(9) + 1, 100)).toEqual([]);
      expect(await store.readAll(1, 0)).toEqual([]);
    });

    it("places each append's events side by side, in stream order, whatever races with it", async () => {
      const store = await create();
      // Many multi-event appends at once, to new and to shared streams.
      const results = await Promise.allSettled(
        Array.from({ length: 24 }, (_, i) => store.append(i % 3 === 0 ? 'shared' : `own-${i}`, i % 3 === 0 ? 'any' : 'noStream', newEvents(1 + (i % 4)))),
      );
      const appended = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.events] : []));
      expect(appended).toHaveLength(24);
      const all = await store.readAll(1, 1000);
      expect(all).toHaveLength(appended.reduce((n, events) => n + events.length, 0));
      expect(increasing(all)).toBe(true);
      for (const events of appended) {
        const at = all.findIndex((e) => e.eventId === events[0]?.eventId);
        expect(all.slice(at, at + events.length)).toEqual(events);
      }
      const shared = all.filter((e) => e.streamId === 'shared');
      expect(shared.map((e) => e.streamVersion)).toEqual(shared.map((_, i) => i + 1));
    });
  });

  describe('concurrent appenders', () => {
    it('lets exactly one of several writers at the same version win', async () => {
      const store = await create();
      await store.append('s-1', 'noStream', newEvents(1));
      const results = await Promise.allSettled(Array.from({ length: 10 }, () => store.append('s-1', 1, newEvents(2))));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toEqual(errorOfKind('ConcurrencyConflict'));
      expect((await store.readStream('s-1')).map((e) => e.streamVersion)).toEqual([1, 2, 3]);
    });

    it('keeps every writer of different streams, each event once', async () => {
      const store = await create();
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.append(`s-${i}`, 'noStream', newEvents(3))));
      const all = await store.readAll(1, 1000);
      expect(all).toHaveLength(60);
      expect(increasing(all)).toBe(true);
      const byId = (events: readonly RecordedEvent<ConformanceEvent>[]) => [...events].sort((a, b) => a.eventId.localeCompare(b.eventId));
      expect(byId(all)).toEqual(byId(results.flatMap((r) => r.events)));
    });
  });
}
