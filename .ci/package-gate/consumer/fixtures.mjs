// What the consumer's checks share: an instant and a complaint to receive.
export const NOW = '2026-11-23T09:00:00.000Z';

export const receive = {
  type: 'ReceiveComplaint',
  complaintId: 'c-1',
  actor: { id: 'wang', role: 'frontDesk' },
  data: {
    customer: { reference: 'cust-1', name: 'Wang' },
    channel: 'phone',
    description: 'Rattling noise after the service',
    demand: 'Fix it',
    acknowledgement: { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true },
  },
};
