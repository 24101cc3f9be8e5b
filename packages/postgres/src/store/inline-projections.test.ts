/**
 * Inline projections on PostgreSQL under concurrency: one engine serving many
 * requests at once (a web server's one process), each request an `execute()`.
 * After the last request and a `catchUp()`, the engine's inline views must equal a
 * rebuild from the log: no event skipped, none applied twice.
 */
import { fc } from '@fast-check/vitest';
import {
  createEngine,
  createManualClock,
  queuesProjection,
  rebuildProjection,
  ticketViewProjection,
  type CommandInput,
} from '@redress/core';
import { describe, expect, it } from 'vitest';
import { useClusterPool } from '../test-support/cluster-pool.js';
import { assign, note, receive, withdraw } from '../test-support/commands.js';
import { createPostgresEventStore } from './postgres-event-store.js';

const db = useClusterPool({ max: 40 });

/** One worker's complaints, each a short lifecycle; receipts acknowledged at once append two events. */
const workload = fc.array(
  fc.array(fc.record({ acknowledged: fc.boolean(), notes: fc.nat({ max: 3 }), withdrawn: fc.boolean() }), { minLength: 3, maxLength: 4 }),
  { minLength: 16, maxLength: 16 },
);

function commandsOf(worker: number, complaints: readonly { acknowledged: boolean; notes: number; withdrawn: boolean }[]): CommandInput[][] {
  return complaints.map((c, i) => {
    const id = `w${worker}-c${i}`;
    const n = worker * 10 + i;
    return [
      receive(id, n, c.acknowledged),
      assign(id, n),
      ...Array.from({ length: c.notes }, (_, k) => note(id, `note ${k}`)),
      ...(c.withdrawn ? [withdraw(id)] : []),
    ];
  });
}

let runs = 0;

describe('inline projections on PostgreSQL', () => {
  it('equal a rebuild after many concurrent execute() calls through one engine', async () => {
    await fc.assert(
      fc.asyncProperty(workload, async (workers) => {
        const store = await createPostgresEventStore({ pool: db.pool, tenant: `inline-${++runs}`, pollIntervalMs: 100 });
        try {
          const tickets = ticketViewProjection();
          const queues = queuesProjection();
          const engine = createEngine({ store, clock: createManualClock('2026-03-02T08:00:00.000Z'), projections: [tickets, queues] });
          // Every worker runs its complaints' commands in order; the workers run at once.
          await Promise.all(
            workers.map(async (complaints, w) => {
              for (const lifecycle of commandsOf(w, complaints)) {
                for (const command of lifecycle) expect((await engine.execute(command)).ok).toBe(true);
              }
            }),
          );
          await engine.catchUp();
          expect(engine.view(tickets)).toEqual((await rebuildProjection(store, ticketViewProjection())).state);
          expect(engine.view(queues)).toEqual((await rebuildProjection(store, queuesProjection())).state);
        } finally {
          await store.close();
        }
      }),
      { numRuns: 6 },
    );
  });
});
