/**
 * A small log builder for tests: complaint events appended straight to an
 * in-memory store at chosen instants, so any order of facts can be tested
 * without walking the workflow through the engine.
 */
import { createInMemoryEventStore, type ComplaintEventType, type EventLike, type InMemoryEventStore } from '@redress/core';
import type { SlaConfigInput } from '../policy/schema.js';

export type TestStore = InMemoryEventStore<EventLike>;

export const H = 3_600_000;
export const D = 24 * H;
export const T0 = Date.parse('2026-11-23T09:00:00+08:00'); // a Monday, open on the service-hours calendar

let seq = 0;

export function testLog(store: TestStore = createInMemoryEventStore<EventLike>()) {
  return {
    store,
    async add(complaintId: string, at: number, type: ComplaintEventType, data: Record<string, unknown> = {}) {
      const full = type === 'ComplaintReceived' ? { complaintId, channel: 'phone', customer: { reference: 'c' }, description: 'd', demand: 'd', ...data } : data;
      await store.append(complaintId, 'any', [
        {
          type,
          data: full,
          eventId: `e-${++seq}`,
          occurredAt: new Date(at).toISOString(),
          actor: { id: 'h', role: 'handler' },
          causationId: `c-${seq}`,
          correlationId: complaintId,
          schemaVersion: 1,
        },
      ]);
    },
  };
}

/** A one-clock policy on calendar time, for condition tests. */
export function oneClock(clock: Record<string, unknown>, calendars: SlaConfigInput['calendars'] = []): SlaConfigInput {
  return {
    calendars,
    policies: [{ name: 'p', version: 1, clocks: [{ name: 'c', calendar: '24x7', target: { duration: 'PT10H' }, start: [{ on: 'ComplaintReceived' }], ...clock }] }],
  } as SlaConfigInput;
}
