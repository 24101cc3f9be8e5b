/**
 * The peer comparison at two sizes in one run: the nine-command walk of
 * `walk.ts` through Redress's `execute()`, Emmett 0.42's `DeciderCommandHandler`
 * and the minimal hand-written decide + evolve + append, each size measured as one
 * interleaved group so the three share the machine's slow phases.
 */
import { isDeepStrictEqual } from 'node:util';
import { getInMemoryEventStore } from '@event-driven-io/emmett';
import { commandSchema, createEngine, createInMemoryEventStore, createManualClock, type Command, type CommandInput, type ComplaintEvent } from '@redress/core';
import { CLOCK_START, CLOCK_STEP_MS } from './fixtures.js';
import { measure, type BenchSpec, type HarnessOptions, type Stats } from './harness.js';
import { record, type BenchRecord } from './report.js';
import { walkByHand, walkCommands, walkWithEmmett } from './walk.js';

let sink: unknown;
export const lastWalkSink = (): unknown => sink;

function redress() {
  const store = createInMemoryEventStore<ComplaintEvent>();
  const clock = createManualClock(CLOCK_START);
  return { engine: createEngine({ store, clock }), store, clock };
}

async function walkWithRedress(commands: readonly CommandInput[], { engine, clock }: ReturnType<typeof redress>): Promise<void> {
  for (const command of commands) {
    clock.advance(CLOCK_STEP_MS);
    const result = await engine.execute(command);
    if (!result.ok) throw result.error;
  }
}

/** The same walk through `executeTrusted()`, the commands validated by the host beforehand. */
async function walkTrusted(commands: readonly Command[], { engine, clock }: ReturnType<typeof redress>): Promise<void> {
  for (const command of commands) {
    clock.advance(CLOCK_STEP_MS);
    const result = await engine.executeTrusted(command);
    if (!result.ok) throw result.error;
  }
}

/** Throws unless the three wrote the same events (type and data, stream by stream, in order). */
async function verifySameWork(commands: readonly CommandInput[]): Promise<void> {
  const r = redress();
  await walkWithRedress(commands, r);
  const engineLog = await r.store.readAll(1, Number.MAX_SAFE_INTEGER);
  const hand = walkByHand(commands, createManualClock(CLOCK_START));
  const emmett = await walkWithEmmett(commands, createManualClock(CLOCK_START));
  if (engineLog.length !== hand.length) throw new Error(`walk mismatch: Redress wrote ${engineLog.length} events, the hand-written walk ${hand.length}`);
  hand.forEach((h, i) => {
    const e = engineLog[i];
    if (e === undefined || e.type !== h.type || e.streamId !== h.streamId || e.streamVersion !== h.streamVersion || !isDeepStrictEqual(e.data, h.data)) {
      throw new Error(`walk mismatch at ${i + 1}:\n Redress: ${JSON.stringify(e)}\n by hand: ${JSON.stringify(h)}`);
    }
  });
  const trusted = redress();
  await walkTrusted(commands.map((c) => commandSchema.parse(c)), trusted);
  const trustedLog = await trusted.store.readAll(1, Number.MAX_SAFE_INTEGER);
  if (!isDeepStrictEqual(trustedLog.map((e) => [e.type, e.streamId, e.data]), engineLog.map((e) => [e.type, e.streamId, e.data]))) throw new Error('walk mismatch: executeTrusted wrote other events than execute');
  for (const id of new Set(hand.map((h) => h.streamId))) {
    const ours = hand.filter((h) => h.streamId === id).map((h) => ({ type: h.type, data: h.data }));
    const theirs = (await emmett.readStream(id)).events.map((e) => ({ type: e.type, data: e.data }));
    if (!isDeepStrictEqual(ours, theirs)) throw new Error(`walk mismatch: Emmett's stream ${id} differs:\n ${JSON.stringify(theirs)}`);
  }
}

