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
      extra: { fixtures: result.fixtures, server: result.server },
      notes: [
        "Medians over samples; ratio = median time per event ÷ the baseline's (2.00× = half the baseline's events/s).",
        'For scale only (not measured here): commanded/eventstore reports ~8,600 events/s with 50 writers.',
      ],
    };
  },
});
