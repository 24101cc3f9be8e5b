/** The routing rule the workflow's guard names (see `routing.ts`). */
import type { Rule } from '../workflow/rules.js';
import { groupFor } from './routing.js';

export const problemTypeRouted: Rule = {
  name: 'problemTypeRouted',
  check: ({ command, config }) => {
    if (command.type !== 'RouteComplaint' || groupFor(config.routing, command.data.problemType)) return null;
    const known = config.routing.groups.flatMap((g) => g.problemTypes);
    return `no group takes problem type ${command.data.problemType} (routing ${config.routing.name} knows ${known.join(', ')})`;
  },
};
