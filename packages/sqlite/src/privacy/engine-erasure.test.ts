/**
 * Erasure end to end on a SQLite file, as a host runs it: the engine over `protectStore`,
 * the ticket projector over the same protected store, `EraseCustomerData` through
 * `createCustomerDataProtection`. Before the erasure the read model shows the customer and
 * the events table holds only ciphertext; after it (audit event and key destruction in one
 * transaction, the projector caught up, a checkpoint) the file and its WAL hold none of the
 * customer's name, phone or plate, nor the meeting's strategy or the arrangement's note;
 * a rebuild writes the same rows.
 */
import { readFileSync } from 'node:fs';
import {
  aesGcmKeyWrapper,
  complaintEventFamily,
  createCryptoShredder,
  createCustomerDataProtection,
  createEngine,
  createEventEvolution,
  createManualClock,
  ERASED,
  isErased,
  protectStore,
  type CommandInput,
} from '@redress/core';
import { occurrences } from '@redress/testing/store-conformance';
import { describe, expect, it } from 'vitest';
import { createProjector, createSqliteEventStore, readTicket, sqlTicketProjection, type SqliteEventStore } from '../index.js';
import { dumpReadModels } from '../test-support/read-models.js';
import { tempFile } from '../test-support/temp.js';

const acknowledgement = { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true };
const people = {
  erased: { reference: 'CU-23040', name: '王芳 Wang Fang', phone: '13912345678', plate: '沪A·D2718' },
  kept: { reference: 'CU-99001', name: '李雷 Li Lei', phone: '13687654321', plate: '京B·K9931' },
};
const secretsOf = (p: typeof people.erased) => [...p.name.split(' ', 1), p.name.slice(p.name.indexOf(' ') + 1), p.phone, p.plate];

function receive(complaintId: string, p: typeof people.erased): CommandInput {
  return {
    type: 'ReceiveComplaint',
    complaintId,
    actor: { id: 'fd-1', role: 'frontDesk' },
    data: {
      customer: { reference: p.reference, name: p.name, phone: p.phone },
      channel: 'phone',
      product: { kind: 'vehicle', model: 'Lavida', identifier: p.plate },
      description: `${p.name}: the brakes of ${p.plate} squeal`,
      demand: `Call ${p.phone}`,
      acknowledgement,
    },
  };
}

function host(file: string) {
  const clock = createManualClock('2026-03-02T09:00:00.000Z');
  const store = createSqliteEventStore({ file, keyWrapper: aesGcmKeyWrapper(new Uint8Array(32).fill(3)) });
  const shredder = createCryptoShredder({ keys: store.keys });
  const evolution = createEventEvolution([complaintEventFamily()]);
  const protectedStore = protectStore(store, { shredder, evolution });
  const engine = createEngine({ store: protectedStore, clock });
  const protection = createCustomerDataProtection({ store: protectedStore, keys: store.keys, clock });
  const projector = createProjector({ store: protectedStore, projection: sqlTicketProjection(), owner: 'test', clock });
  return { store, engine, protection, projector };
}

function fileBytes(store: SqliteEventStore, file: string): Buffer {
  store.database.pragma('wal_checkpoint(TRUNCATE)');
  let wal = Buffer.alloc(0);
  try {
    wal = readFileSync(`${file}-wal`);
  } catch {
    // no WAL file
  }
  return Buffer.concat([readFileSync(file), wal]);
}

const count = (bytes: Buffer, secrets: readonly string[]) => secrets.reduce((n, s) => n + occurrences(bytes, s), 0);

