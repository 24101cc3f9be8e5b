/**
 * The board's urgency comes from deadline rows computed once (a twin, for speed, of the
 * full clock views the ticket page shows): at any later instant, with no new event, the
 * rows must tell the same as the views computed at that instant. Checked on every ticket
 * of the seeded week at random instants up to twelve days on.
 */
import { fc, test } from '@fast-check/vitest';
import { afterAll, beforeAll, expect } from 'vitest';
import { createDesk, type Desk } from '../desk/desk.js';
import { createDeadlineCache } from '../desk/deadlines.js';
import { seedWeek } from '../desk/seed.js';
import { clockLines, type ClockLine } from '../desk/sla.js';
import { openStore, type OpenedStore } from '../desk/store.js';
import { urgencyOf, type Urgency } from '../desk/urgency.js';
import { demoStaff } from '../staff/demo-staff.js';
import { STATION } from '../station.js';

let opened: OpenedStore;
let desk: Desk;

beforeAll(async () => {
  opened = await openStore({ kind: 'sqlite', file: ':memory:' });
  const seeded = await seedWeek(opened.store);
  desk = await createDesk({ store: opened.store, staff: demoStaff(), sla: STATION.sla, startAt: seeded.endsAt });
  await desk.sla.tick();
  await desk.settled();
});
afterAll(async () => {
  await desk?.close();
  await opened?.close();
});

/** The oracle: the most urgent active clock, from the views at `now`. */
function fromViews(lines: readonly ClockLine[]): { level: Urgency; clock: string | null } {
  const rank: Record<Urgency, number> = { breached: 0, warned: 1, running: 2, paused: 3, none: 4 };
  let best: { level: Urgency; clock: string | null; due: string } = { level: 'none', clock: null, due: '9' };
  for (const line of lines) {
    if (!line.active) continue;
    const level: Urgency = line.state === 'breached' ? 'breached' : line.warned ? 'warned' : line.state === 'paused' ? 'paused' : 'running';
    const due = (line.state === 'breached' ? line.breachedAt : line.dueAt) ?? '9';
    if (rank[level] < rank[best.level] || (rank[level] === rank[best.level] && due < best.due)) best = { level, clock: line.clock, due };
  }
  return { level: best.level, clock: best.clock };
}

// No shrinking (endOnFailure): a counterexample lies in a narrow band of instants, which shrinking walks for minutes.
test.prop([fc.integer({ min: 0, max: 12 * 86_400_000 })], { numRuns: 60, endOnFailure: true })('rows computed once agree with the views at any later instant', async (laterMs) => {
  const state = await desk.sla.current();
  const cache = createDeadlineCache();
  const t0 = desk.clock.now();
  const t1 = new Date(t0.getTime() + laterMs);
  for (const id of desk.read.tickets.keys()) {
    const urgency = urgencyOf(cache.rowsOf(state, id, t0), t1);
    const oracle = fromViews(clockLines(state, id, t1));
    expect({ id, level: urgency.level, clock: urgency.clock?.clock ?? null }).toEqual({ id, ...oracle });
  }
});
