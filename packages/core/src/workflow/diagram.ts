/**
 * The workflow as a Mermaid state diagram, generated from the machine itself so
 * the picture in the docs can never disagree with the code.
 */
import type { AnyStateMachine } from 'xstate';
import { toDirectedGraph } from 'xstate/graph';

type Graph = ReturnType<typeof toDirectedGraph>;

const nameOf = (id: string) => id.split('.').slice(1).join('_') || id;
const isFinal = (node: Graph) => node.stateNode.type === 'final';

/** `stateDiagram-v2` text for a machine: states, transitions labelled with event [guard]. */
export function toMermaid(machine: AnyStateMachine): string {
  const root = toDirectedGraph(machine);
  const lines = ['stateDiagram-v2'];

  const edgesOf = (node: Graph, indent: string) => {
    for (const edge of node.edges) {
      const guard = edge.transition.guard;
      const guardName = typeof guard === 'string' ? guard : (guard as { type?: string } | undefined)?.type;
      const label = guardName ? `${edge.label.text} [${guardName}]` : edge.label.text;
      lines.push(`${indent}${nameOf(edge.source.id)} --> ${nameOf(edge.target.id)} : ${label}`);
    }
  };

  const walk = (node: Graph, indent: string) => {
    const initial = node.stateNode.initial?.target[0];
    if (initial) lines.push(`${indent}[*] --> ${nameOf(initial.id)}`);
    for (const child of node.children) {
      if (child.children.length > 0) {
        lines.push(`${indent}state ${nameOf(child.id)} {`);
        walk(child, `${indent}  `);
        lines.push(`${indent}}`);
      }
      if (isFinal(child)) lines.push(`${indent}${nameOf(child.id)} --> [*]`);
    }
    // A compound state's own transitions are drawn outside its block, from its border.
    for (const child of node.children) edgesOf(child, indent);
  };

  walk(root, '  ');
  return `${lines.join('\n')}\n`;
}
