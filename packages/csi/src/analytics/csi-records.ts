/**
 * The analytics facts csi's own records add: survey responses and contacts (`SurveyTaken`,
 * `SurveyAttempted`), repeats of closed complaints (`RepeatRecorded`) and improvement
 * actions (`ImprovementActionRaised`).
 */
import type { RecordedEvent } from '@redress/core';
import type { CsiLogEvent } from '../surveys/schema.js';
import { sliceFieldsOf, type Mutable } from './complaint-events.js';
import { addAttempt, addSurveyTaken, surveyFields } from './contacts.js';
import type { AnalyticsState, ComplaintFacts } from './facts.js';

/** Applies one of csi's records; `false` when the event is not one (a complaint event). */
export function applyCsiRecord(state: AnalyticsState, event: RecordedEvent<CsiLogEvent>): boolean {
  if (event.type === 'SurveyTaken') {
    const d = event.data;
    const fields = surveyFields(d);
    addSurveyTaken(state.contacts, event, fields);
    state.surveys.push({
      id: event.eventId,
      at: event.occurredAt,
      origin: d.programme,
      complaintId: d.complaintId ?? null,
      surveyId: d.surveyId,
      customer: d.customer.reference,
      ...fields,
      ratings: d.ratings.map((r) => ({ dimension: r.dimension, score: r.score, reasons: r.reasons ?? [] })),
    });
    return true;
  }
  if (event.type === 'SurveyAttempted') {
    const of = event.data.of;
    const f = of.kind === 'followUp' ? state.complaints.get(of.complaintId) : undefined;
    addAttempt(state.contacts, event, f ? { customer: f.customer, fields: sliceFieldsOf(f) } : null);
    return true;
  }
  if (event.type === 'ImprovementActionRaised') {
    state.improvements.push({ ...event.data, raisedAt: event.occurredAt });
    return true;
  }
  if (event.type === 'RepeatRecorded') {
    const facts = state.complaints.get(event.data.complaintId) as Mutable<ComplaintFacts> | undefined;
    if (facts) facts.repeat = true;
    else state.repeatsAhead.add(event.data.complaintId);
    return true;
  }
  return false;
}
