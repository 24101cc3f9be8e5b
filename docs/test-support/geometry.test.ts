import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { crossings, distanceToBorder, inside, nearestShape, overlaps, type Edge, type Rect, type Shape } from './geometry.ts';

const rect = (x: number, y: number, width: number, height: number): Rect => ({ x, y, width, height });
const box = (id: string, r: Rect): Shape => ({ id, rect: r, lines: [id] });
const edge = (id: string, label: string, labelRect: Rect | null, points: [number, number][]): Edge => ({
  id,
  label,
  labelRect,
  points: points.map(([x, y]) => ({ x, y })),
});

const rects = fc.record({ x: fc.integer({ min: -50, max: 50 }), y: fc.integer({ min: -50, max: 50 }), width: fc.integer({ min: 1, max: 60 }), height: fc.integer({ min: 1, max: 60 }) });

describe('rectangles', () => {
  test.prop([rects, rects])('overlap is symmetric, and a rectangle inside another overlaps it', (a, b) => {
    expect(overlaps(a, b)).toBe(overlaps(b, a));
    if (inside(a, b)) expect(overlaps(a, b)).toBe(true);
  });

  test.prop([rects])('a rectangle is inside itself, and not inside one shrunk by a pixel', (a) => {
    expect(inside(a, a)).toBe(true);
    expect(inside(a, rect(a.x + 1, a.y, a.width - 1, a.height))).toBe(false);
  });

  it('measures the distance to the border from outside, on it, and inside', () => {
    const r = rect(0, 0, 10, 10);
    expect(distanceToBorder({ x: 13, y: 14 }, r)).toBe(5);
    expect(distanceToBorder({ x: 10, y: 5 }, r)).toBe(0);
    expect(distanceToBorder({ x: 2, y: 5 }, r)).toBe(2);
  });

  it('finds the box whose border is nearest, even from inside a larger box', () => {
    const outer = box('open', rect(0, 0, 100, 100));
    const inner = box('investigating', rect(40, 40, 20, 20));
    expect(nearestShape({ x: 50, y: 60 }, [outer, inner])?.id).toBe('investigating');
    expect(nearestShape({ x: 50, y: 100 }, [outer, inner])?.id).toBe('open');
  });
});

describe('crossings', () => {
  const a = box('a', rect(0, 0, 40, 20));
  it('finds nothing in a clean drawing', () => {
    expect(crossings([edge('e1', 'one', rect(100, 0, 30, 10), [[0, 30], [0, 60]])], [a])).toEqual([]);
  });

  it('finds overlapping labels, an arrow through a label, a label on a box', () => {
    const found = crossings(
      [
        edge('e1', 'one', rect(100, 0, 30, 10), [[0, 30], [0, 60]]),
        edge('e2', 'two', rect(110, 5, 30, 10), [[200, 0], [200, 50]]),
        edge('e3', '', null, [[90, 50], [115, 5], [125, 11]]),
        edge('e4', 'four', rect(10, 5, 30, 10), [[300, 0]]),
      ],
      [a],
    );
    expect(found).toEqual([
      'label "one" overlaps label "two"',
      'the arrow e3 runs through label "one"',
      'the arrow e3 runs through label "two"',
      'label "four" lies on box "a"',
    ]);
  });

  it('lets an arrow touch its own label and labels touch each other', () => {
    expect(crossings([edge('e1', 'one', rect(0, 0, 10, 10), [[5, 5]]), edge('e2', 'two', rect(10, 0, 10, 10), [[50, 50]])], [])).toEqual([]);
  });
});
