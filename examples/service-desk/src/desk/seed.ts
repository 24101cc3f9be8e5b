/**
 * A week of complaints on request: the service-station demo's week (its staff, customers
 * and every path of the workflow, played through the public API on the demo's own manual
 * clock), copied into the desk's store. Played in memory and then copied, so the same seed
 * lands in SQLite or PostgreSQL alike.
 *
 * Only into an empty store: the week's complaint ids would collide with themselves.
 */
import type { ComplaintEvent, EventStore, NewEvent, RecordedEvent } from '@redress/core';
import { playWeek, WEEK_END } from '@redress/example-service-station';

export interface SeedReport {
  readonly complaints: number;
  readonly events: number;
  /** The instant the week ends: the desk's clock starts there. */
  readonly endsAt: Date;
}

const withoutPosition = ({ streamId: _s, streamVersion: _v, globalPosition: _g, ...event }: RecordedEvent<ComplaintEvent>) =>
  event as NewEvent<ComplaintEvent>;

/** Consecutive events of one stream caused by one command: they were one append, and stay one. */
function appends(log: readonly RecordedEvent<ComplaintEvent>[]): RecordedEvent<ComplaintEvent>[][] {
  const groups: RecordedEvent<ComplaintEvent>[][] = [];
  for (const event of log) {
    const last = groups.at(-1);
    const previous = last?.at(-1);
    if (last && previous && previous.streamId === event.streamId && previous.causationId === event.causationId) last.push(event);
    else groups.push([event]);
  }
  return groups;
}

export async function seedWeek(store: EventStore<ComplaintEvent>): Promise<SeedReport> {
  if ((await store.readAll(1, 1)).length > 0) {
    throw new Error('the store already holds events: a week is seeded into a new store only (give a new REDRESS_DESK_DB file)');
  }
  const week = await playWeek({ store: { kind: 'memory' } });
  const log = await week.store.readAll(1);
  for (const group of appends(log)) {
    const first = group[0] as RecordedEvent<ComplaintEvent>;
    await store.append(first.streamId, first.streamVersion - 1, group.map(withoutPosition));
  }
  return { complaints: week.received, events: log.length, endsAt: WEEK_END };
}
