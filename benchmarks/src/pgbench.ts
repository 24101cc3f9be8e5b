/**
 * Server-side figures with pgbench, since one Node process saturates a core before
 * the server does: the store's own append statement (recorded as the store sends it),
 * raw inserts of the same rows (with and without the stream row), and the schema 3 store's append (two transactions, a
 * numbering under an advisory lock, a read-back), each for 1 and 16 clients, every
 * transaction one command of two events on a new stream. The scripts are written to
 * benchmarks/pgbench/ on each run, so they always match what was measured.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ComplaintEvent, RecordedEvent } from '@redress/core';
import { createPostgresEventStore } from '@redress/postgres';
import { findPostgresBin } from '@redress/postgres/testing';
import type pg from 'pg';
import { quantile } from './harness.js';

const run = promisify(execFile);
const scriptsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'pgbench');

export interface PgbenchResult {
  readonly script: 'store append' | 'raw insert' | 'raw insert of the events alone' | 'schema 3 store append';
  readonly clients: number;
  /** Length of each run. */
  readonly seconds: number;
  /** Transactions per second of each round. */
  readonly rounds: readonly number[];
  /** Transactions (commands) per second, median over the rounds, as pgbench reports them without connection time. */
  readonly tps: number;
  readonly eventsPerSecond: number;
}

