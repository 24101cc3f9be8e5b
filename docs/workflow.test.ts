/**
 * docs/workflow.md against the machine, on the text (the browser test checks the same
 * diagram as Mermaid draws it). Everything expected is derived from the machine, so a
 * command, guard or step added to it is checked without touching this file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  COMMAND_TYPES,
  complaintMachine,
  keptInEveryStep,
  keptInSeveralSteps,
  machineStates,
  machineTransitions,
  mermaidId,
  transitionLabel,
  type MachineTransition,
} from '@redress/core';
import { everyStepRows, severalStepsRows, TABULATE_FROM, workflowDiagram } from './workflow-diagram-section.ts';
import { REGENERATE_COMMAND, WORKFLOW_DOC_PATH, renderWorkflowDoc } from './workflow-doc.ts';

/** How the page shows a transition: an arrow, a line in a box, or a row of the every-step table. */
type Shown = `arrow ${string} --> ${string} : ${string}` | `box ${string} : ${string}` | `table ${string} : ${string}`;

/** The command (with its guard) and the steps it keeps: the ones a box would list too often. */
function keptOften(t: MachineTransition): boolean {
  const keeping = machineTransitions(complaintMachine).filter(
    (k) => k.target === undefined && transitionLabel(k) === transitionLabel(t) && machineStates(complaintMachine).some((s) => s.kind !== 'compound' && s.path.join('.') === k.source.join('.')),
  );
  return keeping.length >= TABULATE_FROM;
}

function expectedShowing(t: MachineTransition): Shown {
  const kind = machineStates(complaintMachine).find((s) => s.path.join('.') === t.source.join('.'))?.kind;
  if (t.target !== undefined) return `arrow ${mermaidId(t.source)} --> ${mermaidId(t.target)} : ${transitionLabel(t)}`;
  if (kind === 'compound') return `table ${t.source.join('.')} : ${transitionLabel(t)}`;
  return keptOften(t) ? `table ${t.source.join('.')} : ${transitionLabel(t)}` : `box ${mermaidId(t.source)} : ${transitionLabel(t)}`;
}

/** What the diagram text and the table actually show, one entry per arrow, box line or row. */
function actualShowings(diagram: string): Shown[] {
  const shown: Shown[] = [];
  for (const line of diagram.split('\n').map((l) => l.trim())) {
    const arrow = /^(\w+) --> (\w+) : (.+)$/.exec(line);
    const boxLine = /^(\w+) : (.+)$/.exec(line);
    if (arrow) shown.push(`arrow ${arrow[1]} --> ${arrow[2]} : ${arrow[3]}`);
    else if (boxLine) shown.push(`box ${boxLine[1]} : ${boxLine[2]}`);
  }
  for (const { cells } of everyStepRows()) shown.push(`table ${cells[1]?.replaceAll('`', '')} : ${cells[0]?.replaceAll('`', '')}`);
  for (const { cells } of severalStepsRows()) {
    for (const step of (cells[1] ?? '').split(', ')) shown.push(`table ${step.replaceAll('`', '')} : ${cells[0]?.replaceAll('`', '')}`);
  }
  return shown;
}

/** For each state id, the block (compound state id, or '' for the top) of the first line that mentions it. */
function firstBlockOf(diagram: string): Map<string, string> {
  const first = new Map<string, string>();
  const blocks = [''];
  for (const line of diagram.split('\n').slice(1).map((l) => l.trim())) {
    if (line === '}') {
      blocks.pop();
      continue;
    }
    const named = /^state ".*" as (\w+)( \{)?$/.exec(line);
    const ids = named ? [named[1]!] : (line.split(':')[0] ?? '').split('-->').map((s) => s.trim());
    for (const id of ids) if (id !== '[*]' && !first.has(id)) first.set(id, blocks.at(-1)!);
    if (named?.[2]) blocks.push(named[1]!);
  }
  return first;
}

const sorted = <T>(values: readonly T[]) => [...values].sort();

describe('docs/workflow.md', () => {
  it(`is up to date with the machine (run \`${REGENERATE_COMMAND}\` if this fails)`, () => {
    const committed = readFileSync(new URL('./workflow.md', import.meta.url), 'utf8').replaceAll('\r\n', '\n');
    expect(committed, `${WORKFLOW_DOC_PATH} is stale: run \`${REGENERATE_COMMAND}\` and commit the result`).toBe(renderWorkflowDoc());
  });

  it('embeds the diagram generated from the machine', () => {
    expect(renderWorkflowDoc()).toContain(`\`\`\`mermaid\n${workflowDiagram()}\`\`\``);
  });
});

describe('the workflow diagram and its table', () => {
  const diagram = workflowDiagram();
  const transitions = machineTransitions(complaintMachine);

  it('show every transition of the machine exactly once, and nothing else', () => {
    expect(transitions.length).toBeGreaterThan(COMMAND_TYPES.length);
    expect(sorted(actualShowings(diagram))).toEqual(sorted(transitions.map(expectedShowing)));
  });

  it('name every command type', () => {
    const events = new Set(transitions.map((t) => t.event));
    expect(COMMAND_TYPES.filter((type) => !events.has(type))).toEqual([]);
  });

  it('leave out of the diagram only what keeps a compound state, and list that in the table', () => {
    const kept = keptInEveryStep(complaintMachine);
    expect(kept.length).toBeGreaterThan(0);
    expect(everyStepRows().map((row) => row.transition)).toEqual(kept);
    for (const t of kept) expect(diagram).not.toContain(` : ${transitionLabel(t)}\n`);
  });

  it('list in the several-steps table exactly the commands that keep the step in that many steps, and draw them in no box', () => {
    const several = keptInSeveralSteps(complaintMachine, TABULATE_FROM);
    expect(several.length).toBeGreaterThan(0);
    expect(severalStepsRows().flatMap((row) => row.transitions)).toEqual(several);
    for (const t of several) expect(diagram).not.toContain(`${mermaidId(t.source)} : ${transitionLabel(t)}\n`);
  });

  it("place each state in its parent's box: Mermaid puts a state in the first block that mentions it", () => {
    const first = firstBlockOf(diagram);
    for (const state of machineStates(complaintMachine)) {
      expect(first.get(mermaidId(state.path)), state.path.join('.')).toBe(mermaidId(state.path.slice(0, -1)));
    }
  });

  it('show steps by their names, never by internal ids', () => {
    for (const state of machineStates(complaintMachine)) {
      expect(diagram).not.toMatch(new RegExp(`state "${mermaidId(state.path)}"`));
    }
    expect(diagram).toContain('state "Investigating<br/>调查原因" as open_investigating');
  });
});
