/** The events of the customer-update commands, once the machine accepted them (so they state facts). */
import type { CommandOf } from '../commands/schema.js';
import type { ComplaintEvent } from '../events/schema.js';

type CustomerUpdateCommand = CommandOf<'SendProgressNotice' | 'SendResultFeedback'>;

/** The notice or feedback sent, with the command's data as it stands (who sent it is the envelope's actor). */
export function customerUpdateEvent(command: CustomerUpdateCommand): ComplaintEvent {
  return command.type === 'SendProgressNotice' ? { type: 'ProgressNoticeSent', data: command.data } : { type: 'ResultFeedbackSent', data: command.data };
}
