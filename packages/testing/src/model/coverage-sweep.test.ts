/**
 * The kit's coverage sweep, in a file of its own: at about 80 s it is the longest test of the
 * unit tier, and beside the rest of harness.test.ts it kept one worker busy alone at the end.
 */
import { describe, expect, it } from 'vitest';
import { workflowGraph } from '../paths/graph.js';
import { createCoverage } from './coverage.js';
import { checkWorkflow } from './harness.js';

describe('model-based runs of the engine', () => {
  it('reach every state and every transition of the machine over a sweep of seeds, and say what they missed', async () => {
    const coverage = createCoverage();
    // A sweep, not one lucky seed: the union of 150 runs on each of seeds 1 and 2. Measured with issue 16's
    // responsibility default (193 transitions): alone, 150 runs of seeds 1-5 miss 3, 2, 9, 1 and 7 (a BreakPromise or a
    // withdrawal in some step), the union of seeds 1 and 2 misses none. (A third seed was margin, dropped for CI's time:
    // the runs are seeded, so a change that loses a transition fails here every time, never now and then.) Before the
    // walk swept the step it lingers in (arbitraries/sweep.ts), 500 runs of seeds 1-3 each missed a BreakPromise.
    for (const seed of [1, 2]) await checkWorkflow({ coverage }, { seed, numRuns: 150 });
    const report = coverage.report(workflowGraph());
    console.log(String(report).split('\n').slice(0, 3).join('\n'));
    expect(report.states.missing).toEqual([]);
    expect(report.transitions.missing).toEqual([]);
    expect(report.transitions.reached.length).toBe(workflowGraph().transitions.length);
    expect(report.refusals).toHaveProperty('Validation');
    expect(String(report)).toMatch(/states reached: 12\/12/);
    expect(String(report)).toMatch(new RegExp(`transitions reached: ${workflowGraph().transitions.length}/${workflowGraph().transitions.length} \\(100%\\)`));
  }, 300_000);
});
