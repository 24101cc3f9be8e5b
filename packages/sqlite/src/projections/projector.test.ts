import {
  createEngine,
  createManualClock,
  openComplaints,
  queuesProjection,
  rebuildProjection,
  sequentialIds,
  ticketViewProjection,
  type Engine,
  type QueueFilter,
} from '@redress/core';
import { describe, expect, it } from 'vitest';
import { createProjector, createSqliteEventStore, queuedComplaints, readTicket, ticketIds, type SqlProjection } from '../index.js';
import { sqlTicketProjection } from './ticket-tables.js';
import { dumpReadModels } from '../test-support/read-models.js';
import { tempFile } from '../test-support/temp.js';
import { advance, receive, sideCommand, withdraw } from '../test-support/workload.js';

const start = '2026-11-23T09:00:00.000Z';

function setup() {
  const store = createSqliteEventStore({ file: tempFile(), synchronous: 'normal' });
  const clock = createManualClock(start);
  const engine = createEngine({ store, clock, ids: sequentialIds('ev') });
  return { store, clock, engine };
}

/** A seeded mix of workflow moves, notes, reassignments and withdrawals on eight complaints. */
async function busyDay(engine: Engine, commands: number, between?: (i: number) => Promise<void>) {
  const ids = Array.from({ length: 8 }, (_, i) => `c-${i}`);
  for (const id of ids) await engine.executeOrThrow(receive(id));
  let seed = 7;
  for (let i = 0; i < commands; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    // The high bits: an LCG's low bits repeat with short periods.
    const pick = seed >>> 12;
    const id = ids[pick % ids.length] as string;
    const { state } = await engine.load(id);
    const move = (pick >>> 4) % 5 < 2 ? advance(state.step, id, `cmd-${i}`) : undefined;
    const command = i === commands - 10 ? withdraw(id, `cmd-${i}`) : (move ?? sideCommand(pick >>> 8, id, `cmd-${i}`));
    await engine.execute(command);
    await between?.(i);
  }
}

describe('the SQL ticket read models', () => {
  it('hold, checkpointed in small batches between commands, what the in-memory ticket view and queues hold', async () => {
    const { store, clock, engine } = setup();
    const projector = createProjector({ store, projection: sqlTicketProjection(), owner: 'a', clock, batchSize: 7 });
    await busyDay(engine, 150, async (i) => {
      if (i % 13 === 0) await projector.step();
    });
    await projector.catchUp();
    expect(projector.checkpoint()).toBe(store.head());

    const tickets = (await rebuildProjection(store, ticketViewProjection())).state;
    expect(ticketIds(store.database)).toEqual([...tickets.keys()].sort());
    for (const [id, ticket] of tickets) expect(readTicket(store.database, id)).toEqual(ticket);

    const queues = (await rebuildProjection(store, queuesProjection())).state;
    const filters: QueueFilter[] = [{}, { handlerId: null }, { handlerId: 'h-1' }, { step: 'investigating' }, { severity: 'major' }, { customer: 'cust-0', step: 'classified' }];
    for (const filter of filters) expect(queuedComplaints(store.database, filter)).toEqual(openComplaints(queues, filter));
    // The day must have exercised the interesting cases, or the comparison proves little.
    expect(queuedComplaints(store.database).length).toBeLessThan(8);
    expect(queuedComplaints(store.database, { step: 'investigating' }).length).toBeGreaterThan(0);
  });

  it('rebuilt from zero equal the checkpointed ones', async () => {
    const { store, clock, engine } = setup();
    const projector = createProjector({ store, projection: sqlTicketProjection(), owner: 'a', clock, batchSize: 5 });
    await busyDay(engine, 80, async (i) => {
      if (i % 11 === 0) await projector.step();
    });
    await projector.catchUp();
    const checkpointed = dumpReadModels(store.database);
    expect(checkpointed.timeline).toHaveLength(store.head());

    const rebuilt = await projector.rebuild();
    expect(rebuilt).toEqual({ active: true, applied: expect.any(Number), checkpoint: store.head() });
    expect(dumpReadModels(store.database)).toEqual(checkpointed);
  });

  it('answers "open tickets of handler X" in SQL', async () => {
    const { store, clock, engine } = setup();
    for (const id of ['c-1', 'c-2', 'c-3']) await engine.executeOrThrow(receive(id));
    await engine.executeOrThrow(sideCommand(3, 'c-1', 'as-1')); // h-3
    await engine.executeOrThrow(sideCommand(3, 'c-2', 'as-2'));
    await engine.executeOrThrow(withdraw('c-2', 'wd-2'));
    await createProjector({ store, projection: sqlTicketProjection(), owner: 'a', clock }).catchUp();
    const open = store.database.prepare("SELECT complaint_id FROM redress_queue WHERE handler_id = ? ORDER BY complaint_id").pluck().all('h-3');
    expect(open).toEqual(['c-1']);
  });
});

