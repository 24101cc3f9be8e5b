/**
 * The worked example against the log written on 2026-12-01 (test/fixtures, never
 * regenerated): read through the v2 family, every complaint event comes out at its
 * current version and valid; the facts folded from it are the ones that version folded;
 * and with personal data encrypted and a customer erased, the same read still works.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evolve } from '../decider/evolve.js';
import { initialComplaintState, type ComplaintState } from '../decider/state.js';
import { DEFAULT_SERVQUAL_FACTOR_OF_CAUSE } from '../domain/vocabulary.js';
import type { EventLike, RecordedEvent } from '../events/envelope.js';
import { COMPLAINT_EVENT_TYPES, type ComplaintEvent } from '../events/schema.js';
import { InvalidStoredEventError, UnsupportedEventVersionError } from '../errors/data-errors.js';
import { runProjection } from '../projections/projection.js';
import { ticketViewProjection } from '../projections/ticket-view.js';
import { createCryptoShredder } from '../privacy/crypto-shredder.js';
import { ERASED } from '../privacy/erased.js';
import { createInMemoryKeyStore } from '../privacy/in-memory-key-store.js';
import { complaintEventFamily } from './complaint-family.js';
import { PENDING_COMPLAINT_EVOLUTIONS } from './complaint-v2.js';
import { createEventReader } from './event-reader.js';
import { createEventEvolution } from './evolution.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url), 'utf8');
const log = fixture('log-v1-2026-12-01.ndjson')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as RecordedEvent<EventLike>);
const golden = JSON.parse(fixture('log-v1-2026-12-01.golden.json')) as Record<string, Record<string, unknown>>;
const complaintTypes = new Set<string>(COMPLAINT_EVENT_TYPES);
const isComplaint = (e: RecordedEvent<EventLike>) => complaintTypes.has(e.type);

const v2 = createEventEvolution([complaintEventFamily(PENDING_COMPLAINT_EVOLUTIONS)]);
const today = createEventEvolution([complaintEventFamily()]);
type Data = Record<string, unknown>;

/** What old-logs.test.ts folds: each complaint's decision state and ticket essentials. */
function fold(events: readonly RecordedEvent<EventLike>[]) {
  const states = new Map<string, ComplaintState>();
  const tickets = runProjection(ticketViewProjection());
  for (const e of events.filter(isComplaint) as RecordedEvent<ComplaintEvent>[]) {
    states.set(e.streamId, evolve(states.get(e.streamId) ?? initialComplaintState, e));
    tickets.apply(e);
  }
  return Object.fromEntries(
    [...states].map(([id, s]) => {
      const t = tickets.state.get(id);
      const ticket = { step: t?.step, cause: t?.cause, escalations: t?.escalations, reopenCount: t?.reopenCount, version: t?.version, customer: t?.customer.name ?? null };
      return [id, { step: s.step, severity: s.severity, cycle: s.cycle, causeIdentified: s.causeIdentified, remedyApproved: s.remedyApproved, handlerId: s.handlerId, ticket }];
    }),
  );
}

describe('the 2026-12-01 log read as version 2', () => {
  const read = createEventReader({ evolution: v2 });

  it('brings ComplaintClassified and CauseIdentified to version 2 and leaves every other event as stored', async () => {
    const upcast = await read.readAll(log);
    upcast.forEach((e, i) => {
      const changed = e.type === 'ComplaintClassified' || e.type === 'CauseIdentified';
      expect(e.schemaVersion).toBe(changed ? 2 : 1);
      if (!changed) expect(e).toBe(log[i]);
    });
  });

  it('gives every classification a priority (none was recorded then: null) and keeps the rest of its data', async () => {
    const classified = log.filter((e) => e.type === 'ComplaintClassified');
    expect(classified.length).toBeGreaterThan(0);
    for (const e of classified) expect((await read.read(e)).data).toStrictEqual({ ...(e.data as Data), priority: null });
  });

  it('keeps the factor a cause was recorded with, and reads a cause recorded without one under its default', async () => {
    const causes = log.filter((e) => e.type === 'CauseIdentified');
    const recorded = causes.map((e) => (e.data as Data).servqualFactor);
    expect(new Set(recorded).size).toBeGreaterThan(1);
    expect((await read.readAll(causes)).map((e) => (e.data as Data).servqualFactor)).toEqual(recorded);
    // Written before factors existed: the same events without the field.
    const older = causes.map((e) => ({ ...e, data: { ...(e.data as Data), servqualFactor: undefined } }));
    const defaults = causes.map((e) => DEFAULT_SERVQUAL_FACTOR_OF_CAUSE[(e.data as { cause: keyof typeof DEFAULT_SERVQUAL_FACTOR_OF_CAUSE }).cause]);
    expect((await read.readAll(older)).map((e) => (e.data as Data).servqualFactor)).toEqual(defaults);
  });

  it('folds to the facts that version folded', async () => {
    expect(fold(await read.readAll(log))).toEqual(golden);
  });

  it('reads its own output again unchanged', async () => {
    const once = await read.readAll(log);
    const twice = await read.readAll(once);
    twice.forEach((e, i) => expect(e).toBe(once[i]));
  });

  it('passes the SLA events, which no registered family owns, through untouched', async () => {
    const sla = log.filter((e) => e.streamId.startsWith('sla:'));
    expect(sla.length).toBeGreaterThan(0);
    expect(await read.readAll(sla)).toEqual(sla);
  });
});

