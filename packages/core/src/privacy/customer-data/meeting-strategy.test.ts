/**
 * The meeting's prepared strategy (and the note of an arrangement) under crypto-shredding,
 * through the engine on a protected store: ciphertext in the raw log, the ticket shows it;
 * after the customer's erasure it reads `[erased]` in the log, the inline views and a
 * rebuild, while the meeting's time and place, the rest of the ticket and the queues stay,
 * and no decision state (the engine's cached one, a fresh engine's) holds it any more.
 */
import { describe, expect, it } from 'vitest';
import type { CommandInput } from '../../commands/schema.js';
import { evolveAll } from '../../decider/evolve.js';
import { initialComplaintState } from '../../decider/state.js';
import { createManualClock } from '../../engine/clock.js';
import { createEngine } from '../../engine/engine.js';
import { sequentialIds } from '../../engine/ids.js';
import type { ComplaintEvent } from '../../events/schema.js';
import { complaintEventFamily } from '../../evolution/complaint-family.js';
import { createEventEvolution } from '../../evolution/evolution.js';
import { rebuildProjection } from '../../projections/projection.js';
import { queuesProjection } from '../../projections/queues.js';
import { ticketViewProjection } from '../../projections/ticket-view.js';
import { createInMemoryEventStore } from '../../store/in-memory.js';
import { protectStore } from '../../store/protected-store.js';
import { NOW } from '../../test-support/given.js';
import { createCryptoShredder } from '../crypto-shredder.js';
import { ERASED } from '../erased.js';
import { createInMemoryKeyStore } from '../in-memory-key-store.js';
import { createCustomerDataProtection } from './customer-data.js';

const HOUR = 3_600_000;
const later = (hours: number) => new Date(Date.parse(NOW) + hours * HOUR).toISOString();
const desk = { id: 'fd-1', role: 'frontDesk' } as const;

const customers = {
  erased: { complaintId: 'c-1', reference: 'cust-1', name: '王芳', strategy: '王女士上次被晾了两小时：先道歉，让她说完，再拿出维修记录', note: 'Ms Wang can only come after 5 pm' },
  kept: { complaintId: 'c-2', reference: 'cust-2', name: 'Li Lei', strategy: 'Mr Li wants the facts: bring the torque log and the supplier letter', note: 'Mr Li asked for the Tuesday slot' },
};
const secrets = (c: typeof customers.erased) => [c.strategy, c.note];

function setUp() {
  const keys = createInMemoryKeyStore();
  const raw = createInMemoryEventStore<ComplaintEvent>();
  const store = protectStore(raw, { shredder: createCryptoShredder({ keys }), evolution: createEventEvolution([complaintEventFamily()]) });
  const clock = createManualClock(NOW);
  const tickets = ticketViewProjection();
  const queues = queuesProjection();
  const engine = createEngine({ store, clock, ids: sequentialIds('id'), projections: [tickets, queues] });
  const privacy = createCustomerDataProtection({ store, keys, clock, ids: sequentialIds('erase'), engines: [engine] });
  return { raw, store, engine, privacy, tickets, queues };
}

const receive = (c: typeof customers.erased): CommandInput => ({
  type: 'ReceiveComplaint',
  complaintId: c.complaintId,
  actor: desk,
  data: { customer: { reference: c.reference, name: c.name }, channel: 'visit', description: 'Waited two hours at the desk', demand: 'An apology' },
});
const arrange = (complaintId: string, data: object): CommandInput => ({ type: 'ArrangeMeeting', complaintId, actor: desk, data }) as CommandInput;

describe('the meeting strategy', () => {
  it('is ciphertext at rest, and after the erasure reads [erased] everywhere while the meeting, the ticket and the queues stay', async () => {
    const { raw, store, engine, privacy, tickets, queues } = setUp();
    for (const c of [customers.erased, customers.kept]) {
      await engine.executeOrThrow(receive(c));
      await engine.executeOrThrow(arrange(c.complaintId, { at: later(24), venue: 'VIP lounge', note: c.note, strategy: c.strategy }));
    }
    const stored = JSON.stringify(await raw.readAll());
    for (const secret of [...secrets(customers.erased), ...secrets(customers.kept)]) expect(stored).not.toContain(secret);
    expect(stored).toContain('VIP lounge');
    expect(engine.view(tickets).get('c-1')?.meeting).toEqual({ at: later(24), venue: 'VIP lounge', strategy: customers.erased.strategy });
    const before = { c1: engine.view(tickets).get('c-1'), c2: engine.view(tickets).get('c-2'), queues: engine.view(queues) };

    expect((await privacy.erase({ type: 'EraseCustomerData', actor: { id: 'dpo-1', role: 'dataProtection' }, data: { customerReference: 'cust-1', reason: 'request #78' } })).ok).toBe(true);

    const log = await store.readStream('c-1');
    expect(log.find((e) => e.type === 'MeetingStrategyPrepared')?.data).toEqual({ strategy: ERASED, meetingAt: later(24) });
    expect(log.find((e) => e.type === 'MeetingArranged')?.data).toMatchObject({ at: later(24), venue: 'VIP lounge', note: ERASED });
    const ticket = engine.view(tickets).get('c-1');
    expect(ticket?.meeting).toEqual({ at: later(24), venue: 'VIP lounge', strategy: ERASED });
    // Nothing else of the ticket changed but what the receipt held of the customer.
    expect({ ...ticket, customer: null, description: null, demand: null, meeting: null }).toEqual({ ...before.c1, customer: null, description: null, demand: null, meeting: null });
    expect(engine.view(tickets).get('c-2')).toEqual(before.c2);
    expect(engine.view(queues)).toEqual(before.queues);
    expect(engine.view(tickets)).toEqual((await rebuildProjection(store, tickets)).state);
    for (const secret of secrets(customers.erased)) expect(JSON.stringify([...engine.view(tickets).values()])).not.toContain(secret);
  });

  it('is in no decision state: after the erasure the engine’s cached state equals a fold of the erased log and holds none of it', async () => {
    const { store, engine, privacy } = setUp();
    await engine.executeOrThrow(receive(customers.erased));
    await engine.executeOrThrow(arrange('c-1', { at: later(24), venue: 'VIP lounge', strategy: customers.erased.strategy }));
    expect(JSON.stringify((await engine.load('c-1')).state)).not.toContain(customers.erased.strategy);
    await privacy.erase({ type: 'EraseCustomerData', actor: { id: 'dpo-1', role: 'dataProtection' }, data: { customerReference: 'cust-1', reason: 'request #79' } });

    const cached = (await engine.load('c-1')).state;
    expect(cached).toEqual(evolveAll(initialComplaintState, await store.readStream('c-1')));
    expect(cached.meeting).toEqual({ at: later(24), venue: 'VIP lounge' });
    // The meeting still moves (no personal text needed); a new strategy for the erased customer is refused.
    const moved = await engine.executeOrThrow(arrange('c-1', { at: later(30) }));
    expect(JSON.stringify(moved.state)).not.toContain(customers.erased.strategy);
    const refused = await engine.execute(arrange('c-1', { strategy: 'Another plan' }));
    expect(refused.ok ? null : refused.error.kind).toBe('SubjectErased');
  });
});
