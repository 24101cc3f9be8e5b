/**
 * Executes a workflow path through the engine, on any store: every command must be
 * accepted and leave the complaint in the step the machine's graph says.
 */
import { createEngine, createInMemoryEventStore, createManualClock, sequentialIds, type ComplaintEvent, type EngineOptions, type ExecuteSuccess } from '@redress/core';
import type { StoreFactory } from '../specs/engine-spec.js';
import { describeRefusal } from '../specs/report.js';
import type { Coverage } from '../model/coverage.js';
import { PATH_NOW, type WorkflowPath } from './graph.js';

/**
 * Options of `executePath`: any engine option (rules, permissions, duties, projections; the clock defaults to one
 * standing at `PATH_NOW`), a store factory, and a coverage recorder.
 */
export interface ExecutePathOptions extends Omit<Partial<EngineOptions>, 'store'> {
  /** A new, empty store (default: in memory). */
  readonly store?: StoreFactory;
  /**
   * Records each transition the path takes, to prove a set of paths covers the machine
   * (`coverage.report(workflowGraph())`).
   */
  readonly coverage?: Coverage;
}

/**
 * Thrown by `executePath` when a command of the path is refused or leaves the complaint in another step than the
 * machine's graph says; the message names the path, the command's position and type, and the refusal.
 */
export class PathFailedError extends Error {
  /** The class name, so test runners print it. */
  override readonly name = 'PathFailedError';
}

/**
 * Runs the path's commands in order on a fresh engine and store; throws a PathFailedError naming the command that
 * went astray. Paths are deterministic (no seed): a failure replays by running the same path again.
 *
 * @example
 * ```ts
 * it('every path of the machine runs through the engine with my rules', async () => {
 *   for (const path of [...simplePaths(), ...transitionPaths()]) await executePath(path, { rules: [myRule], store: () => createMyStore() });
 * });
 * ```
 */
export async function executePath(path: WorkflowPath, options: ExecutePathOptions = {}): Promise<ExecuteSuccess[]> {
  const store = await (options.store ?? (() => createInMemoryEventStore<ComplaintEvent>()))();
  const engine = createEngine({ clock: createManualClock(PATH_NOW), ids: sequentialIds('path'), ...options, store });
  const results: ExecuteSuccess[] = [];
  let step: string = 'none';
  for (const [i, command] of path.commands.entries()) {
    const result = await engine.execute(command);
    const where = `path ${path.description}\n  command ${i + 1} (${command.type})`;
    if (!result.ok) throw new PathFailedError(`${where} was refused:\n    ${describeRefusal(result.error).split('\n').join('\n    ')}`);
    const expected = path.steps[i];
    if (result.value.state.step !== expected) throw new PathFailedError(`${where} left the complaint in step "${result.value.state.step}", the machine says "${expected}"`);
    options.coverage?.recordTransition(step as never, command.type, result.value.state.step);
    step = result.value.state.step;
    results.push(result.value);
  }
  return results;
}
