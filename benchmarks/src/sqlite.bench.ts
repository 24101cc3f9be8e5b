/**
 * The SQLite benchmarks, each beside a baseline measured in the same run:
 *
 * 1. `execute()` on a SQLite file, per command, against raw better-sqlite3
 *    inserting the same rows (the events and the stream's version) into the same
 *    schema, one transaction per command, with the same version check (a
 *    compare-and-set on the stream row), as a hand-written host would
 *    (target, issue 15: ≤ 1.2× the raw insert; `executeTrusted()` is measured beside it). Both with `synchronous = NORMAL`, where the
 *    CPU cost shows, and with `FULL` (one fsync per commit), what a host pays by default.
 * 2. Rebuild rates from the file: the in-memory ticket view fed by `readAll`, and
 *    the checkpointed SQL ticket projection, against a raw `SELECT` + `JSON.parse`
 *    of every event.
 * 3. The SQL SLA deadlines rebuilt by the checkpointed projector, against the same
 *    clocks kept in memory by @redress/sla's projection fed by `readAll`: what
 *    writing them as rows costs on top of computing them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  commandSchema,
  createEngine,
  createManualClock,
  rebuildProjection,
  systemClock,
  ticketViewProjection,
  type CommandInput,
  type ComplaintEvent,
  type RecordedEvent,
} from '@redress/core';
import { createProjector, createSqliteEventStore, migrate, sqlTicketProjection, type SqliteEventStore, type Synchronous } from '@redress/sqlite';
import { sqlSlaProjection } from '@redress/sqlite/sla';
import { defaultSlaConfig, parseSlaConfig, slaProjection } from '@redress/sla';
import Database from 'better-sqlite3';
import { CLOCK_START, CLOCK_STEP_MS, commandStream } from './fixtures.js';
import { measure, type BenchSpec, type Stats } from './harness.js';
import { record, type BenchRecord, type Target } from './report.js';

export interface SqliteBenchOptions {
  readonly quick: boolean;
  readonly log?: (message: string) => void;
}

export interface SqliteBenchResult {
  readonly records: BenchRecord[];
  readonly fixtures: Record<string, unknown>;
}

const OVERHEAD_TARGET = 1.2;

/** Fresh files in one temp folder; each sample's database is removed before the next is made. */
function files() {
  const dir = mkdtempSync(join(tmpdir(), 'redress-sqlite-bench-'));
  let n = 0;
  let open: { close(): void }[] = [];
  return {
    next(): string {
      for (const o of open) o.close();
      open = [];
      return join(dir, `sample-${++n}.db`);
    },
    keep(o: { close(): void }) {
      open.push(o);
    },
    dispose() {
      for (const o of open) o.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The events each command appends, grouped per command, taken from one untimed run. */
async function eventsPerCommand(commands: readonly CommandInput[], file: string): Promise<RecordedEvent<ComplaintEvent>[][]> {
  const store = createSqliteEventStore({ file, synchronous: 'normal' });
  const clock = createManualClock(CLOCK_START);
  const engine = createEngine({ store, clock });
  const out: RecordedEvent<ComplaintEvent>[][] = [];
  for (const command of commands) {
    clock.advance(CLOCK_STEP_MS);
    const result = await engine.execute(command);
    if (!result.ok) throw result.error;
    out.push([...result.value.events]);
  }
  store.close();
  return out;
}

export async function runSqliteBenchmarks(options: SqliteBenchOptions): Promise<SqliteBenchResult> {
  const log = options.log ?? (() => {});
  const complaints = options.quick ? 40 : 200;
  const harness = options.quick ? { warmup: 1, samples: 5 } : { warmup: 2, samples: 15 };
  const stream = commandStream({ complaints, idPrefix: 'S' });
  // With an fsync per commit a sample of the whole stream would take minutes: FULL runs a shorter one.
  const fsyncStream = commandStream({ complaints: options.quick ? 10 : 25, idPrefix: 'F' });
  const commands = stream.commands;
  const temp = files();
  try {
    const records: BenchRecord[] = [];
    const runs = [
      { synchronous: 'normal', commands: stream.commands },
      { synchronous: 'full', commands: fsyncStream.commands },
    ] as const satisfies readonly { synchronous: Synchronous; commands: readonly CommandInput[] }[];
    for (const { synchronous, commands } of runs) {
      const perCommand = await eventsPerCommand(commands, temp.next());
      log(`sqlite: ${commands.length} commands, ${perCommand.reduce((n, es) => n + es.length, 0)} events (synchronous=${synchronous}); ${harness.samples} samples`);
      const execute: BenchSpec<{ engine: ReturnType<typeof createEngine>; clock: ReturnType<typeof createManualClock> }> = {
        name: `sqlite execute (synchronous=${synchronous})`,
        opsPerSample: commands.length,
        setup: () => {
          const store = createSqliteEventStore({ file: temp.next(), synchronous });
          temp.keep(store);
          const clock = createManualClock(CLOCK_START);
          return { engine: createEngine({ store, clock }), clock };
        },
        run: async ({ engine, clock }) => {
          for (const command of commands) {
            clock.advance(CLOCK_STEP_MS);
            const result = await engine.execute(command);
            if (!result.ok) throw result.error;
          }
        },
      };
      const validated = commands.map((c) => commandSchema.parse(c));
      const trusted: typeof execute = {
        ...execute,
        name: `sqlite executeTrusted (synchronous=${synchronous})`,
        run: async ({ engine, clock }) => {
          for (const command of validated) {
            clock.advance(CLOCK_STEP_MS);
            const result = await engine.executeTrusted(command);
            if (!result.ok) throw result.error;
          }
        },
      };
      const raw: BenchSpec<Database.Database> = {
        name: `raw better-sqlite3 insert (synchronous=${synchronous})`,
        opsPerSample: commands.length,
        setup: () => {
          const db = new Database(temp.next());
          temp.keep(db);
          db.pragma('journal_mode = WAL');
          db.pragma(`synchronous = ${synchronous.toUpperCase()}`);
          migrate(db, systemClock);
          return db;
        },
        // The cheapest honest form of what the store must do for each command: the stream row's
        // compare-and-set (a new stream an INSERT that fails if it exists, a known one an UPDATE that
        // must take its row at the expected version), the events inserted under the same indexes and
        // constraints (the unique event id among them), positions assigned by SQLite, prepared statements.
        run: (db) => {
          const createStream = db.prepare('INSERT INTO redress_streams (stream_id, version) VALUES (?, ?)');
          const advanceStream = db.prepare('UPDATE redress_streams SET version = ? WHERE stream_id = ? AND version = ?');
          const insert = db.prepare(
            'INSERT INTO redress_events (stream_id, stream_version, event_id, type, data, occurred_at, actor, causation_id, correlation_id, schema_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          );
          const commit = db.transaction((events: readonly RecordedEvent<ComplaintEvent>[]) => {
            const first = events[0] as RecordedEvent<ComplaintEvent>;
            const previous = first.streamVersion - 1;
            const version = previous + events.length;
            if (previous === 0) createStream.run(first.streamId, version);
            else if (advanceStream.run(version, first.streamId, previous).changes !== 1) throw new Error(`${first.streamId} is not at version ${previous}`);
            for (const e of events) {
              insert.run(e.streamId, e.streamVersion, e.eventId, e.type, JSON.stringify(e.data), e.occurredAt, JSON.stringify(e.actor), e.causationId, e.correlationId, e.schemaVersion);
            }
          });
          for (const events of perCommand) commit.immediate(events);
        },
      };
      const stats = await measure([execute, trusted, raw], harness);
      const rawStats = stats.get(raw.name) as Stats;
      const target: Target = { kind: 'max', value: OVERHEAD_TARGET * (rawStats.medianNs / 1000), unit: 'µs/command' };
      records.push(
        record(stats.get(execute.name) as Stats, {
          description: `engine.execute() per command on a SQLite file (synchronous=${synchronous}); target: ≤ ${OVERHEAD_TARGET}× the raw insert`,
          unit: 'µs/command',
          baseline: rawStats,
          target,
          maxRatio: OVERHEAD_TARGET,
        }),
        record(stats.get(trusted.name) as Stats, {
          description: `engine.executeTrusted() per command on a SQLite file (synchronous=${synchronous}), the commands parsed by commandSchema beforehand (untimed)`,
          unit: 'µs/command',
          baseline: rawStats,
          maxRatio: OVERHEAD_TARGET,
        }),
        record(rawStats, { description: `raw better-sqlite3: the same rows and the same version check, one transaction per command (synchronous=${synchronous})`, unit: 'µs/command' }),
      );
      log(`sqlite: execute vs raw insert (synchronous=${synchronous}) done`);
    }

    // Rebuilds read one log written once.
    const logFile = temp.next();
    const source = createSqliteEventStore({ file: logFile, synchronous: 'normal' });
    temp.keep(source);
    const engine = createEngine({ store: source, clock: createManualClock(CLOCK_START) });
    for (const command of commands) await engine.executeOrThrow(command);
    const head = source.head();
    const readAllRebuild: BenchSpec<SqliteEventStore> = {
      name: 'rebuild ticket view from SQLite readAll',
      opsPerSample: head,
      setup: () => source,
      run: async (store) => {
        const { checkpoint } = await rebuildProjection(store, ticketViewProjection());
        if (checkpoint !== head) throw new Error('the rebuild stopped short');
      },
    };
    const sqlRebuild: BenchSpec<ReturnType<typeof createProjector>> = {
      name: 'rebuild SQL ticket projection',
      opsPerSample: head,
      setup: () => createProjector({ store: source, projection: sqlTicketProjection(), owner: 'bench', clock: systemClock }),
      run: async (projector) => {
        const done = await projector.rebuild();
        if (done.checkpoint !== head) throw new Error('the rebuild stopped short');
      },
    };
    const rawRead: BenchSpec<Database.Database> = {
      name: 'raw select + JSON.parse of every event',
      opsPerSample: head,
      setup: () => source.database,
      run: (db) => {
        let n = 0;
        for (const row of db.prepare('SELECT data, actor FROM redress_events ORDER BY global_position').iterate() as IterableIterator<{ data: string; actor: string }>) {
          JSON.parse(row.data);
          JSON.parse(row.actor);
          n++;
        }
        if (n !== head) throw new Error('short read');
      },
    };
    const rebuilds = await measure([readAllRebuild, sqlRebuild, rawRead], harness);
    const rawReadStats = rebuilds.get(rawRead.name) as Stats;
    records.push(
      record(rebuilds.get(readAllRebuild.name) as Stats, {
        description: 'the in-memory ticket view rebuilt from the SQLite store with readAll, events/s',
        unit: 'events/s',
        baseline: rawReadStats,
      }),
      record(rebuilds.get(sqlRebuild.name) as Stats, {
        description: 'the SQL ticket read models rebuilt from zero by the checkpointed projector (batches of 500, one transaction each), events/s',
        unit: 'events/s',
        baseline: rawReadStats,
      }),
      record(rawReadStats, { description: 'raw better-sqlite3: every event row selected and its JSON parsed, events/s', unit: 'events/s' }),
    );
    log('sqlite: rebuilds done');

    const slaConfig = parseSlaConfig(defaultSlaConfig());
    const slaInMemory: BenchSpec<SqliteEventStore> = {
      name: 'rebuild SLA clocks in memory from SQLite readAll',
      opsPerSample: head,
      setup: () => source,
      run: async (store) => {
        const { checkpoint } = await rebuildProjection(store, slaProjection(slaConfig));
        if (checkpoint !== head) throw new Error('the rebuild stopped short');
      },
    };
    const slaSql: BenchSpec<ReturnType<typeof createProjector>> = {
      name: 'rebuild SQL SLA deadlines',
      opsPerSample: head,
      setup: () => createProjector({ store: source, projection: sqlSlaProjection({ config: slaConfig }), owner: 'bench', clock: systemClock }),
      run: async (projector) => {
        const done = await projector.rebuild();
        if (done.checkpoint !== head) throw new Error('the rebuild stopped short');
      },
    };
    const sla = await measure([slaSql, slaInMemory], harness);
    const slaInMemoryStats = sla.get(slaInMemory.name) as Stats;
    records.push(
      record(sla.get(slaSql.name) as Stats, {
        description: 'the SQL SLA deadlines (redress_sla_clocks) rebuilt from zero by the checkpointed projector, events/s',
        unit: 'events/s',
        baseline: slaInMemoryStats,
      }),
      record(slaInMemoryStats, { description: "@redress/sla's in-memory clocks rebuilt from the SQLite store with readAll, events/s", unit: 'events/s' }),
    );
    log('sqlite: SLA rebuilds done');
    return {
      records,
      fixtures: {
        normal: { commands: commands.length, events: head, complaints, shapes: stream.shapes },
        full: { commands: fsyncStream.commands.length, complaints: fsyncStream.complaints, shapes: fsyncStream.shapes },
        ...harness,
      },
    };
  } finally {
    temp.dispose();
  }
}
