/**
 * A host rule: at this station, a price complaint settled with money (a refund, a
 * discount or a compensation) above 2,000 CNY needs the service department head's
 * sign-off. The sign-off is the head proposing the remedy: a handler's proposal
 * of that size is refused, with a message saying who must propose it.
 *
 * (The rule sees the decision state and the command. The decision state does not
 * carry the cause found, so the rule keys on what price complaints are settled
 * with, money remedies, rather than on the cause.)
 */
import type { Remedy, Role, WorkflowRule } from '@redress/core';

/** Above this, a money remedy needs the department head (in CNY). */
export const SIGN_OFF_ABOVE_CNY = 2_000;

/** Who may sign off: the department head, or senior management above them. */
export const SIGN_OFF_ROLES: readonly Role[] = ['departmentHead', 'seniorManagement'];

const MONEY_REMEDIES: readonly Remedy['kind'][] = ['refund', 'discount', 'compensation'];

/** Whether a remedy needs the department head's sign-off. */
export const needsSignOff = (remedy: Remedy): boolean =>
  MONEY_REMEDIES.includes(remedy.kind) && remedy.amount !== undefined && remedy.amount.currency === 'CNY' && remedy.amount.value > SIGN_OFF_ABOVE_CNY;

export const departmentHeadSignsOffLargeRefunds: WorkflowRule = {
  name: 'departmentHeadSignsOffLargeRefunds',
  appliesTo: ['ProposeResolution'],
  check: ({ command }) =>
    command.type === 'ProposeResolution' && needsSignOff(command.data.remedy) && !SIGN_OFF_ROLES.includes(command.actor.role)
      ? `a ${command.data.remedy.kind} of ${command.data.remedy.amount?.value} CNY needs the department head's sign-off: the department head proposes it`
      : null,
};
