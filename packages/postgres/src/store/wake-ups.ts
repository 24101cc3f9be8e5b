/**
 * Wake-ups for subscribers. An append wakes this process's waiters at once and, after
 * its commit and off its path, announces itself with NOTIFY for other processes: one
 * NOTIFY at a time per store, at most one per 10 ms, the appends that commit meanwhile
 * sharing the next one.
 * (A NOTIFY inside the append's transaction would serialise every commit of the
 * cluster on PostgreSQL's notification queue lock.) One connection per store LISTENs.
 *
 * Neither is a guarantee: a notification sent while the listening connection is down
 * (restart, network cut) is lost, and an append announced may not be readable yet (an
 * older transaction still runs, see positions.ts). So every wait is also bounded: by the
 * poll interval, or, after an announcement that did not make anything readable, by a
 * short back-off (5 ms, doubling) until it does.
 */
import type { Notification, Pool, PoolClient } from 'pg';
import { NOTIFY_CHANNEL } from '../schema/migrations.js';
import { pause } from './pause.js';

export interface WakeUps {
  /**
   * Resolves at once when `ready()` says so, else on an announcement for the tenant,
   * after the poll interval, or when `signal` aborts, whichever comes first. The waiter is
   * registered before `ready()` runs, so an announcement made meanwhile is not lost.
   */
  next(signal: AbortSignal, ready: () => Promise<boolean>): Promise<void>;
  /** Tells waiters an append of this tenant committed: at once here, by NOTIFY elsewhere. */
  announce(): void;
  close(): Promise<void>;
}

const FIRST_HURRY_MS = 5;
const NOTIFY_GAP_MS = 10;

export function createWakeUps(pool: Pool, tenant: string, pollMs: number): WakeUps {
  let waiters = new Set<() => void>();
  let listener: Promise<PoolClient | undefined> | undefined;
  let closed = false;
  /** After an announcement: how long the next wait lasts (0: no announcement pending). */
  let hurryMs = 0;
  let notifying: Promise<void> | undefined;
  /** Aborted on close: no gap to wait out then. */
  const idle = new AbortController();
  let notifyAgain = false;
  /** Removes our listeners from the listening client, before it goes back to the pool. */
  let detach = () => {};

  const wakeAll = () => {
    hurryMs = FIRST_HURRY_MS;
    const woken = waiters;
    waiters = new Set();
    for (const wake of woken) wake();
  };

  function listen(): Promise<PoolClient | undefined> {
    listener ??= (async () => {
      let client: PoolClient | undefined;
      // Guarded from the moment it is ours: a server restart must not raise an unhandled 'error'.
      const onError = () => {
        detach();
        listener = undefined;
        client?.release(true);
        client = undefined;
      };
      try {
        client = await pool.connect();
        const connected = client;
        const onNotification = (message: Notification) => {
          if (message.payload === tenant) wakeAll();
        };
        detach = () => {
          connected.removeListener('notification', onNotification);
          connected.removeListener('error', onError);
          detach = () => {};
        };
        connected.on('error', onError);
        connected.on('notification', onNotification);
        await connected.query(`LISTEN ${NOTIFY_CHANNEL}`);
        if (closed) {
          detach();
          connected.release();
          return undefined;
        }
        return connected;
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

  /**
   * One NOTIFY at a time, and at most one per NOTIFY_GAP_MS: the appends committed
   * meanwhile share the next. Under load that is a few a second per store, not one per
   * append; a subscriber elsewhere hears of an append at most that much later.
   */
  function notify(): void {
    if (closed) return;
    if (notifying) {
      notifyAgain = true;
      return;
    }
    notifying = pool
      .query('SELECT pg_notify($1, $2)', [NOTIFY_CHANNEL, tenant])
      .then(
        () => undefined,
        // Lost notifications are what the poll interval is for.
        () => undefined,
      )
      .then(() => pause(NOTIFY_GAP_MS, idle.signal))
      .finally(() => {
        notifying = undefined;
        if (notifyAgain) {
          notifyAgain = false;
          notify();
        }
      });
  }

  return {
    async next(signal, ready) {
      if (signal.aborted || closed) return;
      await listen();
      let wake = () => {};
      const waitMs = hurryMs > 0 ? Math.min(hurryMs, pollMs) : pollMs;
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
        const timer = setTimeout(done, waitMs);
        waiters.add(done);
        signal.addEventListener('abort', done, { once: true });
        wake = done;
      });
      try {
        if (await ready()) {
          hurryMs = 0;
          wake();
        } else if (hurryMs > 0) {
          hurryMs = hurryMs * 2 > pollMs ? 0 : hurryMs * 2;
        }
      } catch (error) {
        wake();
        throw error;
      }
      await woken;
    },
    announce() {
      wakeAll();
      notify();
    },
    async close() {
      closed = true;
      idle.abort();
      wakeAll();
      await notifying;
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
