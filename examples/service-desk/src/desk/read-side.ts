/**
 * The desk's read models, fed by one subscription to the store: the ticket view, the
 * work queues and the CSI analytics. Fed from the log rather than inline in the engine,
 * so events that other writers append (the SLA ticker's warnings and breaches, another
 * desk instance on the same PostgreSQL log) show up too, and every change is announced
 * once to the live views (server-sent events).
 *
 * Read-your-writes: a request that executed a command waits with `reached(position)`
 * until the read models have applied its events before it answers.
 */
import { runProjection, ticketViewProjection, queuesProjection, type ComplaintEvent, type EventStore, type RecordedEvent } from '@redress/core';
import { analyticsProjection, type CsiLogEvent } from '@redress/csi';

/** One event, as the live views hear of it. */
export interface Change {
  readonly position: number;
  readonly streamId: string;
  readonly type: string;
  /** The complaint it concerns (also for SLA events, whose stream is `sla:<complaintId>`). */
  readonly complaintId: string | null;
  readonly at: string;
}

export type ChangeListener = (change: Change) => void;

const complaintOf = (event: RecordedEvent<{ type: string; data: unknown }>): string | null => {
  const data = event.data as { complaintId?: unknown } | null;
  if (typeof data?.complaintId === 'string') return data.complaintId;
  return event.streamId.includes(':') ? null : event.streamId;
};

export function createReadSide(store: EventStore<ComplaintEvent>) {
  const tickets = runProjection(ticketViewProjection());
  const queues = runProjection(queuesProjection());
  const analytics = runProjection(analyticsProjection());
  const listeners = new Set<ChangeListener>();
  const waiters: { position: number; resolve: () => void }[] = [];
  let position = 0;
  let latestAt: string | null = null;

  const subscription = store.subscribe({ fromPosition: 1 });
  const apply = (event: RecordedEvent<ComplaintEvent>) => {
    tickets.apply(event);
    queues.apply(event);
    analytics.apply(event as unknown as RecordedEvent<CsiLogEvent>);
    position = event.globalPosition;
    if (latestAt === null || event.occurredAt > latestAt) latestAt = event.occurredAt;
    const change: Change = { position, streamId: event.streamId, type: event.type, complaintId: complaintOf(event), at: event.occurredAt };
    for (const listener of listeners) {
      // A broken live view (a closed connection) must not stop the read models.
      try {
        listener(change);
      } catch (error) {
        console.error('live view listener failed:', error);
      }
    }
    for (let i = waiters.length - 1; i >= 0; i--) {
      const waiter = waiters[i] as (typeof waiters)[number];
      if (waiter.position <= position) {
        waiters.splice(i, 1);
        waiter.resolve();
      }
    }
  };
  const done = (async () => {
    for await (const event of subscription) apply(event);
  })();

  return {
    get tickets() {
      return tickets.state;
    },
    get queues() {
      return queues.state;
    },
    get analytics() {
      return analytics.state;
    },
    /** The global position of the last event applied. */
    get position() {
      return position;
    },
    /** The latest `occurredAt` in the log: the desk's clock never starts before it. */
    get latestAt() {
      return latestAt;
    },
    /** Resolves once everything stored when the desk started has been applied. */
    caughtUp: subscription.caughtUp,
    reached(target: number): Promise<void> {
      if (target <= position) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ position: target, resolve }));
    },
    onChange(listener: ChangeListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      subscription.close();
      await done;
      for (const waiter of waiters.splice(0)) waiter.resolve();
    },
  };
}

export type ReadSide = ReturnType<typeof createReadSide>;
