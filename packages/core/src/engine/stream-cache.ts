/**
 * What the engine remembers of each stream it touched: the decision state, the
 * version it reflects, and which command produced which versions (for idempotency).
 * Bounded, least recently used first out; anything evicted is re-read from the log.
 */
import { evolve } from '../decider/evolve.js';
import { initialComplaintState, type ComplaintState } from '../decider/state.js';
import type { RecordedEvent } from '../events/envelope.js';
import type { ComplaintEvent } from '../events/schema.js';

export interface CachedStream {
  state: ComplaintState;
  version: number;
  /** commandId → the stream versions its events occupy. */
  readonly commands: Map<string, { first: number; last: number }>;
}

export function emptyStream(): CachedStream {
  return { state: initialComplaintState, version: 0, commands: new Map() };
}

/** Folds recorded events (in stream order, contiguous after `stream.version`) into the cache entry. */
export function foldInto(stream: CachedStream, events: readonly RecordedEvent<ComplaintEvent>[]): void {
  for (const e of events) {
    if (e.streamVersion <= stream.version) continue;
    stream.state = evolve(stream.state, e);
    stream.version = e.streamVersion;
    const seen = stream.commands.get(e.causationId);
    if (seen) seen.last = e.streamVersion;
    else stream.commands.set(e.causationId, { first: e.streamVersion, last: e.streamVersion });
  }
}

export class StreamCache {
  private readonly entries = new Map<string, CachedStream>();
  constructor(private readonly capacity: number) {}

  get(streamId: string): CachedStream | undefined {
    return this.entries.get(streamId);
  }

  /** Stores or refreshes an entry as the most recently used, evicting the least recently used past capacity. */
  set(streamId: string, entry: CachedStream): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
