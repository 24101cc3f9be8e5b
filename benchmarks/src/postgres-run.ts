/**
 * Runs the PostgreSQL benchmarks (on a throwaway cluster it starts and removes),
 * writes `benchmarks/results/postgres.json` and prints a summary. `--quick`: fewer
 * samples, written to `postgres.quick.tmp.json` (a smoke run).
 */
import { runPostgresBenchmarks } from './postgres.bench.js';
import { runSuite } from './suite.js';

await runSuite({
  name: 'postgres',
  title: 'Redress PostgreSQL benchmarks',
  run: async (options) => {
    const result = await runPostgresBenchmarks(options);
    return {
      records: result.records,
      extra: { fixtures: result.fixtures, server: result.server, targets: result.targets, pgbench: result.pgbench },
      notes: [
        "Medians over samples; ratio = median time per event ÷ the baseline's (2.00× = half the baseline's events/s).",
        ...result.targets.map((t) => `Target ${t.subject} ${t.target} ${t.baseline}: ${t.throughputRatio.toFixed(2)}× — ${t.met ? 'met' : 'NOT met'}`),
        ...('skipped' in result.pgbench
          ? [`pgbench skipped: ${result.pgbench.skipped}`]
          : result.pgbench.map((p) => `pgbench ${p.script}, ${p.clients} client(s): ${p.tps.toFixed(0)} commands/s, ${p.eventsPerSecond.toFixed(0)} events/s`)),
        'For scale only (not measured here): commanded/eventstore reports ~8,600 events/s with 50 writers.',
      ],
    };
  },
});
