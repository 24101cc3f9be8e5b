/**
 * The stress run shared by the bounded test and the long script: N writer
 * processes × M commands on the same complaints, a subscriber following the log and
 * projectors keeping the SQL read models (the ticket tables and the SLA deadlines),
 * some writers killed with SIGKILL at random points. Then every claim is checked
 * against what was stored; the result lists every violation found (none, when the
 * store holds its promises).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createEngine, systemClock, type ComplaintEvent, type RecordedEvent } from '@redress/core';
import { deadlinesFromLog, defaultSlaConfig, parseSlaConfig } from '@redress/sla';
import pg from 'pg';
import { createProjector, type Projector } from '../projections/projector.js';
import { rebuildSqlProjection } from '../projections/rebuild.js';
import type { SqlProjection } from '../projections/sql-projection.js';
import { ticketTablesProjection } from '../projections/ticket-tables.js';
import { slaClocksOf, sqlSlaProjection } from '../sla/index.js';
import { createPostgresEventStore } from '../store/postgres-event-store.js';
import { receive } from '../test-support/commands.js';
import { seeded, type WriterConfig, type WriterMessage } from './protocol.js';

export interface StressOptions {
  readonly connectionString: string;
  readonly tenant: string;
  readonly writers: number;
  readonly commandsPerWriter: number;
  /** How many writers get a kill -9 at a random point of their run. */
  readonly kills: number;
  readonly seed: number;
  /** Complaints every writer adds notes to. */
  readonly sharedComplaints?: number;
}

export interface StressReport {
  readonly events: number;
  readonly accepted: number;
  readonly conflicts: number;
  readonly refused: number;
  readonly killed: number;
  /** Everything that broke a promise; empty when the store kept them all. */
  readonly violations: readonly string[];
}

interface Writer {
  readonly intents: Map<string, readonly string[]>;
  readonly results: Map<string, Extract<WriterMessage, { kind: 'result' }>>;
  readonly failures: string[];
  killed: boolean;
}

function runWriter(config: WriterConfig, killAfterIntents: number | undefined): Promise<Writer> {
  const writer: Writer = { intents: new Map(), results: new Map(), failures: [], killed: false };
  const child = fork(fileURLToPath(new URL('./writer.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx', '--conditions=@redress/source'],
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.on('message', (message: WriterMessage) => {
      if (message.kind === 'intent') {
        writer.intents.set(message.commandId, message.eventIds);
        // Killed right after announcing: before, during or after its append, by chance.
        if (killAfterIntents !== undefined && writer.intents.size >= killAfterIntents && !writer.killed) {
          writer.killed = true;
          child.kill('SIGKILL');
        }
      } else if (message.kind === 'result') writer.results.set(message.commandId, message);
      else if (message.kind === 'failed') writer.failures.push(`${message.commandId}: ${message.message}`);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal !== 'SIGKILL') writer.failures.push(`writer ${config.writer} exited with ${code ?? signal}`);
      resolve(writer);
    });
    child.send(config);
  });
}

