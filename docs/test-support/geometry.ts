/**
 * Plane geometry on a rendered diagram (page pixels, y down): what the browser tests
 * ask of a drawing that a parser cannot see. Kept apart from the browser so it has
 * unit tests of its own (geometry.test.ts).
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}
/** A box, or a box around boxes, with the text it shows. */
export interface Shape {
  readonly id: string;
  readonly rect: Rect;
  readonly lines: readonly string[];
}
/** An arrow: its label (empty when it has none) and points along its path. */
export interface Edge {
  readonly id: string;
  readonly label: string;
  readonly labelRect: Rect | null;
  readonly points: readonly Point[];
}

/** `r` shrunk by `by` on every side (negative grows it). */
export const shrink = (r: Rect, by: number): Rect => ({ x: r.x + by, y: r.y + by, width: r.width - 2 * by, height: r.height - 2 * by });

export const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

export const pointInside = (p: Point, r: Rect): boolean => p.x > r.x && p.x < r.x + r.width && p.y > r.y && p.y < r.y + r.height;

/** Whether `inner` lies wholly within `outer`. */
export const inside = (inner: Rect, outer: Rect): boolean =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

/** How far `p` is from the border of `r` (0 on it, positive inside or out). */
export function distanceToBorder(p: Point, r: Rect): number {
  const dx = Math.max(r.x - p.x, 0, p.x - (r.x + r.width));
  const dy = Math.max(r.y - p.y, 0, p.y - (r.y + r.height));
  if (dx > 0 || dy > 0) return Math.hypot(dx, dy);
  return Math.min(p.x - r.x, r.x + r.width - p.x, p.y - r.y, r.y + r.height - p.y);
}

/** The shape whose border is nearest `p`. */
export function nearestShape(p: Point, shapes: readonly Shape[]): Shape | undefined {
  let best: Shape | undefined;
  let bestDistance = Infinity;
  for (const shape of shapes) {
    const d = distanceToBorder(p, shape.rect);
    if (d < bestDistance) [best, bestDistance] = [shape, d];
  }
  return best;
}

/**
 * What a reader would misread: two labels on top of each other, an arrow running
 * through another arrow's label, a label lying on a box. Labels are shrunk by `slack`
 * pixels first, so touching is not crossing.
 */
export function crossings(edges: readonly Edge[], boxes: readonly Shape[], slack = 2): string[] {
  const labelled = edges.filter((e): e is Edge & { labelRect: Rect } => e.labelRect !== null);
  const found: string[] = [];
  for (const [i, a] of labelled.entries()) {
    const rect = shrink(a.labelRect, slack);
    for (const b of labelled.slice(i + 1)) if (overlaps(rect, shrink(b.labelRect, slack))) found.push(`label "${a.label}" overlaps label "${b.label}"`);
    for (const other of edges) {
      if (other.id !== a.id && other.points.some((p) => pointInside(p, rect))) found.push(`the arrow ${other.label ? `labelled "${other.label}"` : other.id} runs through label "${a.label}"`);
    }
    for (const box of boxes) if (overlaps(rect, shrink(box.rect, slack))) found.push(`label "${a.label}" lies on box "${box.lines.join(' ')}"`);
  }
  return found;
}
