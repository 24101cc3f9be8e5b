import { createEngine, createInMemoryEventStore, labels, systemClock, ticketViewProjection } from '@redress/core';

const tickets = ticketViewProjection();
const engine = createEngine({ store: createInMemoryEventStore(), clock: systemClock, projections: [tickets] });
const desk = { id: 'wang', role: 'frontDesk' } as const;
const handler = { id: 'li', role: 'handler' } as const;

const { complaintId } = await engine.executeOrThrow({
  type: 'ReceiveComplaint',
  actor: desk,
  data: {
    customer: { reference: 'cust-042', name: '王先生' },
    channel: 'phone',
    description: 'Rattling noise after the 30,000 km service',
    demand: 'Fix it free of charge',
    acknowledgement: { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true },
  },
});
await engine.executeOrThrow({ type: 'ConfirmComplaint', complaintId, actor: handler, data: { summary: 'Noise from the engine bay' } });
await engine.executeOrThrow({ type: 'ClassifyComplaint', complaintId, actor: handler, data: { severity: 'general' } });

// A refusal is a typed result, not an exception, and nothing is written.
const early = await engine.execute({ type: 'StartExecution', complaintId, actor: handler });
if (!early.ok) console.log(`${early.error.kind}: ${early.error.message}`);

const ticket = engine.view(tickets).get(complaintId);
console.log(ticket?.step, labels('zh-CN').steps[ticket?.step ?? 'none'], `${ticket?.timeline.length} events`);
