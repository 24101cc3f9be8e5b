/** Appending and reading streams: versions, expectations, and idempotency by event id. */
import { describe, expect, it } from 'vitest';
import { newEvents, type CreateStore } from './events.js';
import { errorOfKind } from './kinds.js';

export function appendAndRead(create: CreateStore): void {
  describe('append and read', () => {
    it('numbers a new stream from version 1, with positions from 1 on that increase', async () => {
      const store = await create();
      const result = await store.append('s-1', 'noStream', newEvents(3));
      expect(result.streamVersion).toBe(3);
      expect(result.duplicate).toBe(false);
      expect(result.events.map((e) => [e.streamId, e.streamVersion])).toEqual([
        ['s-1', 1],
        ['s-1', 2],
        ['s-1', 3],
      ]);
      const positions = result.events.map((e) => e.globalPosition);
      expect(positions.every((p, i) => Number.isSafeInteger(p) && p >= 1 && (i === 0 || p > (positions[i - 1] ?? 0)))).toBe(true);
      expect(await store.readStream('s-1')).toEqual(result.events);
      expect(await store.readAll()).toEqual(result.events);
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
      expect(error).toEqual(errorOfKind('ConcurrencyConflict'));
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

    // Stores that write first and look for a retry only when an id clashes must still find it.
    it('finds a retry as a duplicate when its expected version still holds', async () => {
      const store = await create();
      const events = newEvents(2);
      const first = await store.append('s-1', 'any', events);
      for (const expected of ['any', 'streamExists', 2] as const) {
        expect(await store.append('s-1', expected, events)).toEqual({ events: first.events, streamVersion: 2, duplicate: true });
      }
      expect(await store.readAll()).toHaveLength(2);
    });

    it('refuses an append that repeats only some stored event ids', async () => {
      const store = await create();
      const events = newEvents(2);
      await store.append('s-1', 'noStream', events);
      await expect(store.append('s-1', 2, [...events.slice(1), ...newEvents(1)])).rejects.toEqual(errorOfKind('ConcurrencyConflict'));
      expect(await store.readAll()).toHaveLength(2);
    });

    it('refuses the same event id twice in one append', async () => {
      const store = await create();
      const once = newEvents(1);
      await expect(store.append('s-1', 'noStream', [...once, ...once])).rejects.toEqual(errorOfKind('ConcurrencyConflict'));
      expect(await store.readAll()).toEqual([]);
    });

    it('refuses an event id already used in another stream, writing nothing', async () => {
      const store = await create();
      const used = newEvents(1);
      await store.append('s-1', 'noStream', used);
      for (const events of [used, [...newEvents(1), ...used]]) {
        await expect(store.append('s-2', 'noStream', events)).rejects.toEqual(errorOfKind('ConcurrencyConflict'));
      }
      expect(await store.readStream('s-2')).toEqual([]);
      expect(await store.readAll()).toHaveLength(1);
    });
  });
}