describe('erasing a customer through the engine, on a SQLite file', () => {
  it('removes every plaintext name, phone and plate from the file, and a rebuild agrees', async () => {
    const file = tempFile('engine-erasure');
    const { store, engine, protection, projector } = host(file);
    for (const [id, p] of [['PD-1', people.erased], ['PD-2', people.kept]] as const) {
      await engine.executeOrThrow(receive(id, p));
      await engine.executeOrThrow({ type: 'AddNote', complaintId: id, actor: { id: 'fd-1', role: 'frontDesk' }, data: { text: `Rang ${p.phone} about ${p.plate}` } });
    }
    const data = Buffer.from((store.database.prepare('SELECT data FROM redress_events').pluck().all() as string[]).join('\n'));
    expect(count(data, [...secretsOf(people.erased), ...secretsOf(people.kept)])).toBe(0);

    await projector.catchUp();
    expect(readTicket(store.database, 'PD-1')?.customer.name).toBe(people.erased.name);
    expect(count(fileBytes(store, file), secretsOf(people.erased))).toBeGreaterThan(0);

    const erased = await protection.erase({
      type: 'EraseCustomerData',
      actor: { id: 'dpo-1', role: 'dataProtection' },
      data: { customerReference: people.erased.reference, reason: 'ticket DSR-7' },
    });
    expect(erased.ok).toBe(true);
    expect(await store.keys.key(people.erased.reference, 1)).toEqual({ state: 'destroyed' });
    await projector.catchUp();

    const ticket = readTicket(store.database, 'PD-1');
    expect([ticket?.customer.name, ticket?.customer.phone, ticket?.product?.identifier, ticket?.description].every(isErased)).toBe(true);
    expect(readTicket(store.database, 'PD-2')?.customer.name).toBe(people.kept.name);
    expect(count(fileBytes(store, file), secretsOf(people.erased))).toBe(0);
    for (const secret of secretsOf(people.kept)) expect(occurrences(fileBytes(store, file), secret)).toBeGreaterThan(0);

    // The engine still works the erased customer's complaint (no personal data needed)...
    await engine.executeOrThrow({ type: 'AssignHandler', complaintId: 'PD-1', actor: { id: 'dh-1', role: 'departmentHead' }, data: { handlerId: 'h-1', reason: 'workload' } });
    await projector.catchUp();
    const caughtUp = dumpReadModels(store.database);
    // ...and a rebuild over the erased log writes the rows the erasure left.
    await projector.rebuild();
    expect(dumpReadModels(store.database)).toEqual(caughtUp);
    expect(count(fileBytes(store, file), secretsOf(people.erased))).toBe(0);
    store.close();
  });

  it('keeps the meeting strategy and the arrangement note ciphertext, and after the erasure none of them in the file; time, place, step and queue row stay', async () => {
    const file = tempFile('engine-erasure-strategy');
    const { store, engine, protection, projector } = host(file);
    const plan = {
      erased: { strategy: '王女士上次被晾了两小时：先道歉，让她说完', note: 'Ms Wang comes after 5 pm only' },
      kept: { strategy: 'Mr Li wants the torque log on the table', note: 'Mr Li asked for Tuesday' },
    };
    const at = '2026-03-05T09:00:00.000Z';
    for (const [id, p, meeting] of [['PD-1', people.erased, plan.erased], ['PD-2', people.kept, plan.kept]] as const) {
      await engine.executeOrThrow(receive(id, p));
      await engine.executeOrThrow({ type: 'ArrangeMeeting', complaintId: id, actor: { id: 'fd-1', role: 'frontDesk' }, data: { at, venue: 'VIP lounge', note: meeting.note, strategy: meeting.strategy } });
    }
    const secrets = (meeting: typeof plan.erased) => [meeting.strategy, meeting.note];
    const data = Buffer.from((store.database.prepare('SELECT data FROM redress_events').pluck().all() as string[]).join('\n'));
    expect(count(data, [...secrets(plan.erased), ...secrets(plan.kept)])).toBe(0);
    await projector.catchUp();
    expect(readTicket(store.database, 'PD-1')?.meeting).toEqual({ at, venue: 'VIP lounge', strategy: plan.erased.strategy });
    expect(count(fileBytes(store, file), secrets(plan.erased))).toBeGreaterThan(0);
    const before = dumpReadModels(store.database);

    const erased = await protection.erase({ type: 'EraseCustomerData', actor: { id: 'dpo-1', role: 'dataProtection' }, data: { customerReference: people.erased.reference, reason: 'ticket DSR-9' } });
    expect(erased.ok).toBe(true);
    await projector.catchUp();

    expect(count(fileBytes(store, file), secrets(plan.erased))).toBe(0);
    // The other customer's strategy is still in their ticket row (the note is in no read model).
    expect(occurrences(fileBytes(store, file), plan.kept.strategy)).toBeGreaterThan(0);
    const ticket = readTicket(store.database, 'PD-1');
    expect(ticket?.meeting).toEqual({ at, venue: 'VIP lounge', strategy: ERASED });
    expect(ticket?.step).toBe('received');
    expect(readTicket(store.database, 'PD-2')?.meeting?.strategy).toBe(plan.kept.strategy);
    // The timeline and the queue rows (what reports count) are as they were.
    const after = dumpReadModels(store.database);
    expect({ timeline: after.timeline, queue: after.queue }).toEqual({ timeline: before.timeline, queue: before.queue });
    store.close();
  });

  it('records no erasure when the keys cannot be destroyed: the audit event and the destruction are one transaction', async () => {
    const { store, engine, protection } = host(tempFile('engine-erasure-atomic'));
    await engine.executeOrThrow(receive('PD-1', people.erased));
    store.database.exec("CREATE TRIGGER refuse BEFORE DELETE ON redress_data_keys BEGIN SELECT RAISE(ABORT, 'refused'); END");
    const command = { type: 'EraseCustomerData', actor: { id: 'dpo-1', role: 'dataProtection' }, data: { customerReference: people.erased.reference, reason: 'DSR-8' } } as const;
    await expect(protection.erase(command)).rejects.toThrow(/refused/);
    expect(await store.readStream(`customer:${people.erased.reference}`)).toEqual([]);
    expect((await store.keys.key(people.erased.reference, 1)).state).toBe('active');
    store.database.exec('DROP TRIGGER refuse');
    expect((await protection.erase(command)).ok).toBe(true);
    expect(await store.readStream(`customer:${people.erased.reference}`)).toHaveLength(1);
    expect(await store.keys.key(people.erased.reference, 1)).toEqual({ state: 'destroyed' });
    store.close();
  });
});
