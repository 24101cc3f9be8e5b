import { createInMemoryEventStore, type ComplaintEvent, type EventStore, type WorkflowRule } from '@redress/core';
import { describe, expect, it } from 'vitest';
import { given, historyOf } from './decider-spec.js';
import { engineSpec } from './engine-spec.js';
import { SpecFailedError } from './report.js';

const desk = { id: 'fd-wang', role: 'frontDesk' } as const;
const handler = { id: 'h-li', role: 'handler' } as const;
const ack = { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true };

const received = historyOf([
  {
    type: 'ReceiveComplaint',
    complaintId: 'c-1',
    actor: desk,
    data: { customer: { reference: 'cust-1', name: '王先生' }, channel: 'phone', description: '第三次返修，异响仍在', demand: '免费修好', acknowledgement: ack },
  },
]);
/** A general complaint under investigation, no cause found yet. */
const history = historyOf([
  { type: 'ReceiveComplaint', complaintId: 'c-1', actor: desk, data: { customer: { reference: 'cust-1' }, channel: 'phone', description: 'Noise', demand: 'Fix it', acknowledgement: ack } },
  { type: 'ConfirmComplaint', complaintId: 'c-1', actor: handler, data: { summary: 'Noise from the engine bay' } },
  { type: 'ClassifyComplaint', complaintId: 'c-1', actor: handler, data: { severity: 'general' } },
  { type: 'StartInvestigation', complaintId: 'c-1', actor: handler },
]);
/** The investigation done: the cause found and the responsible party recorded (分清责任, required before a proposal). */
const found = (cause: string, findings: string) =>
  [
    ...history,
    { type: 'CauseIdentified', data: { cause, findings } },
    { type: 'ResponsibilityAttributed', data: { party: { kind: 'department', id: 'workshop-2', name: 'Workshop 2' }, previous: null, reason: findings, attributedBy: 'h-li' } },
  ] as ComplaintEvent[];
const propose = {
  type: 'ProposeResolution',
  complaintId: 'c-1',
  actor: handler,
  data: { remedy: { kind: 'freeRepair', description: 'Refit the heat shield' }, agreedDeadline: '2026-11-25T09:00:00Z' },
};

const thrown = (f: () => unknown): SpecFailedError => {
  try {
    f();
  } catch (e) {
    if (e instanceof SpecFailedError) return e;
    throw e;
  }
  throw new Error('the spec did not fail');
};
const rejected = async (p: Promise<unknown>): Promise<SpecFailedError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof SpecFailedError) return e;
    throw e;
  }
  throw new Error('the spec did not fail');
};