describe('the 2026-12-01 log read by today’s family (no upcasters)', () => {
  it('reads every event as stored: each one matches today’s schema', async () => {
    const read = await createEventReader({ evolution: today }).readAll(log);
    read.forEach((e, i) => expect(e).toBe(log[i]));
  });

  it('refuses an event whose shape its version never had, unless validation is off', async () => {
    const escalated = log.find((e) => e.type === 'ComplaintEscalated')!;
    const garbled = { ...escalated, data: { ...(escalated.data as Data), level: 'ceo' } };
    await expect(createEventReader({ evolution: today }).read(garbled)).rejects.toThrow(InvalidStoredEventError);
    await expect(createEventReader({ evolution: today }).read(garbled)).rejects.toThrow(/data\.level/);
    const lax = createEventEvolution([complaintEventFamily({ validate: false })]);
    expect(await createEventReader({ evolution: lax }).read(garbled)).toBe(garbled);
  });

  it('refuses a version-2 event, as code that predates the change must (a downgrade)', async () => {
    const [upcast] = await createEventReader({ evolution: v2 }).readAll(log.filter((e) => e.type === 'ComplaintClassified'));
    await expect(createEventReader({ evolution: today }).read(upcast!)).rejects.toThrow(UnsupportedEventVersionError);
  });
});

describe('decrypt, then upcast', () => {
  async function protectedLog() {
    const keys = createInMemoryKeyStore();
    const shredder = createCryptoShredder({ keys });
    const subjectOf = new Map(log.filter((e) => e.type === 'ComplaintReceived').map((e) => [e.streamId, (e.data as { customer: { reference: string } }).customer.reference]));
    const stored: RecordedEvent<EventLike>[] = [];
    for (const e of log) {
      const subject = subjectOf.get(e.streamId);
      stored.push(subject ? ((await shredder.protect([e], { streamId: e.streamId, subject }))[0] as RecordedEvent<EventLike>) : e);
    }
    return { keys, shredder, stored, subjectOf };
  }

  it('reads the encrypted log to what the plain one reads to', async () => {
    const { shredder, stored } = await protectedLog();
    expect(stored.filter((e) => '$personal' in (e.data as Data)).length).toBeGreaterThan(100);
    const read = createEventReader({ shredder, evolution: v2 });
    expect(await read.readAll(stored)).toStrictEqual(await createEventReader({ evolution: v2 }).readAll(log));
  });

  it('after erasing a customer, reads their complaint with ERASED in its personal fields and folds every fact but the name', async () => {
    const { keys, shredder, stored, subjectOf } = await protectedLog();
    const erasedSubject = subjectOf.get('PD-20261123-01')!;
    await keys.destroy(erasedSubject);
    const read = await createEventReader({ shredder, evolution: v2 }).readAll(stored);
    const received = read.find((e) => e.type === 'ComplaintReceived' && e.streamId === 'PD-20261123-01')!;
    expect(received.data).toMatchObject({ customer: { reference: erasedSubject, name: ERASED, phone: ERASED }, description: ERASED, product: { identifier: ERASED } });
    expect(received.erasure?.subject).toBe(erasedSubject);
    const erasedStreams = new Set([...subjectOf].filter(([, s]) => s === erasedSubject).map(([id]) => id));
    const expected = Object.fromEntries(
      Object.entries(golden).map(([id, facts]) => [id, erasedStreams.has(id) ? { ...facts, ticket: { ...(facts.ticket as Data), customer: ERASED } } : facts]),
    );
    expect(fold(read)).toEqual(expected);
  });

  it('refuses a newer event before asking the key store for anything', async () => {
    const { stored } = await protectedLog();
    let asked = 0;
    const keys = { ...createInMemoryKeyStore(), key: async () => (asked++, { state: 'unknown' as const }) };
    const newer = { ...stored[0]!, schemaVersion: 9 };
    await expect(createEventReader({ shredder: createCryptoShredder({ keys }), evolution: v2 }).readAll([stored[1]!, newer])).rejects.toThrow(UnsupportedEventVersionError);
    expect(asked).toBe(0);
  });
});
