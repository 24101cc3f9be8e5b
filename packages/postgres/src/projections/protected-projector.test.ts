/**
 * The PostgreSQL projector behind `protectStore`: the ticket rows are written from the
 * events as the reader gives them (decrypted) while the events table holds none of the
 * personal values, and an event of a newer version fails its batch at its position
 * (status `failing`, checkpoint before it), never folded.
 */
import {
  complaintEventFamily,
  createCryptoShredder,
  createEngine,
  createEventEvolution,
  createInMemoryKeyStore,
  createManualClock,
  protectStore,
  type ComplaintEvent,
  type NewEvent,
} from '@redress/core';
import { describe, expect, it } from 'vitest';
import { createPostgresEventStore } from '../store/postgres-event-store.js';
import { useClusterPool } from '../test-support/cluster-pool.js';
import { createProjector } from './projector.js';
import { ticketTablesProjection } from './ticket-tables.js';

const db = useClusterPool();
const acknowledgement = { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true };

describe('the PostgreSQL projector behind protectStore', () => {
  it('writes ticket rows from decrypted events and fails at an event of a newer version', async () => {
    const raw = await createPostgresEventStore<ComplaintEvent>({ pool: db.pool, tenant: 'protected-projector', pollIntervalMs: 100 });
    const store = protectStore(raw, { shredder: createCryptoShredder({ keys: createInMemoryKeyStore() }), evolution: createEventEvolution([complaintEventFamily()]) });
    const engine = createEngine({ store, clock: createManualClock('2026-03-02T08:00:00.000Z') });
    const projector = createProjector({ store, projection: ticketTablesProjection(), batchSize: 3, pollIntervalMs: 50 });
    db.cleanup(() => raw.close(), () => projector.stop());
    await engine.executeOrThrow({ type: 'ReceiveComplaint', complaintId: 'c-1', actor: { id: 'fd-1', role: 'frontDesk' }, data: { customer: { reference: 'cust-a', name: 'Ms Postgres Projector' }, channel: 'phone', description: 'Rattle', demand: 'Fix', acknowledgement } });
    projector.start();
    const view = async () => (await db.pool.query("SELECT view FROM redress_tickets WHERE tenant = 'protected-projector' AND complaint_id = 'c-1'")).rows[0]?.view as { customer?: { name?: string } } | undefined;
    await expect.poll(async () => (await view())?.customer?.name, { timeout: 20_000, interval: 50 }).toBe('Ms Postgres Projector');
    const stored = (await db.pool.query("SELECT data::text AS data FROM redress_events WHERE tenant = 'protected-projector'")).rows.map((r: { data: string }) => r.data).join('\n');
    expect(stored).not.toContain('Postgres Projector');

    const future = { type: 'NoteAdded', data: { text: 'x', shape: 'new' }, eventId: 'ev-future', occurredAt: '2026-03-02T09:00:00.000Z', actor: { id: 'h', role: 'handler' }, causationId: 'x', correlationId: 'x', schemaVersion: 7 };
    await raw.append('c-1', 'any', [future as unknown as NewEvent<ComplaintEvent>]);
    await expect.poll(() => projector.status, { timeout: 20_000, interval: 50 }).toMatchObject({ state: 'failing', error: { kind: 'ProjectionFailed', event: { eventId: 'ev-future' } } });
    expect(await projector.checkpoint()).toBeLessThan(await raw.headPosition());
  });
});
