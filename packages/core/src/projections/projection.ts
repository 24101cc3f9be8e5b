/**
 * The projection contract: a named read model folded from the log, with a
 * checkpoint (the last global position it has seen) so it can be fed the same
 * event twice, resumed, or rebuilt from zero and give the same result.
 */
import type { EventLike, RecordedEvent } from '../events/envelope.js';
import type { ComplaintEvent } from '../events/schema.js';
import type { EventStore } from '../store/event-store.js';

export interface Projection<S, E extends EventLike = ComplaintEvent> {
  readonly name: string;
  /** The event types it reacts to; others only advance the checkpoint. */
  readonly handles: readonly E['type'][];
  initialState(): S;
  /**
   * The read model after one event. Read models are tables, not values: `evolve`
   * may update `state` in place, and returns the state to keep.
   */
  evolve(state: S, event: RecordedEvent<E>): S;
  /**
   * Optional: the read model after a run of events, exactly what folding `evolve` over
   * them gives. The runner calls it with each batch it applies (a catch-up read, one
   * append's events), all of them handled types past the checkpoint, in order, and no
   * code can look at the state in between: a projection whose records never change
   * once handed out may build a record once per run and update it in place until the
   * run ends, instead of copying it per event (the ticket view does).
   */
  evolveBatch?(state: S, events: readonly RecordedEvent<E>[]): S;
}

/** A projection being fed: its state and checkpoint. */
export interface ProjectionRunner<S, E extends EventLike = ComplaintEvent> {
  readonly projection: Projection<S, E>;
  readonly state: S;
  /** The global position of the last event applied; 0 before any. */
  readonly checkpoint: number;
  /**
   * Applies one event; events at or before the checkpoint are skipped, so feeding twice is
   * harmless. Feed it the log in order (what `readAll` returns from `checkpoint + 1` on):
   * an event handed over past one not applied yet moves the checkpoint past that one.
   */
  apply(event: RecordedEvent<E>): void;
  /**
   * Applies a run of events (one append's, say) only if nothing can be missing before
   * it: after those already applied, its first event is at `checkpoint + 1` and each
   * next one follows its predecessor by one. Returns whether the run is now applied.
   * When it returns false, `catchUp` reads what lies between from the store.
   */
  applyIfNext(events: readonly RecordedEvent<E>[]): boolean;
  /** Reads and applies what the store has after the checkpoint, up to `toPosition` when given. */
  catchUp(store: Pick<EventStore<E>, 'readAll'>, toPosition?: number): Promise<void>;
}

const BATCH = 1000;

export function runProjection<S, E extends EventLike = ComplaintEvent>(projection: Projection<S, E>): ProjectionRunner<S, E> {
  const handles = new Set<string>(projection.handles);
  let state = projection.initialState();
  let checkpoint = 0;

  const apply = (event: RecordedEvent<E>) => {
    if (event.globalPosition <= checkpoint) return;
    if (handles.has(event.type)) state = projection.evolve(state, event);
    checkpoint = event.globalPosition;
  };

  /** Applies events in order as `apply` would, handing the handled ones to `evolveBatch` at once when there is one. */
  const applyRun = (events: readonly RecordedEvent<E>[], toPosition = Number.POSITIVE_INFINITY) => {
    const evolveBatch = projection.evolveBatch;
    if (evolveBatch === undefined) {
      for (const e of events) if (e.globalPosition <= toPosition) apply(e);
      return;
    }
    const handled: RecordedEvent<E>[] = [];
    let last = checkpoint;
    for (const e of events) {
      if (e.globalPosition <= last || e.globalPosition > toPosition) continue;
      if (handles.has(e.type)) handled.push(e);
      last = e.globalPosition;
    }
    if (handled.length > 0) state = evolveBatch.call(projection, state, handled);
    checkpoint = last;
  };

  /** The events after the checkpoint, when they continue it without a gap; else undefined. */
  const continuation = (events: readonly RecordedEvent<E>[]) => {
    const rest = events.filter((e) => e.globalPosition > checkpoint);
    return rest.every((e, i) => e.globalPosition === checkpoint + i + 1) ? rest : undefined;
  };

  return {
    projection,
    get state() {
      return state;
    },
    get checkpoint() {
      return checkpoint;
    },
    apply,
    applyIfNext(events) {
      const rest = continuation(events);
      if (rest) applyRun(rest);
      return rest !== undefined;
    },
    async catchUp(store, toPosition = Number.POSITIVE_INFINITY) {
      for (;;) {
        const batch = await store.readAll(checkpoint + 1, Math.min(BATCH, toPosition - checkpoint));
        applyRun(batch, toPosition);
        if (batch.length === 0 || checkpoint >= toPosition) return;
      }
    },
  };
}

/** A projection rebuilt from the whole log. */
export async function rebuildProjection<S, E extends EventLike = ComplaintEvent>(
  store: Pick<EventStore<E>, 'readAll'>,
  projection: Projection<S, E>,
): Promise<{ readonly state: S; readonly checkpoint: number }> {
  const runner = runProjection(projection);
  await runner.catchUp(store);
  return { state: runner.state, checkpoint: runner.checkpoint };
}
