/**
 * The inline runner never moves its checkpoint past an event it has not applied,
 * whatever positions the store hands out. The store here numbers the events of
 * appends that arrive together alternately (as PostgreSQL's identity column did for
 * concurrent multi-row inserts), so one command's events are not consecutive: the
 * engine used to apply "its own" events at p and p + 2 and skip p + 1 for good.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { CommandInput } from '../commands/schema.js';
import { recordEvent, type NewEvent, type RecordedEvent } from '../events/envelope.js';
import type { ComplaintEvent } from '../events/schema.js';
import { StoreUnavailableError } from '../errors/store-errors.js';
import { rebuildProjection } from '../projections/projection.js';
import { queuesProjection } from '../projections/queues.js';
import { ticketViewProjection } from '../projections/ticket-view.js';
import type { EventStore, ExpectedVersion } from '../store/event-store.js';
import { assertExpectedVersion } from '../store/expected-version.js';
import { commandOf } from '../test-support/fixtures.js';
import { NOW } from '../test-support/given.js';
import { createManualClock } from './clock.js';
import { createEngine } from './engine.js';
import { sequentialIds } from './ids.js';

interface Pending {
  readonly streamId: string;
  readonly expected: ExpectedVersion;
  readonly events: readonly NewEvent<ComplaintEvent>[];
  settle(result: { events: RecordedEvent<ComplaintEvent>[] } | Error): void;
}

/**
 * Holds appends until `together` of them wait, then numbers their events round-robin
 * (gaps between one append's events, filled by the others'). readAll is in position order.
 */
function interleavingStore(together: () => number): EventStore<ComplaintEvent> & { readonly log: RecordedEvent<ComplaintEvent>[] } {
  const log: RecordedEvent<ComplaintEvent>[] = [];
  const streams = new Map<string, RecordedEvent<ComplaintEvent>[]>();
  let waiting: Pending[] = [];
  const flush = () => {
    const batch = waiting;
    waiting = [];
    let position = log.length;
    const placed = batch.map(() => [] as RecordedEvent<ComplaintEvent>[]);
    const longest = Math.max(...batch.map((p) => p.events.length));
    const ok = batch.map((p) => {
      try {
        assertExpectedVersion(p.streamId, streams.get(p.streamId)?.length ?? 0, p.expected);
        return true;
      } catch (error) {
        p.settle(error as Error);
        return false;
      }
    });
    for (let i = 0; i < longest; i++) {
      batch.forEach((p, b) => {
        const event = p.events[i];
        if (!ok[b] || !event) return;
        const stream = streams.get(p.streamId) ?? [];
        const recorded = recordEvent(event, p.streamId, stream.length + 1, ++position);
        stream.push(recorded);
        streams.set(p.streamId, stream);
        placed[b]?.push(recorded);
        log.push(recorded);
      });
    }
    log.sort((a, b) => a.globalPosition - b.globalPosition);
    batch.forEach((p, b) => ok[b] && p.settle({ events: placed[b] ?? [] }));
  };
  return {
    log,
    append(streamId, expected, events) {
      return new Promise((resolve, reject) => {
        waiting.push({
          streamId,
          expected,
          events,
          settle: (r) => (r instanceof Error ? reject(r) : resolve({ events: r.events, streamVersion: streams.get(streamId)?.length ?? 0, duplicate: false })),
        });
        if (waiting.length >= together()) flush();
      });
    },
    readStream: async (streamId, from = 1) => (streams.get(streamId) ?? []).slice(from - 1),
    readAll: async (from = 1, limit = 1000) => log.filter((e) => e.globalPosition >= from).slice(0, Math.max(0, limit)),
    subscribe: () => {
      throw new Error('not used');
    },
  };
}

/** A receipt acknowledged at once: two events. */
const receipt = (id: string): CommandInput => commandOf('ReceiveComplaint', id, NOW, 0);

