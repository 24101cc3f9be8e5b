/**
 * A long hunt: the model-based property with many more runs than the test suite
 * affords, then the coverage report. Not part of the published package.
 *
 *   node .ci/pnpm.mjs --filter @redress/testing hunt            # 2,000 runs
 *   RUNS=20000 SEED=42 node .ci/pnpm.mjs --filter @redress/testing hunt
 */
import { checkWorkflow } from './model/harness.js';
import { createCoverage } from './model/coverage.js';
import { workflowGraph } from './paths/graph.js';

const runs = Number(process.env['RUNS'] ?? 2000);
const seed = process.env['SEED'] === undefined ? undefined : Number(process.env['SEED']);
const coverage = createCoverage();
const started = performance.now();
await checkWorkflow({ coverage, maxCommands: 80 }, { numRuns: runs, ...(seed === undefined ? {} : { seed }) });
console.log(`${runs} runs without a counterexample in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(String(coverage.report(workflowGraph())));
