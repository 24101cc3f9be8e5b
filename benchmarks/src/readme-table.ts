/**
 * The root README's performance table, generated from `results/core.json`,
 * `results/sla.json` and `results/sqlite.json` so it cannot drift from the measurements:
 *
 *   npx tsx benchmarks/src/readme-table.ts          # rewrite the table in README.md
 *   npx tsx benchmarks/src/readme-table.ts --check  # fail when it is stale (docs:check)
 *
 * The table sits between `<!-- benchmarks:start -->` and `<!-- benchmarks:end -->`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRecord } from './report.js';

/** What a results file holds that the table reads (older files lack some fields). */
export interface Results {
  readonly date: string;
  readonly node: string;
  readonly cpu: string;
  readonly cpus: number;
  readonly runtime?: { readonly code: string };
  readonly loadAverage?: readonly number[];
  readonly memory?: { readonly slaBytesPerTicket: number; readonly baselineBytesPerTicket: number; readonly ratio: number };
  readonly fixtures?: { readonly tickets?: number };
  readonly benchmarks: Readonly<Record<string, Partial<BenchRecord> & Pick<BenchRecord, 'name' | 'unit' | 'median'>>>;
}

/** The rows, in order: the record's name and how the table calls it. */
const CORE_ROWS: readonly (readonly [string, string])[] = [
  ['execute', '`execute()`, in memory, per command, vs the hand-written engine (same events and envelopes, built field by field)'],
  ['execute.trusted', '`executeTrusted()` (zod skipped for commands the host validated), vs the same hand-written engine'],
  ['execute+projections', '`execute()` with the ticket view and queues inline'],
  ['walk.9k.execute', '9-command walk, 9k commands: `execute()` vs a minimal hand decide + evolve + append'],
  ['walk.9k.emmett', '9-command walk, 9k commands: Emmett 0.42 `DeciderCommandHandler` vs the same hand code'],
  ['walk.9k.execute.vsEmmett', '9-command walk, 9k commands: `execute()` vs Emmett 0.42'],
  ['walk.9k.executeTrusted.vsEmmett', '9-command walk, 9k commands: `executeTrusted()` vs Emmett 0.42'],
  ['walk.90k.execute', '9-command walk, 90k commands: `execute()` vs the hand code'],
  ['walk.90k.emmett', '9-command walk, 90k commands: Emmett 0.42 vs the hand code'],
  ['walk.90k.execute.vsEmmett', '9-command walk, 90k commands: `execute()` vs Emmett 0.42'],
  ['walk.90k.executeTrusted.vsEmmett', '9-command walk, 90k commands: `executeTrusted()` vs Emmett 0.42'],
  // Results measured before the walk attributed responsibility (8 commands, no AttributeResponsibility): shown as
  // such until the next run replaces them with the rows above.
  ['walk.8k.execute', '8-command walk (before the attribution), 8k commands: `execute()` vs a minimal hand decide + evolve + append'],
  ['walk.8k.emmett', '8-command walk (before the attribution), 8k commands: Emmett 0.42 `DeciderCommandHandler` vs the same hand code'],
  ['walk.8k.execute.vsEmmett', '8-command walk (before the attribution), 8k commands: `execute()` vs Emmett 0.42'],
  ['walk.8k.executeTrusted.vsEmmett', '8-command walk (before the attribution), 8k commands: `executeTrusted()` vs Emmett 0.42'],
  ['walk.80k.execute', '8-command walk (before the attribution), 80k commands: `execute()` vs the hand code'],
  ['walk.80k.emmett', '8-command walk (before the attribution), 80k commands: Emmett 0.42 vs the hand code'],
  ['walk.80k.execute.vsEmmett', '8-command walk (before the attribution), 80k commands: `execute()` vs Emmett 0.42'],
  ['walk.80k.executeTrusted.vsEmmett', '8-command walk (before the attribution), 80k commands: `executeTrusted()` vs Emmett 0.42'],
  ['rebuild.evolve', 'rebuild decision states (`evolve`), vs a step-only reducer'],
  ['rebuild.queues', 'rebuild the queues, vs the step-only reducer'],
  ['rebuild.ticketView', 'rebuild the ticket view (full timelines), vs the step-only reducer'],
  ['rebuild.ticketView.vsHand', 'rebuild the ticket view, vs a full hand-written ticket reducer (same contents)'],
];

const SLA_ROWS: readonly (readonly [string, string])[] = [
  ['tick, nothing due', 'SLA `tick()` with nothing due, per tick, vs scanning every due instant'],
  ['tick, 1200 due', 'SLA `tick()` handing out events, per event, vs appending prebuilt events'],
];

const SQLITE_ROWS: readonly (readonly [string, string])[] = [
  ['sqlite execute (synchronous=normal)', '`execute()` on a SQLite file (`synchronous = NORMAL`), per command, vs raw better-sqlite3 writing the same rows with the same version check'],
  ['sqlite executeTrusted (synchronous=normal)', '`executeTrusted()` on the same SQLite file, vs the same raw insert'],
  ['sqlite execute (synchronous=full)', '`execute()` on a SQLite file (`synchronous = FULL`, an fsync per commit), vs the raw insert with FULL'],
];

