/**
 * Server-sent events: every change of the log as the read models apply it (`change`),
 * and every move of the desk's clock (`clock`), so dashboards refresh what they show and
 * countdowns stay on the desk's time. Fed by the store subscription behind the read side,
 * so the SLA ticker's breaches and other instances' commands arrive too.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Desk } from '../desk/desk.js';

const HEARTBEAT_MS = 25_000;

export function liveEvents(c: Context, desk: Desk): Response {
  return streamSSE(c, async (stream) => {
    const queue: ({ event: string; data: string; id?: string } | 'keep-alive')[] = [];
    let wake: (() => void) | null = null;
    const push = (message: { event: string; data: string; id?: string } | 'keep-alive') => {
      queue.push(message);
      wake?.();
    };
    const offChange = desk.read.onChange((change) => push({ event: 'change', id: String(change.position), data: JSON.stringify(change) }));
    const offClock = desk.onClock(() => push({ event: 'clock', data: JSON.stringify({ now: desk.clock.now().toISOString() }) }));
    let open = true;
    stream.onAbort(() => {
      open = false;
      wake?.();
    });
    await stream.writeSSE({ event: 'hello', data: JSON.stringify({ position: desk.read.position, now: desk.clock.now().toISOString() }) });
    // A comment line now and then, so proxies keep an idle connection open.
    void (async () => {
      while (open) {
        await stream.sleep(HEARTBEAT_MS);
        if (open) push('keep-alive');
      }
    })();
    try {
      while (open) {
        const message = queue.shift();
        if (message === 'keep-alive') await stream.write(': keep-alive\n\n');
        else if (message) await stream.writeSSE(message);
        else {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
        }
      }
    } finally {
      offChange();
      offClock();
    }
  });
}
