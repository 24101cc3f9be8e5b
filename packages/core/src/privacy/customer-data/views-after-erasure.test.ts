import { describe, expect, it } from 'vitest';
import type { Command } from '../../commands/schema.js';
import { createManualClock } from '../../engine/clock.js';
import { createEngine, type Engine } from '../../engine/engine.js';
import { sequentialIds } from '../../engine/ids.js';
import type { ComplaintEvent } from '../../events/schema.js';
import { complaintEventFamily } from '../../evolution/complaint-family.js';
import { createEventEvolution } from '../../evolution/evolution.js';
import { rebuildProjection } from '../../projections/projection.js';
import { queuesProjection } from '../../projections/queues.js';
import { ticketViewProjection } from '../../projections/ticket-view.js';
import type { EventStore } from '../../store/event-store.js';
import { createInMemoryEventStore } from '../../store/in-memory.js';
import { protectStore } from '../../store/protected-store.js';
import { happyPath } from '../../test-support/fixtures.js';
import { NOW } from '../../test-support/given.js';
import { createCryptoShredder } from '../crypto-shredder.js';
import { isErased } from '../erased.js';
import { createInMemoryKeyStore } from '../in-memory-key-store.js';
import { createCustomerDataProtection } from './customer-data.js';

const erasure = (customerReference: string) =>
  ({ type: 'EraseCustomerData', actor: { id: 'dpo-1', role: 'dataProtection' }, data: { customerReference, reason: 'request #77' } }) as const;

/** `happyPath` for another customer, without notes and comments (after the receipt and confirmation, it goes on after an erasure too). */
const pathOf = (complaintId: string, reference: string, name: string): Command[] =>
  happyPath(complaintId, NOW).map((c) => {
    if (c.type === 'ReceiveComplaint') return { ...c, data: { ...c.data, customer: { reference, name } } };
    const { note: _n, comment: _c, ...data } = c.data as Record<string, unknown>;
    const survey = data.survey as { comment?: string; ratings: { comment?: string }[] } | undefined;
    if (survey) data.survey = { ...survey, comment: undefined, ratings: survey.ratings.map(({ comment: _r, ...rating }) => rating) };
    return { ...c, data: JSON.parse(JSON.stringify(data)) as unknown } as Command;
  });

/** A store whose reads of the log take a few turns of the event loop, so executes interleave with a refold. */
function slowReads<S extends EventStore<ComplaintEvent>>(store: S): S {
  let turn = 0;
  const readAll: S['readAll'] = async (from, limit) => {
    for (let i = turn++ % 3; i >= 0; i--) await new Promise((resolve) => setImmediate(resolve));
    return store.readAll(from, limit);
  };
  return new Proxy(store, { get: (target, property) => (property === 'readAll' ? readAll : Reflect.get(target, property, target)) });
}

/** A store whose `n`-th read of the whole log (from position 1), once armed, waits until released. */
function gatedReads<S extends EventStore<ComplaintEvent>>(store: S) {
  let armed = 0;
  let reached = (): void => undefined;
  let released = Promise.resolve();
  const gate = {
    arm(n: number) {
      armed = n;
      let release = (): void => undefined;
      released = new Promise<void>((resolve) => (release = resolve));
      const paused = new Promise<void>((resolve) => (reached = resolve));
      return { paused, release };
    },
  };
  const readAll: S['readAll'] = async (from, limit) => {
    if (armed > 0 && from === 1 && --armed === 0) {
      reached();
      await released;
    }
    return store.readAll(from, limit);
  };
  return { gate, store: new Proxy(store, { get: (target, property) => (property === 'readAll' ? readAll : Reflect.get(target, property, target)) }) };
}

function setUp({ slow = false, gated = false } = {}) {
  const keys = createInMemoryKeyStore();
  const raw = createInMemoryEventStore<ComplaintEvent>();
  const gatedRaw = gatedReads(raw);
  const store = protectStore(slow ? slowReads(raw) : gated ? gatedRaw.store : raw, { shredder: createCryptoShredder({ keys }), evolution: createEventEvolution([complaintEventFamily()]) });
  const clock = createManualClock(NOW);
  const tickets = ticketViewProjection();
  const queues = queuesProjection();
  const engineOf = (prefix: string) => createEngine({ store, clock, ids: sequentialIds(prefix), projections: [tickets, queues] });
  const engine = engineOf('id');
  const privacy = (...engines: Engine[]) => createCustomerDataProtection({ store, keys, clock, ids: sequentialIds('erase'), engines });
  return { store, engine, engineOf, privacy, tickets, queues, gate: gatedRaw.gate };
}

type Setup = ReturnType<typeof setUp>;

/** Each of the engine's views equals the same view rebuilt from the log. */
async function expectViewsRebuilt({ store, tickets, queues }: Setup, engine: Engine) {
  expect(engine.view(tickets)).toEqual((await rebuildProjection(store, tickets)).state);
  expect(engine.view(queues)).toEqual((await rebuildProjection(store, queues)).state);
}

