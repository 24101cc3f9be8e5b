/**
 * Runs the SLA benchmarks, writes `benchmarks/results/sla.json` and prints a
 * summary. `--quick`: 50k tickets and fewer samples, written to
 * `sla.quick.tmp.json` (a smoke run; its numbers are not worth comparing).
 */
import { runSlaBenchmarks } from './sla.bench.js';
import { runSuite } from './suite.js';

await runSuite({
  name: 'sla',
  title: 'Redress SLA benchmarks',
  run: async (options) => {
    const sla = await runSlaBenchmarks(options);
    return {
      records: sla.records,
      extra: { fixtures: sla.fixtures, memory: sla.memory },
      notes: [
        `${sla.fixtures.tickets} open tickets. Memory per ticket (default policy): ${sla.memory.slaBytesPerTicket} B, baseline due table ${sla.memory.baselineBytesPerTicket} B (${sla.memory.ratio}×)`,
      ],
    };
  },
});
