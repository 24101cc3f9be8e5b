/**
 * Renders docs/workflow.md from the workflow machine and the tables next to it
 * (guards, labels, the default permission matrix). Pure: the same code always
 * renders the same text, so a test can tell when the committed page is stale.
 *
 * Written by `docs/write-workflow-diagram.ts`; checked by `docs/workflow.test.ts`.
 */
import {
  COMMAND_TYPES,
  GUARDS,
  ROLES,
  STEPS,
  allowedCommands,
  complaintMachine,
  defaultPermissionMatrix,
  initialComplaintState,
  labels,
  type ComplaintStep,
  type GuardName,
} from '@redress/core';
import { diagramSection } from './workflow-diagram-section.ts';

/** The command that regenerates the page. */
export const REGENERATE_COMMAND = 'npm run docs:diagram';

/** Path of the generated page, relative to the repository root. */
export const WORKFLOW_DOC_PATH = 'docs/workflow.md';

const code = (text: string) => `\`${text}\``;
const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The step a machine state node stands for (`complaint.open.investigating` → `investigating`). */
const stepName = (id: string) => id.split('.').at(-1) ?? id;

interface StateNodeLike {
  readonly id: string;
  readonly states: Readonly<Record<string, StateNodeLike>>;
  readonly transitions: ReadonlyMap<string, readonly { readonly guard?: unknown }[]>;
}

/** Where each guard is used: `Command (step, step)` in machine order. */
function guardUsage(): Map<GuardName, Map<string, string[]>> {
  const usage = new Map<GuardName, Map<string, string[]>>();
  const visit = (node: StateNodeLike) => {
    for (const [eventType, transitions] of node.transitions) {
      for (const transition of transitions) {
        const guard = transition.guard;
        const name = typeof guard === 'string' ? guard : (guard as { type?: string } | undefined)?.type;
        if (name === undefined) continue;
        const byCommand = usage.get(name as GuardName) ?? new Map<string, string[]>();
        usage.set(name as GuardName, byCommand);
        const steps = byCommand.get(eventType) ?? [];
        byCommand.set(eventType, steps);
        if (!steps.includes(stepName(node.id))) steps.push(stepName(node.id));
      }
    }
    for (const child of Object.values(node.states)) visit(child);
  };
  visit(complaintMachine.root as unknown as StateNodeLike);
  return usage;
}

function guardsSection(): string {
  const usage = guardUsage();
  const rows = (Object.keys(GUARDS) as GuardName[]).map((guard) => {
    const rules = GUARDS[guard].map((rule) => code(rule.name)).join(', ');
    const used = [...(usage.get(guard) ?? new Map<string, string[]>())]
      .map(([command, steps]) => `${code(command)} in ${steps.map(code).join(', ')}`)
      .join('; ');
    return [code(guard), rules, used === '' ? '(not used by the machine)' : used];
  });
  return [
    '## Guards',
    '',
    'Each guard of the machine is a list of named rules (`GUARDS` in `workflow/rules.ts`); it passes when every rule',
    'passes. When a guard refuses a command, `IllegalCommandError.rule` names the first rule that failed and says why.',
    '',
    table(['Guard', 'Rules (all must pass)', 'Used on'], rows),
  ].join('\n');
}

function commandsSection(): string {
  const en = labels('en');
  const zh = labels('zh-CN');
  const rows = COMMAND_TYPES.map((type) => [
    code(type),
    en.commands[type],
    zh.commands[type],
    defaultPermissionMatrix[type].map(code).join(', '),
  ]);
  return [
    '## Commands',
    '',
    'Every command type, in workflow order (`COMMAND_TYPES`), with its labels and the roles allowed to issue it by',
    '`defaultPermissionMatrix`. Hosts may replace rows or the whole policy (see [architecture.md](architecture.md#permissions)).',
    '',
    table(['Command', 'English', '中文', 'Roles allowed by default'], rows),
  ].join('\n');
}

function stepsSection(): string {
  const en = labels('en');
  const zh = labels('zh-CN');
  const steps: readonly ComplaintStep[] = ['none', ...STEPS];
  const rows = steps.map((step) => {
    const available = allowedCommands({ ...initialComplaintState, step });
    return [
      code(step),
      en.steps[step],
      zh.steps[step],
      available.length === 0 ? '(none: the complaint is closed)' : available.map(code).join(', '),
    ];
  });
  return [
    '## Steps',
    '',
    'The steps a complaint can be in (`ComplaintStep`): `none` before anything is received, the open steps, and the two',
    'final ones. The last column lists the commands with a transition out of the step, guards aside (`allowedCommands`).',
    '',
    table(['Step', 'English', '中文', 'Commands available'], rows),
  ].join('\n');
}

function rolesSection(): string {
  const en = labels('en');
  const zh = labels('zh-CN');
  return ['## Roles', '', table(['Role', 'English', '中文'], ROLES.map((role) => [code(role), en.roles[role], zh.roles[role]]))].join(
    '\n',
  );
}

/** The whole of docs/workflow.md. */
export function renderWorkflowDoc(): string {
  const intro = [
    `<!-- Generated by docs/write-workflow-diagram.ts. Do not edit: run \`${REGENERATE_COMMAND}\`. -->`,
    '',
    '# The complaint workflow (客户投诉处理流程)',
    '',
    'This page is generated from `complaintMachine` in `@redress/core` and the tables next to it: the guards,',
    'the labels and the default permission matrix. **Do not edit it by hand**: change the code, then run',
    `\`${REGENERATE_COMMAND}\`. The test \`docs/workflow.test.ts\` fails while this file is stale.`,
    '',
    'How the workflow is used by the engine is described in [architecture.md](architecture.md).',
  ].join('\n');

  return `${[intro, diagramSection(table), guardsSection(), commandsSection(), stepsSection(), rolesSection()].join('\n\n')}\n`;
}
