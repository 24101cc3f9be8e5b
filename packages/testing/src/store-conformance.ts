/**
 * The EventStore contract as a vitest suite. Every adapter runs it, yours included:
 *
 * ```ts
 * import { eventStoreConformance } from '@redress/testing/store-conformance';
 * eventStoreConformance('my store', () => createMyStore());
 * ```
 *
 * The factory must return an empty store each time it is called. Adapters that can
 * bring about storage faults (a full disk, a read-only file, a server that is down)
 * pass them as `faults`, and the suite checks they surface as typed errors.
 */
import { describe } from 'vitest';
import { appendAndRead } from './conformance/append-read.js';
import { engineOnTheStore } from './conformance/engine.js';
import type { CreateStore } from './conformance/events.js';
import { storageFaults, type StoreFaults } from './conformance/faults.js';
import { globalOrder } from './conformance/global-order.js';
import { protectedStore } from './conformance/protected.js';
import { subscriptions } from './conformance/subscriptions.js';

export type { ConformanceEvent } from './conformance/events.js';
export { keyTableConformance, type KeyTablePair, type OpenKeyTablePair } from './conformance/key-tables.js';
export { walkedComplaints, type WalkedComplaint } from './conformance/walked-logs.js';
export { erasureFixture, occurrences, type FixtureCustomer } from './conformance/erasure-fixture.js';
export type { InjectFault, StoreFaults } from './conformance/faults.js';

export interface ConformanceOptions {
  /** The faults this adapter can simulate; the suite skips the ones not given. */
  readonly faults?: StoreFaults;
}

export function eventStoreConformance(name: string, create: CreateStore, options: ConformanceOptions = {}): void {
  describe(`${name} satisfies the EventStore contract`, () => {
    appendAndRead(create);
    globalOrder(create);
    subscriptions(create);
    engineOnTheStore(create);
    protectedStore(create);
    storageFaults(create, options.faults ?? {});
  });
}
