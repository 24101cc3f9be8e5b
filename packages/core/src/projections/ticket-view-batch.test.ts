/**
 * The ticket view's run-at-a-time path (`evolveBatch`, what runners use) against the
 * plain fold of `evolveTicket`, event by event: the same tickets whatever the runs,
 * and no record changes once a run has handed it out.
 */
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { testEngine } from '../test-support/engine.js';
import { chooseCommand, walkStep, type WalkStep } from '../test-support/walk.js';
import type { RecordedEvent } from '../events/envelope.js';
import type { ComplaintEvent } from '../events/schema.js';
import { runProjection } from './projection.js';
import type { TicketView } from './ticket.js';
import { evolveTicket, ticketViewProjection } from './ticket-view.js';

/** A log of random commands over up to five complaints. */
async function logOf(steps: readonly (readonly [number, WalkStep])[]): Promise<RecordedEvent<ComplaintEvent>[]> {
  const { engine, store, clock } = testEngine({ projections: [] });
  for (const [which, step] of steps) {
    clock.advance(step.minutes * 60_000);
    const id = `c-${which}`;
    const { state } = await engine.load(id);
    await engine.execute(chooseCommand(state, step, id, clock.now().toISOString()));
  }
  return [...(await store.readAll(1, Number.MAX_SAFE_INTEGER))];
}

function foldOneByOne(events: readonly RecordedEvent<ComplaintEvent>[]): Map<string, TicketView> {
  const tickets = new Map<string, TicketView>();
  for (const e of events) {
    const next = evolveTicket(tickets.get(e.streamId), e);
    if (next) tickets.set(e.streamId, next);
  }
  return tickets;
}

test.prop([fc.array(fc.tuple(fc.nat({ max: 4 }), walkStep), { maxLength: 150, size: 'max' }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 })], {
  numRuns: 60,
})('fed in runs of any size, the ticket view equals the fold of evolveTicket and never changes a record it handed out', async (steps, runLengths) => {
  const events = await logOf(steps);
  const expected = foldOneByOne(events);

  const runner = runProjection(ticketViewProjection());
  const handedOut: [TicketView, TicketView][] = [];
  for (let i = 0, k = 0; i < events.length; k++) {
    const n = runLengths[k % runLengths.length] as number;
    // Each run overlaps the one before by an event: already applied ones are skipped.
    expect(runner.applyIfNext(events.slice(Math.max(0, i - 1), i + n))).toBe(true);
    i += n;
    for (const ticket of runner.state.values()) handedOut.push([ticket, structuredClone(ticket)]);
  }
  expect(runner.checkpoint).toBe(events.length);
  expect(runner.state).toEqual(expected);
  for (const [ticket, asHandedOut] of handedOut) expect(ticket).toEqual(asHandedOut);

  // Catching up from a store in stops, and event by event, give the same tickets.
  const { store } = testEngine({ projections: [] });
  for (const e of events) await store.append(e.streamId, 'any', [e]);
  const stops = runProjection(ticketViewProjection());
  for (let to = 0, k = 0; to < events.length; k++) {
    to = Math.min(events.length, to + (runLengths[k % runLengths.length] as number));
    await stops.catchUp(store, to);
    expect(stops.checkpoint).toBe(to);
  }
  expect(stops.state).toEqual(expected);
  const single = runProjection(ticketViewProjection());
  for (const e of events) single.apply(e);
  expect(single.state).toEqual(expected);
});
