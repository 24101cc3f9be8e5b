/**
 * `instrumentStore` is the store it wraps plus an append span: every other member is the
 * store's own, bound to it, and what append returns or throws is unchanged.
 */
import { createInMemoryEventStore, sequentialIds, type ComplaintEvent, type InMemoryEventStore, type NewEvent } from '@redress/core';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTES, SPAN_NAMES } from './names.js';
import { inMemorySdk } from './test-support/sdk.js';

const ids = sequentialIds('e');
const noted = (): NewEvent<ComplaintEvent> =>
  ({ type: 'NoteAdded', data: { text: 'x' }, eventId: ids(), occurredAt: '2026-11-23T01:00:00.000Z', actor: { id: 'li', role: 'handler' }, schemaVersion: 1 }) as NewEvent<ComplaintEvent>;

describe('instrumentStore', () => {
  it('passes every other member through, bound to the store, and returns what append returns', async () => {
    const sdk = inMemorySdk();
    const store = createInMemoryEventStore<ComplaintEvent>();
    const wrapped = sdk.telemetry.instrumentStore(store);
    const result = await wrapped.append('c-1', 'noStream', [noted()]);
    expect(await store.readStream('c-1')).toEqual(result.events);
    const { readAll } = wrapped; // detached: still the store's own
    expect(await readAll()).toEqual(result.events);
    expect(wrapped.readStream).toBe(wrapped.readStream);
    expect(sdk.spans(SPAN_NAMES.append).map((s) => s.attributes)).toEqual([
      { [ATTRIBUTES.streamId]: 'c-1', [ATTRIBUTES.expectedVersion]: 'noStream', [ATTRIBUTES.events]: 1, [ATTRIBUTES.streamVersion]: 1, [ATTRIBUTES.duplicate]: false, [ATTRIBUTES.result]: 'ok' },
    ]);
  });

  it('calls the other members on the store itself, so a class store with private state works through it', async () => {
    /** A store as a class with private fields: called with the proxy as `this`, `#inner` would throw. */
    class ClassStore {
      readonly #inner = createInMemoryEventStore<ComplaintEvent>();
      append(...args: Parameters<InMemoryEventStore<ComplaintEvent>['append']>) {
        return this.#inner.append(...args);
      }
      readAll(from?: number) {
        return this.#inner.readAll(from);
      }
      get inner() {
        return this.#inner;
      }
    }
    const sdk = inMemorySdk();
    const wrapped = sdk.telemetry.instrumentStore(new ClassStore());
    await wrapped.append('c-1', 'noStream', [noted()]);
    expect(await wrapped.readAll()).toHaveLength(1);
    expect(wrapped.inner).toBeDefined();
    expect(sdk.spans(SPAN_NAMES.append)).toHaveLength(1);
  });

  it('rethrows the very error of a refused append and records it on the span', async () => {
    const sdk = inMemorySdk();
    const wrapped = sdk.telemetry.instrumentStore(createInMemoryEventStore<ComplaintEvent>());
    const refused = await wrapped.append('c-1', 5, [noted()]).catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'ConcurrencyConflict' });
    const [span] = sdk.spans(SPAN_NAMES.append);
    expect(span?.attributes[ATTRIBUTES.result]).toBe('ConcurrencyConflict');
    expect(span?.events[0]?.attributes?.['exception.message']).toBe((refused as Error).message);
  });
});
