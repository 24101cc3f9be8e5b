/**
 * What every benchmark entry point does around its measurements: read `--quick`,
 * time the run, write the machine-readable results (with the machine's facts) to
 * `results/<suite>.json` (`<suite>.quick.tmp.json` for a smoke run, which git
 * ignores), and print the summary table and which targets were met.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gcExposed } from './harness.js';
import { runtime, table, type BenchRecord } from './report.js';

export interface SuiteRun {
  readonly records: readonly BenchRecord[];
  /** Anything else worth keeping beside the records (fixture sizes, memory figures…). */
  readonly extra?: Readonly<Record<string, unknown>>;
  /** Lines printed above the table. */
  readonly notes?: readonly string[];
}

export interface Suite {
  readonly name: string;
  readonly title: string;
  run(options: { readonly quick: boolean; readonly log: (message: string) => void }): Promise<SuiteRun>;
}

export async function runSuite(suite: Suite): Promise<void> {
  const quick = process.argv.includes('--quick');
  const resultsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'results');
  const log = (message: string) => process.stderr.write(`· ${message}\n`);

  const started = process.hrtime.bigint();
  const result = await suite.run({ quick, log });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  const report = {
    suite: suite.name,
    date: new Date().toISOString(),
    quick,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    cpus: cpus().length,
    gcBetweenSamples: gcExposed(),
    runtime: runtime(),
    // The shared machine's 1/5/15-minute load averages at the end: absolute times are only comparable at a similar load.
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    durationSeconds: Math.round(seconds * 10) / 10,
    ...result.extra,
    benchmarks: Object.fromEntries(result.records.map((r) => [r.name, r])),
  };

  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, quick ? `${suite.name}.quick.tmp.json` : `${suite.name}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  const targets = result.records.filter((r) => r.met !== null);
  const missed = targets.filter((r) => r.met === false);
  process.stdout.write(
    [
      '',
      `${suite.title} (${quick ? 'quick smoke run' : 'full run'}): node ${report.node}, ${report.cpu} × ${report.cpus}, ${report.date}`,
      ...(result.notes ?? []),
      '',
      table(result.records),
      '',
      `Targets: ${targets.length - missed.length}/${targets.length} met${missed.length ? ` (missed: ${missed.map((r) => r.name).join(', ')})` : ''}.`,
      `Written ${relative(process.cwd(), file)} in ${seconds.toFixed(0)} s.`,
      '',
    ].join('\n'),
  );
}
