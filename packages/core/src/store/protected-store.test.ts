import { describe, expect, it } from 'vitest';
import type { NewEvent } from '../events/envelope.js';
import type { ComplaintEvent } from '../events/schema.js';
import { createCryptoShredder } from '../privacy/crypto-shredder.js';
import { createInMemoryKeyStore } from '../privacy/in-memory-key-store.js';
import { createInMemoryEventStore } from './in-memory.js';
import { protectStore } from './protected-store.js';

const envelope = { occurredAt: '2026-11-23T09:00:00.000Z', actor: { id: 'fd-1', role: 'frontDesk' }, causationId: 'c', correlationId: 'c', schemaVersion: 1 } as const;
const receipt = (eventId: string, reference: string) =>
  ({ ...envelope, eventId, type: 'ComplaintReceived', data: { complaintId: 'c-1', customer: { reference, name: `Name of ${reference}` }, channel: 'phone', description: 'd', demand: 'x' } }) as NewEvent<ComplaintEvent>;
const note = (eventId: string) => ({ ...envelope, eventId, type: 'NoteAdded', data: { text: 'a personal note' } }) as unknown as NewEvent<ComplaintEvent>;
const subjectsOf = async (store: { readAll(): Promise<readonly { data: unknown }[]> }) =>
  (await store.readAll()).map((e) => (e.data as { $personal?: { subject: string } }).$personal?.subject);

describe('protectStore: whose data a stream holds', () => {
  it('files every event of a stream under the customer its stored receipt names, whatever failed before', async () => {
    const raw = createInMemoryEventStore<ComplaintEvent>();
    const store = protectStore(raw, { shredder: createCryptoShredder({ keys: createInMemoryKeyStore() }) });
    // An append that fails (a lost race) must not decide the stream's subject.
    await expect(store.append('c-1', 5, [receipt('e-0', 'cust-loser')])).rejects.toMatchObject({ kind: 'ConcurrencyConflict' });
    await store.append('c-1', 'noStream', [receipt('e-1', 'cust-winner')]);
    await store.append('c-1', 1, [note('e-2')]);
    // A second receipt appended to the stream does not re-file it either.
    await store.append('c-1', 'any', [receipt('e-3', 'cust-other'), note('e-4')]);
    expect(await subjectsOf(raw)).toEqual(['cust-winner', 'cust-winner', 'cust-winner', 'cust-winner']);
    // A fresh decorator over the same store (another process) agrees.
    const other = protectStore(raw, { shredder: createCryptoShredder({ keys: createInMemoryKeyStore() }) });
    await expect(other.append('c-1', 'any', [receipt('e-5', 'cust-other'), note('e-6')])).resolves.toBeDefined();
    expect((await subjectsOf(raw)).slice(-2)).toEqual(['cust-winner', 'cust-winner']);
  });
});