/** Measures the walk of `complaints` complaints (9 commands each); returns the records, named `walk.<size>.*` (`9k`, `90k`). */
async function walkAt(complaints: number, harness: HarnessOptions): Promise<BenchRecord[]> {
  const commands = walkCommands(complaints);
  const validated = commands.map((c) => commandSchema.parse(c));
  const size = `${Math.round(commands.length / 1000)}k`;
  const n = (what: string) => `walk.${size}.${what}`;
  const specs = [
    {
      name: n('hand'),
      opsPerSample: commands.length,
      setup: () => createManualClock(CLOCK_START),
      run: (clock) => {
        sink = walkByHand(commands, clock);
      },
    } satisfies BenchSpec<ReturnType<typeof createManualClock>>,
    {
      name: n('execute'),
      opsPerSample: commands.length,
      setup: redress,
      run: (fixture) => walkWithRedress(commands, fixture),
    } satisfies BenchSpec<ReturnType<typeof redress>>,
    {
      name: n('executeTrusted'),
      opsPerSample: commands.length,
      setup: redress,
      run: (fixture) => walkTrusted(validated, fixture),
    } satisfies BenchSpec<ReturnType<typeof redress>>,
    {
      name: n('emmett'),
      opsPerSample: commands.length,
      setup: () => ({ clock: createManualClock(CLOCK_START), store: getInMemoryEventStore() }),
      run: async ({ clock, store }) => {
        sink = await walkWithEmmett(commands, clock, store);
      },
    } satisfies BenchSpec<{ clock: ReturnType<typeof createManualClock>; store: ReturnType<typeof getInMemoryEventStore> }>,
  ];
  const stats = await measure(specs, harness);
  const hand = stats.get(n('hand')) as Stats;
  const execute = stats.get(n('execute')) as Stats;
  const emmett = stats.get(n('emmett')) as Stats;
  const trusted = stats.get(n('executeTrusted')) as Stats;
  const what = `the 9-command walk of ${complaints} complaints (${commands.length} commands)`;
  return [
    record(execute, { description: `engine.execute() per command over ${what}, fresh in-memory engine`, unit: 'µs/command', baseline: hand }),
    record(emmett, { description: `Emmett 0.42 DeciderCommandHandler + in-memory event store per command over ${what}`, unit: 'µs/command', baseline: hand }),
    record({ ...execute, name: n('execute.vsEmmett') }, { description: `engine.execute() against Emmett 0.42 over ${what}`, unit: 'µs/command', baseline: emmett, ...(complaints === 1_000 ? { maxRatio: 0.6 } : {}) }),
    record(trusted, { description: `engine.executeTrusted() (commands validated beforehand, untimed) per command over ${what}`, unit: 'µs/command', baseline: hand }),
    record({ ...trusted, name: n('executeTrusted.vsEmmett') }, { description: `engine.executeTrusted() against Emmett 0.42 over ${what}`, unit: 'µs/command', baseline: emmett, ...(complaints === 1_000 ? { maxRatio: 0.6 } : {}) }),
    record(hand, { description: `hand-written decide + evolve + append to an array over ${what}`, unit: 'µs/command' }),
  ];
}

export interface WalkBenchOptions {
  readonly quick: boolean;
  readonly log?: (message: string) => void;
}

/** The walk at 1,000 and 10,000 complaints (9k and 90k commands); `quick`: 200 and 2,000. */
export async function runWalkBenchmarks(options: WalkBenchOptions): Promise<BenchRecord[]> {
  const say = options.log ?? (() => {});
  const sizes = options.quick ? [200, 2_000] : [1_000, 10_000];
  await verifySameWork(walkCommands(sizes[0] as number));
  const records: BenchRecord[] = [];
  for (const [i, complaints] of sizes.entries()) {
    say(`walk: ${complaints} complaints × 9 commands: Redress (execute, executeTrusted), Emmett 0.42, by hand`);
    // The larger size has ten times the work per sample: fewer samples keep the run short.
    const harness: HarnessOptions = options.quick ? { warmup: 1, samples: 3 } : i === 0 ? { warmup: 2, samples: 15 } : { warmup: 1, samples: 7 };
    records.push(...(await walkAt(complaints, harness)));
  }
  return records;
}
