/**
 * Two customers' complaints with personal data in every place a log holds it (name,
 * phone, plate, description, a note, the confirmation's summary), for the stores' grep
 * tests: after erasing `erased`, a store's file or dump must hold none of `secrets`, while
 * `kept`'s secrets stay readable (so a grep that finds nothing is a grep that works).
 */
import type { ComplaintEvent, NewEvent } from '@redress/core';

export interface FixtureCustomer {
  readonly subject: string;
  readonly streamId: string;
  /** The plaintext name, phone and plate: what must not survive an erasure anywhere. */
  readonly secrets: readonly string[];
  readonly events: readonly NewEvent<ComplaintEvent>[];
}

function customer(subject: string, streamId: string, names: readonly [string, string], phone: string, plate: string): FixtureCustomer {
  const name = names.join(' ');
  const base = { occurredAt: '2026-03-02T09:00:00.000Z', correlationId: streamId, schemaVersion: 1 };
  const desk = { id: 'fd-1', role: 'frontDesk' } as const;
  const handler = { id: 'h-1', role: 'handler' } as const;
  const events = [
    {
      ...base,
      type: 'ComplaintReceived',
      eventId: `${streamId}-1`,
      causationId: `${streamId}-c1`,
      actor: desk,
      data: {
        complaintId: streamId,
        customer: { reference: subject, name, phone },
        channel: 'phone',
        product: { kind: 'vehicle', model: 'Lavida', identifier: plate },
        description: `${name} says the brakes of ${plate} squeal`,
        demand: `Call ${phone} when fixed`,
        acknowledgement: { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true },
      },
    },
    { ...base, type: 'HandlerAssigned', eventId: `${streamId}-2`, causationId: `${streamId}-c2`, actor: { id: 'dh-1', role: 'departmentHead' }, data: { handlerId: 'h-1', previousHandlerId: null, reason: 'workload' } },
    { ...base, type: 'ComplaintConfirmed', eventId: `${streamId}-3`, causationId: `${streamId}-c3`, actor: handler, data: { summary: `Brakes of ${plate}, customer ${name}` } },
    { ...base, type: 'NoteAdded', eventId: `${streamId}-4`, causationId: `${streamId}-c4`, actor: handler, data: { text: `Rang ${phone}, ${name} will bring ${plate} on Monday` } },
  ] as unknown as NewEvent<ComplaintEvent>[];
  return { subject, streamId, secrets: [...names, phone, plate], events };
}

export const erasureFixture = (): { readonly erased: FixtureCustomer; readonly kept: FixtureCustomer } => ({
  erased: customer('CU-23040', 'PD-1', ['王芳', 'Wang Fang'], '13912345678', '沪A·D2718'),
  kept: customer('CU-99001', 'PD-2', ['李雷', 'Li Lei'], '13687654321', '京B·K9931'),
});

/** How many times `needle` occurs in `haystack` (UTF-8 bytes). */
export function occurrences(haystack: Buffer, needle: string): number {
  const bytes = Buffer.from(needle, 'utf8');
  let count = 0;
  for (let at = haystack.indexOf(bytes); at !== -1; at = haystack.indexOf(bytes, at + 1)) count++;
  return count;
}
