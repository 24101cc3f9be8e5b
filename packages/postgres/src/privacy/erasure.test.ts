/**
 * Erasure on PostgreSQL, with the crypto-shredder and the ticket tables driven directly:
 * protected events hold no personal value in the events table; after the audit event and
 * the key destruction (one transaction) and the scrub of the ticket rows, a `pg_dump` of
 * the database holds none of the erased customer's name, phone or plate, nor its wrapped
 * keys, while the other customer's are still there; and scrubbed ticket rows equal a
 * rebuild over the erased log (a property over walked logs).
 */
import { execFile } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { fc } from '@fast-check/vitest';
import { aesGcmKeyWrapper, createCryptoShredder, isErased, type ComplaintEvent, type CryptoShredder, type NewEvent, type RecordedEvent } from '@redress/core';
import { erasureFixture, occurrences, walkedComplaints } from '@redress/testing/store-conformance';
import { describe, expect, it } from 'vitest';
import { ticketTablesProjection } from '../projections/ticket-tables.js';
import { inTransaction } from '../store/clients.js';
import { createPostgresEventStore, type PostgresEventStore } from '../store/postgres-event-store.js';
import { quoteIdentifier } from '../store/sql.js';
import { useClusterPool } from '../test-support/cluster-pool.js';

const db = useClusterPool();
const keyWrapper = aesGcmKeyWrapper(new Uint8Array(32).fill(9));
const projection = ticketTablesProjection();
let tenants = 0;

function auditEvent(subject: string): NewEvent<ComplaintEvent> {
  return {
    type: 'CustomerDataErased',
    data: { customerReference: subject, reason: 'the customer asked' },
    eventId: `erase-${subject}`,
    occurredAt: '2026-03-09T09:00:00.000Z',
    actor: { id: 'dpo-1', role: 'dataProtection' },
    causationId: `cmd-erase-${subject}`,
    correlationId: subject,
    schemaVersion: 1,
  } as unknown as NewEvent<ComplaintEvent>;
}

const scopeOf = (store: PostgresEventStore) => ({ schema: quoteIdentifier(store.schema), tenant: store.tenant });
const project = (store: PostgresEventStore, events: readonly RecordedEvent<ComplaintEvent>[]) =>
  inTransaction(store.pool, 'test', (tx) => projection.apply(tx, events, scopeOf(store)));
const rebuild = async (store: PostgresEventStore, events: readonly RecordedEvent<ComplaintEvent>[]) => {
  await inTransaction(store.pool, 'test', (tx) => projection.reset(tx, scopeOf(store)));
  await project(store, events);
};
const revealedLog = async (store: PostgresEventStore, shredder: CryptoShredder) => shredder.revealAll<ComplaintEvent>(await store.readAll(1, 100_000));

async function appendProtected(store: PostgresEventStore, shredder: CryptoShredder, streamId: string, subject: string, events: readonly NewEvent<ComplaintEvent>[]) {
  await store.append(streamId, 'noStream', await shredder.protect(events, { streamId, subject }));
}

/**
 * The whole database as `pg_dump` writes it (plain SQL, data included). The npm build of
 * PostgreSQL ships the server without pg_dump: then every row of every table of every
 * schema, as text, which is the data pg_dump would write (its COPY blocks).
 */
async function pgDump(): Promise<Buffer> {
  // Beside the server's own initdb (the bin directory may hold symlinks to the tools only).
  const tool = join(dirname(realpathSync(join(db.cluster.server.bin, 'initdb'))), 'pg_dump');
  if (!existsSync(tool)) return everyRow();
  const { stdout } = await promisify(execFile)(tool, ['--dbname', db.cluster.connectionString], {
    encoding: 'buffer',
    maxBuffer: 256 * 1024 * 1024,
  });
  return stdout;
}

async function everyRow(): Promise<Buffer> {
  const { rows: tables } = await db.pool.query<{ s: string; t: string }>(
    "SELECT table_schema AS s, table_name AS t FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2",
  );
  const out: string[] = [];
  for (const { s, t } of tables) {
    const { rows } = await db.pool.query<{ row: string }>(`SELECT r::text AS row FROM ${quoteIdentifier(s)}.${quoteIdentifier(t)} r`);
    out.push(`-- ${s}.${t}`, ...rows.map((r) => r.row));
  }
  return Buffer.from(out.join('\n'));
}

