/** The approval rule the workflow's guards name (see `approval.ts`). */
import type { Rule } from '../workflow/rules.js';
import { approverOf } from './approval.js';

/** A major remedy is approved or rejected by a role the host configured as its approver. */
export const configuredApprover: Rule = {
  name: 'configuredApprover',
  check: ({ command, config }) => {
    if (command.type !== 'ApproveRemedy' && command.type !== 'RejectRemedy') return null;
    if (approverOf(config.approval, command.actor.role)) return null;
    const approvers = config.approval.approvers.map((a) => `${a.role} (${a.unit})`).join(', ');
    return `${command.actor.role} is not a configured approver of a major remedy; the approvers are ${approvers}`;
  },
};
