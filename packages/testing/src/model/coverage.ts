/**
 * Which states and transitions a property run reached. States are the workflow's
 * steps; transitions are `step --Command--> step` as the engine accepted them. The
 * full set to compare with comes from the machine itself (`workflowGraph()` in
 * `paths/`), so a report says what was never reached.
 */
import type { CommandType, ComplaintStep } from '@redress/core';

export interface CoverageReport {
  readonly states: { readonly reached: readonly string[]; readonly missing: readonly string[] };
  readonly transitions: { readonly reached: readonly string[]; readonly missing: readonly string[] };
  /** How often each refusal kind was seen (e.g. `IllegalCommand: 42`). */
  readonly refusals: Readonly<Record<string, number>>;
  readonly commands: number;
  toString(): string;
}

export interface Coverage {
  recordState(step: ComplaintStep): void;
  recordTransition(from: ComplaintStep, type: CommandType, to: ComplaintStep): void;
  recordRefusal(kind: string): void;
  /** What was reached, against the universe given (e.g. `workflowGraph()`). */
  report(universe?: { readonly states: readonly string[]; readonly transitions: readonly string[] }): CoverageReport;
}

export const transitionKey = (from: ComplaintStep, type: CommandType, to: ComplaintStep): string => `${from} --${type}--> ${to}`;

const percent = (a: number, b: number) => (b === 0 ? '' : ` (${Math.round((100 * a) / b)}%)`);

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
