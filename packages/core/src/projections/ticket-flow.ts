/**
 * The ticket view's reducer for the workflow part of issue 16: approvals by unit,
 * responsibility, the intake decline, options and choice, written notices and the
 * meeting's strategy. Apart from `ticket-view.ts` so that file stays one table; like it,
 * every field here is replaced, never pushed to, so a record handed out keeps its own.
 */
import type { RecordedEvent } from '../events/envelope.js';
import type { ComplaintEvent } from '../events/schema.js';
import type { TicketView } from './ticket.js';

type Draft = { -readonly [K in keyof TicketView]: TicketView[K] };

/** Sets what one of these events changes; false for any other event. */
export function applyFlow(draft: Draft, event: RecordedEvent<ComplaintEvent>): boolean {
  const at = event.occurredAt;
  const by = event.actor.id;
  switch (event.type) {
    case 'RemedyDecisionAttributed':
      draft.remedyDecisions = [...draft.remedyDecisions, { at, ...event.data }];
      return true;
    case 'ResponsibilityAttributed':
      draft.responsible = event.data.party;
      draft.attributions = [...draft.attributions, { at, party: event.data.party, reason: event.data.reason, by }];
      return true;
    case 'ComplaintDeclined':
      draft.declined = { at, reason: event.data.reason, criterion: event.data.criterion, by };
      draft.closedAt = at;
      return true;
    case 'ResolutionOptionsOffered':
      draft.offer = { offeredAt: at, options: event.data.options, chosen: null, chosenAt: null };
      return true;
    case 'CustomerChoiceRecorded':
      if (draft.offer !== null) draft.offer = { ...draft.offer, chosen: event.data.optionId, chosenAt: at };
      return true;
    case 'WrittenNoticeSigned': {
      const { documentReference, signedBy, signedAt, remedy } = event.data;
      draft.writtenNotices = [...draft.writtenNotices, { documentReference, signedBy, signedAt, remedy, recordedBy: by }];
      return true;
    }
    case 'MeetingStrategyPrepared':
      if (draft.meeting !== null) draft.meeting = { ...draft.meeting, strategy: event.data.strategy };
      return true;
    default:
      return false;
  }
}
