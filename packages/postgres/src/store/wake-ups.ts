/**
 * Wake-ups for subscribers: one connection per store LISTENs on the positioner's
 * channel, and every waiter of the store's tenant is woken by a notification.
 *
 * NOTIFY alone is not enough: a notification sent while the listening connection
 * is down (restart, network cut, failover) is lost for good. So every wait is also
 * bounded by a poll interval, after which the subscriber simply reads again.
 */
import type { Notification, Pool, PoolClient } from 'pg';
import { NOTIFY_CHANNEL } from '../schema/migrations.js';

export interface WakeUps {
  /**
   * Resolves at once when `ready()` says so, else on a notification for the tenant,
   * after `pollMs`, or when `signal` aborts, whichever comes first. The waiter is
   * registered before `ready()` runs, so a notification sent meanwhile is not lost.
   */
  next(signal: AbortSignal, ready: () => Promise<boolean>): Promise<void>;
  close(): Promise<void>;
}

export function createWakeUps(pool: Pool, tenant: string, pollMs: number): WakeUps {
  let waiters = new Set<() => void>();
  let listener: Promise<PoolClient | undefined> | undefined;
  let closed = false;
  /** Removes our listeners from the listening client, before it goes back to the pool. */
  let detach = () => {};

  const wakeAll = () => {
    const woken = waiters;
    waiters = new Set();
    for (const wake of woken) wake();
  };

  function listen(): Promise<PoolClient | undefined> {
    listener ??= (async () => {
      let client: PoolClient | undefined;
      try {
        client = await pool.connect();
        const connected = client;
        const onNotification = (message: Notification) => {
          if (message.payload === tenant) wakeAll();
        };
        // A dropped connection: forget it, so the next wait listens again; polling covers the gap.
        const onError = () => {
          detach();
          listener = undefined;
          connected.release(true);
        };
        detach = () => {
          connected.removeListener('notification', onNotification);
          connected.removeListener('error', onError);
          detach = () => {};
        };
        client.on('notification', onNotification);
        client.on('error', onError);
        await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
        if (closed) {
          detach();
          client.release();
          return undefined;
        }
        return client;
      } catch {
        // No LISTEN for now: the waits poll, and the next one tries again.
        detach();
        client?.release(true);
        listener = undefined;
        return undefined;
      }
    })();
    return listener;
  }

  return {
    async next(signal, ready) {
      if (signal.aborted || closed) return;
      await listen();
      let wake = () => {};
      const woken = new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          waiters.delete(done);
          resolve();
        };
        // A timer at the edge, on purpose: the poll that covers notifications lost while
        // the listening connection was down (see above). Never part of any decision.
        // eslint-disable-next-line no-restricted-globals -- bounded poll fallback for lost NOTIFYs
        const timer = setTimeout(done, pollMs);
        waiters.add(done);
        signal.addEventListener('abort', done, { once: true });
        wake = done;
      });
      try {
        if (await ready()) wake();
      } catch (error) {
        wake();
        throw error;
      }
      await woken;
    },
    async close() {
      closed = true;
      wakeAll();
      const client = await listener;
      listener = undefined;
      if (client) {
        await client.query(`UNLISTEN ${NOTIFY_CHANNEL}`).catch(() => undefined);
        detach();
        client.release();
      }
    },
  };
}
