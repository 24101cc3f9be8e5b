/**
 * The @redress/core benchmarks, each measured beside its baseline in the same run:
 *
 * 1. `execute()` in memory over realistic lifecycles, per command, without and
 *    with the inline projections, against a hand-written reducer and array append
 *    producing the same events (target: ≤ 5 µs median per command).
 * 2. Rebuilding every complaint from a log (decision states with the public
 *    `evolve`/`evolveAll`, the ticket view, the queues), against a hand-written
 *    switch setting a step string per stream (target: ≥ 1M events/s).
 * 3. Micro benchmarks of execute's parts, to show where its time goes.
 */
import {
  commandSchema,
  parseCommand,
  createComplaintDecider,
  createEngine,
  createInMemoryEventStore,
  createManualClock,
  evolve,
  evolveAll,
  initialComplaintState,
  nanoidGenerator,
  queuesProjection,
  rebuildProjection,
  ticketViewProjection,
  type Command,
  type CommandInput,
  type ComplaintEvent,
  type ComplaintState,
  type Engine,
  type EngineOptions,
  type InMemoryEventStore,
  type NewEvent,
  type RecordedEvent,
} from '@redress/core';
import { executeByHand, rebuildStepsByHand, verifySameLog } from './baseline.js';
import { ticketsByHand, verifySameTickets } from './ticket-baseline.js';
import { CLOCK_START, CLOCK_STEP_MS, commandStream } from './fixtures.js';
import { measure, type BenchSpec, type HarnessOptions, type Stats } from './harness.js';
import { record, type BenchRecord, type Target } from './report.js';

export interface CoreBenchOptions {
  /** Fewer complaints and samples: a smoke run. */
  readonly quick: boolean;
  readonly log?: (message: string) => void;
}

export interface CoreBenchResult {
  readonly records: BenchRecord[];
  /** Where execute's median time per command goes, estimated from the micro benchmarks. */
  readonly breakdown: Record<string, number>;
  readonly fixtures: Record<string, unknown>;
}

const EXECUTE_TARGET: Target = { kind: 'max', value: 5, unit: 'µs/command' };
const REBUILD_TARGET: Target = { kind: 'min', value: 1_000_000, unit: 'events/s' };

type Store = InMemoryEventStore<ComplaintEvent>;

function newEngine(projections: boolean): { engine: Engine; store: Store; clock: ReturnType<typeof createManualClock> } {
  const store = createInMemoryEventStore<ComplaintEvent>();
  const clock = createManualClock(CLOCK_START);
  const options: EngineOptions = projections
    ? { store, clock, projections: [ticketViewProjection(), queuesProjection()] }
    : { store, clock };
  // ids: the engine's default, nanoid.
  return { engine: createEngine(options), store, clock };
}

/** Executes every command, advancing the clock a minute before each; throws on the first refusal. */
async function executeAll(engine: Engine, clock: ReturnType<typeof createManualClock>, commands: readonly CommandInput[]): Promise<void> {
  for (const command of commands) {
    clock.advance(CLOCK_STEP_MS);
    const result = await engine.execute(command);
    if (!result.ok) throw result.error;
  }
}

/** `executeTrusted()` of commands the host validated before (outside the timed part); throws on the first refusal. */
async function executeAllTrusted(engine: Engine, clock: ReturnType<typeof createManualClock>, commands: readonly Command[]): Promise<void> {
  for (const command of commands) {
    clock.advance(CLOCK_STEP_MS);
    const result = await engine.executeTrusted(command);
    if (!result.ok) throw result.error;
  }
}

/** What the micro benchmarks replay: each command as decided, and each event with the state it was applied to. */
interface Prepared {
  readonly decisions: { state: ComplaintState; command: Command; now: string }[];
  readonly evolutions: { state: ComplaintState; event: ComplaintEvent }[];
  readonly appends: { streamId: string; expected: number | 'noStream'; events: NewEvent<ComplaintEvent>[] }[];
}

