/**
 * The server restarts under load, three times (fast, immediate, fast): four writers
 * (each its own pool, as separate app instances), a subscriber and the ticket tables
 * projector keep going. While the server is down execute() answers a typed, retriable
 * StoreUnavailableError; the writers retry with the same command ids; the subscriber and
 * the projector reconnect and resume from where they were. Afterwards: the process is
 * alive (an unhandled 'error' would have failed the file), every command is stored
 * exactly once, the subscriber saw the log exactly, once, in order, and the projector,
 * holding its lock again, wrote what a rebuild writes.
 */
import {
  createEngine,
  createManualClock,
  rebuildProjection,
  StoreUnavailableError,
  ticketViewProjection,
  type CommandInput,
  type ComplaintEvent,
  type RecordedEvent,
} from '@redress/core';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createProjector } from '../projections/projector.js';
import { ticketTablesProjection } from '../projections/ticket-tables.js';
import { useClusterPool } from '../test-support/cluster-pool.js';
import { lifecycle } from '../test-support/commands.js';
import type { ShutdownMode } from '../testing/cluster.js';
import { createPostgresEventStore, type PostgresEventStore } from './postgres-event-store.js';

// fsync stays off (the machine does not crash, only the server), but a commit must reach the
// kernel before it is acknowledged: an immediate shutdown loses what sat in WAL buffers.
const db = useClusterPool({}, { settings: { synchronous_commit: 'on' } });
const TENANT = 'restarts';

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    // eslint-disable-next-line no-restricted-globals -- the test's writers back off while the server is down
    setTimeout(resolve, ms);
  });

/** A store on a pool of its own: what one app instance has. */
async function instance(name: string): Promise<PostgresEventStore<ComplaintEvent>> {
  const pool = new pg.Pool({ connectionString: db.cluster.connectionString, application_name: name, max: 4 });
  const store = await createPostgresEventStore<ComplaintEvent>({ pool, tenant: TENANT, pollIntervalMs: 50 });
  db.cleanup(
    () => pool.end(),
    () => store.close(),
  );
  return store;
}

interface Outcome {
  readonly commandId: string;
  readonly eventIds: readonly string[];
}

describe('a server restarted under four writers, a subscriber and a projector', () => {
  it('never kills the process; commands are stored exactly once, readers resume without skipping or repeating', async () => {
    const outcomes: Outcome[] = [];
    const unavailable: StoreUnavailableError[] = [];
    const unexpected: unknown[] = [];
    let progress = 0;
    // Writers go on until the last restart is over (at least six complaints each), so a
    // slow machine never runs out of writes to interrupt; `commands` counts what they sent.
    let restartsDone = false;
    let commands = 0;

    const writer = async (w: number, store: PostgresEventStore<ComplaintEvent>) => {
      const engine = createEngine({ store, clock: createManualClock('2026-03-02T08:00:00.000Z') });
      for (let n = 0; n < 6 || !restartsDone; n++) {
        const complaint = lifecycle(`w${w}-c${n}`, w * 100 + n);
        commands += complaint.length;
        for (const [k, command] of complaint.entries()) {
          const commandId = `w${w}-c${n}-${k}`;
          for (;;) {
            const result = await engine.execute({ ...command, commandId } as CommandInput);
            if (result.ok) {
              outcomes.push({ commandId, eventIds: result.value.events.map((e) => e.eventId) });
              progress++;
              break;
            }
            if (result.error instanceof StoreUnavailableError) unavailable.push(result.error);
            else unexpected.push(result.error);
            await sleep(25);
          }
        }
      }
    };

    const reader = await instance('subscriber');
    const subscription = reader.subscribe({ batchSize: 5 });
    const seen: RecordedEvent<ComplaintEvent>[] = [];
    const following = (async () => {
      for await (const e of subscription) seen.push(e);
    })();
    const projectorStore = await instance('projector');
    const projector = createProjector({ store: projectorStore, projection: ticketTablesProjection(), batchSize: 7, pollIntervalMs: 50 });
    db.cleanup(() => projector.stop());
    projector.start();

    // Created (and migrated) before the first restart: creating a store needs the server.
    const writers = await Promise.all([0, 1, 2, 3].map((w) => instance(`writer-${w}`)));
    const writing = Promise.all(writers.map((store, w) => writer(w, store)));
    const restarts: ShutdownMode[] = ['fast', 'immediate', 'fast'];
    for (const mode of restarts) {
      const before = progress;
      await expect.poll(() => progress, { timeout: 20_000, interval: 10 }).toBeGreaterThanOrEqual(before + 8);
      await db.cluster.down(mode);
      // Down for a while: writers keep trying and get typed refusals.
      const refused = unavailable.length;
      await expect.poll(() => unavailable.length, { timeout: 10_000, interval: 10 }).toBeGreaterThan(refused);
      await db.cluster.up();
    }
    restartsDone = true;
    await writing;

    const head = await reader.headPosition();
    await expect.poll(() => seen.at(-1)?.globalPosition, { timeout: 20_000, interval: 20 }).toBe(head);
    await projector.reached(head);
    subscription.close();
    await following;

    expect(unexpected).toEqual([]);
    expect(unavailable.every((e) => e.retriable && e.kind === 'StoreUnavailable')).toBe(true);
    const log = await reader.readAll(1, 10_000);
    // Exactly once: each command's events in one place, nothing else in the log.
    expect(commands).toBeGreaterThanOrEqual(4 * 6 * 4);
    expect(outcomes).toHaveLength(commands);
    expect(log.map((e) => e.eventId).sort()).toEqual(outcomes.flatMap((o) => o.eventIds).sort());
    expect(new Set(log.map((e) => e.eventId)).size).toBe(log.length);
    for (const o of outcomes) expect(log.filter((e) => e.causationId === o.commandId).map((e) => e.eventId)).toEqual(o.eventIds);
    // One order, seen once by the subscriber across the restarts.
    expect(seen).toEqual(log);
    expect(log.every((e, i) => i === 0 || e.globalPosition > (log[i - 1]?.globalPosition ?? 0))).toBe(true);
    // The projector holds its lock again and its rows are a rebuild's.
    expect(projector.status.state).toBe('active');
    const views = (await db.pool.query('SELECT view FROM redress_tickets WHERE tenant = $1 ORDER BY complaint_id', [TENANT])).rows.map((r: { view: unknown }) => r.view);
    const rebuilt = (await rebuildProjection(reader, ticketViewProjection())).state;
    expect(views).toEqual([...rebuilt.values()].sort((a, b) => a.complaintId.localeCompare(b.complaintId)));
    const timeline = (await db.pool.query('SELECT count(*)::int AS n FROM redress_ticket_timeline WHERE tenant = $1', [TENANT])).rows[0];
    expect(timeline).toEqual({ n: log.length });
  });
});
