/**
 * The rule at work: a handler proposes a 5,000 CNY refund and is refused; the
 * department head proposes it and it goes through. Run: `npm start`.
 */
import { createEngine, createInMemoryEventStore, createManualClock, sequentialIds, type ComplaintEvent } from '@redress/core';
import { departmentHeadSignsOffLargeRefunds } from './sign-off-rule.js';

const engine = createEngine({
  store: createInMemoryEventStore<ComplaintEvent>(),
  clock: createManualClock('2026-11-23T09:00:00Z'),
  ids: sequentialIds('demo'),
  rules: [departmentHeadSignsOffLargeRefunds],
});
const desk = { id: 'fd-wang', role: 'frontDesk' } as const;
const handler = { id: 'h-li', role: 'handler' } as const;
const head = { id: 'dh-sun', role: 'departmentHead' } as const;

const { complaintId } = await engine.executeOrThrow({
  type: 'ReceiveComplaint',
  actor: desk,
  data: {
    customer: { reference: 'cust-007', name: '刘女士' },
    channel: 'visit',
    description: '报价1200元，结账收了2300元。',
    demand: '退还多收的费用。',
    acknowledgement: { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true },
  },
});
await engine.executeOrThrow({ type: 'ConfirmComplaint', complaintId, actor: handler, data: { summary: 'Charged 2,300 for a job quoted at 1,200' } });
await engine.executeOrThrow({ type: 'ClassifyComplaint', complaintId, actor: handler, data: { severity: 'general' } });
await engine.executeOrThrow({ type: 'StartInvestigation', complaintId, actor: handler });
await engine.executeOrThrow({ type: 'IdentifyCause', complaintId, actor: handler, data: { cause: 'price', findings: 'Labour billed twice' } });
// 分清责任: who answers for it is recorded before a remedy is proposed.
await engine.executeOrThrow({ type: 'AttributeResponsibility', complaintId, actor: handler, data: { party: { kind: 'department', id: 'cashier', name: 'Cashier desk' }, reason: 'The labour line was keyed in twice' } });

const refund = { kind: 'refund', description: 'Refund the labour billed twice, and the goodwill', amount: { value: 5_000, currency: 'CNY' } } as const;
const byHandler = await engine.execute({ type: 'ProposeResolution', complaintId, actor: handler, data: { remedy: refund, agreedDeadline: '2026-11-25T18:00:00Z' } });
console.log(byHandler.ok ? 'handler: accepted' : `handler: ${byHandler.error.message}`);

const byHead = await engine.execute({ type: 'ProposeResolution', complaintId, actor: head, data: { remedy: refund, agreedDeadline: '2026-11-25T18:00:00Z' } });
console.log(byHead.ok ? `department head: accepted, now ${byHead.value.state.step}` : `department head: ${byHead.error.message}`);
