/**
 * The workflow as a Mermaid state diagram, generated from the machine itself so
 * the picture in the docs can never disagree with the code. Written for how Mermaid
 * (11) lays a state diagram out, so that what a reader sees is what the machine does:
 *
 * - Mermaid puts a state in the first block that mentions it. So each state is
 *   declared in its parent's block, and each arrow is written in the block of the
 *   innermost state holding both its ends: an arrow leaving a compound state is
 *   written outside that state's block, and its target stays outside the box.
 * - Mermaid draws one self-loop per state and drops the others. So a command that
 *   keeps a state is listed inside that state's box, not drawn as a loop.
 * - A command that keeps a compound state (allowed in every state inside it) has no
 *   box to be listed in: the diagram leaves it out, and `keptInEveryStep` returns
 *   those for a table beside the diagram.
 *
 * - A command that keeps the step in many steps (`tabulateFrom` of them or more) would
 *   repeat its line in every one of those boxes and widen the picture past what a docs
 *   column shows readably: with the option, those lines are left out of the boxes and
 *   `keptInSeveralSteps` returns them for a second table.
 *
 * Every transition is therefore drawn once, as an arrow or a line in a box, except
 * the ones `keptInEveryStep` and `keptInSeveralSteps` return (see docs/workflow.test.ts).
 */
import type { AnyStateMachine } from 'xstate';
import { machineInitialState, machineStates, machineTransitions, type MachineState, type MachineTransition } from './machine-graph.js';

/** How `toMermaid` draws the machine. */
export interface MermaidOptions {
  /** The text of a state's box, from its path; the state's key when undefined. May hold `<br/>`. */
  readonly label?: (path: readonly string[]) => string | undefined;
  /**
   * Leave out of the boxes a command that keeps the step in at least this many steps (same
   * command and guard), for a table beside the diagram (`keptInSeveralSteps`). Every command
   * is listed in its boxes when undefined.
   */
  readonly tabulateFrom?: number;
}

/** `Command [guard]`, and `(otherwise)` on a fallback tried after a guarded one. */
export function transitionLabel(transition: MachineTransition): string {
  const guard = transition.guard === undefined ? '' : ` [${transition.guard}]`;
  return `${transition.event}${guard}${transition.order > 0 ? ' (otherwise)' : ''}`;
}

/** The Mermaid id of a state: its path joined with `_` (`open_investigating`). */
export const mermaidId = (path: readonly string[]): string => path.map((key) => key.replace(/\W/g, '_')).join('_');

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((key, i) => key === b[i]);
const parentOf = (path: readonly string[]) => path.slice(0, -1);

/** The innermost state holding both ends of an arrow: the block it is written in. */
function blockOf(transition: MachineTransition & { readonly target: readonly string[] }): readonly string[] {
  const [a, b] = [parentOf(transition.source), parentOf(transition.target)];
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

/** The transitions that keep a compound state: allowed in every state inside it, not drawn. */
export function keptInEveryStep(machine: AnyStateMachine): MachineTransition[] {
  const compound = machineStates(machine).filter((state) => state.kind === 'compound');
  return machineTransitions(machine).filter((t) => t.target === undefined && compound.some((state) => same(state.path, t.source)));
}

/**
 * The transitions that keep a leaf step and whose command (with its guard) keeps the step
 * in at least `atLeast` steps: what `toMermaid` with `tabulateFrom: atLeast` leaves out of
 * the boxes. Grouped by command, in the machine's order.
 */
export function keptInSeveralSteps(machine: AnyStateMachine, atLeast: number): MachineTransition[] {
  const leaves = new Set(machineStates(machine).filter((state) => state.kind !== 'compound').map((state) => state.path.join('.')));
  const keeping = machineTransitions(machine).filter((t) => t.target === undefined && leaves.has(t.source.join('.')));
  const byLabel = new Map<string, MachineTransition[]>();
  for (const t of keeping) byLabel.set(transitionLabel(t), [...(byLabel.get(transitionLabel(t)) ?? []), t]);
  return [...byLabel.values()].filter((group) => group.length >= atLeast).flat();
}

/** `stateDiagram-v2` text for a machine: its states as boxes, its transitions as arrows or lines in a box. */
export function toMermaid(machine: AnyStateMachine, options: MermaidOptions = {}): string {
  const states = machineStates(machine);
  const transitions = machineTransitions(machine);
  const quoted = (path: readonly string[]) => (options.label?.(path) ?? path.at(-1) ?? '').replaceAll('"', "'");
  const lines = ['stateDiagram-v2'];
  const keyOf = (t: MachineTransition) => `${t.source.join('.')} : ${transitionLabel(t)}`;
  const tabulated = new Set((options.tabulateFrom === undefined ? [] : keptInSeveralSteps(machine, options.tabulateFrom)).map(keyOf));

  const arrowsIn = (block: readonly string[]) =>
    transitions.flatMap((t) => (t.target !== undefined && same(blockOf({ ...t, target: t.target }), block) ? [t] : []));

  const writeBlock = (block: readonly string[], initial: readonly string[] | undefined, indent: string) => {
    if (initial) lines.push(`${indent}[*] --> ${mermaidId(initial)}`);
    for (const state of states.filter((s) => same(parentOf(s.path), block))) writeState(state, indent);
    for (const t of arrowsIn(block)) lines.push(`${indent}${mermaidId(t.source)} --> ${mermaidId(t.target ?? [])} : ${transitionLabel(t)}`);
  };

  const writeState = (state: MachineState, indent: string) => {
    const id = mermaidId(state.path);
    if (state.kind === 'compound') {
      lines.push(`${indent}state "${quoted(state.path)}" as ${id} {`);
      writeBlock(state.path, state.initial, `${indent}  `);
      lines.push(`${indent}}`);
      return;
    }
    lines.push(`${indent}state "${quoted(state.path)}" as ${id}`);
    for (const t of transitions.filter((k) => k.target === undefined && same(k.source, state.path) && !tabulated.has(keyOf(k)))) lines.push(`${indent}${id} : ${transitionLabel(t)}`);
    if (state.kind === 'final') lines.push(`${indent}${id} --> [*]`);
  };

  writeBlock([], machineInitialState(machine), '  ');
  return `${lines.join('\n')}\n`;
}
