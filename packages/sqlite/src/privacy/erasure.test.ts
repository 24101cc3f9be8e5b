/**
 * Erasure on the SQLite store, with the crypto-shredder and the ticket tables driven
 * directly: protected events hold no personal value in the events table; after the
 * audit event, the key destruction and a checkpoint, the FILE and its WAL hold none of
 * the erased customer's name, phone or plate, while the other customer's are still
 * there; and the ticket rows an erasure scrubs are the rows a rebuild over the erased
 * log writes, other customers untouched (a property over walked logs).
 */
import { readFileSync } from 'node:fs';
import { fc } from '@fast-check/vitest';
import {
  aesGcmKeyWrapper,
  createCryptoShredder,
  isErased,
  type ComplaintEvent,
  type CryptoShredder,
  type NewEvent,
  type RecordedEvent,
} from '@redress/core';
import { erasureFixture, occurrences, walkedComplaints } from '@redress/testing/store-conformance';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSqliteEventStore, sqlTicketProjection, type SqliteEventStore } from '../index.js';
import { dumpReadModels } from '../test-support/read-models.js';
import { tempFile } from '../test-support/temp.js';

const keyWrapper = aesGcmKeyWrapper(new Uint8Array(32).fill(9));
const projection = sqlTicketProjection();

function auditEvent(subject: string, n = 1): NewEvent<ComplaintEvent> {
  return {
    type: 'CustomerDataErased',
    data: { customerReference: subject, reason: 'the customer asked' },
    eventId: `erase-${subject}-${n}`,
    occurredAt: '2026-03-09T09:00:00.000Z',
    actor: { id: 'dpo-1', role: 'dataProtection' },
    causationId: `cmd-erase-${subject}-${n}`,
    correlationId: subject,
    schemaVersion: 1,
  } as unknown as NewEvent<ComplaintEvent>;
}

/** Applies events to the ticket tables in one transaction, as the projector does once it reads through the shredder. */
function project(db: Database, writer: ReturnType<typeof projection.bind>, events: readonly RecordedEvent<ComplaintEvent>[]): void {
  db.transaction(() => {
    for (const e of events) writer.apply(e);
    writer.flush?.();
  })();
}

async function appendProtected(store: SqliteEventStore, shredder: CryptoShredder, streamId: string, subject: string, events: readonly NewEvent<ComplaintEvent>[]) {
  await store.append(streamId, 'noStream', await shredder.protect(events, { streamId, subject }));
}

const revealedLog = async (store: SqliteEventStore, shredder: CryptoShredder) => shredder.revealAll<ComplaintEvent>(await store.readAll(1, 100_000));

/** The database file and its WAL, after a checkpoint that empties the WAL into the file. */
function fileBytes(store: SqliteEventStore, file: string): Buffer {
  store.database.pragma('wal_checkpoint(TRUNCATE)');
  const wal = (() => {
    try {
      return readFileSync(`${file}-wal`);
    } catch {
      return Buffer.alloc(0);
    }
  })();
  return Buffer.concat([readFileSync(file), wal]);
}

const hits = (bytes: Buffer, secrets: readonly string[]) => Object.fromEntries(secrets.map((s) => [s, occurrences(bytes, s)]));
const none = (secrets: readonly string[]) => Object.fromEntries(secrets.map((s) => [s, 0]));

