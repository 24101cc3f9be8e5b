import { test } from '@fast-check/vitest';
import { failsWithout, runWorkflow, whenever, workflowCommands } from '@redress/testing';
import { expect, it } from 'vitest';

// "When a compensation is proposed, it must state its amount": the engine rule and the log invariant, from one statement.
const compensationHasAmount = whenever('compensationHasAmount', {
  on: ['ProposeResolution'],
  when: ({ command }) => command.data.remedy.kind === 'compensation',
  must: ({ command }) => command.data.remedy.amount !== undefined,
  because: 'a compensation must state its amount',
});
const options = compensationHasAmount.options(); // the rule, the invariant catalogue and the rule's own invariant

test.prop([workflowCommands(options)], { numRuns: 50 })('the engine keeps the rule and the catalogue', (commands) => runWorkflow(options, commands));
it('and the test can fail: without the rule, it does', async () => expect((await failsWithout(compensationHasAmount, options)).failed).toBe(true));
