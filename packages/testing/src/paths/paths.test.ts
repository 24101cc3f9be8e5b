import { describe, expect, it } from 'vitest';
import { createCoverage } from '../model/coverage.js';
import { executePath } from './execute.js';
import { simplePaths, transitionPaths, workflowGraph } from './graph.js';

describe('path coverage of the machine', () => {
  const graph = workflowGraph();

  it('the graph has every step and the transitions between them', () => {
    expect(graph.states).toEqual(
      ['archived', 'classified', 'confirmed', 'declined', 'executing', 'followingUp', 'investigating', 'none', 'received', 'remedyApproved', 'resolutionProposed', 'withdrawn'],
    );
    expect(graph.transitions).toContain('received --DeclineComplaint--> declined');
    expect(graph.transitions).toContain('followingUp --RecordFollowUp--> investigating');
    expect(graph.transitions).toContain('resolutionProposed --RejectRemedy--> investigating');
    expect(graph.transitions).toContain('investigating --WaitOnCustomer--> investigating');
  });

  it('every simple path of the workflow runs through the engine', async () => {
    const paths = simplePaths();
    expect(paths.length).toBeGreaterThan(50);
    const coverage = createCoverage();
    for (const path of paths) await executePath(path, { coverage });
    // The simple paths end in every step, including the three ways to close a complaint.
    const ends = new Set(paths.map((p) => p.steps.at(-1)));
    for (const step of ['archived', 'withdrawn', 'declined', 'remedyApproved', 'executing']) expect(ends).toContain(step);
  });

  it('one path per transition runs through the engine, and together they take every transition', async () => {
    const coverage = createCoverage();
    for (const path of transitionPaths()) await executePath(path, { coverage });
    const report = coverage.report(graph);
    expect(report.transitions.missing).toEqual([]);
    expect(report.states.missing).toEqual([]);
    // 184 transitions with issue 16's commands: about 70 s on a shared machine, past the default timeout.
  }, 180_000);
});
