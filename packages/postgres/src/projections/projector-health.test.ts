/**
 * What used to stall a projector, or let one tenant block another: an event a read
 * model cannot hold (a NUL character in a text column) and two tenants whose names
 * collide under the 32-bit hash the locks were keyed by.
 */
import { createEngine, createManualClock, ProjectionFailedError, type ComplaintEvent, type NewEvent } from '@redress/core';
import { describe, expect, it } from 'vitest';
import { LOCK_CLASS } from '../schema/migrations.js';
import { createPostgresEventStore } from '../store/postgres-event-store.js';
import { useClusterPool } from '../test-support/cluster-pool.js';
import { note, receive } from '../test-support/commands.js';
import { createProjector, type ProjectorStatus } from './projector.js';
import { ticketTablesProjection } from './ticket-tables.js';

const db = useClusterPool();

async function tenant(name: string) {
  const store = await createPostgresEventStore<ComplaintEvent>({ pool: db.pool, tenant: name, pollIntervalMs: 50 });
  db.cleanup(() => store.close());
  return { store, engine: createEngine({ store, clock: createManualClock('2026-03-02T08:00:00.000Z') }) };
}

describe('a batch that cannot be applied', () => {
  it('is shown as a typed failing status naming the event, never skipped, while other tenants go on', async () => {
    const { store, engine } = await tenant('poisoned');
    const healthy = await tenant('healthy');
    // Through the engine such text is refused at validation, and nothing is written.
    const refused = await engine.execute({ ...receive('c-bad', 1), data: { ...(receive('c-bad', 1) as { data: object }).data, branch: 'Pu\u0000dong' } } as never);
    expect(!refused.ok && refused.error.kind).toBe('Validation');
    expect(await store.readStream('c-bad')).toEqual([]);

    for (const n of [1, 2]) await engine.executeOrThrow(receive(`c-${n}`, n));
    // A host appending around the engine can still store it (the log keeps payloads verbatim).
    const poison = {
      ...(await store.readStream('c-1'))[0],
      eventId: 'poison',
      data: { ...((await store.readStream('c-1'))[0]?.data as object), complaintId: 'c-bad', branch: 'Pu\u0000dong' },
    } as unknown as NewEvent<ComplaintEvent>;
    const stored = await store.append('c-bad', 'noStream', [poison]);
    await engine.executeOrThrow(note('c-2', 'after the poison'));
    await healthy.engine.executeOrThrow(receive('h-1', 3));

    const statuses: ProjectorStatus[] = [];
    const projector = createProjector({ store, projection: ticketTablesProjection(), batchSize: 50, pollIntervalMs: 20, onStatus: (s) => statuses.push(s) });
    const other = createProjector({ store: healthy.store, projection: ticketTablesProjection(), pollIntervalMs: 20 });
    db.cleanup(
      () => projector.stop(),
      () => other.stop(),
    );
    projector.start();
    other.start();

    await expect.poll(() => (projector.status.state === 'failing' ? projector.status.attempts : 0), { timeout: 10_000 }).toBeGreaterThan(2);
    const status = projector.status as Extract<ProjectorStatus, { state: 'failing' }>;
    expect(status.error).toBeInstanceOf(ProjectionFailedError);
    // Narrowed down to the one event that fails, with the database's reason as the cause.
    expect(status.error).toMatchObject({ projection: 'tickets', batchSize: 1, event: { eventId: 'poison', streamId: 'c-bad', globalPosition: stored.events[0]?.globalPosition } });
    expect(String((status.error.cause as Error).message)).toMatch(/0x00|null character|invalid byte sequence/i);
    expect(projector.active).toBe(true);
    // Everything before it is applied, nothing after it, and the checkpoint stays before it.
    const all = await store.readAll();
    const at = all.findIndex((e) => e.eventId === 'poison');
    expect(await projector.checkpoint()).toBe(all[at - 1]?.globalPosition);
    expect((await db.pool.query("SELECT complaint_id FROM redress_tickets WHERE tenant = 'poisoned' ORDER BY 1")).rows).toEqual([{ complaint_id: 'c-1' }, { complaint_id: 'c-2' }]);
    // The other tenant is not held up.
    await other.reached(await healthy.store.headPosition());
    expect(statuses.map((s) => s.state)).toContain('failing');
  });
});

describe('tenants whose names collide under hashtext', () => {
  // Found by a search over "desk-<n>" (one pair in every ~250k names): the same 32-bit hash.
  const [a, b] = ['desk-8428', 'desk-217015'];

  it('are a real collision: under the old lock key one blocked the other', async () => {
    const { rows } = await db.pool.query<{ same: boolean }>('SELECT hashtext($1) = hashtext($2) AS same', [`public/${a}/tickets`, `public/${b}/tickets`]);
    expect(rows[0]?.same).toBe(true);
    const first = await db.pool.connect();
    const second = await db.pool.connect();
    try {
      const take = (c: typeof first, t: string) => c.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [LOCK_CLASS.projections, `public/${t}/tickets`]);
      expect((await take(first, a)).rows[0]?.ok).toBe(true);
      expect((await take(second, b)).rows[0]?.ok).toBe(false);
    } finally {
      await first.query('SELECT pg_advisory_unlock_all()');
      first.release();
      second.release();
    }
  });

  it('now run their projectors side by side', async () => {
    const one = await tenant(a);
    const two = await tenant(b);
    await one.engine.executeOrThrow(receive('c-1', 1));
    await two.engine.executeOrThrow(receive('c-1', 2));
    const projectors = [one, two].map(({ store }) => createProjector({ store, projection: ticketTablesProjection(), pollIntervalMs: 20 }));
    db.cleanup(...projectors.map((p) => () => p.stop()));
    for (const p of projectors) p.start();
    await expect.poll(() => projectors.map((p) => p.status.state), { timeout: 10_000 }).toEqual(['active', 'active']);
    await projectors[0]?.reached(await one.store.headPosition());
    await projectors[1]?.reached(await two.store.headPosition());
    const { rows } = await db.pool.query<{ tenant: string }>('SELECT tenant FROM redress_tickets WHERE tenant = ANY($1) ORDER BY tenant', [[a, b]]);
    expect(rows.map((r) => r.tenant)).toEqual([a, b].sort());
  });
});
