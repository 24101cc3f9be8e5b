/** The intake rule the workflow's guard names (see `intake.ts`). */
import type { Rule } from '../workflow/rules.js';

/** With criteria configured, a decline names one of them; with none, it names none. */
export const declineCriterionKnown: Rule = {
  name: 'declineCriterionKnown',
  check: ({ command, config }) => {
    if (command.type !== 'DeclineComplaint') return null;
    const { criteria, name } = config.intake;
    const given = command.data.criterion;
    if (criteria.length === 0) return given === undefined ? null : `the station has no acceptance criteria, so none (${given}) can be named: give the reason only`;
    const known = criteria.map((c) => c.id).join(', ');
    if (given === undefined) return `name the acceptance criterion the complaint does not meet (criteria ${name}: ${known})`;
    return criteria.some((c) => c.id === given) ? null : `no acceptance criterion ${given} (criteria ${name}: ${known})`;
  },
};
