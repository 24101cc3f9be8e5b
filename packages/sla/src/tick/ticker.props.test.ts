/**
 * Properties of ticking: exactly-once under racing tickers (interleavings chosen
 * by fast-check's scheduler), a breach is recorded iff the due instant passed
 * while the clock ran, and pausing never makes a clock due earlier.
 */
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { createInMemoryEventStore, rebuildProjection, type EventLike } from '@redress/core';
import { slaProjection } from '../clock/projection.js';
import { ticketClocks } from '../clock/queries.js';
import { H, oneClock, T0, testLog } from '../test-support/log.js';
import { createSlaTicker } from './ticker.js';

const MIN = 60_000;
type Op = 'pause' | 'resume' | 'stop' | 'note';
const opType = { pause: 'WaitingOnCustomerStarted', resume: 'WaitingOnCustomerEnded', stop: 'ResolutionProposed', note: 'NoteAdded' } as const;
const ops = fc.array(fc.record({ gap: fc.integer({ min: 0, max: 4 * H }), op: fc.constantFrom<Op>('pause', 'resume', 'stop', 'note') }), { maxLength: 8 });

const clockConfig = (calendar = '24x7', calendars: never[] | object[] = []) =>
  oneClock(
    {
      calendar,
      pause: [{ on: 'WaitingOnCustomerStarted' }],
      resume: [{ on: 'WaitingOnCustomerEnded' }],
      stop: [{ on: 'ResolutionProposed' }],
      target: { duration: 'PT6H' },
    },
    calendars as never,
  );

const berlin = {
  name: 'berlin',
  version: 1,
  timeZone: 'Europe/Berlin',
  weekly: Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((d) => [d, [{ from: '08:00', to: '12:00' }, { from: '13:00', to: '17:00' }]])),
};

async function logOf(id: string, list: readonly { gap: number; op: Op }[], log = testLog()) {
  await log.add(id, T0, 'ComplaintReceived');
  let t = T0;
  for (const { gap, op } of list) {
    t += gap;
    const data = op === 'pause' ? { reason: 'information' } : op === 'stop' ? { agreedDeadline: new Date(t + 24 * H).toISOString() } : op === 'note' ? { text: 'n', visibility: 'internal' } : {};
    await log.add(id, t, opType[op], data);
  }
  return { log, last: t };
}

/** The reference: walk the events on calendar time and find when 6 h of running time is reached. */
function oracleBreach(list: readonly { gap: number; op: Op }[], now: number): number | undefined {
  const target = 6 * H;
  let used = 0;
  let t = T0;
  let state: 'running' | 'paused' | 'stopped' = 'running';
  const run = (until: number) => {
    if (state !== 'running') return undefined;
    if (used + (until - t) >= target) return t + (target - used);
    used += until - t;
    return undefined;
  };
  for (const { gap, op } of list) {
    const at = t + gap;
    const breach = run(at);
    if (breach !== undefined) return breach;
    t = at;
    if (op === 'pause' && state === 'running') state = 'paused';
    else if (op === 'resume' && state === 'paused') state = 'running';
    else if (op === 'stop' && state !== 'stopped') state = 'stopped';
  }
  return run(now);
}

