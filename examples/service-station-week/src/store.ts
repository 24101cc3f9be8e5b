/**
 * Where the week's events are kept: the one place the demo makes its event store.
 *
 * In memory for now (the embedded default); swapping in a SQLite file later
 * changes this file only: everything else talks to the `EventStore` contract.
 */
import { createInMemoryEventStore, type ComplaintEvent, type EventStore } from '@redress/core';

export function openStore(): EventStore<ComplaintEvent> {
  return createInMemoryEventStore();
}
