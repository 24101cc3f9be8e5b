/**
 * Runs the immer benchmarks, writes `benchmarks/results/immer.json` and prints a summary.
 * `--quick`: smaller logs and fewer samples, written to `immer.quick.tmp.json`.
 */
import { runImmerBenchmarks } from './immer.bench.js';
import { runSuite } from './suite.js';

await runSuite({
  name: 'immer',
  title: 'Redress immer projection benchmarks',
  run: async (options) => {
    const immer = await runImmerBenchmarks(options);
    return { records: immer.records, extra: { fixtures: immer.fixtures } };
  },
});
