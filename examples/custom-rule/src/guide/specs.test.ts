import { createInMemoryEventStore, type ComplaintEvent } from '@redress/core';
import { engineSpec, given, historyOf } from '@redress/testing';
import { it } from 'vitest';

const handler = { id: 'h-li', role: 'handler' } as const;
// historyOf: the events of commands that must all be accepted, the quickest way to a "given".
const investigating = historyOf([
  {
    type: 'ReceiveComplaint',
    complaintId: 'c-1',
    actor: { id: 'fd-wang', role: 'frontDesk' },
    data: {
      customer: { reference: 'cust-1', name: '王先生' },
      channel: 'phone',
      description: '第三次返修，异响仍在',
      demand: '免费修好',
      acknowledgement: { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true },
    },
  },
  { type: 'ConfirmComplaint', complaintId: 'c-1', actor: handler, data: { summary: 'Rattling from the engine bay' } },
  { type: 'ClassifyComplaint', complaintId: 'c-1', actor: handler, data: { severity: 'major' } },
  { type: 'StartInvestigation', complaintId: 'c-1', actor: handler },
]);
const propose = {
  type: 'ProposeResolution',
  complaintId: 'c-1',
  actor: handler,
  data: { remedy: { kind: 'freeRepair', description: 'Refit the heat shield' }, agreedDeadline: '2026-11-25T09:00:00Z' },
} as const;
const causeFound: ComplaintEvent = { type: 'CauseIdentified', data: { cause: 'repairQuality', findings: 'Loose heat shield bolt' } };
// 分清责任: a remedy also waits for the responsible party (on by default).
const attributed: ComplaintEvent = { type: 'ResponsibilityAttributed', data: { party: { kind: 'department', id: 'workshop-2', name: 'Workshop 2' }, previous: null, reason: 'The bolt was not torqued', attributedBy: handler.id } };

it('the decider: a remedy is decided from the findings', () => {
  given(investigating).when(propose).then({ error: 'IllegalCommand', rule: 'causeIdentified' });
  given([...investigating, causeFound, attributed]).when(propose).then([
    { type: 'ResolutionProposed', data: { ...propose.data, requiresApproval: true, proposedBy: handler.id } },
  ]);
});

it('the engine, on any store: the same, and the store holds exactly what was reported', async () => {
  const spec = engineSpec({ store: () => createInMemoryEventStore<ComplaintEvent>() });
  await spec.given(investigating).when(propose).then({ error: 'IllegalCommand', rule: 'causeIdentified' });
  await spec.given([...investigating, causeFound, attributed]).when(propose).then([
    { type: 'ResolutionProposed', data: { ...propose.data, requiresApproval: true, proposedBy: handler.id } },
  ]);
});
