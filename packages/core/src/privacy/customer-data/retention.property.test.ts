/**
 * Who retention erases, as a property: logs of customers with complaints (archived or
 * open), profile events on their own streams, or both, some already erased, interleaved
 * in time order; `dueForRetention` equals an oracle stated on the customers themselves
 * (written apart from the fold: not erased, nothing open, and the later of the last
 * archive and the last profile change at least `months` calendar months before now).
 */
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import type { EventLike, RecordedEvent } from '../../events/envelope.js';
import { dueForRetention } from './retention.js';

const DAY = 86_400_000;
const START = Date.parse('2025-01-01T00:00:00.000Z');
const at = (day: number) => new Date(START + day * DAY).toISOString();

const complaint = fc.record({ receivedDay: fc.integer({ min: 0, max: 400 }), archivedAfter: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }) });
const customer = fc.record({
  complaints: fc.array(complaint, { maxLength: 3 }),
  profileDays: fc.array(fc.integer({ min: 0, max: 800 }), { maxLength: 4 }),
  erased: fc.boolean(),
});
// A customer the log names at all: with a complaint, a profile, or both.
const customers = fc.array(customer.filter((c) => c.complaints.length > 0 || c.profileDays.length > 0), { minLength: 1, maxLength: 5 });

type Customer = typeof customer extends fc.Arbitrary<infer C> ? C : never;

/** The log of the customers: complaint and profile streams, in time order (a store appends in time). */
function logOf(list: readonly Customer[]): RecordedEvent<EventLike>[] {
  const events: { day: number; type: string; streamId: string; data: unknown }[] = [];
  list.forEach((c, i) => {
    const reference = `cust-${i}`;
    c.complaints.forEach((k, j) => {
      const streamId = `c-${i}-${j}`;
      events.push({ day: k.receivedDay, type: 'ComplaintReceived', streamId, data: { complaintId: streamId, customer: { reference } } });
      events.push({ day: k.receivedDay, type: 'NoteAdded', streamId, data: { text: 'x', visibility: 'internal' } });
      if (k.archivedAfter !== undefined) events.push({ day: k.receivedDay + k.archivedAfter, type: 'ComplaintArchived', streamId, data: {} });
    });
    c.profileDays.forEach((day, j) => events.push({ day, type: j === 0 ? 'CustomerProfileOpened' : 'CustomerDetailsChanged', streamId: `customer:${reference}`, data: { customerReference: reference } }));
    if (c.erased) events.push({ day: 0, type: 'CustomerDataErased', streamId: `customer:${reference}`, data: { customerReference: reference, reason: 'asked' } });
  });
  // Stable: a stream's events keep their order within a day.
  const ordered = events.map((e, n) => ({ ...e, n })).sort((a, b) => a.day - b.day || a.n - b.n);
  const versions = new Map<string, number>();
  return ordered.map((e, n) => {
    const streamVersion = (versions.get(e.streamId) ?? 0) + 1;
    versions.set(e.streamId, streamVersion);
    return { type: e.type, data: e.data, streamId: e.streamId, streamVersion, globalPosition: n + 1, eventId: `e-${n}`, occurredAt: at(e.day), actor: { id: 'a', role: 'system' }, causationId: 'c', correlationId: 'c', schemaVersion: 1 } as RecordedEvent<EventLike>;
  });
}

/** The oracle, on the customers: not erased, every complaint archived, and the last archive or profile change long enough ago. */
function dueByHand(list: readonly Customer[], months: number, now: Date): string[] {
  return list.flatMap((c, i) => {
    if (c.erased || c.complaints.some((k) => k.archivedAfter === undefined)) return [];
    const days = [...c.complaints.map((k) => k.receivedDay + (k.archivedAfter ?? 0)), ...c.profileDays];
    const kept = new Date(START + Math.max(...days) * DAY);
    kept.setUTCMonth(kept.getUTCMonth() + months);
    return kept.getTime() <= now.getTime() ? [`cust-${i}`] : [];
  }).sort();
}

test.prop([customers, fc.integer({ min: 1, max: 24 }), fc.integer({ min: 0, max: 1500 })])(
  'erases exactly the customers the oracle names: profile-only customers after their last change, a recent profile change holds one back',
  (list, months, nowDay) => {
    const now = new Date(START + nowDay * DAY);
    expect(dueForRetention(logOf(list), { months }, now)).toEqual(dueByHand(list, months, now));
  },
);
