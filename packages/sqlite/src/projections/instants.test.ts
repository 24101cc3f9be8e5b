/**
 * Instants in the SQL read models compare as instants. A file written by version 4
 * (fixtures/v4.sqlite: agreed deadlines given in Shanghai time, `+08:00`, stored as
 * given) answers "overdue" wrongly; migration 5 rewrites its rows in UTC, and from then
 * on the projection writes them so: text comparison and ORDER BY follow time.
 */
import { copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fc } from '@fast-check/vitest';
import { createEngine, createManualClock, sequentialIds } from '@redress/core';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createProjector, createSqliteEventStore } from '../index.js';
import { tempFile } from '../test-support/temp.js';
import { sqlTicketProjection } from './ticket-tables.js';
import { dumpReadModels } from '../test-support/read-models.js';

const fixture = fileURLToPath(new URL('../migrations/fixtures/v4.sqlite', import.meta.url));
const clock = createManualClock('2026-06-01T00:00:00.000Z');

interface Deadline {
  readonly complaint_id: string;
  readonly agreed_deadline: string;
}
const deadlines = (db: Database.Database) =>
  db.prepare('SELECT complaint_id, agreed_deadline FROM redress_tickets WHERE agreed_deadline IS NOT NULL ORDER BY complaint_id').all() as Deadline[];
const overdue = (db: Database.Database, now: string) =>
  (db.prepare('SELECT complaint_id FROM redress_tickets WHERE agreed_deadline < ? ORDER BY complaint_id').pluck().all(now) as string[]);
const byDeadline = (db: Database.Database) =>
  db.prepare('SELECT complaint_id FROM redress_tickets WHERE agreed_deadline IS NOT NULL ORDER BY agreed_deadline, complaint_id').pluck().all() as string[];

describe('instants in the ticket tables', () => {
  it('were compared as text in a version 4 file, and are instants after migration 5', () => {
    const file = tempFile('v4');
    copyFileSync(fixture, file);
    const old = new Database(file);
    const given = deadlines(old);
    expect(given.length).toBeGreaterThan(3);
    expect(given.every((d) => d.agreed_deadline.endsWith('+08:00'))).toBe(true);
    // The wrong answer: at 18:30Z on the 13th, a deadline of 02:17+08:00 on the 14th (18:17Z on the 13th) is overdue.
    const now = '2026-03-13T18:30:00.000Z';
    const truth = given.filter((d) => Date.parse(d.agreed_deadline) < Date.parse(now)).map((d) => d.complaint_id);
    expect(truth.length).toBeGreaterThan(0);
    expect(overdue(old, now)).not.toEqual(truth);
    old.close();

    const store = createSqliteEventStore({ file, clock });
    expect(store.migrations).toMatchObject({ from: 4, applied: [5, 6] });
    const db = store.database;
    expect(deadlines(db)).toEqual(given.map((d) => ({ ...d, agreed_deadline: new Date(Date.parse(d.agreed_deadline)).toISOString() })));
    expect(overdue(db, now)).toEqual(truth);
    expect(byDeadline(db)).toEqual([...given].sort((a, b) => Date.parse(a.agreed_deadline) - Date.parse(b.agreed_deadline) || a.complaint_id.localeCompare(b.complaint_id)).map((d) => d.complaint_id));
    // The migrated rows are the ones a rebuild writes now.
    const migrated = dumpReadModels(db);
    store.close();
    const again = createSqliteEventStore({ file, clock });
    return createProjector({ store: again, projection: sqlTicketProjection(), owner: 't', clock })
      .rebuild()
      .then(() => {
        // The view column is the ticket view as JSON: today's code adds fields the old release
        // did not have; every field it wrote must read the same.
        // Migration 6's erased views too: what an erasure writes, the same as the rebuild's.
        const parsed = (dump: ReturnType<typeof dumpReadModels>) => ({
          ...dump,
          tickets: dump.tickets.map((row) => {
            const { view, erased_view } = row as { view: string; erased_view: string };
            return { ...(row as object), view: JSON.parse(view) as unknown, erased_view: JSON.parse(erased_view) as unknown };
          }),
        });
        expect(parsed(dumpReadModels(again.database))).toMatchObject(parsed(migrated));
        again.close();
      });
  });

  it('sort and compare as instants whatever offsets the commands give', async () => {
    const offset = fc.integer({ min: -12 * 60, max: 14 * 60 }).map((m) => m - (m % 15));
    const deadline = fc.tuple(fc.integer({ min: 0, max: 40 * 24 * 60 }), offset);
    await fc.assert(
      fc.asyncProperty(fc.array(deadline, { minLength: 2, maxLength: 8 }), async (given) => {
        const store = createSqliteEventStore({ file: tempFile('offsets'), clock: createManualClock('2026-03-01T00:00:00.000Z') });
        const engine = createEngine({ store, clock: createManualClock('2026-03-01T00:00:00.000Z'), ids: sequentialIds('o') });
        const instants: number[] = [];
        for (const [i, [minutes, off]] of given.entries()) {
          const at = Date.parse('2026-03-02T00:00:00.000Z') + minutes * 60_000;
          instants.push(at);
          const local = new Date(at + off * 60_000).toISOString().slice(0, 19);
          const sign = off < 0 ? '-' : '+';
          const text = `${local}${sign}${String(Math.floor(Math.abs(off) / 60)).padStart(2, '0')}:${String(Math.abs(off) % 60).padStart(2, '0')}`;
          await walkToRemedy(engine, `c-${i}`, text);
        }
        await createProjector({ store, projection: sqlTicketProjection(), owner: 't', clock }).catchUp();
        const expected = given.map((_, i) => `c-${i}`).sort((a, b) => (instants[Number(a.slice(2))] ?? 0) - (instants[Number(b.slice(2))] ?? 0) || a.localeCompare(b));
        expect(byDeadline(store.database)).toEqual(expected);
        const median = [...instants].sort((a, b) => a - b)[Math.floor(instants.length / 2)] ?? 0;
        const now = new Date(median).toISOString();
        expect(overdue(store.database, now)).toEqual(given.map((_, i) => `c-${i}`).filter((_, i) => (instants[i] ?? 0) < median).sort());
        store.close();
      }),
      { numRuns: 25 },
    );
  });
});