const hits = (bytes: Buffer, secrets: readonly string[]) => Object.fromEntries(secrets.map((s) => [s, occurrences(bytes, s)]));
const none = (secrets: readonly string[]) => Object.fromEntries(secrets.map((s) => [s, 0]));

describe('erasure in a PostgreSQL database', () => {
  it('leaves no plaintext name, phone or plate of the erased customer, nor its keys, in a pg_dump (every row of every table where the server has no pg_dump)', async () => {
    const store = await createPostgresEventStore<ComplaintEvent>({ pool: db.pool, tenant: 'grep', keyWrapper });
    const shredder = createCryptoShredder({ keys: store.keys });
    const { erased, kept } = erasureFixture();
    for (const c of [erased, kept]) await appendProtected(store, shredder, c.streamId, c.subject, c.events);
    const all = [...erased.secrets, ...kept.secrets];

    // Protected: the events table holds ciphertext only.
    const { rows } = await db.pool.query<{ data: string }>("SELECT data::text AS data FROM redress_events WHERE tenant = 'grep'");
    const data = Buffer.from(rows.map((r) => r.data).join('\n'));
    expect(hits(data, all)).toEqual(none(all));
    expect(occurrences(data, '"$personal"')).toBe(6);

    await project(store, await revealedLog(store, shredder));
    const wrapped = (await db.pool.query<{ w: string }>("SELECT wrapped_key AS w FROM redress_data_keys WHERE tenant = 'grep' AND subject = $1", [erased.subject])).rows.map((r) => r.w);
    expect(wrapped).toHaveLength(1);
    // Before: the read model shows the customers, the key table holds the key (the grep finds what is there).
    const before = await pgDump();
    for (const secret of [...all, ...wrapped]) expect(occurrences(before, secret)).toBeGreaterThan(0);

    const { events: audit } = await store.appendErasure(`customer-${erased.subject}`, 'noStream', [auditEvent(erased.subject)], [erased.subject]);
    await project(store, audit);

    const after = await pgDump();
    expect(hits(after, [...erased.secrets, ...wrapped])).toEqual(none([...erased.secrets, ...wrapped]));
    for (const secret of kept.secrets) expect(occurrences(after, secret)).toBeGreaterThan(0);
    const log = await revealedLog(store, shredder);
    const received = log.filter((e) => e.type === 'ComplaintReceived').map((e) => e.data as { customer: { name?: string } });
    expect(received.map((d) => isErased(d.customer.name))).toEqual([true, false]);
    await store.close();
  });
});

describe('the PostgreSQL ticket tables after an erasure', () => {
  it('equal a rebuild over the erased log, and other customers tickets are untouched (property)', async () => {
    await fc.assert(
      fc.asyncProperty(walkedComplaints({ complaints: 3, maxLength: 12 }), fc.nat(), async (complaints, pick) => {
        fc.pre(complaints.length > 0);
        const store = await createPostgresEventStore<ComplaintEvent>({ pool: db.pool, tenant: `prop-${++tenants}`, keyWrapper });
        const shredder = createCryptoShredder({ keys: store.keys });
        for (const c of complaints) await appendProtected(store, shredder, c.streamId, c.subject, c.events);
        const target = complaints[pick % complaints.length]?.subject ?? '';
        const dump = async () =>
          (await db.pool.query<{ customer: string; view: unknown; erased_view: unknown }>('SELECT * FROM redress_tickets WHERE tenant = $1 ORDER BY complaint_id', [store.tenant])).rows;
        await project(store, await revealedLog(store, shredder));
        const before = await dump();
        const { events: audit } = await store.appendErasure(`customer-${target}`, 'noStream', [auditEvent(target)], [target]);
        await project(store, audit);
        const scrubbed = await dump();
        await rebuild(store, await revealedLog(store, shredder));
        expect(scrubbed).toEqual(await dump());
        expect(scrubbed.filter((r) => r.customer !== target)).toEqual(before.filter((r) => r.customer !== target));
        for (const row of scrubbed.filter((r) => r.customer === target)) expect(isErased((row.view as { description: string }).description)).toBe(true);
        await store.close();
      }),
      { numRuns: 15 },
    );
  });
});
