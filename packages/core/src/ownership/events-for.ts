/** The events of the hand-over commands, once the machine accepted them (so they state facts). */
import type { CommandOf } from '../commands/schema.js';
import type { ComplaintState } from '../decider/state.js';
import type { ComplaintEvent } from '../events/schema.js';

type HandOverCommand = CommandOf<'OfferHandOver' | 'AcceptHandOver' | 'DeclineHandOver'>;

export function handOverEvent(state: ComplaintState, command: HandOverCommand): ComplaintEvent {
  // Logs older than `receivedBy` may not know the receiver: the offer's author stands in.
  const from = state.accountableId ?? state.handOver?.from ?? command.actor.id;
  if (command.type === 'OfferHandOver') {
    const replaces = state.handOver?.to;
    return { type: 'HandOverOffered', data: { from, to: command.data.to, reason: command.data.reason, offeredBy: command.actor.id, ...(replaces ? { replaces } : {}) } };
  }
  const to = state.handOver?.to ?? command.actor.id;
  return command.type === 'AcceptHandOver'
    ? { type: 'HandOverAccepted', data: { from, to, ...command.data } }
    : { type: 'HandOverDeclined', data: { from, to, reason: command.data.reason } };
}
