import type { ComplaintEvent, RecordedEvent } from '@redress/core';
import { checkWorkflow, failsWithout, invariantCatalogue, whenever } from '@redress/testing';
import { expect, it } from 'vitest';

type Recorded = RecordedEvent<ComplaintEvent>;
/** The standing proposal and what followed it: empty before a proposal. */
const sinceProposal = (history: readonly Recorded[]) => history.slice(history.map((e) => e.type).lastIndexOf('ResolutionProposed')).filter((_, i, all) => all[0]?.type === 'ResolutionProposed');
const bigRefund = ([e]: readonly Recorded[]) => e?.type === 'ResolutionProposed' && e.data.remedy.kind === 'refund' && (e.data.remedy.amount?.value ?? 0) > 5000;

// The promise, on the command it is about: a refund above 5000 is executed only after senior management approved it.
const bigRefundsNeedSeniorManagement = whenever('bigRefundsNeedSeniorManagement', {
  on: ['StartExecution'],
  when: ({ history }) => bigRefund(sinceProposal(history)),
  must: ({ history }) => sinceProposal(history).some((e) => e.type === 'RemedyApproved' && e.actor.role === 'seniorManagement'),
  because: 'a refund above 5000 needs senior management approval before it is executed',
});

// A naive rule for the same promise guards the approval: but a general complaint needs none.
const naive = whenever('naiveRefundRule', {
  on: ['ApproveRemedy'],
  when: ({ history }) => bigRefund(sinceProposal(history)),
  must: ({ command }) => command.actor.role === 'seniorManagement',
  because: 'a refund above 5000 is approved by senior management',
});

it('finds the hole in the naive rule, and the promise as a rule closes it', async () => {
  const naiveRun = { rules: [naive.rule], facts: [naive.facts], invariants: [...invariantCatalogue, bigRefundsNeedSeniorManagement.invariant] };
  await expect(checkWorkflow(naiveRun, { seed: 1, endOnFailure: true })).rejects.toThrow(/Property failed/); // the default 50 runs
  const options = bigRefundsNeedSeniorManagement.options();
  await checkWorkflow(options);
  expect((await failsWithout(bigRefundsNeedSeniorManagement, options)).failed).toBe(true);
}, 300_000);

// Your own data, sync or async: here a customer database the rule awaits.
const segments = new Map([['cust-000001', 'VIP']]);
const vipNeverGeneral = whenever('vipNeverGeneral', {
  on: ['ClassifyComplaint'],
  host: async ({ customer }) => ({ segment: segments.get(customer ?? '') ?? (customer?.endsWith('7') ? 'VIP' : 'standard') }),
  when: ({ host }) => host.segment === 'VIP',
  mustNot: ({ command }) => command.data.severity === 'general',
  because: "a VIP customer's complaint is never classified general",
});

it('rules read host data and keep replay = live', async () => {
  const options = vipNeverGeneral.options();
  await checkWorkflow(options, { numRuns: 30 }); // replayEqualsLive and engineAppendsWhatDeciderDecides hold, with the rule reading the host
  expect((await failsWithout(vipNeverGeneral, options)).failed).toBe(true);
}, 300_000);
