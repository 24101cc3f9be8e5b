/**
 * What immer costs a host's read model: `defineProjection` / `defineKeyedProjection`
 * beside the same read model written by hand, folded over the same log in the same run
 * (samples interleaved), as events/s. Two baselines, both honest: mutating in place (what
 * the built-in projections do; nothing is frozen or shared) and copying with spreads
 * (immutable like immer's results, but nothing frozen). The "whole table as one state"
 * case shows why the keyed helper exists; it runs on the small log only, its cost grows
 * with the table.
 */
import { createEngine, createInMemoryEventStore, createManualClock, type ComplaintEvent, type Projection, type RecordedEvent } from '@redress/core';
import { isDeepStrictEqual } from 'node:util';
import { CLOCK_START, CLOCK_STEP_MS, commandStream } from './fixtures.js';
import { measure, type BenchSpec, type Stats } from './harness.js';
import * as models from './immer-read-models.js';
import { record, type BenchRecord } from './report.js';

async function logOf(complaints: number): Promise<readonly RecordedEvent<ComplaintEvent>[]> {
  const store = createInMemoryEventStore<ComplaintEvent>();
  const clock = createManualClock(CLOCK_START);
  const engine = createEngine({ store, clock });
  for (const command of commandStream({ complaints, seed: 11 }).commands) {
    clock.advance(CLOCK_STEP_MS);
    const result = await engine.execute(command);
    if (!result.ok) throw result.error;
  }
  return store.readAll(1, Number.MAX_SAFE_INTEGER);
}

/** The plain value of a state (a Map's entries, an object's fields), to check that the variants agree. */
const plain = (state: unknown): unknown => (state instanceof Map ? Object.fromEntries(state) : state);

type Variant = readonly [name: string, make: () => Projection<unknown>];

async function compareVariants(label: string, events: readonly RecordedEvent<ComplaintEvent>[], variants: readonly Variant[], samples: number): Promise<Map<string, Stats>> {
  const [first, ...others] = variants;
  if (first === undefined) throw new RangeError(`${label}: no variants`);
  const expected = plain(models.fold(first[1](), events));
  for (const [name, make] of others) {
    if (!isDeepStrictEqual(plain(models.fold(make(), events)), expected)) throw new Error(`${label}: ${name} disagrees with ${first[0]}`);
  }
  let sink: unknown;
  const specs: BenchSpec[] = variants.map(([name, make]) => ({ name, opsPerSample: events.length, run: () => (sink = models.fold(make(), events)) }));
  const stats = await measure(specs, { warmup: 2, samples });
  void sink;
  return stats;
}

export async function runImmerBenchmarks(options: { readonly quick: boolean; readonly log: (message: string) => void }): Promise<{ records: BenchRecord[]; fixtures: Record<string, number> }> {
  const samples = options.quick ? 5 : 15;
  const small = await logOf(options.quick ? 100 : 200);
  const large = await logOf(options.quick ? 1_000 : 5_000);
  options.log(`immer: logs of ${small.length} and ${large.length} events`);
  const records: BenchRecord[] = [];
  const add = (stats: Map<string, Stats>, baseline: string, descriptions: Record<string, string>) => {
    for (const [name, description] of Object.entries(descriptions)) {
      const base = stats.get(baseline) as Stats;
      records.push(record(stats.get(name) as Stats, { description, unit: 'events/s', ...(name === baseline ? {} : { baseline: base }) }));
    }
  };

  for (const [size, events] of [['large', large]] as const) {
    const desk = await compareVariants('desk', events, [['immer.desk.inPlace', models.deskInPlace], ['immer.desk.spread', models.deskBySpread], ['immer.desk.defineProjection', models.deskWithImmer]] as Variant[], samples);
    add(desk, 'immer.desk.inPlace', {
      'immer.desk.inPlace': `${size} log: a desk report (counters, count per cause) mutated in place by hand`,
      'immer.desk.spread': `${size} log: the same report copied with spreads by hand (immutable, not frozen)`,
      'immer.desk.defineProjection': `${size} log: the same report with defineProjection (immer drafts, frozen, shared)`,
    });
    const table = await compareVariants('handling', events, [['immer.table.inPlace', models.handlingInPlace], ['immer.table.spread', models.handlingBySpread], ['immer.table.defineKeyedProjection', models.handlingWithImmer]] as Variant[], samples);
    add(table, 'immer.table.inPlace', {
      'immer.table.inPlace': `${size} log: a table of one entry per complaint, mutated in place by hand`,
      'immer.table.spread': `${size} log: the same table, each entry replaced by a spread copy`,
      'immer.table.defineKeyedProjection': `${size} log: the same table with defineKeyedProjection (immer per entry, frozen entries)`,
    });
  }
  const trap = await compareVariants('handling (small)', small, [['immer.smallTable.inPlace', models.handlingInPlace], ['immer.smallTable.defineKeyedProjection', models.handlingWithImmer], ['immer.smallTable.oneState', models.handlingAsOneState]] as Variant[], samples);
  add(trap, 'immer.smallTable.inPlace', {
    'immer.smallTable.inPlace': 'small log: the per-complaint table mutated in place by hand',
    'immer.smallTable.defineKeyedProjection': 'small log: the table with defineKeyedProjection',
    'immer.smallTable.oneState': 'small log: the whole table as one defineProjection state (copied per event: cost grows with the table)',
  });
  return { records, fixtures: { smallEvents: small.length, largeEvents: large.length, samples } };
}
