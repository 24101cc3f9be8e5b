/** An engine over an in-memory store with a manual clock and predictable ids. */
import { createManualClock } from '../engine/clock.js';
import { createEngine, type EngineOptions } from '../engine/engine.js';
import { sequentialIds } from '../engine/ids.js';
import type { ComplaintEvent } from '../events/schema.js';
import { queuesProjection } from '../projections/queues.js';
import { ticketViewProjection } from '../projections/ticket-view.js';
import { createInMemoryEventStore, type InMemoryEventStore } from '../store/in-memory.js';
import { NOW } from './given.js';

export function testEngine(options: Partial<EngineOptions> & { store?: InMemoryEventStore<ComplaintEvent> } = {}) {
  const store = options.store ?? createInMemoryEventStore<ComplaintEvent>();
  const clock = createManualClock(NOW);
  const tickets = ticketViewProjection();
  const queues = queuesProjection();
  const engine = createEngine({ clock, ids: sequentialIds('id'), projections: [tickets, queues], ...options, store });
  return { engine, store, clock, tickets, queues };
}
