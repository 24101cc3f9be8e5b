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

  test.prop([fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.nat()), { maxLength: 400 })])(
    'keeps each entry\'s item and generation with its instant, past the arrays\' first growth',
    (entries) => {
      const index = new DueIndex<string>();
      entries.forEach(([at, generation], i) => index.add(at, `${i}`, generation));
      const out: [number, string, number][] = [];
      while (index.size > 0) {
        out.push([index.nextAt as number, index.nextItem as string, index.nextGeneration as number]);
        index.drop();
      }
      expect(index.nextAt).toBeUndefined();
      expect(out.map(([at]) => at)).toEqual(entries.map(([at]) => at).sort((a, b) => a - b));
      expect(out.map(([at, item, generation]) => [at, generation, item]).sort()).toEqual(entries.map(([at, generation], i) => [at, generation, `${i}`]).sort());
    },
  );
});