describe('erasure in a SQLite file', () => {
  it('leaves no plaintext name, phone or plate of the erased customer in the file or its WAL', async () => {
    const file = tempFile('grep');
    const store = createSqliteEventStore({ file, keyWrapper });
    const shredder = createCryptoShredder({ keys: store.keys });
    const { erased, kept } = erasureFixture();
    for (const c of [erased, kept]) await appendProtected(store, shredder, c.streamId, c.subject, c.events);

    // Protected: the events table holds ciphertext only.
    const data = Buffer.from((store.database.prepare('SELECT data FROM redress_events').pluck().all() as string[]).join('\n'));
    expect(hits(data, [...erased.secrets, ...kept.secrets])).toEqual(none([...erased.secrets, ...kept.secrets]));
    expect(occurrences(data, '"$personal"')).toBe(6);

    const writer = projection.bind(store.database);
    project(store.database, writer, await revealedLog(store, shredder));
    // The read model shows the customers (so the grep below can find what is there).
    const before = fileBytes(store, file);
    for (const secret of [...erased.secrets, ...kept.secrets]) expect(occurrences(before, secret)).toBeGreaterThan(0);

    const { events: audit } = await store.appendErasure(`customer-${erased.subject}`, 'noStream', [auditEvent(erased.subject)], [erased.subject]);
    project(store.database, writer, audit);

    const after = fileBytes(store, file);
    expect(hits(after, erased.secrets)).toEqual(none(erased.secrets));
    for (const secret of kept.secrets) expect(occurrences(after, secret)).toBeGreaterThan(0);
    // Reading goes on: the erased customer's events read as erased, the other's as written.
    const log = await revealedLog(store, shredder);
    const received = log.filter((e) => e.type === 'ComplaintReceived').map((e) => e.data as { customer: { name?: string } });
    expect(received.map((d) => isErased(d.customer.name))).toEqual([true, false]);
    store.close();
    // And after closing, with nothing left to checkpoint.
    expect(hits(readFileSync(file), erased.secrets)).toEqual(none(erased.secrets));
  });

  it('after VACUUM too, and when the rows were rewritten many times before the erasure', async () => {
    const file = tempFile('grep-vacuum');
    const store = createSqliteEventStore({ file, keyWrapper });
    const shredder = createCryptoShredder({ keys: store.keys });
    const { erased } = erasureFixture();
    await appendProtected(store, shredder, erased.streamId, erased.subject, erased.events);
    const writer = projection.bind(store.database);
    // A rebuild rewrites every row: old copies of the pages sit in the WAL and on free pages.
    for (let i = 0; i < 3; i++) {
      store.database.transaction(() => writer.reset())();
      project(store.database, writer, await revealedLog(store, shredder));
    }
    const { events: audit } = await store.appendErasure(`customer-${erased.subject}`, 'noStream', [auditEvent(erased.subject)], [erased.subject]);
    project(store.database, writer, audit);
    store.database.exec('VACUUM');
    expect(hits(fileBytes(store, file), erased.secrets)).toEqual(none(erased.secrets));
    store.close();
  });
});

const dumpOf = (db: Database) => {
  const { tickets, timeline, queue } = dumpReadModels(db);
  return { tickets: tickets.map((row) => ({ ...(row as object), view: JSON.parse((row as { view: string }).view) as unknown })), timeline, queue };
};

describe('the ticket tables after an erasure', () => {
  it('equal a rebuild over the erased log, and other customers tickets are untouched (property)', async () => {
    await fc.assert(
      fc.asyncProperty(walkedComplaints({ complaints: 3, maxLength: 15 }), fc.nat(), async (complaints, pick) => {
        fc.pre(complaints.length > 0);
        const store = createSqliteEventStore({ file: ':memory:', keyWrapper });
        const shredder = createCryptoShredder({ keys: store.keys });
        for (const c of complaints) await appendProtected(store, shredder, c.streamId, c.subject, c.events);
        const target = complaints[pick % complaints.length]?.subject ?? '';
        const writer = projection.bind(store.database);
        project(store.database, writer, await revealedLog(store, shredder));
        const before = dumpOf(store.database);

        const { events: audit } = await store.appendErasure(`customer-${target}`, 'noStream', [auditEvent(target)], [target]);
        project(store.database, writer, audit);
        const scrubbed = dumpOf(store.database);

        store.database.transaction(() => writer.reset())();
        project(store.database, writer, await revealedLog(store, shredder));
        expect(scrubbed).toEqual(dumpOf(store.database));
        const customerOf = (row: unknown) => (row as { customer: string }).customer;
        expect(scrubbed.tickets.filter((r) => customerOf(r) !== target)).toEqual(before.tickets.filter((r) => customerOf(r) !== target));
        for (const row of scrubbed.tickets.filter((r) => customerOf(r) === target)) {
          const view = (row as { view: { customer: { name?: string }; description: string } }).view;
          expect(isErased(view.description)).toBe(true);
          if (view.customer.name !== undefined) expect(isErased(view.customer.name)).toBe(true);
        }
        store.close();
      }),
      { numRuns: 30 },
    );
  });
});
