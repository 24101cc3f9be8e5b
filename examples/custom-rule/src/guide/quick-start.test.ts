import { test } from '@fast-check/vitest';
import type { WorkflowRule } from '@redress/core';
import { invariantCatalogue, runWorkflow, streamInvariant, workflowCommands } from '@redress/testing';

// The rule: no compensation without an amount.
const compensationHasAmount: WorkflowRule = {
  name: 'compensationHasAmount',
  appliesTo: ['ProposeResolution'],
  check: ({ command }) =>
    command.type === 'ProposeResolution' && command.data.remedy.kind === 'compensation' && command.data.remedy.amount === undefined
      ? 'a compensation must state its amount'
      : null,
};

// What it promises, as a fact about the log.
const everyCompensationHasAmount = streamInvariant('everyCompensationHasAmount', 'every compensation proposed states its amount', (stream) =>
  stream.some((e) => e.type === 'ResolutionProposed' && e.data.remedy.kind === 'compensation' && !e.data.remedy.amount) ? 'found one without' : null,
);

const options = { rules: [compensationHasAmount], invariants: [...invariantCatalogue, everyCompensationHasAmount] };
test.prop([workflowCommands(options)], { numRuns: 30 })('the engine keeps the rule and the catalogue', (commands) => runWorkflow(options, commands));
