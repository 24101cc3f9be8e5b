/**
 * The analytics facts of one complaint, folded from its own events: the record a report
 * counts complaints by, and the survey response and contact a follow-up adds.
 */
import { DEFAULT_SERVQUAL_FACTOR_OF_CAUSE, stepAfter, type RecordedEvent } from '@redress/core';
import { isComplaintEvent } from '../support/log.js';
import type { CsiLogEvent } from '../surveys/schema.js';
import { addFollowUp } from './contacts.js';
import type { AnalyticsState, ComplaintFacts, SliceFields } from './facts.js';

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A complaint's slice fields now. */
export const sliceFieldsOf = (f: ComplaintFacts): SliceFields => ({
  branch: f.branch,
  region: f.region,
  businessLine: f.businessLine,
  productKind: f.productKind,
  customerSegment: f.customerSegment,
  handler: f.handler,
  servqualFactor: f.servqualFactor,
});

export function applyComplaintEvent(state: AnalyticsState, event: RecordedEvent<CsiLogEvent>): void {
  if (!isComplaintEvent(event)) return;
  if (event.type === 'ComplaintReceived') {
    const d = event.data;
    const facts: ComplaintFacts = {
      complaintId: event.streamId,
      receivedAt: event.occurredAt,
      customer: d.customer.reference,
      customerSegment: d.customer.segment ?? null,
      channel: d.channel,
      source: d.source?.kind ?? null,
      branch: d.branch ?? null,
      region: d.region ?? null,
      businessLine: d.businessLine ?? null,
      productKind: d.product?.kind ?? null,
      handler: null,
      handlers: [],
      step: 'received',
      severity: null,
      cause: null,
      servqualFactor: null,
      acknowledgedAt: null,
      firstPlanAt: null,
      executions: [],
      followUps: [],
      reopenCount: 0,
      manualEscalations: 0,
      reassignments: 0,
      repeat: state.repeatsAhead.delete(event.streamId),
      archivedAt: null,
      withdrawnAt: null,
      declinedAt: null,
      responsible: null,
      promises: [],
    };
    state.acknowledging.set(event.streamId, { thanked: false, appreciated: false, apologised: false, promisedPromptAction: false });
    state.complaints.set(event.streamId, facts);
    return;
  }
  const current = state.complaints.get(event.streamId);
  if (!current) return;
  const f = current as Mutable<ComplaintFacts>;
  f.step = stepAfter(f.step, event);
  switch (event.type) {
    case 'AcknowledgementRecorded': {
      const a = state.acknowledging.get(event.streamId);
      if (!a) return;
      a.thanked ||= event.data.thanked;
      a.appreciated ||= event.data.appreciated;
      a.apologised ||= event.data.apologised;
      a.promisedPromptAction ||= event.data.promisedPromptAction;
      if (a.thanked && a.appreciated && a.apologised && a.promisedPromptAction) {
        f.acknowledgedAt = event.occurredAt;
        state.acknowledging.delete(event.streamId);
      }
      return;
    }
    case 'ComplaintClassified':
      f.severity = event.data.severity;
      return;
    case 'ComplaintEscalated':
      if (!event.data.automatic) f.manualEscalations += 1;
      return;
    case 'CauseIdentified':
      f.cause = event.data.cause;
      f.servqualFactor = event.data.servqualFactor ?? DEFAULT_SERVQUAL_FACTOR_OF_CAUSE[event.data.cause];
      return;
    case 'ResolutionProposed':
      f.firstPlanAt ??= event.occurredAt;
      return;
    case 'RemedyExecuted':
      f.executions = [...f.executions, { at: event.occurredAt, onTime: event.data.onTime, handler: f.handler }];
      return;
    case 'FollowUpRecorded': {
      f.followUps = [...f.followUps, { at: event.occurredAt, satisfied: event.data.satisfied, handler: f.handler, execution: f.executions.length - 1 }];
      // The handler whose work the customer rates: the one handling the complaint at the follow-up.
      const fields = sliceFieldsOf(f);
      // The reopening this follow-up may cause comes after it: the cycle is the one being followed up.
      addFollowUp(state.contacts, event, { complaintId: f.complaintId, customer: f.customer, cycle: f.reopenCount + 1, fields });
      if (event.data.survey) {
        state.surveys.push({
          id: event.eventId,
          at: event.occurredAt,
          origin: 'followUp',
          complaintId: f.complaintId,
          surveyId: null,
          customer: f.customer,
          ...fields,
          ratings: event.data.survey.ratings.map((r) => ({ dimension: r.dimension, score: r.score, reasons: r.reasons ?? [] })),
        });
      }
      return;
    }
    case 'ComplaintReopened':
      f.reopenCount += 1;
      return;
    case 'HandlerAssigned':
      if (f.handler !== null) f.reassignments += 1;
      f.handler = event.data.handlerId;
      f.handlers = [...f.handlers, event.data.handlerId];
      return;
    case 'RepeatComplaintFlagged':
      f.repeat = true;
      return;
    case 'PromiseMade':
      f.promises = [...f.promises, { promiseId: event.data.promiseId, madeBy: event.data.madeBy, kept: null }];
      return;
    case 'PromiseKept':
    case 'PromiseBroken': {
      const kept = event.type === 'PromiseKept' && event.data.onTime;
      f.promises = f.promises.map((p) => (p.promiseId === event.data.promiseId ? { ...p, kept } : p));
      return;
    }
    case 'ComplaintArchived':
      f.archivedAt = event.occurredAt;
      return;
    case 'ComplaintWithdrawn':
      f.withdrawnAt = event.occurredAt;
      return;
    case 'ComplaintDeclined':
      f.declinedAt = event.occurredAt;
      return;
    case 'ResponsibilityAttributed':
      f.responsible = event.data.party;
      return;
    default:
      return;
  }
}

