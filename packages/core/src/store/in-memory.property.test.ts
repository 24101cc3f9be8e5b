/**
 * The in-memory store's event-id rules against a plain model: random appends drawing ids from a small pool
 * (so retries, partial repeats, ids reused across streams and twice in one append are common) and random
 * expected versions. The store claims ids as it checks them and gives them back when it refuses, so a
 * refused append must leave no id taken: the model, which only ever looks at the log, says what is taken.
 */
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import type { NewEvent } from '../events/envelope.js';
import type { ExpectedVersion } from '../errors/errors.js';
import { matchesExpectedVersion } from './expected-version.js';
import { createInMemoryEventStore } from './in-memory.js';

type Event = { readonly type: 'Noted'; readonly data: { readonly n: number } };
type Outcome = 'written' | 'duplicate' | 'conflict';

const event = (id: string, n: number): NewEvent<Event> => ({
  type: 'Noted',
  data: { n },
  eventId: id,
  occurredAt: '2026-11-23T09:30:00.000Z',
  actor: { id: 'h-1', role: 'handler' },
  causationId: 'cmd-1',
  correlationId: 'cmd-1',
  schemaVersion: 1,
});

/** What the store must answer, from the log alone: a retry of the same events, a conflict, or a write. */
function modelAppend(log: { streamId: string; eventId: string }[], streamId: string, expected: ExpectedVersion, ids: readonly string[]): Outcome {
  const stream = log.filter((e) => e.streamId === streamId);
  const first = ids[0];
  if (first === undefined) return matchesExpectedVersion(stream.length, expected) ? 'written' : 'conflict';
  const start = stream.findIndex((e) => e.eventId === first);
  if (start >= 0) {
    const stored = stream.slice(start, start + ids.length).map((e) => e.eventId);
    return stored.length === ids.length && stored.every((id, i) => id === ids[i]) ? 'duplicate' : 'conflict';
  }
  if (!matchesExpectedVersion(stream.length, expected)) return 'conflict';
  const taken = new Set(log.map((e) => e.eventId));
  if (ids.some((id, i) => taken.has(id) || ids.indexOf(id) !== i)) return 'conflict';
  for (const eventId of ids) log.push({ streamId, eventId });
  return 'written';
}

const append = fc.record({
  streamId: fc.constantFrom('s-1', 's-2', 's-3'),
  expected: fc.oneof(fc.constantFrom<ExpectedVersion>('any', 'noStream', 'streamExists'), fc.nat({ max: 6 })),
  ids: fc.array(fc.constantFrom('e-1', 'e-2', 'e-3', 'e-4', 'e-5', 'e-6', 'e-7', 'e-8'), { maxLength: 3 }),
});

test.prop([fc.array(append, { maxLength: 30 })], { numRuns: 500 })('refuses, retries and writes exactly as the model of the log says', async (appends) => {
  const store = createInMemoryEventStore<Event>();
  const model: { streamId: string; eventId: string }[] = [];
  for (const [n, a] of appends.entries()) {
    const expected = modelAppend(model, a.streamId, a.expected, a.ids);
    let actual: Outcome;
    try {
      actual = (await store.append(a.streamId, a.expected, a.ids.map((id) => event(id, n)))).duplicate ? 'duplicate' : 'written';
    } catch (error) {
      expect((error as { kind?: string }).kind).toBe('ConcurrencyConflict');
      actual = 'conflict';
    }
    expect(actual, JSON.stringify(a)).toBe(expected);
  }
  expect((await store.readAll(1, 1_000)).map((e) => ({ streamId: e.streamId, eventId: e.eventId }))).toEqual(model);
});
