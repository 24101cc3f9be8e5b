/** The authority rule the workflow's guards name (see `limits.ts`). */
import type { Rule } from '../workflow/rules.js';
import { authorityProblem } from './limits.js';

/** The proposer's role may grant the remedy proposed; the approver's, the remedy approved. */
export const withinAuthority: Rule = {
  name: 'withinAuthority',
  check: ({ state, command, config }) => {
    if (command.type === 'ProposeResolution') return authorityProblem(config.authority, command.actor.role, command.data.remedy);
    if (command.type === 'ApproveRemedy') return authorityProblem(config.authority, command.actor.role, state.remedy);
    return null;
  },
};
