/**
 * The data-protection side of a Redress host, over the same (protected) store the engine
 * uses: erasure (`EraseCustomerData`), its crash recovery, retention and subject access.
 * See docs/privacy.md.
 */
import type { Clock } from '../../engine/clock.js';
import type { ActorDirectory } from '../../engine/directory.js';
import type { Engine } from '../../engine/engine.js';
import { nanoidGenerator, type IdGenerator } from '../../engine/ids.js';
import type { EventLike } from '../../events/envelope.js';
import type { EventStore } from '../../store/event-store.js';
import type { Actor } from '../../domain/primitives.js';
import { isStoreError } from '../../errors/store-errors.js';
import { completeErasures } from '../erasure.js';
import type { KeyStore } from '../key-store.js';
import { exportCustomerData, type CustomerDataExport } from './access.js';
import type { EraseCustomerDataInput } from './erase-command.js';
import { createEraser, type ErasureResult } from './erase.js';
import { dueForRetention, type RetentionPolicy } from './retention.js';
import { erasedBy, scanLog } from './scan.js';

/**
 * What `createCustomerDataProtection` needs: the protected store, its key store, the clock and optionally ids
 * and a directory.
 */
export interface CustomerDataProtectionOptions {
  /** The store the engine writes to, behind `protectStore` (exports read decrypted through it). */
  // Any store of events: the engine's complaint store, a host's store of more.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly store: EventStore<any>;
  /** The key store the store's shredder uses: erasure destroys keys in it. */
  readonly keys: KeyStore;
  /** Stamps the erasure audit events and decides which customers retention has made due. */
  readonly clock: Clock;
  /** Ids of the audit events and their commands; nanoid by default. */
  readonly ids?: IdGenerator;
  /** With one, the erasing actor's role is checked against the directory, as the engine does. */
  readonly directory?: ActorDirectory;
  /**
   * Engines of this process over the same store: caught up after each erasure (and once
   * after a retention run), so their inline views show the customer erased when `erase`
   * returns. Engines elsewhere refold on their next execute or `catchUp()`.
   */
  readonly engines?: readonly Pick<Engine, 'catchUp'>[];
}

/** What one retention run did. */
export interface RetentionRun {
  /** The customers it erased now (sorted). */
  readonly erased: readonly string[];
}

/**
 * A host's data-protection operations: erase a customer, recover interrupted erasures, run retention and
 * export a customer's data.
 */
export interface CustomerDataProtection {
  /** Executes `EraseCustomerData`. Never throws for a refused command: the result says why (Validation, Forbidden, a store error). */
  erase(command: EraseCustomerDataInput): Promise<ErasureResult>;
  /** Crash recovery: destroys the keys left of every customer the log says was erased; returns them. Run at start-up. */
  completeErasures(): Promise<string[]>;
  /** Erases, as `system` (id `retention`), every customer the policy makes due at the clock's now; idempotent. */
  applyRetention(policy: RetentionPolicy): Promise<RetentionRun>;
  /** Everything held about one customer (subject access), decrypted, with each complaint's history. */
  exportCustomerData(customerReference: string): Promise<CustomerDataExport>;
}

/** Creates the data-protection side over the same protected store and key store the engine uses. */
export function createCustomerDataProtection(options: CustomerDataProtectionOptions): CustomerDataProtection {
  const { keys, clock } = options;
  const store = options.store as EventStore<EventLike>;
  const eraser = createEraser({ ...options, store, ids: options.ids ?? nanoidGenerator });

  /** The erasure is recorded and its keys destroyed: a store failure here only delays the views (their next execute refolds). */
  async function refreshViews(): Promise<void> {
    for (const engine of options.engines ?? []) {
      try {
        await engine.catchUp();
      } catch (error) {
        if (!isStoreError(error)) throw error;
      }
    }
  }

  async function erase(input: unknown, automation?: Actor): Promise<ErasureResult> {
    const result = await eraser(input, automation);
    if (result.ok && !automation) await refreshViews();
    return result;
  }

  async function log() {
    const events = [];
    for await (const event of scanLog(store)) events.push(event);
    return events;
  }

  return {
    erase: (command) => erase(command),
    async completeErasures() {
      const erased: string[] = [];
      for await (const event of scanLog(store)) {
        const subject = erasedBy(event);
        if (subject !== undefined) erased.push(subject);
      }
      return completeErasures(keys, erased);
    },
    async applyRetention(policy) {
      const now = clock.now();
      const due = dueForRetention(await log(), policy, now);
      const reason = `retention policy: personal data erased ${policy.months} month(s) after the last archive or profile change`;
      const erased: string[] = [];
      for (const customerReference of due) {
        const result = await erase({ type: 'EraseCustomerData', data: { customerReference, reason } }, { id: 'retention', role: 'system' });
        if (!result.ok) throw result.error;
        if (!result.value.duplicate) erased.push(customerReference);
      }
      if (due.length > 0) await refreshViews();
      return { erased };
    },
    exportCustomerData: (customerReference) => exportCustomerData(store, customerReference, clock.now()),
  };
}