describe('tick properties', () => {
  test.prop([ops, fc.integer({ min: 0, max: 30 * H })])('a breach is recorded iff the due instant passed while the clock was running, at that instant', async (list, extra) => {
    const { log, last } = await logOf('c1', list);
    const now = last + extra;
    await createSlaTicker({ store: log.store, config: clockConfig() }).tick(now);
    const breaches = (await log.store.readStream('sla:c1')).filter((e) => e.type === 'SlaBreached');
    const expected = oracleBreach(list, now);
    expect(breaches.map((e) => e.occurredAt)).toEqual(expected === undefined ? [] : [new Date(expected).toISOString()]);
  });

  test.prop([ops, fc.integer({ min: 0, max: 30 * H })])('the same on a business calendar: breached iff 6 business hours ran', async (list, extra) => {
    const { log, last } = await logOf('c1', list);
    const now = last + extra;
    const config = clockConfig('berlin', [berlin]);
    await createSlaTicker({ store: log.store, config }).tick(now);
    const breached = (await log.store.readStream('sla:c1')).some((e) => e.type === 'SlaBreached');
    // Reference: the business time of each running segment, summed with the calendar's diff.
    const { state } = await rebuildProjection(log.store, slaProjection(config));
    const cal = state.config.calendars.get('berlin')!;
    let used = 0;
    let t = T0;
    let mode: 'running' | 'paused' | 'stopped' = 'running';
    for (const { gap, op } of [...list, { gap: now - last, op: 'note' as Op }]) {
      if (mode === 'running') used += cal.diff(t, t + gap);
      if (mode === 'running' && used >= 6 * H) break;
      t += gap;
      if (op === 'pause' && mode === 'running') mode = 'paused';
      else if (op === 'resume' && mode === 'paused') mode = 'running';
      else if (op === 'stop') mode = 'stopped';
    }
    expect(breached).toBe(used >= 6 * H);
  });

  test.prop([ops, fc.nat(), fc.integer({ min: MIN, max: 8 * H })])('pausing never makes a clock due earlier', async (list, where, length) => {
    // A pause inserted while the clock runs, resumed before the next event of the log.
    const at = where % (list.length + 1);
    let state: 'running' | 'paused' | 'stopped' = 'running';
    for (const { op } of list.slice(0, at)) {
      if (op === 'pause' && state === 'running') state = 'paused';
      else if (op === 'resume' && state === 'paused') state = 'running';
      else if (op === 'stop') state = 'stopped';
    }
    fc.pre(state === 'running');
    const next = list[at];
    const len = next ? Math.min(length, next.gap) : length;
    const rest = next ? [{ ...next, gap: next.gap - len }, ...list.slice(at + 1)] : [];
    const withPause = [...list.slice(0, at), { gap: 0, op: 'pause' as Op }, { gap: len, op: 'resume' as Op }, ...rest];
    const config = clockConfig('berlin', [berlin]);
    const base = await logOf('c1', list);
    const paused = await logOf('c1', withPause);
    const now = Math.max(base.last, paused.last) + 40 * H;
    const view = async (store: typeof base.log.store) => ticketClocks((await rebuildProjection(store, slaProjection(config))).state, 'c1', now)[0]!;
    const [a, b] = [await view(base.log.store), await view(paused.log.store)];
    const dueOf = (v: typeof a) => v.breachedAt ?? v.dueAt;
    // Without a due instant (paused or met) the clock was not breached; with a pause it cannot become breached.
    if (a.breachedAt === null) expect(b.breachedAt).toBeNull();
    if (dueOf(a) !== null && dueOf(b) !== null) expect(Date.parse(dueOf(b)!)).toBeGreaterThanOrEqual(Date.parse(dueOf(a)!));
  });

  test.prop([fc.scheduler(), fc.array(ops, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 40 * H })], { numRuns: 60 })(
    'two tickers racing on one store record every threshold exactly once',
    async (s, tickets, extra) => {
      const store = createInMemoryEventStore<EventLike>();
      const log = testLog(store);
      let last = T0;
      for (const [i, list] of tickets.entries()) last = Math.max(last, (await logOf(`t${i}`, list, log)).last);
      const now = last + extra;
      // Every store call of both tickers resolves when the scheduler says so.
      const raced = {
        append: s.scheduleFunction(async (...args: Parameters<typeof store.append>) => store.append(...args)),
        readAll: s.scheduleFunction(async (...args: Parameters<typeof store.readAll>) => store.readAll(...args)),
      };
      const config = clockConfig();
      const both = Promise.all([createSlaTicker({ store: raced, config }).tick(now), createSlaTicker({ store: raced, config }).tick(now)]);
      await s.waitFor(both);
      const [a, b] = await both;
      const stored = (await store.readAll(1, 1_000_000)).filter((e) => e.type.startsWith('Sla'));
      const ids = stored.map((e) => e.eventId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(a.appended.length + b.appended.length).toBe(stored.length);
      // And it is what one ticker alone records.
      const alone = testLog();
      for (const [i, list] of tickets.entries()) await logOf(`t${i}`, list, alone);
      const single = await createSlaTicker({ store: alone.store, config }).tick(now);
      expect(ids.sort()).toEqual(single.appended.map((e) => e.eventId).sort());
    },
  );
});
