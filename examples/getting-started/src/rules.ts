import type { WorkflowRule } from '@redress/core';

const DAY_MS = 24 * 60 * 60 * 1000;

// Our promise to customers: every remedy is carried out within 14 days of being agreed.
export const remedyWithinTwoWeeks: WorkflowRule = {
  name: 'remedyWithinTwoWeeks',
  appliesTo: ['ProposeResolution'],
  check: ({ command, now }) =>
    command.type === 'ProposeResolution' && Date.parse(command.data.agreedDeadline) - Date.parse(now) > 14 * DAY_MS
      ? `we carry out remedies within 14 days: ${command.data.agreedDeadline} is later`
      : null,
};
