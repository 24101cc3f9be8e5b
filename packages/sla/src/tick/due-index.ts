/**
 * The due index: a binary min-heap of (instant, item, generation). Finding what is
 * due at `now` pops k items in O(k log n) instead of scanning every ticket. Entries
 * are never removed in the middle: an entry whose item changed since it was pushed
 * is recognised as stale (by its generation) when it reaches the top, and dropped.
 *
 * No object per entry: instants and generations live in typed arrays beside the
 * items, so a heap of a million clocks is three flat arrays, sifting compares
 * contiguous numbers, and a tick that re-schedules k clocks allocates nothing here
 * (entry objects made a young pointer in the heap array per push, which every
 * scavenge then had to trace). `push`/`peek`/`pop` with entry objects stay for
 * callers that want them; the ticker uses `add`/`nextAt`/`nextItem`/`drop`.
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
  private ats = new Float64Array(64);
  private generations = new Float64Array(64);
  private readonly items: T[] = [];
  private count = 0;

  /**
   * Entries held, stale ones included (they are only dropped as they are popped), so it bounds memory, not live
   * clocks.
   */
  get size(): number {
    return this.count;
  }

  /** The earliest entry's instant (epoch ms); undefined when empty. */
  get nextAt(): number | undefined {
    return this.count > 0 ? this.ats[0] : undefined;
  }

  /** The earliest entry's item; undefined when empty. */
  get nextItem(): T | undefined {
    return this.count > 0 ? this.items[0] : undefined;
  }

  /** The earliest entry's generation; undefined when empty. */
  get nextGeneration(): number | undefined {
    return this.count > 0 ? this.generations[0] : undefined;
  }

  /**
   * Adds an entry in O(log n); pushing a newer entry for an item does not remove its older one (generations tell them
   * apart).
   */
  add(at: number, item: T, generation: number): void {
    if (this.count === this.ats.length) this.grow();
    const { ats, generations, items } = this;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((ats[parent] as number) <= at) break;
      ats[i] = ats[parent] as number;
      generations[i] = generations[parent] as number;
      items[i] = items[parent] as T;
      i = parent;
    }
    ats[i] = at;
    generations[i] = generation;
    items[i] = item;
  }

  /** Removes the earliest entry in O(log n), stale or not; nothing when empty. */
  drop(): void {
    if (this.count === 0) return;
    const { ats, generations, items } = this;
    const n = --this.count;
    const at = ats[n] as number;
    const generation = generations[n] as number;
    const item = items.pop() as T;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && (ats[r] as number) < (ats[l] as number) ? r : l;
      if ((ats[child] as number) >= at) break;
      ats[i] = ats[child] as number;
      generations[i] = generations[child] as number;
      items[i] = items[child] as T;
      i = child;
    }
    ats[i] = at;
    generations[i] = generation;
    items[i] = item;
  }

  /** Like `add`, from an entry. */
  push(entry: DueEntry<T>): void {
    this.add(entry.at, entry.item, entry.generation);
  }

  /** The earliest entry, without removing it. */
  peek(): DueEntry<T> | undefined {
    return this.count > 0 ? { at: this.ats[0] as number, item: this.items[0] as T, generation: this.generations[0] as number } : undefined;
  }

  /**
   * Removes and returns the earliest entry in O(log n), stale or not (the caller checks the generation); undefined
   * when empty.
   */
  pop(): DueEntry<T> | undefined {
    const top = this.peek();
    this.drop();
    return top;
  }

  private grow(): void {
    const ats = new Float64Array(this.ats.length * 2);
    ats.set(this.ats);
    this.ats = ats;
    const generations = new Float64Array(this.generations.length * 2);
    generations.set(this.generations);
    this.generations = generations;
  }
}