/** Receives a complaint and takes it to a proposed remedy with the agreed deadline given. */
async function walkToRemedy(engine: ReturnType<typeof createEngine>, id: string, agreedDeadline: string): Promise<void> {
  const handler = { id: 'h-1', role: 'handler' } as const;
  const acknowledgement = { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true };
  await engine.executeOrThrow({
    type: 'ReceiveComplaint',
    complaintId: id,
    actor: { id: 'fd-1', role: 'frontDesk' },
    data: { customer: { reference: 'cust-1' }, channel: 'phone', description: 'Engine noise', demand: 'Fix it', acknowledgement },
  });
  await engine.executeOrThrow({ type: 'AssignHandler', complaintId: id, actor: { id: 'dh-1', role: 'departmentHead' }, data: { handlerId: 'h-1', reason: 'workload' } });
  await engine.executeOrThrow({ type: 'ConfirmComplaint', complaintId: id, actor: handler, data: { summary: 'Noise' } });
  await engine.executeOrThrow({ type: 'ClassifyComplaint', complaintId: id, actor: handler, data: { severity: 'general' } });
  await engine.executeOrThrow({ type: 'StartInvestigation', complaintId: id, actor: handler, data: {} });
  await engine.executeOrThrow({ type: 'IdentifyCause', complaintId: id, actor: handler, data: { cause: 'repairQuality', findings: 'A loose part' } });
  // 分清责任: the responsible party is recorded before a proposal (the engine's default).
  await engine.executeOrThrow({ type: 'AttributeResponsibility', complaintId: id, actor: handler, data: { party: { kind: 'department', id: 'workshop-1', name: 'Workshop 1' }, reason: 'The part was not tightened' } });
  await engine.executeOrThrow({
    type: 'ProposeResolution',
    complaintId: id,
    actor: handler,
    data: { remedy: { kind: 'freeRepair', description: 'Tighten it' }, agreedDeadline },
  });
}
