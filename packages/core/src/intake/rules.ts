/** The intake rule the workflow's guard names (see `intake.ts`). */
import type { Rule } from '../workflow/rules.js';

/** A decline names one of the station's acceptance criteria. */
export const declineCriterionKnown: Rule = {
  name: 'declineCriterionKnown',
  check: ({ command, config }) => {
    if (command.type !== 'DeclineComplaint') return null;
    const { criteria, name } = config.intake;
    if (criteria.some((c) => c.id === command.data.criterion)) return null;
    return `no acceptance criterion ${command.data.criterion} (criteria ${name}: ${criteria.map((c) => c.id).join(', ')})`;
  },
};