describe('inline projections', () => {
  it('never skip another command\'s event placed between one command\'s own', async () => {
    let together = 2;
    const store = interleavingStore(() => together);
    const tickets = ticketViewProjection();
    const engine = createEngine({ store, clock: createManualClock(NOW), ids: sequentialIds('e'), projections: [tickets] });
    const [a, b] = await Promise.all([engine.executeOrThrow(receipt('c-a')), engine.executeOrThrow(receipt('c-b'))]);
    // The store interleaved them: each command's two events have the other's between them.
    expect(a.events.map((e) => e.globalPosition)).toEqual([1, 3]);
    expect(b.events.map((e) => e.globalPosition)).toEqual([2, 4]);
    together = 1;
    await engine.catchUp();
    expect(engine.view(tickets)).toEqual((await rebuildProjection(store, ticketViewProjection())).state);
  });

  test.prop([fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 8 }), fc.boolean()], { numRuns: 100 })(
    'equal a rebuild after rounds of concurrent commands, with or without a catch-up at the end',
    async (rounds, finalCatchUp) => {
      let together = 1;
      const store = interleavingStore(() => together);
      const tickets = ticketViewProjection();
      const queues = queuesProjection();
      const engine = createEngine({ store, clock: createManualClock(NOW), ids: sequentialIds('e'), projections: [tickets, queues] });
      let n = 0;
      for (const size of rounds) {
        together = size;
        const ids = Array.from({ length: size }, () => `c-${++n}`);
        await Promise.all(ids.map((id) => engine.executeOrThrow(receipt(id))));
      }
      together = 1;
      if (finalCatchUp) await engine.catchUp();
      const rebuilt = (await rebuildProjection(store, ticketViewProjection())).state;
      // Without a catch-up a view may lag, never hold an event out of order or skip one.
      const view = engine.view(tickets);
      if (finalCatchUp) expect(view).toEqual(rebuilt);
      for (const [id, ticket] of view) expect(ticket.version).toBeLessThanOrEqual(rebuilt.get(id)?.version ?? 0);
      for (const ticket of view.values()) expect(ticket.timeline.map((e) => e.version)).toEqual(ticket.timeline.map((_, i) => i + 1));
      expect(store.log.length).toBe(n * 2);
    },
  );

  it('lag, without failing the command, when the store goes away between the append and the catch-up', async () => {
    const inner = interleavingStore(() => 1);
    let down = false;
    const store: EventStore<ComplaintEvent> = {
      ...inner,
      readAll: async (from, limit) => {
        if (down) throw new StoreUnavailableError({ store: 'test', operation: 'readAll', cause: new Error('gone'), maybeWritten: false });
        return inner.readAll(from, limit);
      },
    };
    const tickets = ticketViewProjection();
    const engine = createEngine({ store, clock: createManualClock(NOW), ids: sequentialIds('e'), projections: [tickets] });
    await engine.executeOrThrow(receipt('c-1'));
    // Another writer's event the runner has not seen: it must read the store, which is down.
    await inner.append('c-x', 'noStream', [{ ...receipt('c-x'), type: 'NoteAdded', data: { text: 'x' }, eventId: 'x', occurredAt: NOW, actor: { id: 'a', role: 'system' }, causationId: 'x', correlationId: 'x', schemaVersion: 1 } as unknown as NewEvent<ComplaintEvent>]);
    down = true;
    const result = await engine.execute(receipt('c-2'));
    expect(result.ok).toBe(true);
    expect([...engine.view(tickets).keys()]).toEqual(['c-1']);
    down = false;
    await engine.catchUp();
    expect([...engine.view(tickets).keys()].sort()).toEqual(['c-1', 'c-2']);
  });

  it('surface a store failure of execute itself as a typed, retriable refusal', async () => {
    const inner = interleavingStore(() => 1);
    const store: EventStore<ComplaintEvent> = {
      ...inner,
      append: async () => {
        throw new StoreUnavailableError({ store: 'test', operation: 'append', cause: new Error('connection refused'), maybeWritten: false });
      },
    };
    const engine = createEngine({ store, clock: createManualClock(NOW), ids: sequentialIds('e') });
    const result = await engine.execute(receipt('c-1'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatchObject({ kind: 'StoreUnavailable', retriable: true, operation: 'append' });
    await expect(engine.executeOrThrow(receipt('c-1'))).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
