/**
 * The SQLite projector behind `protectStore`: its SQL read models are written from the
 * events as the reader gives them (decrypted; ERASED once the customer is), the events
 * table holds none of the personal values, and an event this code cannot read (a newer
 * version) fails its batch (status `failing`, checkpoint kept before it), never folded.
 */
import {
  complaintEventFamily,
  createCryptoShredder,
  createEngine,
  createEventEvolution,
  createInMemoryKeyStore,
  createManualClock,
  isErased,
  protectStore,
  type ComplaintEvent,
  type NewEvent,
} from '@redress/core';
import { describe, expect, it } from 'vitest';
import { createProjector, createSqliteEventStore, readTicket } from '../index.js';
import { sqlTicketProjection } from './ticket-tables.js';

const acknowledgement = { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true };

async function setUp() {
  const raw = createSqliteEventStore({ file: ':memory:' });
  const keys = createInMemoryKeyStore();
  const store = protectStore(raw, { shredder: createCryptoShredder({ keys }), evolution: createEventEvolution([complaintEventFamily()]) });
  const clock = createManualClock('2026-11-23T09:00:00.000Z');
  const engine = createEngine({ store, clock });
  const projector = createProjector({ store, projection: sqlTicketProjection(), owner: 'test', clock, batchSize: 2 });
  for (const [id, reference, name] of [['c-1', 'cust-a', 'Ms Projector A'], ['c-2', 'cust-b', 'Mr Projector B']] as const) {
    await engine.executeOrThrow({ type: 'ReceiveComplaint', complaintId: id, actor: { id: 'fd-1', role: 'frontDesk' }, data: { customer: { reference, name }, channel: 'phone', description: 'Rattle', demand: 'Fix', acknowledgement } });
  }
  return { raw, keys, store, projector };
}

describe('the SQLite projector behind protectStore', () => {
  it('writes the read model from decrypted events, and from ERASED ones on a rebuild after an erasure', async () => {
    const { raw, keys, projector } = await setUp();
    const stored = raw.database.prepare('SELECT data FROM redress_events').pluck().all().join('\n');
    expect(stored).not.toContain('Projector');
    await projector.catchUp();
    expect(readTicket(raw.database, 'c-1')?.customer.name).toBe('Ms Projector A');
    await keys.destroy('cust-a');
    await projector.rebuild();
    expect(isErased(readTicket(raw.database, 'c-1')?.customer.name)).toBe(true);
    expect(readTicket(raw.database, 'c-2')?.customer.name).toBe('Mr Projector B');
  });

  it('fails the batch of an event of a newer version and keeps its checkpoint before it', async () => {
    const { raw, projector } = await setUp();
    await projector.catchUp();
    const before = projector.checkpoint();
    const future = { type: 'NoteAdded', data: { text: 'x', shape: 'new' }, eventId: 'ev-future', occurredAt: '2026-11-23T10:00:00.000Z', actor: { id: 'h', role: 'handler' }, causationId: 'x', correlationId: 'x', schemaVersion: 7 };
    await raw.append('c-1', 'any', [future as unknown as NewEvent<ComplaintEvent>]);
    await expect(projector.step()).rejects.toMatchObject({ kind: 'ProjectionFailed', event: { eventId: 'ev-future' } });
    expect(projector.checkpoint()).toBe(before);
    await expect(projector.rebuild()).rejects.toMatchObject({ kind: 'ProjectionFailed' });
  });
});
