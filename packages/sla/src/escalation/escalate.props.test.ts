/**
 * Escalation on breach under any interleaving: two tickers racing on one store
 * (every store call of theirs and of their engines released in an order fast-check
 * chooses), tickers and engines restarted, manual escalations and new breaches in
 * between. The recorded levels never go down, each breach escalates at most once and
 * exactly one rung above the highest level reached, and a breach is left unescalated
 * only at the top of the ladder.
 */
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import {
  createEngine,
  createInMemoryEventStore,
  createManualClock,
  ESCALATION_LEVELS,
  escalationRankOf,
  type ComplaintEvent,
  type Engine,
  type EventLike,
  type EventStore,
} from '@redress/core';
import { escalationOnlyClimbs, type InvariantContext } from '@redress/testing';
import type { SlaConfigInput } from '../policy/schema.js';
import { createSlaTicker, type SlaTicker } from '../tick/ticker.js';
import { escalateOnBreach } from './escalate.js';

const T0 = Date.parse('2026-11-23T01:00:00Z');
const MIN = 60_000;

/** Two escalating clocks; a customer contact resets the first, so breaches keep coming. */
const config: SlaConfigInput = {
  policies: [
    {
      name: 'p',
      version: 1,
      clocks: [
        { name: 'contact', calendar: '24x7', start: [{ on: 'ComplaintReceived' }], reset: [{ on: 'CustomerContactLogged' }], target: { duration: 'PT1H' }, warnings: [], escalateOnBreach: true },
        { name: 'plan', calendar: '24x7', start: [{ on: 'ComplaintReceived' }], target: { duration: 'PT3H' }, warnings: [], escalateOnBreach: true },
      ],
    },
  ],
};

type Op =
  | { readonly kind: 'wait'; readonly minutes: number }
  | { readonly kind: 'tick'; readonly which: 'a' | 'b' | 'both' }
  | { readonly kind: 'restart'; readonly which: 'a' | 'b' }
  | { readonly kind: 'manual'; readonly level: (typeof ESCALATION_LEVELS)[number] }
  | { readonly kind: 'contact' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 150 }) }),
  { arbitrary: fc.record({ kind: fc.constant('tick' as const), which: fc.constantFrom('a' as const, 'b' as const, 'both' as const) }), weight: 3 },
  fc.record({ kind: fc.constant('restart' as const), which: fc.constantFrom('a' as const, 'b' as const) }),
  fc.record({ kind: fc.constant('manual' as const), level: fc.constantFrom(...ESCALATION_LEVELS) }),
  fc.record({ kind: fc.constant('contact' as const) }),
);

test.prop([fc.scheduler(), fc.array(op, { minLength: 1, maxLength: 25 })], { numRuns: 80 })(
  'any interleaving of tickers, restarts, manual escalations and breaches: levels only climb, one rung per breach, at most once',
  async (s, ops) => {
    const store = createInMemoryEventStore<EventLike>();
    // Every store call of the tickers and their engines resolves when the scheduler says so.
    const raced = {
      ...store,
      append: s.scheduleFunction(async (...args: Parameters<typeof store.append>) => store.append(...args)),
      readAll: s.scheduleFunction(async (...args: Parameters<typeof store.readAll>) => store.readAll(...args)),
      readStream: s.scheduleFunction(async (...args: Parameters<typeof store.readStream>) => store.readStream(...args)),
    } as unknown as EventStore<ComplaintEvent>;
    const clock = createManualClock(new Date(T0).toISOString());
    const refusals: string[] = [];
    const start = () => {
      const engine = createEngine({ store: raced, clock });
      return { engine, ticker: createSlaTicker({ store: raced, config, onBreach: escalateOnBreach({ engine, onRefused: (_, reason) => refusals.push(reason) }) }) };
    };
    const run = <T>(p: Promise<T>) => s.waitFor(p);
    const desk: Engine = createEngine({ store: raced, clock });
    await run(desk.executeOrThrow({ type: 'ReceiveComplaint', complaintId: 'c1', actor: { id: 'fd', role: 'frontDesk' }, data: { customer: { reference: 'cust' }, channel: 'phone', description: 'noise', demand: 'fix it' } }));
    const tickers: Record<'a' | 'b', { engine: Engine; ticker: SlaTicker }> = { a: start(), b: start() };

    for (const o of ops) {
      if (o.kind === 'wait') clock.advance(o.minutes * MIN);
      else if (o.kind === 'restart') tickers[o.which] = start();
      else if (o.kind === 'tick') {
        const now = clock.now();
        await run(Promise.all((o.which === 'both' ? (['a', 'b'] as const) : [o.which]).map((w) => tickers[w].ticker.tick(now))));
      } else if (o.kind === 'manual') {
        await run(desk.execute({ type: 'EscalateComplaint', complaintId: 'c1', actor: { id: 'dh', role: 'departmentHead' }, data: { level: o.level, reason: 'The customer asks for it' } }));
      } else {
        await run(desk.execute({ type: 'LogCustomerContact', complaintId: 'c1', actor: { id: 'fd', role: 'frontDesk' }, data: { channel: 'phone', direction: 'outbound', summary: 'Update' } }));
      }
    }

    const stream = await store.readStream('c1');
    const breaches = new Set((await store.readStream('sla:c1')).filter((e) => e.type === 'SlaBreached').map((e) => e.eventId));
    // The catalogue's invariant: levels never go down, a breach escalates at most once.
    expect(escalationOnlyClimbs.check({ stream } as unknown as InvariantContext)).toBeNull();
    // Exactly one rung above the highest reached, for a breach that really happened.
    let highest = 0;
    const escalated = new Set<string>();
    for (const e of stream) {
      if (e.type !== 'ComplaintEscalated') continue;
      const data = e.data as Extract<ComplaintEvent, { type: 'ComplaintEscalated' }>['data'];
      const rank = escalationRankOf(data);
      if (data.breach) {
        expect(breaches.has(data.breach.id), data.breach.id).toBe(true);
        expect(rank).toBe(highest + 1);
        escalated.add(data.breach.id);
      }
      highest = Math.max(highest, rank);
    }
    // A breach handed out but not escalated: only because the ladder's top was reached.
    if ([...breaches].some((id) => !escalated.has(id))) {
      expect(highest).toBe(3);
      expect(refusals.some((r) => r.includes('the top of the ladder'))).toBe(true);
    }
    for (const r of refusals) expect(r).toMatch(/the top of the ladder|has already escalated the complaint/);
  },
);
