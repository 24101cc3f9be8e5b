/**
 * The "Diagram" section of docs/workflow.md: the Mermaid diagram generated from the
 * machine, and under it two tables of what the diagram does not draw: the commands that
 * keep a complaint in whichever open step it is in, and the ones that keep it in many
 * steps (listed in each box, they would widen the picture past a readable docs column).
 * Together they show every transition of the machine exactly once (checked by docs/workflow.test.ts, and in a
 * real browser by docs/workflow-diagram.browser.test.ts).
 */
import {
  complaintMachine,
  keptInEveryStep,
  keptInSeveralSteps,
  labels,
  toMermaid,
  transitionLabel,
  type ComplaintStep,
  type CommandType,
  type MachineTransition,
} from '@redress/core';

/** What the compound states are called on the page: they are not steps, so `labels` has no name for them. */
const COMPOUND_LABELS: Readonly<Record<string, string>> = { open: 'Open: being worked · 处理中' };

/** A state's box text: the step's English and Chinese names on two lines; the key for anything else. */
export function stateLabel(path: readonly string[]): string | undefined {
  const key = path.at(-1) ?? '';
  const compound = COMPOUND_LABELS[key];
  if (compound !== undefined) return compound;
  const en: Readonly<Record<string, string>> = labels('en').steps;
  const zh: Readonly<Record<string, string>> = labels('zh-CN').steps;
  return en[key] === undefined ? undefined : `${en[key]}<br/>${zh[key as ComplaintStep]}`;
}

/** A command keeping the step in this many steps or more goes to the "In several steps" table, not into each box. */
export const TABULATE_FROM = 3;

/** The diagram as the page embeds it. */
export const workflowDiagram = (): string => toMermaid(complaintMachine, { label: stateLabel, tabulateFrom: TABULATE_FROM });

/** The "In several steps" rows: one per command (and guard), with the steps it keeps, named as on the diagram. */
export function severalStepsRows(): { readonly transitions: readonly MachineTransition[]; readonly cells: readonly string[] }[] {
  const en = labels('en');
  const zh = labels('zh-CN');
  const groups = new Map<string, MachineTransition[]>();
  for (const t of keptInSeveralSteps(complaintMachine, TABULATE_FROM)) groups.set(transitionLabel(t), [...(groups.get(transitionLabel(t)) ?? []), t]);
  return [...groups].map(([label, transitions]) => {
    const command = transitions[0]?.event as CommandType;
    const steps = transitions.map((t) => `\`${t.source.join('.')}\``).join(', ');
    return { transitions, cells: [`\`${label}\``, steps, en.commands[command] ?? '', zh.commands[command] ?? ''] };
  });
}

/** The table's rows: one per transition that keeps a compound state, with the state it applies in. */
export function everyStepRows(): { readonly transition: MachineTransition; readonly cells: readonly string[] }[] {
  const en = labels('en');
  const zh = labels('zh-CN');
  return keptInEveryStep(complaintMachine).map((transition) => {
    const command = transition.event as CommandType;
    return {
      transition,
      cells: [`\`${transitionLabel(transition)}\``, `\`${transition.source.join('.')}\``, en.commands[command] ?? '', zh.commands[command] ?? ''],
    };
  });
}

/** The section, as Markdown; `table` renders rows the way the rest of the page does. */
export function diagramSection(table: (header: readonly string[], rows: readonly (readonly string[])[]) => string): string {
  return [
    '## Diagram',
    '',
    'Each box is a step (English and 中文); the `Open` box groups the steps of a complaint being worked. Each arrow is a',
    'command type, with `[guard]` when a guard must pass; an arrow from the `Open` box itself applies in every open step.',
    "A command listed inside a step's box keeps the complaint in that step. When a command has both (`RecordFollowUp`),",
    'the first whose guard passes is taken: the arrow, `(otherwise)` the line in the box.',
    '',
    '```mermaid',
    workflowDiagram().trimEnd(),
    '```',
    '',
    '### In every open step',
    '',
    'These commands keep the complaint in whichever open step it is in, so they are not drawn. With the diagram, this',
    'table shows every transition of the machine exactly once.',
    '',
    table(
      ['Command [guard]', 'Allowed in', 'English', '中文'],
      everyStepRows().map((row) => row.cells),
    ),
    '',
    '### In several steps',
    '',
    `These commands keep the complaint in the step it is in, in ${TABULATE_FROM} steps or more. Listed in each of those boxes they`,
    'would widen the diagram past what a docs column shows readably, so they are listed here instead.',
    '',
    table(
      ['Command [guard]', 'Allowed in', 'English', '中文'],
      severalStepsRows().map((row) => row.cells),
    ),
  ].join('\n');
}
