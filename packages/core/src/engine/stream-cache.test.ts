/**
 * The stream cache against a model: whatever it holds is what was last set for that stream, it never holds
 * more than its capacity, and it keeps every stream among the last ⌈capacity / 2⌉ distinct streams used.
 */
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { emptyStream, StreamCache, type CachedStream } from './stream-cache.js';

const op = fc.record({ kind: fc.constantFrom('get', 'set', 'set'), stream: fc.integer({ min: 0, max: 9 }), same: fc.boolean() });

test.prop([fc.integer({ min: 0, max: 6 }), fc.array(op, { maxLength: 80 })], { numRuns: 500 })(
  'holds the last entry set, at most its capacity, and every stream among the most recently used half',
  (capacity, ops) => {
    const cache = new StreamCache(capacity);
    const last = new Map<string, CachedStream>();
    // Most recent first: the streams used (a hit or a set; a miss is no use).
    let used: string[] = [];
    for (const { kind, stream, same } of ops) {
      const id = `s-${stream}`;
      if (kind === 'set') {
        // The engine sets the entry it got (after an append) or a fresh one (after a read).
        const entry = same && last.has(id) ? (last.get(id) as CachedStream) : emptyStream();
        cache.set(id, entry);
        last.set(id, entry);
        used = [id, ...used.filter((u) => u !== id)];
      } else {
        const hit = cache.get(id);
        if (hit !== undefined) {
          expect(hit).toBe(last.get(id));
          used = [id, ...used.filter((u) => u !== id)];
        }
      }
      expect(cache.size).toBeLessThanOrEqual(capacity);
      // Checked least recent first: these gets are uses too, and in this order they leave the order as it was.
      for (const kept of used.slice(0, Math.ceil(capacity / 2)).reverse()) expect(cache.get(kept), `${kept} of ${JSON.stringify(used)}`).toBe(last.get(kept));
    }
  },
);