function prepare(commands: readonly CommandInput[]): Prepared {
  const decider = createComplaintDecider();
  const clock = createManualClock(CLOCK_START);
  const states = new Map<string, { state: ComplaintState; version: number }>();
  const prepared: Prepared = { decisions: [], evolutions: [], appends: [] };
  for (const input of commands) {
    clock.advance(CLOCK_STEP_MS);
    const parsed = commandSchema.parse(input);
    const streamId = parsed.complaintId;
    if (streamId === undefined) throw new Error('the fixtures name every complaint');
    const command = { ...parsed, complaintId: streamId, commandId: nanoidGenerator() } as Command;
    const now = clock.now().toISOString();
    const entry = states.get(streamId) ?? { state: initialComplaintState, version: 0 };
    prepared.decisions.push({ state: entry.state, command, now });
    const decision = decider.decide(entry.state, command, { now });
    if (!decision.ok) throw decision.error;
    const events = decision.value.map(
      (e): NewEvent<ComplaintEvent> => ({
        ...e,
        eventId: nanoidGenerator(),
        occurredAt: now,
        actor: command.actor,
        causationId: command.commandId ?? '',
        correlationId: command.commandId ?? '',
        schemaVersion: 1,
      }),
    );
    prepared.appends.push({ streamId, expected: entry.version === 0 ? 'noStream' : entry.version, events });
    let state = entry.state;
    for (const e of decision.value) {
      prepared.evolutions.push({ state, event: e });
      state = evolve(state, e);
    }
    states.set(streamId, { state, version: entry.version + events.length });
  }
  return prepared;
}

/** Keeps results reachable so no work can be optimised away. */
let sink: unknown;
export const lastSink = (): unknown => sink;

