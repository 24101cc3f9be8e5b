import { createInMemoryEventStore } from '@redress/core';
import { eventStoreConformance, type ConformanceEvent } from '@redress/testing/store-conformance';
import { pollingSubscribe } from './polling-subscribe.js';

// The in-memory store with its subscriptions replaced by polling: the suite's subscription tests must pass all the same.
eventStoreConformance('a store with polling subscriptions', () => {
  const store = createInMemoryEventStore<ConformanceEvent>();
  return { ...store, subscribe: (options) => pollingSubscribe(store, 5, options) };
});
