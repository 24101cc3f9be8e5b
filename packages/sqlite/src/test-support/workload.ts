/**
 * Commands for tests that drive the store through the engine: complaints moved
 * along their workflow, and notes and reassignments that any open complaint takes,
 * so several writers of the same complaint really race.
 */
import type { CommandInput, ComplaintStep } from '@redress/core';

const ack = { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true };
// The department head: they may work any complaint, whoever it is assigned to (the reassignments below change the handler).
const handler = { id: 'dh-sun', role: 'departmentHead' } as const;

export function receive(complaintId: string, commandId = `receive-${complaintId}`): CommandInput {
  return {
    type: 'ReceiveComplaint',
    complaintId,
    commandId,
    actor: { id: 'fd-wang', role: 'frontDesk' },
    data: {
      customer: { reference: `cust-${complaintId.length % 3}`, name: '王先生 «naïve» 🚗' },
      channel: 'phone',
      description: 'Engine noise after the 30,000 km service',
      demand: 'Fix it for free',
      acknowledgement: ack,
    },
  };
}

/** The command that moves a complaint on from `step`, or undefined where this workload stops moving it. */
export function advance(step: ComplaintStep, complaintId: string, commandId: string): CommandInput | undefined {
  const base = { complaintId, commandId, actor: handler };
  switch (step) {
    case 'received':
      return { ...base, type: 'ConfirmComplaint', data: { summary: 'Rattling from the engine bay since the service' } };
    case 'confirmed':
      return { ...base, type: 'ClassifyComplaint', data: { severity: complaintId.endsWith('1') ? 'major' : 'general' } };
    case 'classified':
      return { ...base, type: 'StartInvestigation', data: {} };
    case 'investigating':
      return { ...base, type: 'IdentifyCause', data: { cause: 'repairQuality', findings: 'A heat shield bolt was left loose' } };
    default:
      return undefined;
  }
}

/** A command any open complaint accepts, chosen by `n`. */
export function sideCommand(n: number, complaintId: string, commandId: string): CommandInput {
  const base = { complaintId, commandId };
  if (n % 3 === 0) {
    return { ...base, type: 'AssignHandler', actor: { id: 'dh-sun', role: 'departmentHead' }, data: { handlerId: `h-${n % 4}`, reason: 'workload' } };
  }
  return { ...base, type: 'AddNote', actor: handler, data: { text: `Note ${n}: called the parts warehouse ✓`, visibility: 'internal' } };
}

export function withdraw(complaintId: string, commandId: string): CommandInput {
  return { type: 'WithdrawComplaint', complaintId, commandId, actor: handler, data: { reason: 'Resolved with the dealer directly' } };
}
