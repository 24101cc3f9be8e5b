/**
 * Runs the PostgreSQL benchmarks (on a throwaway cluster it starts and removes), writes `benchmarks/results/postgres.json` and prints a
 * summary. `--quick`: fewer complaints and samples, written to
 * `postgres.quick.tmp.json` (a smoke run; its numbers are not worth comparing).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gcExposed } from './harness.js';
import { table } from './report.js';
import { runPostgresBenchmarks } from './postgres.bench.js';

const quick = process.argv.includes('--quick');
const resultsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'results');
const log = (message: string) => process.stderr.write(`· ${message}\n`);

const started = process.hrtime.bigint();
const result = await runPostgresBenchmarks({ quick, log });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

const report = {
  suite: 'postgres',
  date: new Date().toISOString(),
  quick,
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  cpu: cpus()[0]?.model ?? 'unknown',
  cpus: cpus().length,
  gcBetweenSamples: gcExposed(),
  durationSeconds: Math.round(seconds * 10) / 10,
  fixtures: result.fixtures,
  benchmarks: Object.fromEntries(result.records.map((r) => [r.name, r])),
};

mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, quick ? 'postgres.quick.tmp.json' : 'postgres.json');
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
const targets = result.records.filter((r) => r.met !== null);
const missed = targets.filter((r) => r.met === false);
process.stdout.write(
  [
    '',
    `Redress PostgreSQL benchmarks (${quick ? 'quick smoke run' : 'full run'}): node ${report.node}, ${report.cpu} × ${report.cpus}, ${report.date}`,
    "Medians over samples; ratio = median time per event ÷ the baseline's (2.00× = half the baseline's events/s).",
    'For scale only (not measured here): commanded/eventstore reports ~8,600 events/s with 50 writers.',
    '',
    table(result.records),
    '',
    `Targets: ${targets.length - missed.length}/${targets.length} met${missed.length ? ` (missed: ${missed.map((r) => r.name).join(', ')})` : ''}.`,
    `Written ${relative(process.cwd(), file)} in ${seconds.toFixed(0)} s.`,
    '',
  ].join('\n'),
);
