/**
 * The @redress/sla benchmarks at scale (1M open tickets by default), each beside
 * a baseline measured in the same run:
 *
 * 1. Memory per ticket of the SLA projection under the default policy (two clocks
 *    running per ticket), against a hand-written due table holding just the two
 *    due instants per ticket.
 * 2. `tick(now)` with nothing due, against scanning every ticket's due instant
 *    (what a ticker without a due index has to do).
 * 3. `tick(now)` with k thresholds due, against the same scan.
 * 4. `add()` of business time on a calendar with split shifts, holidays and
 *    make-up workdays, against one instant → local date conversion with the
 *    built-in `Intl.DateTimeFormat` (the unit step of any time-zone-correct
 *    computation).
 *
 * The tick benchmarks use a one-clock calendar-time policy (warnings at 50% and
 * 75%) over tickets received ten per second, with a target as long as the
 * receipts span, so every tenth of a second exactly three thresholds fall due and
 * `k` is exact. SLA events go to a
 * store that counts and forgets them: the store's own cost belongs to the
 * adapters' benchmarks, and a million tickets' events would not fit the heap twice.
 */
import { recordEvent, type EventLike, type NewEvent, type RecordedEvent } from '@redress/core';
import { createBusinessCalendar, createSlaTicker, defaultSlaConfig, slaProjection, type SlaTicker } from '@redress/sla';
import { gcExposed, measure, type HarnessOptions, type Stats } from './harness.js';
import { record, type BenchRecord } from './report.js';

export interface SlaBenchOptions {
  readonly quick: boolean;
  readonly log: (message: string) => void;
}

const T0 = Date.parse('2026-01-05T00:00:00Z');
const H = 3_600_000;

function received(i: number, at: number): RecordedEvent<EventLike> {
  const id = `c${i}`;
  return {
    type: 'ComplaintReceived',
    data: { complaintId: id, channel: 'phone', customer: { reference: 'r' }, description: 'd', demand: 'd' },
    eventId: `e${i}`,
    occurredAt: new Date(at).toISOString(),
    actor: { id: 'fd', role: 'frontDesk' },
    causationId: `k${i}`,
    correlationId: id,
    schemaVersion: 1,
    streamId: id,
    streamVersion: 1,
    globalPosition: i + 1,
  };
}

/** Complaint events from an array; SLA events counted and dropped. */
function countingStore(log: readonly RecordedEvent<EventLike>[]) {
  let appended = 0;
  return {
    get appended() {
      return appended;
    },
    async readAll(from = 1, limit = 1000) {
      return log.slice(from - 1, from - 1 + limit);
    },
    async append(streamId: string, _expected: unknown, events: readonly NewEvent<EventLike>[]) {
      appended += events.length;
      const recorded = events.map((e) => recordEvent(e, streamId, 1, log.length + appended));
      return { events: recorded, streamVersion: 1, duplicate: false };
    },
  };
}

const heapUsed = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
};

/** Business calendar of a Shanghai service station: split shifts, 2026 public holidays and their make-up workdays. */
export const stationCalendar = createBusinessCalendar({
  name: 'station',
  version: 1,
  timeZone: 'Asia/Shanghai',
  weekly: Object.fromEntries(
    ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].map((d) => [d, [{ from: '08:30', to: '12:00' }, { from: '13:30', to: '17:30' }]]),
  ),
  holidays: ['2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-06', '2026-05-01', '2026-05-04', '2026-05-05', '2026-06-19', '2026-09-25', '2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'].map((date) => ({ date })),
  makeUpWorkdays: [
    { date: '2026-02-15', hoursOf: 'monday' },
    { date: '2026-02-28', hoursOf: 'monday' },
    { date: '2026-05-09', hoursOf: 'monday' },
    { date: '2026-09-27', hoursOf: 'monday' },
    { date: '2026-10-11', hoursOf: 'monday' },
  ],
  exceptions: [{ date: '2026-12-31', hours: [{ from: '08:30', to: '12:00' }] }],
});