describe('the projector', () => {
  it('commits the read model and the checkpoint together: a failing batch leaves both as they were', async () => {
    const { store, clock, engine } = setup();
    await busyDay(engine, 20);
    const tickets = sqlTicketProjection();
    let failAt = 0;
    let flushes = 0;
    const flaky: SqlProjection = {
      ...tickets,
      bind(db) {
        const writer = tickets.bind(db);
        return {
          reset: writer.reset,
          flush() {
            flushes++;
            writer.flush?.();
          },
          apply(event) {
            writer.apply(event);
            if (event.globalPosition === failAt) throw new Error('crash in the middle of a batch');
          },
        };
      },
    };
    const projector = createProjector({ store, projection: flaky, owner: 'a', clock, batchSize: 10 });
    await projector.step();
    const before = dumpReadModels(store.database);
    failAt = 15;
    await expect(projector.step()).rejects.toThrow('crash in the middle');
    // What the writer kept of the failed batch is dropped with it.
    expect(flushes).toBe(2);
    expect(projector.checkpoint()).toBe(10);
    expect(dumpReadModels(store.database)).toEqual(before);
    failAt = 0;
    await projector.catchUp();
    expect(projector.checkpoint()).toBe(store.head());
    // Nothing of the failed batch may linger: resumed, it equals a rebuild.
    const resumed = dumpReadModels(store.database);
    await projector.rebuild();
    expect(dumpReadModels(store.database)).toEqual(resumed);
  });

  it('lets exactly one instance run a projection, and fails over when it stops renewing its lease', async () => {
    const { store, clock, engine } = setup();
    await busyDay(engine, 30);
    const options = { store, projection: sqlTicketProjection(), clock, leaseMs: 1000, batchSize: 10 };
    const a = createProjector({ ...options, owner: 'a' });
    const b = createProjector({ ...options, owner: 'b' });

    expect(await a.step()).toMatchObject({ active: true, applied: 10, checkpoint: 10 });
    expect(await b.step()).toEqual({ active: false, applied: 0, checkpoint: 10 });
    clock.advance(999);
    expect((await b.step()).active).toBe(false);
    expect(a.lease()).toEqual({ owner: 'a', expiresAt: Date.parse(start) + 1000 });

    // a dies: nobody renews, and the lease lapses.
    clock.advance(1);
    expect(await b.step()).toMatchObject({ active: true, applied: 10, checkpoint: 20 });
    // a wakes up after its lease was taken: it must not write.
    expect(await a.step()).toEqual({ active: false, applied: 0, checkpoint: 20 });
    expect((await b.catchUp()).checkpoint).toBe(store.head());

    // A clean hand-over needs no waiting.
    b.release();
    expect((await a.step()).active).toBe(true);
  });

  it('follows the log while running, and stops when told', async () => {
    const { store, clock, engine } = setup();
    const projector = createProjector({ store, projection: sqlTicketProjection(), owner: 'a', clock });
    const stop = new AbortController();
    const running = projector.run(stop.signal);
    await engine.executeOrThrow(receive('c-1'));
    for (let i = 0; i < 100 && projector.checkpoint() < store.head(); i++) await new Promise((r) => setImmediate(r));
    expect(projector.checkpoint()).toBeGreaterThan(0);
    expect(projector.checkpoint()).toBe(store.head());
    stop.abort();
    await running;
  });

  it('refuses bad options', () => {
    const { store, clock } = setup();
    expect(() => createProjector({ store, projection: sqlTicketProjection(), owner: '', clock })).toThrow(/owner/);
    expect(() => createProjector({ store, projection: sqlTicketProjection(), owner: 'a', clock, leaseMs: 0 })).toThrow(/leaseMs/);
  });
});
