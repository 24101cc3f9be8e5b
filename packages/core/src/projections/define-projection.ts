/**
 * Read models written the way one thinks of them: a handler per event type that changes
 * a draft of the state (`draft.count++`, `draft.byCause[cause] = …`), made immutable by
 * immer. The result is a plain `Projection`: runners, rebuilds and the engine take it
 * like any other.
 *
 * - **Structural sharing**: what a handler did not touch keeps its identity from one state
 *   to the next, so a UI or a cache can compare by reference.
 * - **Frozen**: every state handed out is deeply frozen. A host mutating a read model
 *   by mistake gets a TypeError at the spot instead of a corrupted projection.
 *
 * The cost is a copy of every object on the path to a change, per event. That is nothing
 * for small state (counters, a report, one aggregate) and O(entries) per event for a state
 * that is one big table: for those, `defineKeyedProjection` runs the same handlers on one
 * entry at a time. The built-in hot projections stay hand-written; the benchmark
 * (`benchmarks/src/immer.bench.ts`) says what each costs.
 */
import { freeze, Immer, type Draft } from 'immer';
import type { EventLike, RecordedEvent } from '../events/envelope.js';
import type { ComplaintEvent } from '../events/schema.js';
import type { Projection } from './projection.js';

/**
 * A handler per event type it reacts to: it changes `draft`, or returns a whole new state
 * (not both, as in immer). Types without a handler only advance the checkpoint.
 */
export type DraftHandlers<S, E extends EventLike = ComplaintEvent> = {
  readonly [T in E['type']]?: (draft: Draft<S>, event: RecordedEvent<Extract<E, { readonly type: T }>>) => S | undefined;
};

/**
 * A read model written as immer draft handlers rather than a reducer: for a host's own views, where clarity
 * matters more than the last microsecond (see the benchmark in docs/read-models.md).
 */
export interface ProjectionDefinition<S, E extends EventLike = ComplaintEvent> {
  /** The projection's name: its checkpoint key in the SQL stores. */
  readonly name: string;
  /** The state before any event; frozen, and shared by every runner of the projection. */
  readonly initial: S;
  /**
   * Handlers by event type: each mutates the draft (or returns a replacement state); types without one only
   * advance the checkpoint.
   */
  readonly on: DraftHandlers<S, E>;
}

/** Its own immer, so a host's `setAutoFreeze(false)` elsewhere cannot unfreeze these read models. */
const immer = new Immer({ autoFreeze: true });

/** immer's produce, typed for a recipe that may also return a replacement state (immer allows it). */
export const produce = immer.produce as <T>(base: T, recipe: (draft: Draft<T>) => T | undefined) => T;

type AnyHandler<S> = (draft: Draft<S>, event: RecordedEvent) => S | undefined;

/** The handler for `type`, looked up among the definition's own keys only. */
export function handlerFor<S, E extends EventLike>(on: DraftHandlers<S, E>, type: string): AnyHandler<S> | undefined {
  return Object.hasOwn(on, type) ? ((on as unknown as Record<string, AnyHandler<S>>)[type] ?? undefined) : undefined;
}

/**
 * Builds a projection from draft handlers: each event yields a new frozen state sharing the unchanged parts
 * with the last one.
 */
export function defineProjection<S, E extends EventLike = ComplaintEvent>(definition: ProjectionDefinition<S, E>): Projection<S, E> {
  // A frozen copy: the host's own object stays as it was.
  const frozen = freeze(structuredClone(definition.initial), true);
  return {
    name: definition.name,
    handles: Object.keys(definition.on) as E['type'][],
    initialState: () => frozen,
    evolve(state, event) {
      const handler = handlerFor(definition.on, event.type);
      if (handler === undefined) return state;
      return produce(state, (draft) => handler(draft, event as RecordedEvent));
    },
  };
}
