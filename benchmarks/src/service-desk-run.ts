/**
 * The service desk under load, on loopback: requests per second and p50/p99 latency for
 * reads (the board, a ticket) and for commands (a note on an open ticket, a new complaint)
 * on the desk's default store (a SQLite file, synchronous=FULL), each beside a baseline
 * measured in the same run: a bare node:http server answering the same number of bytes, or
 * parsing the same JSON and inserting one durable SQLite row (desk-baseline-server.ts).
 *
 * Bounded: a fixed number of runs of a few seconds each, desk and baseline interleaved so
 * that a noisy neighbour slows both; the median of the runs is reported. Writes
 * `results/service-desk.json` (`--quick`: one short run, `service-desk.quick.tmp.json`).
 * Not part of `npm test`.
 *
 *   npx --yes pnpm@10.34.8 --filter @redress/benchmarks bench:desk
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load, median, startProcess, type LoadRequest, type RunResult } from './desk-load.js';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 1 : 5;
const SECONDS = quick ? 1 : 3;
const CONNECTIONS = 8;
const root = fileURLToPath(new URL('../../', import.meta.url));
const log = (message: string) => process.stderr.write(`· ${message}\n`);
const started = process.hrtime.bigint();
const loadBefore = loadavg();

const dir = mkdtempSync(join(tmpdir(), 'redress-desk-load-'));
const desk = await startProcess(['examples/service-desk/src/main.ts', '--seed'], { PORT: '0', REDRESS_DESK_DB: join(dir, 'desk.db') }, root);
log(`desk on ${desk.url}`);

const session = await fetch(`${desk.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'wang.qiang', password: 'redress-demo' }) });
const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] as string;
const { csrfToken } = (await session.json()) as { csrfToken: string };
const auth = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
const boardText = await (await fetch(`${desk.url}/api/board`, { headers: auth })).text();
const cards = (JSON.parse(boardText) as { cards: { complaintId: string; step: string }[] }).cards;
const open = cards.filter((c) => c.step !== 'archived' && c.step !== 'withdrawn').map((c) => c.complaintId);
const ticketText = await (await fetch(`${desk.url}/api/complaints/${open[0]}`, { headers: auth })).text();

const baseline = await startProcess(
  ['benchmarks/src/desk-baseline-server.ts'],
  { PORT: '0', BOARD_BYTES: String(boardText.length), TICKET_BYTES: String(ticketText.length), BASELINE_DB: join(dir, 'baseline.db') },
  root,
);
log(`baseline on ${baseline.url}; board ${boardText.length} B, ticket ${ticketText.length} B, ${open.length} open complaints`);

let counter = 0;
const rotate = (ids: readonly string[]) => ids[counter++ % ids.length] as string;
const note = () => JSON.stringify({ data: { text: `Called the customer back (${counter})` } });
const complaint = () => JSON.stringify({ data: { customer: { reference: `CU-LOAD-${counter++}` }, channel: 'phone', description: 'Noise from the front axle', demand: 'Fix it' } });

interface Scenario {
  readonly name: string;
  readonly kind: 'read' | 'command';
  readonly desk: LoadRequest;
  readonly baseline: LoadRequest;
}

const plain = { 'content-type': 'application/json' };
const SCENARIOS: readonly Scenario[] = [
  { name: 'GET the board', kind: 'read', desk: { method: 'GET', headers: auth, next: () => ({ path: '/api/board' }) }, baseline: { method: 'GET', headers: plain, next: () => ({ path: '/board' }) } },
  { name: 'GET a ticket', kind: 'read', desk: { method: 'GET', headers: auth, next: () => ({ path: `/api/complaints/${rotate(open)}` }) }, baseline: { method: 'GET', headers: plain, next: () => ({ path: '/ticket' }) } },
  {
    name: 'POST a note (AddNote on an open ticket)',
    kind: 'command',
    desk: { method: 'POST', headers: auth, next: () => ({ path: `/api/complaints/${rotate(open)}/add-note`, body: note() }) },
    baseline: { method: 'POST', headers: plain, next: () => ({ path: `/note/${rotate(open)}`, body: note() }) },
  },
  {
    name: 'POST a new complaint (ReceiveComplaint)',
    kind: 'command',
    desk: { method: 'POST', headers: auth, next: () => ({ path: '/api/complaints', body: complaint() }) },
    baseline: { method: 'POST', headers: plain, next: () => ({ path: '/receive', body: complaint() }) },
  },
];

const summary = (runs: readonly RunResult[]) => ({
  requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
  p50Ms: median(runs.map((r) => r.p50Ms)),
  p99Ms: median(runs.map((r) => r.p99Ms)),
  non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
  errors: runs.reduce((n, r) => n + r.errors, 0),
  runs,
});

const results: Record<string, unknown> = {};
try {
  for (const scenario of SCENARIOS) {
    const options = { seconds: SECONDS, connections: CONNECTIONS };
    await load(desk.url, scenario.desk, { ...options, seconds: 1 }); // warm-up
    await load(baseline.url, scenario.baseline, { ...options, seconds: 1 });
    const deskRuns: RunResult[] = [];
    const baselineRuns: RunResult[] = [];
    for (let run = 0; run < RUNS; run++) {
      deskRuns.push(await load(desk.url, scenario.desk, options));
      baselineRuns.push(await load(baseline.url, scenario.baseline, options));
    }
    const d = summary(deskRuns);
    const b = summary(baselineRuns);
    results[scenario.name] = { kind: scenario.kind, desk: d, baseline: b, throughputRatio: b.requestsPerSecond / d.requestsPerSecond, p50Ratio: d.p50Ms / Math.max(b.p50Ms, 0.001) };
    log(`${scenario.name}: desk ${d.requestsPerSecond.toFixed(0)} req/s p50 ${d.p50Ms} ms p99 ${d.p99Ms} ms (${d.non2xx} non-2xx); baseline ${b.requestsPerSecond.toFixed(0)} req/s p50 ${b.p50Ms} ms p99 ${b.p99Ms} ms`);
  }
} finally {
  await desk.stop();
  await baseline.stop();
  rmSync(dir, { recursive: true, force: true });
}

const report = {
  suite: 'service-desk',
  date: new Date().toISOString(),
  quick,
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  cpu: cpus()[0]?.model ?? 'unknown',
  cpus: cpus().length,
  durationSeconds: Math.round(Number(process.hrtime.bigint() - started) / 1e8) / 10,
  // Other jobs share this machine: a high load average makes every figure slower, the ratios less so.
  loadAverage: { before: loadBefore.map((x) => Math.round(x * 100) / 100), after: loadavg().map((x) => Math.round(x * 100) / 100) },
  setup: {
    runs: RUNS,
    secondsPerRun: SECONDS,
    connections: CONNECTIONS,
    store: 'SQLite file, synchronous=FULL (the desk default), seeded with the demo week',
    note: 'load generator (autocannon) in this process; the desk and the baseline in their own processes, on 127.0.0.1; medians over runs; throughputRatio = baseline req/s ÷ desk req/s',
  },
  scenarios: results,
};
const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));
mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, quick ? 'service-desk.quick.tmp.json' : 'service-desk.json');
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`\nwrote ${file}\n`);
