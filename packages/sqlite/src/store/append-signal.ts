/**
 * Waiting for the log to reach a position. Appends made through this store
 * instance wake waiters at once; appends by other processes or connections are
 * seen by polling the head of the log, because SQLite has no way to notify
 * another connection of a commit.
 */
export interface AppendSignal {
  /** Called after each committed append of this instance. */
  notify(): void;
  /** Resolves once `head() >= position`, or `signal` aborts. */
  waitFor(position: number, signal: AbortSignal): Promise<void>;
}

export function createAppendSignal(head: () => number, pollIntervalMs: number): AppendSignal {
  const waiters = new Set<() => void>();
  return {
    notify() {
      for (const check of [...waiters]) check();
    },
    waitFor(position, signal) {
      return new Promise<void>((resolve) => {
        if (signal.aborted || head() >= position) return resolve();
        const finish = () => {
          clearInterval(timer);
          waiters.delete(check);
          signal.removeEventListener('abort', finish);
          resolve();
        };
        const check = () => {
          // A closed connection throws here, on a timer where nobody could catch it: the
          // wait ends instead, and the subscriber's next read reports the closed store.
          let reached = true;
          try {
            reached = head() >= position;
          } catch {
            // see above
          }
          if (reached) finish();
        };
        // The one timer of this package, at the edge: polling is the mechanism itself, since
        // SQLite cannot push another connection's commits. It ends when the wait does.
        // eslint-disable-next-line no-restricted-globals -- polling is the mechanism: SQLite cannot push other connections' commits
        const timer = setInterval(check, pollIntervalMs);
        waiters.add(check);
        signal.addEventListener('abort', finish, { once: true });
      });
    },
  };
}
