/**
 * The due index: a binary min-heap of (instant, item). Finding what is due at
 * `now` pops k items in O(k log n) instead of scanning every ticket. Entries are
 * never removed in the middle: an entry whose item changed since it was pushed is
 * recognised as stale (by its generation) when it is popped, and dropped.
 *
 * Hand-written: a heap is thirty lines, and the packages on npm either box every
 * entry in a class or lack a typed `peek` of the minimum's key.
 */
export interface DueEntry<T> {
  /** When the item is next due (epoch ms): the heap's key, smallest first; equal instants pop in no set order. */
  readonly at: number;
  /** What is due (the ticker stores a clock run). */
  readonly item: T;
  /**
   * The item's generation when pushed: if the item's generation has moved on since, the entry is stale and the caller
   * drops it on pop.
   */
  readonly generation: number;
}

/**
 * The next due instant of every clock, cheapest first: a binary heap whose stale entries are dropped by
 * generation.
 */
export class DueIndex<T> {
  private readonly heap: DueEntry<T>[] = [];

  /**
   * Entries held, stale ones included (they are only dropped as they are popped), so it bounds memory, not live
   * clocks.
   */
  get size(): number {
    return this.heap.length;
  }

  /**
   * Adds an entry in O(log n); pushing a newer entry for an item does not remove its older one (generations tell them
   * apart).
   */
  push(entry: DueEntry<T>): void {
    const h = this.heap;
    h.push(entry);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((h[parent] as DueEntry<T>).at <= entry.at) break;
      h[i] = h[parent] as DueEntry<T>;
      i = parent;
    }
    h[i] = entry;
  }

  /** The earliest entry, without removing it. */
  peek(): DueEntry<T> | undefined {
    return this.heap[0];
  }

  /**
   * Removes and returns the earliest entry in O(log n), stale or not (the caller checks the generation); undefined
   * when empty.
   */
  pop(): DueEntry<T> | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (top === undefined || last === undefined || h.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) break;
      const r = l + 1;
      const child = r < h.length && (h[r] as DueEntry<T>).at < (h[l] as DueEntry<T>).at ? r : l;
      if ((h[child] as DueEntry<T>).at >= last.at) break;
      h[i] = h[child] as DueEntry<T>;
      i = child;
    }
    h[i] = last;
    return top;
  }
}