describe('inline views after an erasure', () => {
  it('show the customer erased as soon as erase returns, equal a rebuild, and leave other customers as they were', async () => {
    const setup = setUp();
    const { engine, privacy, tickets } = setup;
    for (const c of pathOf('c-1', 'cust-1', 'Ms One').slice(0, 4)) await engine.executeOrThrow(c);
    for (const c of pathOf('c-2', 'cust-2', 'Mr Two').slice(0, 4)) await engine.executeOrThrow(c);
    expect(engine.view(tickets).get('c-1')?.customer.name).toBe('Ms One');
    const result = await privacy(engine).erase(erasure('cust-1'));
    expect(result.ok).toBe(true);
    const ticket = engine.view(tickets).get('c-1');
    expect(isErased(ticket?.customer.name)).toBe(true);
    expect(isErased(ticket?.description)).toBe(true);
    expect(engine.view(tickets).get('c-2')?.customer.name).toBe('Mr Two');
    await expectViewsRebuilt(setup, engine);
    // The complaint walks on; the views keep folding.
    for (const c of pathOf('c-1', 'cust-1', 'Ms One').slice(4)) await engine.executeOrThrow(c);
    await expectViewsRebuilt(setup, engine);
    expect(engine.view(tickets).get('c-1')?.step).toBe('archived');
  });

  it('another engine on the store shows it erased on its next execute or catchUp', async () => {
    const setup = setUp();
    const { engine, engineOf, privacy, tickets } = setup;
    const other = engineOf('other');
    const later = engineOf('later');
    for (const c of pathOf('c-1', 'cust-1', 'Ms One').slice(0, 3)) await engine.executeOrThrow(c);
    const [receipt, ...rest] = pathOf('c-2', 'cust-2', 'Mr Two');
    await other.catchUp();
    await later.catchUp();
    expect(other.view(tickets).get('c-1')?.customer.name).toBe('Ms One');
    expect((await privacy(engine).erase(erasure('cust-1'))).ok).toBe(true);
    // `other` executes for another customer: its views read past the erasure and refold.
    await other.executeOrThrow(receipt as Command);
    expect(isErased(other.view(tickets).get('c-1')?.customer.name)).toBe(true);
    await expectViewsRebuilt(setup, other);
    await later.catchUp();
    expect(isErased(later.view(tickets).get('c-1')?.customer.name)).toBe(true);
    expect(later.view(tickets).get('c-2')?.customer.name).toBe('Mr Two');
    await expectViewsRebuilt(setup, later);
    for (const c of rest.slice(0, 3)) await later.executeOrThrow(c);
    await expectViewsRebuilt(setup, later);
  });

  it('loses no event of the executes that run while the views refold', async () => {
    const setup = setUp({ slow: true });
    const { store, engine, engineOf, privacy, tickets } = setup;
    const second = engineOf('second');
    const paths = [1, 2, 3, 4].map((n) => pathOf(`c-${n}`, `cust-${n}`, `Customer ${n}`));
    for (const path of paths) for (const c of path.slice(0, 2)) await engine.executeOrThrow(c);
    await second.catchUp();
    const erasing = privacy(engine, second).erase(erasure('cust-1'));
    // Both engines execute on every complaint meanwhile, the erased one included.
    const executes = paths.map(async (path, i) => {
      for (const c of path.slice(2)) await (i % 2 === 0 ? engine : second).executeOrThrow(c);
    });
    await Promise.all([erasing, ...executes]);
    // Each engine's views hold its own executes at once (every event of them); the other engine's, once caught up.
    const rebuilt = (await rebuildProjection(store, tickets)).state;
    for (const id of ['c-1', 'c-3']) expect(engine.view(tickets).get(id)).toEqual(rebuilt.get(id));
    for (const id of ['c-2', 'c-4']) expect(second.view(tickets).get(id)).toEqual(rebuilt.get(id));
    for (const e of [engine, second]) {
      expect(isErased(e.view(tickets).get('c-1')?.customer.name)).toBe(true);
      await e.catchUp();
      await expectViewsRebuilt(setup, e);
      expect([...e.view(tickets).values()].map((t) => t.step)).toEqual(['archived', 'archived', 'archived', 'archived']);
      expect(e.view(tickets).get('c-4')?.customer.name).toBe('Customer 4');
    }
  });

  it('keeps an execute that lands between the rebuild of one view and the next', async () => {
    const setup = setUp({ gated: true });
    const { store, engine, privacy, tickets, gate } = setup;
    const path = pathOf('c-2', 'cust-2', 'Mr Two');
    for (const c of pathOf('c-1', 'cust-1', 'Ms One').slice(0, 2)) await engine.executeOrThrow(c);
    for (const c of path.slice(0, -1)) await engine.executeOrThrow(c);
    // The refold rebuilds the tickets, then reads the whole log again for the queues: it waits there.
    const { paused, release } = gate.arm(2);
    const erasing = privacy(engine).erase(erasure('cust-1'));
    await paused;
    const archiving = engine.executeOrThrow(path.at(-1) as Command);
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    release();
    await Promise.all([erasing, archiving]);
    expect(engine.view(tickets).get('c-2')?.step).toBe('archived');
    expect(isErased(engine.view(tickets).get('c-1')?.customer.name)).toBe(true);
    await expectViewsRebuilt(setup, engine);
    expect((await rebuildProjection(store, tickets)).state.get('c-2')?.step).toBe('archived');
  });
});
