/**
 * Runs the SQLite benchmarks, writes `benchmarks/results/sqlite.json` and prints a
 * summary. `--quick`: fewer complaints and samples, written to
 * `sqlite.quick.tmp.json` (a smoke run; its numbers are not worth comparing).
 */
import { runSqliteBenchmarks } from './sqlite.bench.js';
import { runSuite } from './suite.js';

await runSuite({
  name: 'sqlite',
  title: 'Redress SQLite benchmarks',
  run: async (options) => {
    const result = await runSqliteBenchmarks(options);
    return {
      records: result.records,
      extra: { fixtures: result.fixtures },
      notes: ["Medians over samples; ratio = median time per op ÷ the baseline's."],
    };
  },
});
