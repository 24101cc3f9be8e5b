/** The events the conformance suite writes, and small helpers its sections share. */
import type { EventLike, EventStore, NewEvent, RecordedEvent } from '@redress/core';

/** The events the suite writes. */
export type ConformanceEvent = { type: 'Happened'; data: { n: number; text?: string } };

/** What a section gets: a way to make an empty store. */
export type CreateStore = () => EventStore<ConformanceEvent> | Promise<EventStore<ConformanceEvent>>;

let counter = 0;

/** `n` new events with ids never used before in this process. */
export function newEvents(n: number, text?: string): NewEvent<ConformanceEvent>[] {
  return Array.from({ length: n }, (_, i) => ({
    type: 'Happened',
    data: text === undefined ? { n: i } : { n: i, text },
    eventId: `ev-${++counter}`,
    occurredAt: '2026-11-23T09:00:00.000Z',
    actor: { id: 'tester', role: 'system' },
    causationId: 'cmd',
    correlationId: 'cmd',
    schemaVersion: 1,
  }));
}

/** The first `count` events a subscription delivers. */
export async function collect<E extends EventLike>(iterable: AsyncIterable<RecordedEvent<E>>, count: number): Promise<RecordedEvent<E>[]> {
  const out: RecordedEvent<E>[] = [];
  if (count === 0) return out;
  for await (const e of iterable) {
    out.push(e);
    if (out.length === count) break;
  }
  return out;
}

/** True when positions strictly increase: the contract's global order (gaps allowed). */
export const increasing = (events: readonly RecordedEvent<EventLike>[]): boolean => events.every((e, i) => i === 0 || e.globalPosition > (events[i - 1]?.globalPosition ?? 0));

export const label = (e: RecordedEvent<EventLike>): string => `${e.streamId}${e.streamVersion}`;
