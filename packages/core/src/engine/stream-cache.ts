/**
 * What the engine remembers of each stream it touched: the decision state, the
 * version it reflects, and which command produced which versions (for idempotency).
 * Bounded, recently used first kept; anything dropped is re-read from the log.
 */
import { evolve } from '../decider/evolve.js';
import { initialComplaintState, type ComplaintState } from '../decider/state.js';
import type { RecordedEvent } from '../events/envelope.js';
import type { ComplaintEvent } from '../events/schema.js';

/** The stream versions one command's events occupy. */
export interface CommandSpan {
  first: number;
  last: number;
}

export interface CachedStream {
  state: ComplaintState;
  version: number;
  /** Each event's command id (its causation), at its stream version − 1. */
  readonly causations: string[];
  /** commandId → the versions its events occupy: built at the first lookup (`commandSpan`), kept up to date after. */
  spans: Map<string, CommandSpan> | undefined;
}

export function emptyStream(): CachedStream {
  return { state: initialComplaintState, version: 0, causations: [], spans: undefined };
}

/** Folds recorded events (in stream order, contiguous after `stream.version`) into the cache entry. */
export function foldInto(stream: CachedStream, events: readonly RecordedEvent<ComplaintEvent>[]): void {
  for (const e of events) {
    if (e.streamVersion <= stream.version) continue;
    stream.state = evolve(stream.state, e);
    stream.version = e.streamVersion;
    stream.causations.push(e.causationId);
    if (stream.spans !== undefined) extend(stream.spans, e.causationId, e.streamVersion);
  }
}

/**
 * The versions a command's events occupy in the stream, if any. The index is built at the first lookup,
 * not as events are folded: a stream only ever written by commands that carried no id of their own is
 * never asked (see the engine), and indexing hashed every fresh id, a tenth of `execute()`.
 */
export function commandSpan(stream: CachedStream, commandId: string): CommandSpan | undefined {
  if (stream.spans === undefined) {
    const spans = new Map<string, CommandSpan>();
    for (let i = 0; i < stream.causations.length; i++) extend(spans, stream.causations[i] as string, i + 1);
    stream.spans = spans;
  }
  return stream.spans.get(commandId);
}

/** A command's events are contiguous: each next one extends its span. */
function extend(spans: Map<string, CommandSpan>, commandId: string, version: number): void {
  const span = spans.get(commandId);
  if (span) span.last = version;
  else spans.set(commandId, { first: version, last: version });
}

/**
 * Bounded by `capacity`, recently used first kept, in two generations: entries used
 * lately, and the generation before. A hit in the older one moves the entry to the
 * recent one; when the recent one is full it becomes the older, and the older is
 * dropped. So every stream among the last ⌈capacity / 2⌉ used is kept, and a command on
 * a cached stream costs one lookup, where an exact LRU moved its entry (a delete and a
 * set) on every command.
 */
export class StreamCache {
  private recent = new Map<string, CachedStream>();
  private older = new Map<string, CachedStream>();
  private readonly generation: number;

  constructor(capacity: number) {
    this.generation = Math.max(0, Math.ceil(capacity / 2));
  }

  get(streamId: string): CachedStream | undefined {
    const hit = this.recent.get(streamId);
    if (hit !== undefined) return hit;
    const old = this.older.get(streamId);
    if (old !== undefined) {
      this.older.delete(streamId);
      this.keep(streamId, old);
    }
    return old;
  }

  /** Stores or refreshes an entry as recently used (nothing to do when it already is). */
  set(streamId: string, entry: CachedStream): void {
    if (this.recent.get(streamId) === entry) return;
    this.older.delete(streamId);
    this.keep(streamId, entry);
  }

  private keep(streamId: string, entry: CachedStream): void {
    if (this.generation === 0) return; // a cache of size 0 keeps nothing
    this.recent.set(streamId, entry);
    if (this.recent.size >= this.generation) {
      this.older = this.recent;
      this.recent = new Map();
    }
  }

  get size(): number {
    return this.recent.size + this.older.size;
  }
}