describe('given/when/then for the decider', () => {
  it('historyOf builds the events of accepted commands', () => {
    expect(received.map((e) => e.type)).toEqual(['ComplaintReceived', 'AcknowledgementRecorded']);
    expect(history.at(-1)?.type).toBe('InvestigationStarted');
    expect(() => historyOf([propose])).toThrow(/command 1 was refused/);
  });

  it('passes when the events are the expected ones', () => {
    const withCause = found('repairQuality', 'Loose bolt');
    const events = given(withCause).when(propose).then([
      {
        type: 'ResolutionProposed',
        data: { remedy: { kind: 'freeRepair', description: 'Refit the heat shield' }, agreedDeadline: '2026-11-25T09:00:00Z', requiresApproval: false, proposedBy: 'h-li' },
      },
    ]);
    expect(events).toHaveLength(1);
  });

  it('passes on the expected refusal, by kind and rule', () => {
    given(history).when(propose).then({ error: 'IllegalCommand', rule: 'causeIdentified' });
    given(history).when({ ...propose, actor: desk }).then({ error: 'Forbidden' });
    given([]).when(propose).then({ error: 'NotFound' });
    given(history).when({ ...propose, data: {} }).then({ error: 'Validation', message: 'data.remedy' });
  });

  it('shows the step and the allowed commands when a command expected to pass is refused', () => {
    const failure = thrown(() => given(history).when(propose).then([]));
    expect(failure.message).toContain('expected it to be accepted, but it was refused');
    expect(failure.message).toContain('step:    investigating');
    expect(failure.message).toMatch(/allowed: .*IdentifyCause.*ProposeResolution/);
    expect(failure.message).toContain('rule:    causeIdentified');
  });

  it('shows a diff of expected and actual events', () => {
    const withCause = found('price', 'Billed twice');
    const failure = thrown(() =>
      given(withCause).when(propose).then([
        { type: 'ResolutionProposed', data: { remedy: { kind: 'refund', description: 'Refit the heat shield' }, agreedDeadline: '2026-11-25T09:00:00Z', requiresApproval: false } },
      ]),
    );
    expect(failure.message).toContain('the events differ');
    expect(failure.message).toMatch(/\+\s+kind: 'freeRepair'/);
    expect(failure.message).toMatch(/-\s+kind: 'refund'/);
  });

  it('says which refusal it got when another was expected', () => {
    const failure = thrown(() => given(history).when(propose).then({ error: 'IllegalCommand', rule: 'deadlineInFuture' }));
    expect(failure.message).toContain('refused by rule causeIdentified, not rule deadlineInFuture');
    expect(thrown(() => given(history).when(propose).then({ error: 'Forbidden' })).message).toContain('refused with IllegalCommand, not Forbidden');
  });

  it('applies host rules', () => {
    const noRefunds: WorkflowRule = { name: 'noRefunds', appliesTo: ['ProposeResolution'], check: ({ command }) => (command.type === 'ProposeResolution' && command.data.remedy.kind === 'refund' ? 'no refunds here' : null) };
    const withCause = found('price', 'Billed twice');
    given(withCause, { rules: [noRefunds] })
      .when({ ...propose, data: { ...propose.data, remedy: { kind: 'refund', description: 'Refund the labour', amount: { value: 300, currency: 'CNY' } } } })
      .then({ error: 'IllegalCommand', rule: 'noRefunds', message: 'no refunds' });
  });
});

describe('given/when/then against the engine on a store', () => {
  const spec = engineSpec({ store: () => createInMemoryEventStore<ComplaintEvent>() });

  it('passes with the events appended, and checks the store holds them', async () => {
    const withCause = found('repairQuality', 'Loose bolt');
    const result = await spec.given(withCause).when(propose).then([
      { type: 'ResolutionProposed', data: { remedy: { kind: 'freeRepair', description: 'Refit the heat shield' }, agreedDeadline: '2026-11-25T09:00:00Z', requiresApproval: false, proposedBy: 'h-li' } },
    ]);
    expect(result.ok && result.value.version).toBe(withCause.length + 1);
  });

  it('passes on refusals, with nothing written', async () => {
    await spec.given(history).when(propose).then({ error: 'IllegalCommand', rule: 'causeIdentified' });
    await spec.given(history).when({ ...propose, data: { agreedDeadline: 'tomorrow' } }).then({ error: 'Validation' });
  });

  it('reports a refusal with the step and the allowed commands', async () => {
    const failure = await rejected(spec.given(history).when(propose).then([]));
    expect(failure.message).toContain('step:    investigating');
    expect(failure.message).toContain('allowed:');
  });

  it('catches a store that does not keep what it was given', async () => {
    // A store that silently drops the second event of every append.
    const lossy = (): EventStore<ComplaintEvent> => {
      const inner = createInMemoryEventStore<ComplaintEvent>();
      return { ...inner, append: (id, expected, events) => inner.append(id, expected, events.slice(0, 1)) };
    };
    const failure = await rejected(engineSpec({ store: lossy }).given(history).when(propose).then({ error: 'IllegalCommand' }));
    expect(failure.message).toContain('the stream in the store is not the history plus the events reported');
  });
});
