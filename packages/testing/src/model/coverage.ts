/**
 * Which states and transitions a property run reached. States are the workflow's
 * steps; transitions are `step --Command--> step` as the engine accepted them. The
 * full set to compare with comes from the machine itself (`workflowGraph()` in
 * `paths/`), so a report says what was never reached.
 */
import type { CommandType, ComplaintStep } from '@redress/core';

/**
 * What a property run reached, against what the machine has: print it (`String(report)`) after a long hunt, or assert
 * `missing` is empty to prove the run count reaches every step and transition.
 */
export interface CoverageReport {
  /** Workflow steps reached (sorted) and, against a universe, those never reached; `missing` is empty without one. */
  readonly states: { readonly reached: readonly string[]; readonly missing: readonly string[] };
  /**
   * Transitions taken, as `transitionKey` spells them (`investigating --ProposeResolution--> resolutionProposed`), and
   * those never taken.
   */
  readonly transitions: { readonly reached: readonly string[]; readonly missing: readonly string[] };
  /** How often each refusal kind was seen (e.g. `IllegalCommand: 42`). */
  readonly refusals: Readonly<Record<string, number>>;
  /** Commands recorded: accepted (transitions) plus refused; states recorded alone do not count. */
  readonly commands: number;
  /**
   * A few lines for a log: commands and refusals by kind, states and transitions reached (with a percentage against
   * the universe), then each one never reached.
   */
  toString(): string;
}

/**
 * A recorder of what a run did: pass one as `coverage` to `checkWorkflow`, `runWorkflow` or `executePath`, then read
 * `report(workflowGraph())`. Mutable and not thread-safe: one per test.
 */
export interface Coverage {
  /** Marks a step as reached without a command (the initial step, or a state a test set up). */
  recordState(step: ComplaintStep): void;
  /** Records an accepted command: the transition and both its steps, and one more command. */
  recordTransition(from: ComplaintStep, type: CommandType, to: ComplaintStep): void;
  /** Records a refused command by its error kind (`IllegalCommand`, `Validation`, `Forbidden`, …). */
  recordRefusal(kind: string): void;
  /** What was reached, against the universe given (e.g. `workflowGraph()`). */
  report(universe?: { readonly states: readonly string[]; readonly transitions: readonly string[] }): CoverageReport;
}

/** The key of a transition in coverage reports and `workflowGraph()`: `from --Command--> to`. */
export const transitionKey = (from: ComplaintStep, type: CommandType, to: ComplaintStep): string => `${from} --${type}--> ${to}`;

const percent = (a: number, b: number) => (b === 0 ? '' : ` (${Math.round((100 * a) / b)}%)`);

/**
 * A fresh, empty coverage recorder.
 *
 * @example
 * ```ts
 * const coverage = createCoverage();
 * await checkWorkflow({ coverage }, { seed: 3, numRuns: 200 });
 * const report = coverage.report(workflowGraph());
 * expect(report.transitions.missing).toEqual([]); // every transition of the machine was taken
 * ```
 */
export function createCoverage(): Coverage {
  const states = new Set<string>();
  const transitions = new Set<string>();
  const refusals: Record<string, number> = {};
  let commands = 0;
  return {
    recordState: (step) => void states.add(step),
    recordTransition: (from, type, to) => {
      commands++;
      transitions.add(transitionKey(from, type, to));
      states.add(from);
      states.add(to);
    },
    recordRefusal: (kind) => {
      commands++;
      refusals[kind] = (refusals[kind] ?? 0) + 1;
    },
    report(universe) {
      const reachedStates = [...states].sort();
      const reachedTransitions = [...transitions].sort();
      const missingStates = universe ? universe.states.filter((s) => !states.has(s)) : [];
      const missingTransitions = universe ? universe.transitions.filter((t) => !transitions.has(t)) : [];
      const totalStates = universe?.states.length ?? 0;
      const totalTransitions = universe?.transitions.length ?? 0;
      return {
        states: { reached: reachedStates, missing: missingStates },
        transitions: { reached: reachedTransitions, missing: missingTransitions },
        refusals: { ...refusals },
        commands,
        toString: () =>
          [
            `${commands} commands; refused: ${Object.entries(refusals).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`,
            `states reached: ${reachedStates.length}${universe ? `/${totalStates}${percent(reachedStates.length, totalStates)}` : ''}`,
            ...missingStates.map((s) => `  never reached: ${s}`),
            `transitions reached: ${reachedTransitions.length}${universe ? `/${totalTransitions}${percent(reachedTransitions.length, totalTransitions)}` : ''}`,
            ...missingTransitions.map((t) => `  never taken: ${t}`),
          ].join('\n'),
      };
    },
  };
}
