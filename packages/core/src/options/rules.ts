/** The options rule the workflow's guard names (see `schema.ts`). */
import type { Rule } from '../workflow/rules.js';
import { optionRemedy } from './schema.js';

/** The customer chooses among the options of the standing offer. */
export const optionOffered: Rule = {
  name: 'optionOffered',
  check: ({ state, command }) => {
    if (command.type !== 'RecordCustomerChoice') return null;
    if (state.offer === null) return 'no options were offered: offer them first (OfferResolutionOptions)';
    if (optionRemedy(state.offer, command.data.optionId)) return null;
    return `option ${command.data.optionId} was not offered (offered: ${state.offer.options.map((o) => o.optionId).join(', ')})`;
  },
};
