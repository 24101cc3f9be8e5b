/**
 * Storage faults, for adapters that can bring them about: every one surfaces as a
 * typed error (`StorageFaultError` with its reason, `StoreUnavailableError`), the
 * driver's error as its cause, nothing written; once the fault is lifted the store
 * works again and the same append goes through.
 */
import { type EventStore, type StorageFaultReason } from '@redress/core';
import { describe, expect, it } from 'vitest';
import { newEvents, type ConformanceEvent, type CreateStore } from './events.js';
import { errorOfKind } from './kinds.js';

/** Puts `store` into a fault; resolves to a function that lifts it. */
export type InjectFault = (store: EventStore<ConformanceEvent>) => Promise<() => Promise<void> | void> | (() => Promise<void> | void);

/**
 * The faults an adapter can bring about on demand (a full disk, a read-only file, a server down), passed to
 * `eventStoreConformance` as `faults`: for each one given, the suite checks it surfaces as a typed error with the
 * driver's error as cause, writes nothing, and that the same append succeeds once the fault is lifted. Faults not
 * given are skipped.
 */
export interface StoreFaults {
  /** Storage faults the adapter can simulate, by reason. */
  readonly storage?: Partial<Record<StorageFaultReason, InjectFault>>;
  /** Makes the store unreachable (a server down): appends and reads fail retriably. */
  readonly unavailable?: InjectFault;
}

export function storageFaults(create: CreateStore, faults: StoreFaults): void {
  const storage = Object.entries(faults.storage ?? {}) as [StorageFaultReason, InjectFault][];
  if (storage.length === 0 && !faults.unavailable) return;
  describe('storage faults', () => {
    for (const [reason, inject] of storage) {
      it(`surfaces ${reason} as a StorageFaultError with its cause, writing nothing; the append goes through once it is lifted`, async () => {
        const store = await create();
        await store.append('s-1', 'noStream', newEvents(1));
        // Large enough to need new space whatever room the file has left.
        const events = newEvents(2, '投诉 '.repeat(40_000));
        const lift = await inject(store);
        let error: unknown;
        try {
          error = await store.append('s-1', 1, events).catch((e: unknown) => e);
        } finally {
          await lift();
        }
        expect(error).toEqual(errorOfKind('StorageFault'));
        expect(error).toMatchObject({ kind: 'StorageFault', reason, retriable: false });
        expect((error as Error).cause).toBeDefined();
        expect(await store.readAll()).toHaveLength(1);
        expect((await store.append('s-1', 1, events)).events).toHaveLength(2);
      });
    }
    if (faults.unavailable) {
      const inject = faults.unavailable;
      it('surfaces an unreachable store as a retriable StoreUnavailableError; it works again once back', async () => {
        const store = await create();
        await store.append('s-1', 'noStream', newEvents(1));
        const events = newEvents(1);
        const lift = await inject(store);
        const failures: unknown[] = [];
        try {
          failures.push(await store.append('s-1', 1, events).catch((e: unknown) => e));
          failures.push(await store.readAll().catch((e: unknown) => e));
          failures.push(await store.readStream('s-1').catch((e: unknown) => e));
        } finally {
          await lift();
        }
        for (const failure of failures) {
          expect(failure).toEqual(errorOfKind('StoreUnavailable'));
          expect(failure).toMatchObject({ kind: 'StoreUnavailable', retriable: true });
        }
        // Written or not before the cut, the same events once: appended now, or found as a duplicate.
        await store.append('s-1', 1, events);
        expect((await store.readAll()).map((e) => e.eventId)).toEqual([...(await store.readStream('s-1')).map((e) => e.eventId)]);
        expect(await store.readAll()).toHaveLength(2);
      });
    }
  });
}
