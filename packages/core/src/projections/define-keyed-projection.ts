/**
 * `defineProjection` for a read model that is a table: one entry per key (a complaint,
 * a customer, a handler), each entry produced by immer from the event that concerns it.
 * A per-event copy then costs the size of one entry, not of the whole table, and each
 * entry is frozen and shares structure with its previous version.
 *
 * The table itself is a `Map` updated in place, as the `Projection` contract allows
 * ("read models are tables, not values"); hand it out as `ReadonlyMap`.
 */
import type { EventLike, RecordedEvent } from '../events/envelope.js';
import type { ComplaintEvent } from '../events/schema.js';
import { handlerFor, produce, type DraftHandlers } from './define-projection.js';
import type { Projection } from './projection.js';
import { freeze } from 'immer';

/**
 * A read model of one entry per key (per complaint by default), each entry updated through an immer draft.
 */
export interface KeyedProjectionDefinition<S, E extends EventLike = ComplaintEvent> {
  /** The projection's name: its checkpoint key in the SQL stores. */
  readonly name: string;
  /** The entry an event belongs to (default: its stream, i.e. its complaint); undefined skips the event. */
  readonly key?: (event: RecordedEvent<E>) => string | undefined;
  /** A new entry, before its first event (frozen on creation). */
  readonly initial: (key: string, event: RecordedEvent<E>) => S;
  /**
   * Handlers by event type: each mutates the entry's draft (or returns a replacement); types without one
   * leave the entry as it is.
   */
  readonly on: DraftHandlers<S, E>;
}

/**
 * Builds a keyed projection from draft handlers: entries are frozen and share structure with their previous
 * version, so an unchanged entry is the same object.
 */
export function defineKeyedProjection<S, E extends EventLike = ComplaintEvent>(definition: KeyedProjectionDefinition<S, E>): Projection<Map<string, S>, E> {
  const keyOf = definition.key ?? ((event: RecordedEvent<E>) => event.streamId);
  return {
    name: definition.name,
    handles: Object.keys(definition.on) as E['type'][],
    initialState: () => new Map(),
    evolve(table, event) {
      const handler = handlerFor(definition.on, event.type);
      const key = keyOf(event);
      if (handler === undefined || key === undefined) return table;
      const entry = table.get(key) ?? freeze(definition.initial(key, event), true);
      table.set(key, produce(entry, (draft) => handler(draft, event as RecordedEvent)));
      return table;
    },
  };
}
