/**
 * `isRedressError` must hold for an error thrown by another build of @redress/core
 * (same shape, another class), and for nothing else. The engine must treat such a
 * conflict as a conflict: retried, then a typed refusal, never a thrown error.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/engine.js';
import { createManualClock } from '../engine/clock.js';
import { sequentialIds } from '../engine/ids.js';
import type { ComplaintEvent } from '../events/schema.js';
import type { EventStore } from '../store/event-store.js';
import { createInMemoryEventStore } from '../store/in-memory.js';
import { commandOf } from '../test-support/fixtures.js';
import { NOW } from '../test-support/given.js';
import { ConcurrencyConflictError, ForbiddenError, IllegalCommandError, NotFoundError, ValidationError } from './errors.js';
import { isRedressError } from './is-redress-error.js';

/** What the CommonJS build's ConcurrencyConflictError looks like from the ESM build: same fields, another class. */
class OtherBuildConflict extends Error {
  readonly kind = 'ConcurrencyConflict' as const;
  override readonly name = 'ConcurrencyConflictError';
  constructor(readonly streamId: string) {
    super(`stream ${streamId} is at version 2, expected version 1`);
  }
}

describe('isRedressError', () => {
  const ours = [
    new ValidationError([]),
    new IllegalCommandError('ArchiveComplaint', 'received', []),
    new ForbiddenError('ArchiveComplaint', { id: 'x', role: 'frontDesk' }),
    new NotFoundError('c-1'),
    new ConcurrencyConflictError('c-1', 1, 2),
  ];

  it('knows each of our errors, by its own kind only', () => {
    for (const error of ours) {
      expect(isRedressError(error)).toBe(true);
      for (const other of ours) expect(isRedressError(error, other.kind)).toBe(other.kind === error.kind);
    }
  });

  it('knows a conflict from another build of the core, which instanceof does not', () => {
    const foreign = new OtherBuildConflict('c-1');
    expect(foreign instanceof ConcurrencyConflictError).toBe(false);
    expect(isRedressError(foreign, 'ConcurrencyConflict')).toBe(true);
    expect(isRedressError(foreign, 'NotFound')).toBe(false);
  });

  it('takes nothing else for ours: plain objects, other errors, a kind without our name', () => {
    const kindOnly = Object.assign(new Error('x'), { kind: 'ConcurrencyConflict' });
    const nameOnly = Object.assign(new Error('x'), { name: 'ConcurrencyConflictError' });
    const plain = { kind: 'ConcurrencyConflict', name: 'ConcurrencyConflictError', message: 'x' };
    const inherited = Object.assign(new Error('x'), { kind: 'toString', name: 'toString' });
    for (const value of [kindOnly, nameOnly, plain, inherited, new TypeError('x'), null, undefined, 'ConcurrencyConflict', 42]) {
      expect(isRedressError(value)).toBe(false);
      expect(isRedressError(value, 'ConcurrencyConflict')).toBe(false);
    }
  });
});

describe('the engine, with a store from another build of the core', () => {
  /** The in-memory store, but its conflicts are thrown as the other build's class, as a CommonJS store's would be. */
  function otherBuildStore(): EventStore<ComplaintEvent> {
    const store = createInMemoryEventStore<ComplaintEvent>();
    return {
      ...store,
      async append(streamId, expected, events) {
        try {
          return await store.append(streamId, expected, events);
        } catch (e) {
          if (e instanceof ConcurrencyConflictError) throw new OtherBuildConflict(e.streamId);
          throw e;
        }
      },
    };
  }

  it('retries a command that lost a race to another writer, instead of throwing', async () => {
    const store = otherBuildStore();
    const [ours, theirs] = [1, 2].map(() => createEngine({ store, clock: createManualClock(NOW), ids: sequentialIds(`e${Math.random()}`) }));
    await ours!.executeOrThrow(commandOf('ReceiveComplaint', 'c-1', NOW));
    await theirs!.executeOrThrow(commandOf('AddNote', 'c-1', NOW));
    // Ours decides on its cached version 2; the store is at 3: the append throws the other build's conflict.
    const result = await ours!.execute(commandOf('AddNote', 'c-1', NOW, 1));
    expect(result).toMatchObject({ ok: true, value: { version: 4 } });
  });
});