export async function runCoreBenchmarks(options: CoreBenchOptions): Promise<CoreBenchResult> {
  const say = options.log ?? (() => {});
  const quick = options.quick;
  // Sized so that a full run stays under 3 minutes on a shared 2-core machine.
  const harness: HarnessOptions = quick ? { warmup: 1, samples: 5 } : { warmup: 2, samples: 15 };
  const rebuildHarness: HarnessOptions = quick ? harness : { warmup: 1, samples: 9 };
  const records: BenchRecord[] = [];

  // ---- 1. execute() -------------------------------------------------------
  const stream = commandStream({ complaints: quick ? 200 : 1_000 });
  const commands = stream.commands;
  say(`execute: ${stream.complaints} complaints, ${commands.length} commands per sample (${JSON.stringify(stream.shapes)})`);

  // What a host that validated its commands itself hands to executeTrusted: parsed once, untimed.
  const validated = commands.map((c) => commandSchema.parse(c));

  // The baseline must do the same work: the same events, the same envelopes; so must the trusted path.
  {
    const byHand = executeByHand(commands, createManualClock(CLOCK_START), nanoidGenerator);
    const { engine, store, clock } = newEngine(false);
    await executeAll(engine, clock, commands);
    verifySameLog(await store.readAll(1, Number.MAX_SAFE_INTEGER), byHand.log);
    const trusted = newEngine(false);
    await executeAllTrusted(trusted.engine, trusted.clock, validated);
    verifySameLog(await trusted.store.readAll(1, Number.MAX_SAFE_INTEGER), byHand.log);
  }

  const executeSpecs = [
    {
      name: 'execute.baseline',
      opsPerSample: commands.length,
      setup: () => createManualClock(CLOCK_START),
      run: (clock) => {
        sink = executeByHand(commands, clock, nanoidGenerator);
      },
    } satisfies BenchSpec<ReturnType<typeof createManualClock>>,
    {
      name: 'execute',
      opsPerSample: commands.length,
      setup: () => newEngine(false),
      run: ({ engine, clock }) => executeAll(engine, clock, commands),
    } satisfies BenchSpec<ReturnType<typeof newEngine>>,
    {
      name: 'execute.trusted',
      opsPerSample: commands.length,
      setup: () => newEngine(false),
      run: ({ engine, clock }) => executeAllTrusted(engine, clock, validated),
    } satisfies BenchSpec<ReturnType<typeof newEngine>>,
    {
      name: 'execute+projections',
      opsPerSample: commands.length,
      setup: () => newEngine(true),
      run: ({ engine, clock }) => executeAll(engine, clock, commands),
    } satisfies BenchSpec<ReturnType<typeof newEngine>>,
  ];
  const ex = await measure(executeSpecs, harness);
  const exBase = ex.get('execute.baseline') as Stats;
  records.push(
    record(ex.get('execute') as Stats, {
      description: 'engine.execute() per command, in-memory store, no projections',
      unit: 'µs/command',
      baseline: exBase,
      target: EXECUTE_TARGET,
      maxRatio: 2,
    }),
    record(ex.get('execute.trusted') as Stats, {
      description: 'engine.executeTrusted() per command (zod skipped: the commands were parsed by commandSchema beforehand, untimed), in-memory store, no projections',
      unit: 'µs/command',
      baseline: exBase,
      target: EXECUTE_TARGET,
      maxRatio: 2,
    }),
    record(ex.get('execute+projections') as Stats, {
      description: 'engine.execute() per command with ticketViewProjection() and queuesProjection() inline',
      unit: 'µs/command',
      baseline: exBase,
      target: EXECUTE_TARGET,
    }),
    record(exBase, {
      description: 'hand-written switch producing the same events and envelopes, array append, plain state per stream in a Map',
      unit: 'µs/command',
    }),
  );

  // ---- 3. micro: where execute's time goes --------------------------------
  say('micro: parseCommand, decide, evolve, nanoid, clock, store.append');
  const prepared = prepare(commands);
  // Every micro sample lasts tens of milliseconds, so one preemption cannot dominate it.
  const ids = 100_000;
  const clockCalls = 100_000;
  const evolveRepeats = 8;
  const decider = createComplaintDecider();
  const microSpecs = [
    {
      name: 'micro.parseCommand',
      opsPerSample: commands.length,
      run: () => {
        let ok = 0;
        // What execute() validates with: commandSchema, compiled per command type.
        for (const c of commands) if (parseCommand(c).success) ok++;
        sink = ok;
      },
    } satisfies BenchSpec<undefined>,
    {
      name: 'micro.decide',
      opsPerSample: prepared.decisions.length,
      run: () => {
        let ok = 0;
        for (const d of prepared.decisions) if (decider.decide(d.state, d.command, { now: d.now }).ok) ok++;
        sink = ok;
      },
    } satisfies BenchSpec<undefined>,
    {
      name: 'micro.evolve',
      opsPerSample: prepared.evolutions.length * evolveRepeats,
      run: () => {
        let last: ComplaintState = initialComplaintState;
        for (let r = 0; r < evolveRepeats; r++) for (const x of prepared.evolutions) last = evolve(x.state, x.event);
        sink = last;
      },
    } satisfies BenchSpec<undefined>,
    {
      name: 'micro.nanoid',
      opsPerSample: ids,
      run: () => {
        let id = '';
        for (let i = 0; i < ids; i++) id = nanoidGenerator();
        sink = id;
      },
    } satisfies BenchSpec<undefined>,
    {
      name: 'micro.clock.toISOString',
      opsPerSample: clockCalls,
      setup: () => createManualClock(CLOCK_START),
      run: (clock) => {
        let now = '';
        for (let i = 0; i < clockCalls; i++) {
          clock.advance(CLOCK_STEP_MS);
          now = clock.now().toISOString();
        }
        sink = now;
      },
    } satisfies BenchSpec<ReturnType<typeof createManualClock>>,
    {
      name: 'micro.store.append',
      opsPerSample: prepared.appends.length,
      setup: () => createInMemoryEventStore<ComplaintEvent>(),
      run: async (store) => {
        for (const a of prepared.appends) await store.append(a.streamId, a.expected, a.events);
        sink = store;
      },
    } satisfies BenchSpec<Store>,
  ];
  const micro = await measure(microSpecs, harness);
  const microInfo: [string, BenchRecord['unit'], string][] = [
    ['micro.parseCommand', 'µs/command', 'parseCommand(input) per command (zod validation: commandSchema compiled per command type, as execute() runs it)'],
    ['micro.decide', 'µs/command', 'createComplaintDecider().decide(state, command, { now }) per command (permissions, snapshot.can(), eventsFor)'],
    ['micro.evolve', 'µs/event', 'evolve(state, event) per event'],
    ['micro.nanoid', 'µs/id', 'the default id generator (nanoid) per id'],
    ['micro.clock.toISOString', 'µs/call', 'clock.advance + clock.now().toISOString() per call'],
    ['micro.store.append', 'µs/command', 'in-memory store.append(stream, expected, events) per command, into a fresh store'],
  ];
  for (const [name, unit, description] of microInfo) {
    records.push(record(micro.get(name) as Stats, { description, unit, baseline: exBase }));
  }

  // Per command: parse + decide + ids (command + events) + clock + evolve (events) + append; the rest is the engine's own.
  const eventsPerCommand = prepared.evolutions.length / commands.length;
  const us = (name: string) => ((micro.get(name) as Stats).medianNs / 1000);
  const parts = {
    parseCommand: us('micro.parseCommand'),
    decide: us('micro.decide'),
    'ids (1 + events per command)': us('micro.nanoid') * (1 + eventsPerCommand),
    'clock.now().toISOString()': us('micro.clock.toISOString'),
    'evolve (events per command)': us('micro.evolve') * eventsPerCommand,
    'store.append': us('micro.store.append'),
  };
  const executeUs = (ex.get('execute') as Stats).medianNs / 1000;
  const accounted = Object.values(parts).reduce((a, b) => a + b, 0);
  const breakdown = {
    'execute (median, µs/command)': executeUs,
    ...parts,
    'rest (engine glue: awaits, copies, cache; GC of what it keeps)': executeUs - accounted,
    'events per command': eventsPerCommand,
  };

  // ---- 2. rebuild from the log --------------------------------------------
  const logStream = commandStream({ complaints: quick ? 1_000 : 10_000, seed: 7 });
  say(`rebuild: writing ${logStream.complaints} complaints (${logStream.commands.length} commands) through the engine…`);
  const { engine, store, clock } = newEngine(false);
  await executeAll(engine, clock, logStream.commands);
  const events = (await store.readAll(1, Number.MAX_SAFE_INTEGER)) as readonly RecordedEvent<ComplaintEvent>[];
  const byStream = new Map<string, RecordedEvent<ComplaintEvent>[]>();
  for (const e of events) {
    const s = byStream.get(e.streamId);
    if (s) s.push(e);
    else byStream.set(e.streamId, [e]);
  }
  const grouped = [...byStream];
  say(`rebuild: ${events.length} events in ${grouped.length} streams`);

  // The subjects and the baseline must agree on where every complaint ended.
  {
    const steps = rebuildStepsByHand(events);
    for (const [id, streamEvents] of grouped) {
      if (evolveAll(initialComplaintState, streamEvents).step !== steps.get(id)) throw new Error(`rebuild mismatch for ${id}`);
    }
  }

  verifySameTickets((await rebuildProjection(store, ticketViewProjection())).state, ticketsByHand(events));

  const rebuildSpecs = [
    {
      name: 'rebuild.ticketView.hand',
      opsPerSample: events.length,
      run: () => {
        sink = ticketsByHand(events);
      },
    } satisfies BenchSpec<undefined>,
    {
      name: 'rebuild.baseline',
      opsPerSample: events.length,
      run: () => {
        sink = rebuildStepsByHand(events);
      },
    } satisfies BenchSpec<undefined>,
    {
      name: 'rebuild.evolve',
      opsPerSample: events.length,
      run: () => {
        const states = new Map<string, ComplaintState>();
        for (const e of events) states.set(e.streamId, evolve(states.get(e.streamId) ?? initialComplaintState, e));
        sink = states;
      },
    } satisfies BenchSpec<undefined>,
    {
      name: 'rebuild.evolveAll',
      opsPerSample: events.length,
      run: () => {
        const states = new Map<string, ComplaintState>();
        for (const [id, streamEvents] of grouped) states.set(id, evolveAll(initialComplaintState, streamEvents));
        sink = states;
      },
    } satisfies BenchSpec<undefined>,
    {
      name: 'rebuild.ticketView',
      opsPerSample: events.length,
      run: async () => {
        sink = await rebuildProjection(store, ticketViewProjection());
      },
    } satisfies BenchSpec<undefined>,
    {
      name: 'rebuild.queues',
      opsPerSample: events.length,
      run: async () => {
        sink = await rebuildProjection(store, queuesProjection());
      },
    } satisfies BenchSpec<undefined>,
  ];
  const rb = await measure(rebuildSpecs, rebuildHarness);
  const rbBase = rb.get('rebuild.baseline') as Stats;
  const rebuildInfo: [string, string][] = [
    ['rebuild.evolve', 'decision state of every complaint: evolve() per event in log order, one Map entry per stream'],
    ['rebuild.evolveAll', 'decision state of every complaint: evolveAll() over each stream (streams grouped beforehand, untimed)'],
    ['rebuild.ticketView', 'rebuildProjection(store, ticketViewProjection()): reads the log in batches of 1,000, one record copy per ticket per batch'],
    ['rebuild.queues', 'rebuildProjection(store, queuesProjection()): reads the log in batches'],
  ];
  for (const [name, description] of rebuildInfo) {
    records.push(record(rb.get(name) as Stats, { description, unit: 'events/s', baseline: rbBase, target: REBUILD_TARGET }));
  }
  const ticketHand = rb.get('rebuild.ticketView.hand') as Stats;
  records.push(
    record({ ...(rb.get('rebuild.ticketView') as Stats), name: 'rebuild.ticketView.vsHand' }, {
      description: 'rebuildProjection(store, ticketViewProjection()) against the full hand-written ticket reducer (same contents)',
      unit: 'events/s',
      baseline: ticketHand,
      target: REBUILD_TARGET,
      maxRatio: 3,
    }),
    record(ticketHand, {
      description: 'hand-written reducer building the same tickets and timelines, one mutable record per complaint updated in place',
      unit: 'events/s',
    }),
    record(rbBase, { description: 'hand-written switch on the event type setting a step string per stream in a Map', unit: 'events/s' }),
  );

  return {
    records,
    breakdown,
    fixtures: {
      execute: { complaints: stream.complaints, commands: commands.length, events: prepared.evolutions.length, shapes: stream.shapes },
      rebuild: { complaints: logStream.complaints, commands: logStream.commands.length, events: events.length, shapes: logStream.shapes },
      harness: { execute: harness, micro: harness, rebuild: rebuildHarness },
    },
  };
}
