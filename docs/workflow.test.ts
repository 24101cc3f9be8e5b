import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, complaintMachine, toMermaid } from '@redress/core';
import { REGENERATE_COMMAND, WORKFLOW_DOC_PATH, renderWorkflowDoc } from './workflow-doc.ts';

interface StateNodeLike {
  readonly id: string;
  readonly states: Readonly<Record<string, StateNodeLike>>;
}

/** Every state of the machine, below the root, as `toMermaid` names it (`open_investigating`). */
function machineStates(): string[] {
  const names: string[] = [];
  const visit = (node: StateNodeLike) => {
    for (const child of Object.values(node.states)) {
      names.push(child.id.split('.').slice(1).join('_'));
      visit(child);
    }
  };
  visit(complaintMachine.root as unknown as StateNodeLike);
  return names;
}

/** The words of a Mermaid text: state names, command types, guard names. */
const wordsOf = (text: string) => new Set(text.split(/[^A-Za-z0-9_]+/).filter((w) => w !== ''));

describe('docs/workflow.md', () => {
  it(`is up to date with the machine (run \`${REGENERATE_COMMAND}\` if this fails)`, () => {
    const committed = readFileSync(new URL('./workflow.md', import.meta.url), 'utf8').replaceAll('\r\n', '\n');
    expect(committed, `${WORKFLOW_DOC_PATH} is stale: run \`${REGENERATE_COMMAND}\` and commit the result`).toBe(renderWorkflowDoc());
  });

  it('embeds the diagram generated from the machine', () => {
    expect(renderWorkflowDoc()).toContain(`\`\`\`mermaid\n${toMermaid(complaintMachine)}\`\`\``);
  });
});

describe('the workflow diagram', () => {
  const diagram = toMermaid(complaintMachine);
  const words = wordsOf(diagram);

  it('is a state diagram with transitions', () => {
    expect(diagram.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(diagram.split('\n').filter((line) => line.includes(' --> ')).length).toBeGreaterThan(COMMAND_TYPES.length);
  });

  it('shows every state of the machine', () => {
    const states = machineStates();
    expect(states).toContain('open_investigating');
    expect(states.filter((state) => !words.has(state))).toEqual([]);
  });

  it('shows every command type', () => {
    expect(COMMAND_TYPES.length).toBeGreaterThan(0);
    expect(COMMAND_TYPES.filter((type) => !words.has(type))).toEqual([]);
  });
});
