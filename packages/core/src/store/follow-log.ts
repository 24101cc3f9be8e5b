/**
 * A subscription built from two primitives any store has: read a batch of the log,
 * and wait until something may have been appended. In-memory stores wake on
 * append; polling stores wait a poll interval; PostgreSQL can wait for NOTIFY.
 */
import type { EventLike, RecordedEvent } from '../events/envelope.js';
import type { SubscribeOptions, Subscription } from './event-store.js';

export interface FollowLogSource<E extends EventLike> {
  readAll(fromPosition: number, limit: number): Promise<readonly RecordedEvent<E>[]>;
  /**
   * Resolves when an event at `position` or later may be there (at once if it already
   * is: an append made while the subscriber was busy must not be missed), or when
   * `signal` aborts.
   */
  waitForAppend(position: number, signal: AbortSignal): Promise<void>;
}

export function followLog<E extends EventLike>(source: FollowLogSource<E>, options: SubscribeOptions = {}): Subscription<E> {
  const batchSize = options.batchSize ?? 500;
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) stop.abort();

  let markCaughtUp!: () => void;
  const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));

  async function* run(): AsyncGenerator<RecordedEvent<E>> {
    let next = options.fromPosition ?? 1;
    try {
      while (!stop.signal.aborted) {
        const batch = await source.readAll(next, batchSize);
        if (batch.length === 0) {
          markCaughtUp();
          await source.waitForAppend(next, stop.signal);
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
      options.signal?.removeEventListener('abort', onAbort);
    }
  }

  const iterator = run();
  return {
    caughtUp,
    close: () => {
      stop.abort();
      // Closed before it was iterated: nobody awaiting caughtUp should wait forever.
      markCaughtUp();
    },
    [Symbol.asyncIterator]: () => iterator,
  };
}
