/** Waiting for time to pass, abortably: for back-offs and standbys, the package's only timers besides the subscribers' poll. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    // A timer at the edge: a standby has nothing to wait on but time (PostgreSQL has no
    // "lock released" notification), and a server that is down needs a back-off.
    // eslint-disable-next-line no-restricted-globals -- standby retry and error back-off
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
