/**
 * "Can this test fail?": runs the property with the rule under test switched off and
 * says whether it then fails. A rule test that still passes without its rule proves
 * nothing (the invariant is too weak, or the runs never reach the rule's situation), so
 * the guide ends every rule test with `expect((await failsWithout(rule, options)).failed).toBe(true)`.
 */
import type { WorkflowRule } from '@redress/core';
import fc from 'fast-check';
import { workflowProperty, type WorkflowCommand, type WorkflowModelOptions } from '../model/harness.js';
import type { StatedRule } from './whenever.js';

export interface WithoutReport {
  /** Whether the property failed with the rule switched off: it must. */
  readonly failed: boolean;
  /** Runs made, up to the failure. */
  readonly numRuns: number;
  readonly seed: number;
  /** fast-check's report of the failure (seed, path, shrunk sequence), then what broke, when it failed. */
  readonly report: string | undefined;
}

/** The property of `options` with `rule` (a stated rule, a `WorkflowRule` or its name) taken out of `options.rules`. */
export async function failsWithout(
  rule: StatedRule | WorkflowRule | string,
  options: WorkflowModelOptions,
  parameters: fc.Parameters<[Iterable<WorkflowCommand>]> = {},
): Promise<WithoutReport> {
  const name = typeof rule === 'string' ? rule : rule.name;
  const rules = options.rules ?? [];
  if (!rules.some((r) => r.name === name)) throw new RangeError(`rule ${name} is not among the options' rules (${rules.map((r) => r.name).join(', ') || 'none'})`);
  // Found is enough to answer, and shrinking a long run costs more than finding it (pass endOnFailure: false to shrink).
  // Runs stop at the first failure, so the default allows many: a test with teeth costs a few runs, one without 200.
  const details = await fc.check(workflowProperty({ ...options, rules: rules.filter((r) => r.name !== name) }), { numRuns: 200, endOnFailure: true, ...parameters });
  return { failed: details.failed, numRuns: details.numRuns, seed: details.seed, report: details.failed ? `${fc.defaultReportMessage(details)}\n${String((details.errorInstance as Error | undefined)?.message ?? '')}` : undefined };
}
