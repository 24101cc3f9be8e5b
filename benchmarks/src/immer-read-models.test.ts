/**
 * The immer benchmark compares like with like only if its variants compute the same read
 * model: checked here on a log of interleaved lifecycles (reopened and major ones included),
 * with no timing at all. docs/read-models.md shows code from these read models verbatim.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createEngine, createInMemoryEventStore, createManualClock, type ComplaintEvent, type Projection } from '@redress/core';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CLOCK_START, CLOCK_STEP_MS, commandStream } from './fixtures.js';
import * as models from './immer-read-models.js';

const plain = (state: unknown): unknown => (state instanceof Map ? Object.fromEntries(state) : state);

describe('the immer benchmark\'s read models', async () => {
  const store = createInMemoryEventStore<ComplaintEvent>();
  const clock = createManualClock(CLOCK_START);
  const engine = createEngine({ store, clock });
  for (const command of commandStream({ complaints: 60, seed: 3 }).commands) {
    clock.advance(CLOCK_STEP_MS);
    await engine.executeOrThrow(command);
  }
  const events = await store.readAll(1, 100_000);

  it('agree, for the desk report', () => {
    const expected = models.fold(models.deskInPlace(), events);
    expect(expected.received).toBe(60);
    expect(expected.reopened).toBeGreaterThan(0);
    for (const make of [models.deskBySpread, models.deskWithImmer]) expect(models.fold(make(), events)).toEqual(expected);
  });

  it('agree, for the table of one entry per complaint', () => {
    const expected = plain(models.fold(models.handlingInPlace(), events));
    expect(Object.keys(expected as object)).toHaveLength(60);
    for (const make of [models.handlingBySpread, models.handlingWithImmer, models.handlingAsOneState]) {
      expect(isDeepStrictEqual(plain(models.fold(make() as Projection<unknown>, events)), expected)).toBe(true);
    }
  });

  it('are the code docs/read-models.md shows', () => {
    const doc = readFileSync(fileURLToPath(new URL('../../docs/read-models.md', import.meta.url)), 'utf8');
    const source = readFileSync(fileURLToPath(new URL('./immer-read-models.ts', import.meta.url)), 'utf8');
    const blocks = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(1);
    for (const block of blocks) expect(source).toContain(block);
  });
});
