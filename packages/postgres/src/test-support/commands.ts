/**
 * Commands for tests and the stress script: short complaint lifecycles (received,
 * assigned, notes and contacts, some withdrawn) that touch every read-model column
 * the SQL projections keep.
 */
import type { CommandInput } from '@redress/core';

export const handlers = ['h-01', 'h-02', 'h-03'] as const;

export const fullAcknowledgement = { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true };

/** Receives a complaint; acknowledged on receipt, it records two events. */
export function receive(complaintId: string, n: number, acknowledged = false): CommandInput {
  return {
    type: 'ReceiveComplaint',
    complaintId,
    actor: { id: 'fd-01', role: 'frontDesk' },
    data: {
      customer: { reference: `cust-${n % 7}`, name: n % 2 === 0 ? '王先生' : 'Ms Lin' },
      channel: n % 2 === 0 ? 'phone' : 'wechat',
      description: `Engine noise after the service, case ${n}`,
      demand: 'Fix it for free',
      ...(acknowledged ? { acknowledgement: fullAcknowledgement } : {}),
    },
  };
}

export function assign(complaintId: string, n: number): CommandInput {
  return {
    type: 'AssignHandler',
    complaintId,
    actor: { id: 'dh-01', role: 'departmentHead' },
    data: { handlerId: handlers[n % handlers.length] ?? 'h-01', reason: 'initial' },
  };
}

export function note(complaintId: string, text: string): CommandInput {
  return { type: 'AddNote', complaintId, actor: { id: 'h-01', role: 'handler' }, data: { text } };
}

export function withdraw(complaintId: string): CommandInput {
  return { type: 'WithdrawComplaint', complaintId, actor: { id: 'fd-01', role: 'frontDesk' }, data: { reason: 'The customer solved it' } };
}

/** A whole lifecycle for complaint `n`: every third is withdrawn at the end. */
export function lifecycle(complaintId: string, n: number): CommandInput[] {
  const commands = [receive(complaintId, n), assign(complaintId, n), note(complaintId, `first look ${n}`), note(complaintId, `called back ${n}`)];
  if (n % 3 === 0) commands.push(withdraw(complaintId));
  return commands;
}
