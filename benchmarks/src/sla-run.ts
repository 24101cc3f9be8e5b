/**
 * Runs the SLA benchmarks, writes `benchmarks/results/sla.json` and prints a
 * summary. `--quick`: 50k tickets and fewer samples, written to
 * `sla.quick.tmp.json` (a smoke run; its numbers are not worth comparing).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gcExposed } from './harness.js';
import { table } from './report.js';
import { runSlaBenchmarks } from './sla.bench.js';

const quick = process.argv.includes('--quick');
const resultsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'results');
const log = (message: string) => process.stderr.write(`· ${message}\n`);

const started = process.hrtime.bigint();
const sla = await runSlaBenchmarks({ quick, log });
const report = {
  suite: 'sla',
  date: new Date().toISOString(),
  quick,
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  cpu: cpus()[0]?.model ?? 'unknown',
  cpus: cpus().length,
  gcBetweenSamples: gcExposed(),
  durationSeconds: Math.round(Number(process.hrtime.bigint() - started) / 1e8) / 10,
  fixtures: sla.fixtures,
  memory: sla.memory,
  benchmarks: Object.fromEntries(sla.records.map((r) => [r.name, r])),
};
mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, quick ? 'sla.quick.tmp.json' : 'sla.json');
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(
  [
    '',
    `Redress SLA benchmarks (${quick ? 'quick smoke run' : 'full run'}): ${sla.fixtures.tickets} open tickets, node ${report.node}, ${report.cpu} × ${report.cpus}`,
    `Memory per ticket (default policy): ${sla.memory.slaBytesPerTicket} B, baseline due table ${sla.memory.baselineBytesPerTicket} B (${sla.memory.ratio}×)`,
    '',
    table(sla.records),
    '',
    `written to ${file}`,
    '',
  ].join('\n'),
);