export async function runStress(options: StressOptions): Promise<StressReport> {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 10 });
  pool.on('error', () => undefined);
  const store = await createPostgresEventStore<ComplaintEvent>({ pool, tenant: options.tenant, pollIntervalMs: 200 });
  const violations: string[] = [];
  const projectors: Projector[] = [];
  // Nothing cuts the parent's connections: any error a projector recovers from is a problem.
  const projectorErrors = new Set<string>();
  const random = seeded(options.seed);
  try {
    const shared = Array.from({ length: options.sharedComplaints ?? 3 }, (_, i) => `c-${i}`);
    const engine = createEngine({ store, clock: systemClock });
    for (const [i, id] of shared.entries()) await engine.executeOrThrow(receive(id, i));

    // A subscriber follows the log from the start, throughout.
    const seen: RecordedEvent<ComplaintEvent>[] = [];
    const subscription = store.subscribe({ batchSize: 50 });
    const following = (async () => {
      for await (const e of subscription) seen.push(e);
    })();
    const slaConfig = parseSlaConfig(defaultSlaConfig());
    const follow = (projection: SqlProjection<ComplaintEvent>) => {
      const p = createProjector({ store, projection, batchSize: 20, pollIntervalMs: 100, onError: (error) => projectorErrors.add(`${projection.name}: ${String(error)}`) });
      projectors.push(p);
      p.start();
      return p;
    };
    const projector = follow(ticketTablesProjection());
    const slaProjector = follow(sqlSlaProjection({ config: slaConfig }));

    const writers = await Promise.all(
      Array.from({ length: options.writers }, (_, writer) =>
        runWriter(
          {
            connectionString: options.connectionString,
            tenant: options.tenant,
            writer,
            commands: options.commandsPerWriter,
            shared,
            contested: Math.max(2, options.writers),
            seed: options.seed * 1000 + writer,
          },
          writer < options.kills ? 1 + Math.floor(random() * options.commandsPerWriter) : undefined,
        ),
      ),
    );

    const head = await store.headPosition();
    const log: RecordedEvent<ComplaintEvent>[] = [];
    // Up to the last committed event: a projector's batch in flight may hold readers back a moment.
    for (let from = 1, waits = 0; from <= head && waits < 400; ) {
      const batch = await store.readAll(from, 1000);
      if (batch.length === 0) {
        waits++;
        await store.waitForAppend(from, AbortSignal.timeout(50));
        continue;
      }
      log.push(...batch);
      from = (batch[batch.length - 1]?.globalPosition ?? from) + 1;
    }
    // The subscriber must reach the head, then is compared event by event.
    for (let tries = 0; seen.length < log.length && tries < 400; tries++) await store.waitForAppend(head + 1, AbortSignal.timeout(50));
    subscription.close();
    await following;
    if ((log.at(-1)?.globalPosition ?? 0) !== head) violations.push(`readAll ended at ${log.at(-1)?.globalPosition ?? 0}, the head is at ${head}`);
    log.forEach((e, i) => {
      const previous = log[i - 1]?.globalPosition ?? 0;
      if (e.globalPosition <= previous) violations.push(`disorder in the log at index ${i}: position ${e.globalPosition} after ${previous}`);
    });
    // One command's events side by side: nothing of another command between them.
    const commandAt = new Map<string, number>();
    log.forEach((e, i) => {
      const last = commandAt.get(e.causationId);
      if (last !== undefined && last !== i - 1) violations.push(`command ${e.causationId}'s events are split at index ${i}`);
      commandAt.set(e.causationId, i);
    });
    const seenIds = seen.map((e) => `${e.globalPosition}:${e.eventId}`);
    const logIds = log.map((e) => `${e.globalPosition}:${e.eventId}`);
    if (seenIds.join() !== logIds.join()) {
      violations.push(`the subscriber saw ${seen.length} events, the log holds ${log.length}: missed or duplicated (first difference at ${seenIds.findIndex((id, i) => id !== logIds[i])})`);
    }

    // Every stream numbered 1..n without gaps.
    const versions = new Map<string, number>();
    for (const e of log) {
      const expected = (versions.get(e.streamId) ?? 0) + 1;
      if (e.streamVersion !== expected) violations.push(`stream ${e.streamId}: version ${e.streamVersion} where ${expected} was due`);
      versions.set(e.streamId, e.streamVersion);
    }

    // Every command's events stored all or none, accepted ones exactly once, nothing unannounced.
    const stored = new Map<string, number>();
    for (const e of log) stored.set(e.eventId, (stored.get(e.eventId) ?? 0) + 1);
    const announced = new Set<string>();
    let accepted = 0;
    let conflicts = 0;
    let refused = 0;
    for (const w of writers) {
      violations.push(...w.failures);
      for (const [commandId, eventIds] of w.intents) {
        eventIds.forEach((id) => announced.add(id));
        const present = eventIds.filter((id) => stored.has(id)).length;
        if (present !== 0 && present !== eventIds.length) violations.push(`command ${commandId}: ${present} of ${eventIds.length} events stored`);
      }
      for (const [commandId, result] of w.results) {
        if (result.outcome === 'accepted') {
          accepted++;
          for (const id of result.eventIds) if (stored.get(id) !== 1) violations.push(`accepted command ${commandId}: event ${id} stored ${stored.get(id) ?? 0} times`);
        } else if (result.outcome === 'conflict') {
          conflicts++;
          for (const id of w.intents.get(commandId) ?? []) if (stored.has(id)) violations.push(`command ${commandId} reported a conflict but its event ${id} is stored`);
        } else refused++;
      }
    }
    for (const [id, times] of stored) if (times !== 1) violations.push(`event ${id} stored ${times} times`);
    const initial = new Set(log.filter((e) => shared.includes(e.streamId) && e.streamVersion === 1).map((e) => e.eventId));
    for (const e of log) if (!announced.has(e.eventId) && !initial.has(e.eventId)) violations.push(`event ${e.eventId} was stored but no writer announced it`);

    // The checkpointed read models equal the ones rebuilt from the log.
    for (const [name, p] of [['ticket-tables', projector], ['SLA deadlines', slaProjector]] as const) {
      await p.reached(head, AbortSignal.timeout(20_000));
      await p.stop();
      if ((await p.checkpoint()) !== head) violations.push(`the ${name} projector stopped at ${await p.checkpoint()}, the head is at ${head}`);
    }
    for (const error of projectorErrors) violations.push(`a projector failed: ${error}`);
    const snapshot = async () => {
      const q = async (sql: string) => JSON.stringify((await pool.query(sql, [options.tenant])).rows);
      return [
        await q('SELECT complaint_id, step, handler_id, version, view::text FROM redress_tickets WHERE tenant = $1 ORDER BY complaint_id'),
        await q('SELECT complaint_id, version, type FROM redress_ticket_timeline WHERE tenant = $1 ORDER BY complaint_id, version'),
        await q('SELECT * FROM redress_queue WHERE tenant = $1 ORDER BY complaint_id'),
      ].join('\n');
    };
    const checkpointed = await snapshot();
    await rebuildSqlProjection(store, ticketTablesProjection());
    if ((await snapshot()) !== checkpointed) violations.push('the checkpointed read models differ from the ones rebuilt from the log');

    // The SLA deadlines likewise, and both equal to the rows @redress/sla computes from the whole log.
    const slaRows = async (): Promise<Map<string, string>> => {
      const { rows } = await pool.query<{ complaint_id: string }>('SELECT DISTINCT complaint_id FROM redress_sla_clocks WHERE tenant = $1', [options.tenant]);
      return new Map(await Promise.all(rows.map(async ({ complaint_id: id }) => [id, JSON.stringify(await slaClocksOf(store, id))] as const)));
    };
    const differing = (a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>) =>
      [...new Set([...a.keys(), ...b.keys()])].filter((id) => a.get(id) !== b.get(id)).sort();
    const { rows: expected } = await deadlinesFromLog(store, slaConfig);
    const fromLog = new Map([...expected].filter(([, rows]) => rows.length > 0).map(([id, rows]) => [id, JSON.stringify(rows)]));
    const slaCheckpointed = await slaRows();
    const wrong = differing(slaCheckpointed, fromLog);
    if (wrong.length > 0) violations.push(`the checkpointed SLA deadlines of ${wrong.join(', ')} differ from the ones deadlinesFromLog computes`);
    await rebuildSqlProjection(store, sqlSlaProjection({ config: slaConfig }));
    const unstable = differing(slaCheckpointed, await slaRows());
    if (unstable.length > 0) violations.push(`the checkpointed SLA deadlines of ${unstable.join(', ')} differ from the ones rebuilt from the log`);

    return { events: log.length, accepted, conflicts, refused, killed: writers.filter((w) => w.killed).length, violations };
  } finally {
    await Promise.all(projectors.map((p) => p.stop()));
    await store.close();
    await pool.end();
  }
}