/** A SQL literal; JSON gets a space after ':' so that no part of it reads as a pgbench variable. */
const text = (value: string) => `'${value.replace(/'/g, "''")}'`;
/** Text with the transaction's `:id` in it (pgbench does not substitute inside quotes when statements are prepared). */
const withId = (before: string, after = '') => `(${text(before)} || :id${after === '' ? '' : ` || ${text(after)}`})`;
const json = (value: unknown) => text(JSON.stringify(value).replace(/":/g, '": '));
const array = (items: readonly string[], type: string | undefined) => `ARRAY[${items.join(', ')}]${type ? `::${type}[]` : ''}`;

/** The columns of the events as SQL arrays, ids made unique per transaction with pgbench's `:id`. */
function columns(events: readonly RecordedEvent<ComplaintEvent>[], cast = true) {
  const [text_, int] = cast ? ['text', 'int'] : [undefined, undefined];
  return {
    ids: array(events.map((_, i) => withId('e-', `-${i}`)), text_),
    types: array(events.map((e) => text(e.type)), text_),
    data: array(events.map((e) => json(e.data)), text_),
    occurred: array(events.map((e) => text(e.occurredAt)), text_),
    actors: array(events.map((e) => json(e.actor)), text_),
    causations: array(events.map(() => withId('c-')), text_),
    correlations: array(events.map(() => withId('c-')), text_),
    versions: array(events.map((e) => String(e.schemaVersion)), int),
  };
}

/** The store's append statement for a new stream, as it sends it, with its parameters made literals. */
async function storeStatement(pool: pg.Pool, events: readonly RecordedEvent<ComplaintEvent>[]): Promise<string> {
  let sent: string | undefined;
  const recording = new Proxy(pool, {
    get(target, key) {
      if (key === 'query') {
        return (query: string | { text: string }, values?: unknown[]) => {
          const sql = typeof query === 'string' ? query : query.text;
          if (sql.includes('INSERT INTO') && sql.includes('redress_events')) sent ??= sql;
          return target.query(query as string, values);
        };
      }
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  const store = await createPostgresEventStore<ComplaintEvent>({ pool: recording, tenant: 'pgbench-record', migrate: false });
  await store.append('recorded', 'noStream', events);
  await store.close();
  if (!sent) throw new Error('the store sent no append statement');
  // The statement casts its parameters itself.
  const c = columns(events, false);
  const literals = ['', text('pgbench'), withId('s-'), String(events.length), c.ids, c.types, c.data, c.occurred, c.actors, c.causations, c.correlations, c.versions];
  return sent.replace(/\$(\d+)/g, (_, n: string) => literals[Number(n)] ?? `$${n}`);
}

function rawStatement(events: readonly RecordedEvent<ComplaintEvent>[], streamRow: boolean): string {
  const c = columns(events);
  const stream = streamRow
    ? `WITH stream AS (INSERT INTO public.redress_streams (tenant, stream_id, version) VALUES ('pgbench-raw', ${withId('s-')}, ${events.length}))\n`
    : '';
  return `${stream}INSERT INTO public.redress_events (tenant, global_position, stream_id, stream_version, event_id, type, data, occurred_at, actor, causation_id, correlation_id, schema_version)
SELECT ${streamRow ? "'pgbench-raw'" : "'pgbench-raw-events'"}, nextval('public.pgbench_positions'), ${withId('s-')}, e.n, e.event_id, e.type, e.data::json, e.occurred_at, e.actor::json, e.causation_id, e.correlation_id, e.schema_version
FROM unnest(${c.ids}, ${c.types}, ${c.data}, ${c.occurred}, ${c.actors}, ${c.causations}, ${c.correlations}, ${c.versions})
  WITH ORDINALITY AS e(event_id, type, data, occurred_at, actor, causation_id, correlation_id, schema_version, n);`;
}

function legacyStatements(events: readonly RecordedEvent<ComplaintEvent>[]): string {
  const c = columns(events);
  return `BEGIN;
INSERT INTO legacy.redress_streams (tenant, stream_id, version) VALUES ('pgbench', ${withId('s-')}, ${events.length}) ON CONFLICT DO NOTHING RETURNING 0 AS previous;
INSERT INTO legacy.redress_events (tenant, stream_id, stream_version, event_id, type, data, occurred_at, actor, causation_id, correlation_id, schema_version)
SELECT 'pgbench', ${withId('s-')}, e.n, e.event_id, e.type, e.data::json, e.occurred_at, e.actor::json, e.causation_id, e.correlation_id, e.schema_version
FROM unnest(${c.ids}, ${c.types}, ${c.data}, ${c.occurred}, ${c.actors}, ${c.causations}, ${c.correlations}, ${c.versions})
  WITH ORDINALITY AS e(event_id, type, data, occurred_at, actor, causation_id, correlation_id, schema_version, n) ORDER BY e.n;
COMMIT;
SELECT legacy.redress_assign_positions('pgbench', true);
SELECT global_position, stream_id, stream_version, event_id, type, data, occurred_at, actor, causation_id, correlation_id, schema_version
  FROM legacy.redress_events WHERE tenant = 'pgbench' AND stream_id = ${withId('s-')} ORDER BY stream_version;`;
}

const HEADER = (what: string) =>
  `-- ${what}. Written by benchmarks/src/pgbench.ts on every PostgreSQL benchmark run; one command of two events on a new stream.\n\\set id random(1, 900000000000000000)\n`;

export async function runPgbench(options: {
  readonly pool: pg.Pool;
  readonly connectionString: string;
  readonly events: readonly RecordedEvent<ComplaintEvent>[];
  readonly seconds: number;
  readonly rounds: number;
  readonly log: (message: string) => void;
}): Promise<PgbenchResult[] | { readonly skipped: string }> {
  const bin = join(dirname(realpathSync(join(findPostgresBin(), 'initdb'))), 'pgbench');
  if (!existsSync(bin)) return { skipped: `no pgbench beside ${findPostgresBin()}` };
  mkdirSync(scriptsDir, { recursive: true });
  // Raw positions from a sequence: increasing, like the store's, so both fill the position index at its end.
  await options.pool.query('CREATE SEQUENCE IF NOT EXISTS public.pgbench_positions');
  const scripts = {
    'store append': HEADER("The store's own append statement") + `${await storeStatement(options.pool, options.events)};\n`,
    'raw insert': HEADER('A raw statement inserting the same rows into the same tables (events and stream row)') + `${rawStatement(options.events, true)}\n`,
    'raw insert of the events alone': HEADER('A raw INSERT of the event rows alone') + `${rawStatement(options.events, false)}\n`,
    'schema 3 store append': HEADER("The schema 3 store's append: two transactions, the numbering, the read-back") + `${legacyStatements(options.events)}\n`,
  } as const;
  const files = Object.entries(scripts).map(([script, body]) => {
    const file = join(scriptsDir, `${script.replace(/ /g, '-')}.sql`);
    writeFileSync(file, body);
    return [script as PgbenchResult['script'], file] as const;
  });
  const results: PgbenchResult[] = [];
  for (const clients of [1, 16]) {
    // Rounds of every script in turn: the shared disk's fsync cost drifts, and must drift for all alike.
    const tps = new Map<string, number[]>(files.map(([script]) => [script, []]));
    for (let round = 0; round < options.rounds; round++) {
      // Each round starts with another script, so none always runs first.
      for (const [script, file] of files.map((_, k) => files[(round + k) % files.length] as (typeof files)[number])) {
        const args = ['-n', '-M', 'prepared', '-c', String(clients), '-j', String(Math.min(clients, 2)), '-T', String(options.seconds), '-f', file, options.connectionString];
        const { stdout } = await run(bin, args);
        tps.get(script)?.push(Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1] ?? Number.NaN));
      }
    }
    for (const [script] of files) {
      const samples = tps.get(script) ?? [];
      const median = quantile([...samples].sort((a, b) => a - b), 0.5);
      results.push({ script, clients, seconds: options.seconds, rounds: samples, tps: median, eventsPerSecond: median * options.events.length });
      options.log(`pgbench ${script}, ${clients} client(s): ${median.toFixed(0)} tps (rounds: ${samples.map((t) => t.toFixed(0)).join(', ')})`);
    }
  }
  return results;
}
