/**
 * Runs the core benchmarks, writes `benchmarks/results/core.json` and prints a
 * summary. `--quick`: fewer complaints and samples, written to
 * `core.quick.tmp.json` (a smoke run; its numbers are not worth comparing).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCoreBenchmarks } from './core.bench.js';
import { gcExposed } from './harness.js';
import { runtime, table } from './report.js';
import { runWalkBenchmarks } from './walk.bench.js';

const quick = process.argv.includes('--quick');
const resultsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'results');
const log = (message: string) => process.stderr.write(`· ${message}\n`);

const started = process.hrtime.bigint();
log(`${quick ? 'quick' : 'full'} run on node ${process.version}, ${cpus()[0]?.model ?? 'unknown cpu'} (${cpus().length} cpus), gc between samples: ${gcExposed() ? 'yes' : 'no (start node with --expose-gc)'}`);

const core = await runCoreBenchmarks({ quick, log });
core.records.push(...(await runWalkBenchmarks({ quick, log })));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

const report = {
  suite: 'core',
  date: new Date().toISOString(),
  quick,
  node: process.version,
  v8: process.versions.v8,
  platform: `${process.platform}-${process.arch}`,
  cpu: cpus()[0]?.model ?? 'unknown',
  cpus: cpus().length,
  gcBetweenSamples: gcExposed(),
  runtime: runtime(),
  // The shared machine's 1/5/15-minute load averages at the end: absolute times are only comparable at a similar load.
  loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  durationSeconds: Math.round(seconds * 10) / 10,
  fixtures: core.fixtures,
  benchmarks: Object.fromEntries(core.records.map((r) => [r.name, r])),
  executeBreakdownMicroseconds: core.breakdown,
};

mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, quick ? 'core.quick.tmp.json' : 'core.json');
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);

const pad = Math.max(...Object.keys(core.breakdown).map((k) => k.length));
const breakdown = Object.entries(core.breakdown)
  .map(([k, v]) => `  ${k.padEnd(pad)}  ${v.toFixed(k === 'events per command' ? 2 : 3)}`)
  .join('\n');
const targets = core.records.filter((r) => r.met !== null);
const missed = targets.filter((r) => r.met === false);

process.stdout.write(
  [
    '',
    `Redress core benchmarks (${quick ? 'quick smoke run' : 'full run'}): node ${report.node}, ${report.cpu} × ${report.cpus}, ${report.date}`,
    'Medians over samples; ratio = median time per op ÷ the baseline\'s (1.00× = as fast as the hand-written baseline).',
    '',
    table(core.records),
    '',
    'Where execute()\'s time goes (µs per command, from the micro medians):',
    breakdown,
    '',
    `Targets: ${targets.length - missed.length}/${targets.length} met${missed.length ? ` (missed: ${missed.map((r) => r.name).join(', ')})` : ''}.`,
    `Written ${relative(process.cwd(), file)} in ${seconds.toFixed(0)} s.`,
    '',
  ].join('\n'),
);
