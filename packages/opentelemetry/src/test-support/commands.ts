/** Commands for the tests: a receipt, a note, and the actors that may send them. */
import type { CommandInput } from '@redress/core';

export const NOW = '2026-11-23T01:00:00.000Z';
export const desk = { id: 'wang', role: 'frontDesk' } as const;
export const handler = { id: 'li', role: 'handler' } as const;

/** A receipt; without the acknowledgement its SLA clock runs (and breaches at 06:30Z under the default policy). */
export const receive = (complaintId: string, acknowledged = true): CommandInput => ({
  type: 'ReceiveComplaint',
  complaintId,
  actor: desk,
  data: {
    customer: { reference: `cust-${complaintId}`, name: '王先生' },
    channel: 'phone',
    description: 'Rattling noise after the 30,000 km service',
    demand: 'Fix it free of charge',
    ...(acknowledged ? { acknowledgement: { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true } } : {}),
  },
});

export const note = (complaintId: string, text = 'called the customer back'): CommandInput => ({ type: 'AddNote', complaintId, actor: handler, data: { text } });
