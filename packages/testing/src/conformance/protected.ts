/**
 * The store behind `protectStore`: personal data is stored encrypted, every read path
 * (readStream, readAll, subscribe, the engine, rebuilds) gives it back decrypted or, once
 * the customer is erased, `ERASED`; an event of a newer version or an unknown type is
 * refused on every read path. A store that exposes `keys` (its own key table) is tested
 * with it; otherwise with the in-memory key store.
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
  rebuildProjection,
  ticketViewProjection,
  type CommandInput,
  type ComplaintEvent,
  type EventStore,
  type KeyStore,
  type NewEvent,
} from '@redress/core';
import { describe, expect, it } from 'vitest';
import { collect, type CreateStore } from './events.js';

const acknowledgement = { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true };
const NAME = 'Zhang Wei-Conformance';
const PHONE = '+86 139 0000 4242';
const TEXT = 'Brake squeal on plate 沪A-C0NF01';

function receipt(complaintId: string, reference: string): CommandInput {
  return {
    type: 'ReceiveComplaint',
    complaintId,
    actor: { id: 'fd-1', role: 'frontDesk' },
    data: { customer: { reference, name: `${NAME} ${reference}`, phone: PHONE }, channel: 'phone', description: TEXT, demand: 'Fix it', acknowledgement },
  };
}

const note = (complaintId: string, text: string): CommandInput => ({ type: 'AddNote', complaintId, actor: { id: 'h-1', role: 'handler' }, data: { text } });

async function setUp(create: CreateStore) {
  const raw = (await create()) as unknown as EventStore<ComplaintEvent>;
  const keys: KeyStore = (raw as { keys?: KeyStore }).keys ?? createInMemoryKeyStore();
  const store = protectStore(raw, { shredder: createCryptoShredder({ keys }), evolution: createEventEvolution([complaintEventFamily()]) });
  const engine = createEngine({ store, clock: createManualClock('2026-11-23T09:00:00.000Z') });
  return { raw, keys, store, engine };
}

/** An event no version of this code wrote: a newer version of a known type. */
function newer(eventId: string): NewEvent<ComplaintEvent> {
  return {
    type: 'NoteAdded',
    data: { text: 'from the future', shape: 'unknown' },
    eventId,
    occurredAt: '2026-11-23T10:00:00.000Z',
    actor: { id: 'h-1', role: 'handler' },
    causationId: 'cmd-x',
    correlationId: 'cmd-x',
    schemaVersion: 99,
  } as unknown as NewEvent<ComplaintEvent>;
}

export function protectedStore(create: CreateStore): void {
  describe('behind protectStore (encryption, erasure, versions)', () => {
    it('stores personal data encrypted and reads it back on every path', async () => {
      const { raw, store, engine } = await setUp(create);
      await engine.executeOrThrow(receipt('p-1', 'cust-a'));
      await engine.executeOrThrow(note('p-1', `called ${PHONE}`));
      const stored = JSON.stringify(await raw.readAll());
      for (const secret of [NAME, PHONE, 'C0NF01']) expect(stored).not.toContain(secret);
      const [received] = await store.readStream('p-1');
      expect(received?.type === 'ComplaintReceived' && received.data.customer.name).toBe(`${NAME} cust-a`);
      const all = await store.readAll();
      expect(all.map((e) => e.data)).toEqual((await store.readStream('p-1')).map((e) => e.data));
      const subscription = store.subscribe();
      expect((await collect(subscription, all.length)).map((e) => e.data)).toEqual(all.map((e) => e.data));
      subscription.close();
      const tickets = (await rebuildProjection(store, ticketViewProjection())).state;
      expect(tickets.get('p-1')?.customer.name).toBe(`${NAME} cust-a`);
    });

    it('reads an erased customer as ERASED everywhere, leaves the others alone, and refuses new personal text for them', async () => {
      const { raw, keys, store, engine } = await setUp(create);
      await engine.executeOrThrow(receipt('p-1', 'cust-a'));
      await engine.executeOrThrow(receipt('p-2', 'cust-b'));
      await keys.destroy('cust-a');
      const tickets = (await rebuildProjection(store, ticketViewProjection())).state;
      expect(isErased(tickets.get('p-1')?.customer.name)).toBe(true);
      expect(isErased(tickets.get('p-1')?.description)).toBe(true);
      expect(tickets.get('p-1')?.customer.reference).toBe('cust-a');
      expect(tickets.get('p-2')?.customer.name).toBe(`${NAME} cust-b`);
      const before = (await raw.readAll()).length;
      const refused = await engine.execute(note('p-1', 'a new personal text'));
      expect(refused.ok || refused.error.kind).toBe('SubjectErased');
      expect((await raw.readAll()).length).toBe(before);
      // A decision that needs no personal data still goes through.
      const assigned = await engine.execute({ type: 'AssignHandler', complaintId: 'p-1', actor: { id: 'dh-1', role: 'departmentHead' }, data: { handlerId: 'h-1', reason: 'workload' } });
      expect(assigned.ok).toBe(true);
    });

    it('refuses an event of a newer version on every read path, never folding it', async () => {
      const { raw, store, engine } = await setUp(create);
      await engine.executeOrThrow(receipt('p-1', 'cust-a'));
      await raw.append('p-1', 'any', [newer('ev-future-1')]);
      const version = { kind: 'UnsupportedEventVersion' };
      await expect(store.readStream('p-1')).rejects.toMatchObject(version);
      await expect(store.readAll()).rejects.toMatchObject(version);
      await expect(rebuildProjection(store, ticketViewProjection())).rejects.toMatchObject(version);
      await expect(engine.load('p-1')).rejects.toMatchObject(version);
      await expect(collect(store.subscribe(), 3)).rejects.toMatchObject(version);
    });

    it('refuses a type the complaint events never had on a complaint stream', async () => {
      const { raw, store } = await setUp(create);
      await raw.append('p-9', 'noStream', [{ ...newer('ev-future-2'), type: 'ComplaintTeleported', schemaVersion: 1 } as unknown as NewEvent<ComplaintEvent>]);
      await expect(store.readStream('p-9')).rejects.toMatchObject({ kind: 'UnknownEventType' });
    });

    it('writes nothing personal to a stream without a data subject', async () => {
      const { raw, store } = await setUp(create);
      const orphan = { ...newer('ev-orphan'), schemaVersion: 1, data: { text: PHONE } } as NewEvent<ComplaintEvent>;
      await expect(store.append('p-orphan', 'noStream', [orphan])).rejects.toMatchObject({ kind: 'NoDataSubject' });
      expect(await raw.readStream('p-orphan')).toEqual([]);
    });

    it('gives a repeated append back decrypted', async () => {
      const { store, engine } = await setUp(create);
      const first = await engine.executeOrThrow({ ...receipt('p-1', 'cust-a'), commandId: 'cmd-repeat' });
      const again = await store.append('p-1', 'any', first.events);
      expect(again.duplicate).toBe(true);
      expect(again.events.map((e) => e.data)).toEqual(first.events.map((e) => e.data));
    });
  });
}
