import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { DueIndex } from './due-index.js';

describe('the due index', () => {
  test.prop([fc.array(fc.integer({ min: 0, max: 1000 })), fc.array(fc.integer({ min: 0, max: 1000 }))])(
    'pops entries in instant order, with pushes between pops',
    (first, second) => {
      const index = new DueIndex<number>();
      first.forEach((at, i) => index.push({ at, item: i, generation: 0 }));
      const popped: number[] = [];
      for (let i = 0; i < Math.floor(first.length / 2); i++) popped.push(index.pop()!.at);
      second.forEach((at, i) => index.push({ at, item: i, generation: 0 }));
      expect(index.size).toBe(first.length + second.length - popped.length);
      const rest: number[] = [];
      for (let e = index.pop(); e !== undefined; e = index.pop()) rest.push(e.at);
      const sorted = [...first].sort((a, b) => a - b);
      expect(popped).toEqual(sorted.slice(0, popped.length));
      expect(rest).toEqual([...sorted.slice(popped.length), ...second].sort((a, b) => a - b));
      expect(index.peek()).toBeUndefined();
    },
  );
});
