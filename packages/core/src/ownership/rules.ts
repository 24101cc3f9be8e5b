/** The hand-over rules the workflow's guards name (see `schema.ts` for the concept). */
import type { Rule } from '../workflow/rules.js';

/** An offer goes to someone else than the person already accountable. */
export const handOverToAnother: Rule = {
  name: 'handOverToAnother',
  check: ({ state, command }) =>
    command.type === 'OfferHandOver' && command.data.to === state.accountableId ? `${command.data.to} is already accountable for this complaint` : null,
};

export const handOverPending: Rule = {
  name: 'handOverPending',
  check: ({ state }) => (state.handOver === null ? 'no hand-over is pending: one is offered first' : null),
};

/** Only the person offered the complaint answers the offer: an acceptance by anyone else would make no one accountable who agreed to be. */
export const answeredByRecipient: Rule = {
  name: 'answeredByRecipient',
  check: ({ state, command }) =>
    state.handOver === null || command.actor.id === state.handOver.to
      ? null
      : `the hand-over was offered to ${state.handOver.to}: only they accept or decline it`,
};