export async function runSlaBenchmarks(options: SlaBenchOptions): Promise<{ records: BenchRecord[]; memory: Record<string, number>; fixtures: Record<string, number> }> {
  const { quick, log } = options;
  // `--tickets=N` for a full run at another size (the results say which): 1M takes half an hour on a loaded 2-core machine.
  const sized = process.argv.find((a) => a.startsWith('--tickets='));
  const tickets = sized ? Number(sized.slice('--tickets='.length)) : quick ? 50_000 : 1_000_000;
  if (!(Number.isInteger(tickets) && tickets >= 12_000)) throw new RangeError(`--tickets must be an integer of at least 12000, not ${sized}`);
  const k = 1200; // a multiple of 3
  const harness: HarnessOptions = quick ? { warmup: 2, samples: 7 } : { warmup: 5, samples: 31 };
  if (!gcExposed()) log('gc is not exposed: memory figures include garbage (start node with --expose-gc)');

  // 1. Memory per ticket, default policy, tickets received one a minute.
  log(`memory: ${tickets} tickets under the default policy…`);
  let memory: Record<string, number>;
  {
    const projection = slaProjection(defaultSlaConfig());
    const events = Array.from({ length: tickets }, (_, i) => received(i, T0 + i * 60_000));
    // The baseline first, both kept alive to the end, so neither is measured as the other's garbage.
    const base = heapUsed();
    // The least a ticker needs: each ticket's id and its two due instants.
    const table = new Map<string, { readonly ack: number; readonly resolution: number }>();
    for (const e of events) table.set(e.streamId, { ack: Date.parse(e.occurredAt) + 4 * H, resolution: Date.parse(e.occurredAt) + 168 * H });
    const baseline = (heapUsed() - base) / tickets;
    const before = heapUsed();
    const state = projection.initialState();
    for (const e of events) projection.evolve(state, e);
    state.changed.clear();
    const sla = (heapUsed() - before) / tickets;
    memory = { slaBytesPerTicket: Math.round(sla), baselineBytesPerTicket: Math.round(baseline), ratio: Math.round((sla / baseline) * 100) / 100 };
    // Read after the last measurement, so the events stay reachable until then: once nothing else keeps them (the
    // projection drops a ticket's events when it needs none), V8 collects them during the fold's measurement and
    // their freed bytes would be subtracted from the SLA's.
    log(`  ${memory.slaBytesPerTicket} B/ticket vs ${memory.baselineBytesPerTicket} B baseline (${String(state.tickets.size)}, ${String(table.size)}, ${String(events.length)} kept alive)`);
  }

  // 2-3. tick(now) over `tickets` open tickets.
  log(`tick: loading ${tickets} tickets…`);
  // Ten receipts a second over S seconds, a target of S: from T0 + S on, every ticket is
  // received and each tenth of a second brings exactly one 50%, one 75% and one breach.
  const spanSeconds = tickets / 10;
  const config = {
    policies: [
      { name: 'bench', version: 1, clocks: [{ name: 'resolution', calendar: '24x7', start: [{ on: 'ComplaintReceived' }], target: { duration: `PT${spanSeconds}S` } }] },
    ],
  };
  const events = Array.from({ length: tickets }, (_, i) => received(i, T0 + i * 100));
  const store = countingStore(events);
  const ticker: SlaTicker = createSlaTicker({ store, config });
  let now = T0 + spanSeconds * 1000;
  await ticker.tick(now);
  log(`  loaded; ${store.appended} SLA events handed out to reach ${new Date(now).toISOString()}`);
  const dues = events.map((e) => Date.parse(e.occurredAt) + spanSeconds * 1000);
  const scan = (at: number) => {
    let due = 0;
    for (let i = 0; i < dues.length; i++) if ((dues[i] as number) <= at) due++;
    return due;
  };
  let sink = 0;
  // The floor of handing out k events: appending k prebuilt ones, one at a time, as the ticker does.
  const prebuilt = Array.from({ length: k }, (_, i) => ({ ...received(i, T0), type: 'SlaBreached', eventId: `p${i}` }));
  const idleTicks = 100;
  const tickSpecs = [
    {
      name: 'tick, nothing due',
      opsPerSample: idleTicks,
      run: async () => {
        for (let i = 0; i < idleTicks; i++) await ticker.tick(now);
      },
    },
    {
      name: `tick, ${k} due`,
      opsPerSample: k,
      run: async () => {
        // k/3 tenths of a second: three thresholds each (50%, 75%, breach).
        now += (k / 3) * 100;
        const r = await ticker.tick(now);
        if (r.appended.length !== k) throw new Error(`expected ${k} due, got ${r.appended.length}`);
        sink += r.appended.length;
      },
    },
    { name: 'scan every ticket (baseline)', opsPerSample: 1, run: () => (sink += scan(now)) },
    {
      name: `append ${k} prebuilt events (baseline)`,
      opsPerSample: k,
      run: async () => {
        for (const e of prebuilt) sink += (await store.append(e.streamId, 'any', [e])).streamVersion;
      },
    },
  ];
  const ticks = await measure(tickSpecs, harness);
  const scanStats = ticks.get('scan every ticket (baseline)') as Stats;
  const appendStats = ticks.get(`append ${k} prebuilt events (baseline)`) as Stats;

  // 4. add() business time.
  log('add: business time on the station calendar…');
  const starts = Array.from({ length: 1000 }, (_, i) => T0 + ((i * 7_919_993) % (350 * 24 * H)));
  const durations = Array.from({ length: 1000 }, (_, i) => ((i * 37) % 40) * H + 1);
  const addSpecs = [
    {
      name: 'add business time',
      opsPerSample: 1000,
      run: () => {
        for (let i = 0; i < 1000; i++) sink += stationCalendar.add(starts[i] as number, durations[i] as number);
      },
    },
    {
      name: 'Intl instant → local date (baseline)',
      opsPerSample: 1000,
      run: () => {
        for (let i = 0; i < 1000; i++) sink += shanghai.format(starts[i] as number).length;
      },
    },
  ];
  const shanghai = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
  const adds = await measure(addSpecs, harness);
  if (sink === 0) log('(sink is zero)');

  const records = [
    record(ticks.get('tick, nothing due') as Stats, { description: `tick(now) over ${tickets} open tickets when nothing is due, per tick`, unit: 'µs/call', baseline: scanStats }),
    record(scanStats, { description: `scanning ${tickets} due instants for those due (what a ticker without a due index does per tick)`, unit: 'µs/call' }),
    record(ticks.get(`tick, ${k} due`) as Stats, {
      description: `tick(now) over ${tickets} open tickets handing out ${k} SLA events, per event (finding, building and appending it)`,
      unit: 'µs/event',
      baseline: appendStats,
    }),
    record(appendStats, { description: `appending ${k} prebuilt events one by one to the same store, per event`, unit: 'µs/event' }),
    record(adds.get('add business time') as Stats, {
      description: 'add(instant, 1-40 business hours) on split shifts with holidays and make-up workdays',
      unit: 'µs/call',
      baseline: adds.get('Intl instant → local date (baseline)') as Stats,
    }),
    record(adds.get('Intl instant → local date (baseline)') as Stats, { description: 'one time-zone conversion with Intl.DateTimeFormat', unit: 'µs/call' }),
  ];
  return { records, memory, fixtures: { tickets, dueK: k } };
}
