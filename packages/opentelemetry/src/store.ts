/**
 * `instrumentStore`: any event store (in-memory, SQLite, PostgreSQL, a host's own) with
 * a `redress.append` span and the append duration histogram around every append,
 * whoever makes it (the engine, an SLA ticker, an import). Wrapping the store rather
 * than hooking the engine measures the adapter itself, and a span started inside an
 * execute or a tick is its child.
 */
import type { Attributes } from '@opentelemetry/api';
import type { EventLike, EventStore } from '@redress/core';
import { secondsSince, type Instruments } from './instruments.js';
import { ATTRIBUTES, SPAN_NAMES } from './names.js';
import { inSpan, resultOfThrow } from './span.js';

/** What `instrumentStore` needs of a store: its `append` (every other member is passed through untouched). */
export type AppendingStore = Pick<EventStore<EventLike>, 'append'>;

export function storeInstrumenter(instruments: Instruments): <S extends AppendingStore>(store: S) => S {
  const { tracer, appendDuration } = instruments;
  return <S extends AppendingStore>(store: S): S => {
    const append: S['append'] = (streamId, expected, events) => {
      const started = performance.now();
      const record = (result: string) => appendDuration.record(secondsSince(started), { [ATTRIBUTES.result]: result } satisfies Attributes);
      const attributes = { [ATTRIBUTES.streamId]: streamId, [ATTRIBUTES.expectedVersion]: String(expected), [ATTRIBUTES.events]: events.length };
      return inSpan(tracer, SPAN_NAMES.append, attributes, async (span) => {
        try {
          const result = await store.append(streamId, expected, events);
          span.setAttributes({ [ATTRIBUTES.streamVersion]: result.streamVersion, [ATTRIBUTES.duplicate]: result.duplicate, [ATTRIBUTES.result]: 'ok' });
          record('ok');
          return result;
        } catch (error) {
          span.setAttribute(ATTRIBUTES.result, resultOfThrow(error));
          record(resultOfThrow(error));
          throw error;
        }
      }) as ReturnType<S['append']>;
    };
    // A proxy, not a copy: the stores are objects with more than the contract (close(), head(), ...),
    // some with state behind their methods, so every other member is the store's own, bound to it.
    const bound = new Map<PropertyKey, unknown>();
    return new Proxy(store, {
      get(target, key) {
        if (key === 'append') return append;
        const value: unknown = Reflect.get(target, key, target);
        if (typeof value !== 'function') return value;
        if (!bound.has(key)) bound.set(key, (value as (...args: unknown[]) => unknown).bind(target));
        return bound.get(key);
      },
    });
  };
}
