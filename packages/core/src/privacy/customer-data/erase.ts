/**
 * Erasing a customer: validate, check the role, append the audit event, then destroy the
 * keys, in that order (see ../erasure.ts: a crash in between leaves an erasure recorded
 * whose keys remain, which `completeErasures` finishes at start-up; never keys gone with
 * no record of why). Erasing an erased customer again writes nothing and destroys
 * whatever keys remain: retries and retention runs are safe.
 *
 * A store whose key table lives in its own database (the SQLite and PostgreSQL stores,
 * when `keys` is their `keys`) offers `appendErasure`: the audit event and the
 * destruction then commit in one transaction, and there is nothing to recover.
 */
import type { Actor } from '../../domain/primitives.js';
import { refusalByDirectory, type ActorDirectory } from '../../engine/directory.js';
import type { Clock } from '../../engine/clock.js';
import type { IdGenerator } from '../../engine/ids.js';
import type { EventLike, NewEvent, RecordedEvent } from '../../events/envelope.js';
import { ForbiddenError, err, ok, type Result, type ValidationError } from '../../errors/errors.js';
import { validationErrorFromZod } from '../../errors/from-zod.js';
import { isRedressError } from '../../errors/is-redress-error.js';
import { isStoreError, type StoreError } from '../../errors/store-errors.js';
import type { AppendResult, EventStore, ExpectedVersion } from '../../store/event-store.js';
import type { KeyStore } from '../key-store.js';
import { customerStreamId, eraseCustomerDataSchema, ERASING_ROLES, type CustomerDataErased } from './erase-command.js';

export interface EraserOptions {
  /** The store the complaints are in (protected or not: the audit event holds nothing personal). */
  readonly store: EventStore<EventLike>;
  readonly keys: KeyStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly directory?: ActorDirectory;
}

export interface ErasureSuccess {
  readonly customerReference: string;
  /** The audit event (on a repeat: the one recorded first). */
  readonly event: RecordedEvent<CustomerDataErased>;
  /** True when the customer was already erased: nothing was written. */
  readonly duplicate: boolean;
}

export type ErasureError = ValidationError | ForbiddenError | StoreError;
export type ErasureResult = Result<ErasureSuccess, ErasureError>;

const isErasure = (e: RecordedEvent<EventLike>): e is RecordedEvent<CustomerDataErased> => e.type === 'CustomerDataErased';

/** A store that appends an erasure's audit event and destroys the keys in one transaction (see @redress/sqlite, @redress/postgres). */
interface ErasingStore {
  readonly keys: KeyStore;
  appendErasure(streamId: string, expected: ExpectedVersion, events: readonly NewEvent<EventLike>[], subjects: readonly string[]): Promise<AppendResult<EventLike>>;
}

/** The store itself when it can erase atomically with these keys (its own key table), else undefined. */
function atomicEraser(store: EventStore<EventLike>, keys: KeyStore): ErasingStore | undefined {
  const candidate = store as Partial<ErasingStore>;
  return typeof candidate.appendErasure === 'function' && candidate.keys === keys ? (candidate as ErasingStore) : undefined;
}

export function createEraser(options: EraserOptions): (input: unknown, automation?: Actor) => Promise<ErasureResult> {
  const { store, keys, clock, ids } = options;
  const atomic = atomicEraser(store, keys);

  async function erase(input: unknown, automation?: Actor): Promise<ErasureResult> {
    const parsed = eraseCustomerDataSchema.safeParse(automation ? { ...(input as object), actor: automation } : input);
    if (!parsed.success) return err(validationErrorFromZod(parsed.error));
    const command = parsed.data;
    const { actor } = command;
    if (!automation && !(ERASING_ROLES as readonly string[]).includes(actor.role)) {
      return err(new ForbiddenError('EraseCustomerData', actor, `only ${ERASING_ROLES.join(', ')} may erase customer data`));
    }
    if (options.directory !== undefined || automation !== undefined) {
      const refusal = await refusalByDirectory(options.directory, 'EraseCustomerData', actor, automation !== undefined);
      if (refusal) return err(refusal);
    }
    const { customerReference, reason } = command.data;
    const streamId = customerStreamId(customerReference);
    const commandId = command.commandId ?? ids();
    for (;;) {
      const stream = await store.readStream(streamId);
      const first = stream.find(isErasure);
      if (first) {
        await keys.destroy(customerReference);
        return ok({ customerReference, event: first, duplicate: true });
      }
      const event: NewEvent<CustomerDataErased> = {
        type: 'CustomerDataErased',
        data: { customerReference, reason },
        eventId: ids(),
        occurredAt: clock.now().toISOString(),
        actor,
        causationId: commandId,
        correlationId: commandId,
        schemaVersion: 1,
      };
      try {
        const expected = stream.length === 0 ? 'noStream' : stream.length;
        const appended = atomic
          ? await atomic.appendErasure(streamId, expected, [event], [customerReference])
          : await store.append(streamId, expected, [event]);
        // The record first, then the destruction (see the header).
        if (!atomic) await keys.destroy(customerReference);
        return ok({ customerReference, event: appended.events[0] as RecordedEvent<CustomerDataErased>, duplicate: false });
      } catch (e) {
        // Another erasure of this customer won the race: read again, and answer as a repeat.
        if (!isRedressError(e, 'ConcurrencyConflict')) throw e;
      }
    }
  }

  return async (input, automation) => {
    try {
      return await erase(input, automation);
    } catch (error) {
      if (isStoreError(error)) return err(error);
      throw error;
    }
  };
}
