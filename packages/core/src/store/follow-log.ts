/**
 * A subscription built from two primitives any store has: read a batch of the log,
 * and wait until something may have been appended. In-memory stores wake on
 * append; polling stores wait a poll interval; PostgreSQL can wait for NOTIFY.
 */
import type { EventLike, RecordedEvent } from '../events/envelope.js';
import type { SubscribeOptions, Subscription } from './event-store.js';

/**
 * The two primitives `followLog` builds a subscription from: read a batch, and wait until something may have
 * been appended.
 */
export interface FollowLogSource<E extends EventLike> {
  /** Up to `limit` events from `fromPosition` on, in global order. */
  readAll(fromPosition: number, limit: number): Promise<readonly RecordedEvent<E>[]>;
  /**
   * Resolves when an event at `position` or later may be there (at once if it already
   * is: an append made while the subscriber was busy must not be missed), or when
   * `signal` aborts.
   */
  waitForAppend(position: number, signal: AbortSignal): Promise<void>;
  /**
   * Called when reading or waiting failed. Resolve to try again (once the store may be
   * back: the subscription resumes where it was, so nothing is skipped or repeated), or
   * reject to end the subscription with that error. Without it, any failure ends it.
   */
  recover?(error: unknown, signal: AbortSignal): Promise<void>;
  /** Aborts when the store closes: its subscriptions then end, as if closed. */
  readonly closed?: AbortSignal;
}

/**
 * A subscription from a source's batch reads and append waits: what every store's `subscribe` is built on, so
 * they all catch up, go live and recover the same way.
 */
export function followLog<E extends EventLike>(source: FollowLogSource<E>, options: SubscribeOptions = {}): Subscription<E> {
  const batchSize = options.batchSize ?? 500;
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  source.closed?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted || source.closed?.aborted) stop.abort();
  const detach = () => {
    options.signal?.removeEventListener('abort', onAbort);
    source.closed?.removeEventListener('abort', onAbort);
  };

  let markCaughtUp!: () => void;
  const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));

  async function* run(): AsyncGenerator<RecordedEvent<E>> {
    let next = options.fromPosition ?? 1;
    try {
      while (!stop.signal.aborted) {
        let batch: readonly RecordedEvent<E>[];
        try {
          batch = await source.readAll(next, batchSize);
          if (batch.length === 0) {
            markCaughtUp();
            await source.waitForAppend(next, stop.signal);
            continue;
          }
        } catch (error) {
          // Closed meanwhile: the failure is nobody's business any more.
          if (stop.signal.aborted) return;
          if (!source.recover) throw error;
          await source.recover(error, stop.signal);
          continue;
        }
        for (const event of batch) {
          if (stop.signal.aborted) return;
          yield event;
          next = event.globalPosition + 1;
        }
      }
    } finally {
      markCaughtUp();
      detach();
    }
  }

  const iterator = run();
  return {
    caughtUp,
    close: () => {
      stop.abort();
      detach();
      // Closed before it was iterated: nobody awaiting caughtUp should wait forever.
      markCaughtUp();
    },
    [Symbol.asyncIterator]: () => iterator,
  };
}
