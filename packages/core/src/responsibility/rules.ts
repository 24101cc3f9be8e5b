/** The responsibility rule the workflow's guards name (see `schema.ts`). */
import type { Rule } from '../workflow/rules.js';

/**
 * 分清责任: a resolution is proposed once the responsible department, person or supplier is recorded, in
 * this cycle or an earlier one (on by default; the host may turn it off). A guard, so only new proposals are
 * checked: a log with a proposal made while the rule was off replays as it is.
 */
export const responsibilityAttributed: Rule = {
  name: 'responsibilityAttributed',
  check: ({ state, config }) =>
    !config.responsibility.requiredBeforeProposal || state.responsible !== null
      ? null
      : 'the responsible department, person or supplier is recorded before a resolution is proposed: attribute responsibility first (AttributeResponsibility)',
};
