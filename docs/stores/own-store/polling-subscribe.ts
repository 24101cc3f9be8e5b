/**
 * `subscribe` for a store that cannot tell anyone it was appended to (no NOTIFY, no
 * change feed, writers in other processes): look for the next event every `intervalMs`.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { followLog, type EventLike, type EventStore, type SubscribeOptions, type Subscription } from '@redress/core';

export function pollingSubscribe<E extends EventLike>(
  store: Pick<EventStore<E>, 'readAll'>,
  intervalMs: number,
  options?: SubscribeOptions,
): Subscription<E> {
  return followLog<E>(
    {
      readAll: (from, limit) => store.readAll(from, limit),
      // Returns at once when the event at `position` is already there; never rejects.
      waitForAppend: async (position, signal) => {
        while (!signal.aborted && (await store.readAll(position, 1)).length === 0) {
          await sleep(intervalMs, undefined, { signal }).catch(() => undefined);
        }
      },
    },
    options,
  );
}