const SLA_MEMORY_TARGET_BYTES = 1024;
const SLA_TICK_TARGET_US = 3;

const num = (v: number, digits: number) => v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function fmt(value: number, unit: string): string {
  if (unit === 'events/s') return value >= 1e6 ? `${num(value / 1e6, 2)} M events/s` : `${num(value / 1e3, 0)} k events/s`;
  return value >= 100 ? `${num(value, 0)} µs` : value >= 1 ? `${num(value, 2)} µs` : `${num(value * 1000, 0)} ns`;
}

const verdict = (met: boolean) => (met ? 'met' : '**not met**');

function targetCell(r: Results['benchmarks'][string], extraMaxUs?: number): string {
  const parts: string[] = [];
  if (r.target) parts.push(`${r.target.kind === 'max' ? '≤' : '≥'} ${fmt(r.target.value, r.target.unit)}: ${verdict(r.met === true)}`);
  if (r.maxRatio != null && r.ratio != null) parts.push(`≤ ${r.maxRatio}×: ${verdict(r.ratio <= r.maxRatio)}`);
  if (extraMaxUs !== undefined) parts.push(`≤ ${extraMaxUs} µs: ${verdict(r.median <= extraMaxUs)}`);
  return parts.join('; ');
}

function row(r: Results['benchmarks'][string], label: string, extraMaxUs?: number): string {
  const baseline = r.baselineMedian == null ? '' : `${fmt(r.baselineMedian, r.unit)} (\`${r.baseline}\`)`;
  const ratio = r.ratio == null ? '' : r.ratio < 0.1 ? `${r.ratio.toPrecision(2)}×` : `${num(r.ratio, 2)}×`;
  return `| ${label} | ${fmt(r.median, r.unit)} | ${baseline} | ${ratio} | ${targetCell(r, extraMaxUs)} |`;
}

const about = (name: string, r: Results) =>
  `\`${name}\`: ${r.date.slice(0, 10)}, Node ${r.node.replace(/^v/, '')}, ${r.cpus} × ${r.cpu}, ${r.runtime?.code ?? 'TypeScript through tsx'}${r.loadAverage ? `, load average ${r.loadAverage[0]}` : ''}`;

/** The Markdown between the markers. */
export function renderTable(core: Results, sla: Results | undefined, sqlite?: Results): string {
  const sources = [about('results/core.json', core), ...(sla ? [about('results/sla.json', sla)] : []), ...(sqlite ? [about('results/sqlite.json', sqlite)] : [])];
  const lines = [
    `Generated by \`benchmarks/src/readme-table.ts\` from ${sources.join('; ')}.`,
    'Medians; every ratio is against a baseline measured in the same run, samples interleaved (lower is better).',
    '',
    '| benchmark | median | baseline (same run) | ratio | target |',
    '|-----------|--------|---------------------|-------|--------|',
  ];
  for (const [name, label] of CORE_ROWS) {
    const r = core.benchmarks[name];
    if (r) lines.push(row(r, label));
  }
  if (sla) {
    if (sla.memory) {
      const m = sla.memory;
      const tickets = sla.fixtures?.tickets;
      lines.push(
        `| SLA memory per open ticket${tickets ? ` at ${num(tickets / 1e6, 1)}M tickets` : ''}, default policy, vs a bare due table | ${m.slaBytesPerTicket} B | ${m.baselineBytesPerTicket} B | ${num(m.ratio, 2)}× | ≤ ${SLA_MEMORY_TARGET_BYTES} B: ${verdict(m.slaBytesPerTicket <= SLA_MEMORY_TARGET_BYTES)} |`,
      );
    }
    for (const [name, label] of SLA_ROWS) {
      const r = sla.benchmarks[name];
      if (r) lines.push(row(r, label, name === 'tick, nothing due' ? undefined : SLA_TICK_TARGET_US));
    }
  }
  for (const [name, label] of sqlite ? SQLITE_ROWS : []) {
    const r = sqlite?.benchmarks[name];
    if (r) lines.push(row(r, label));
  }
  return lines.join('\n');
}

const START = '<!-- benchmarks:start -->';
const END = '<!-- benchmarks:end -->';

/** `readme` with the table between the markers replaced. */
export function withTable(readme: string, table: string): string {
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) throw new Error(`README.md has no ${START} … ${END} section`);
  return `${readme.slice(0, from + START.length)}\n${table}\n${readme.slice(to)}`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const read = (file: string) => JSON.parse(readFileSync(join(root, 'benchmarks', 'results', file), 'utf8')) as Results;
  const readmePath = join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const next = withTable(readme, renderTable(read('core.json'), read('sla.json'), read('sqlite.json')));
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      process.stderr.write('README.md\'s benchmark table is stale: run `npx tsx benchmarks/src/readme-table.ts`\n');
      process.exit(1);
    }
  } else writeFileSync(readmePath, next);
}
