/**
 * The analytics read model: one record of facts per complaint, per survey response and
 * per survey contact (a customer a survey set out to reach), folded from the log
 * (complaint events, and csi's own: `SurveyTaken`, `SurveyAttempted`, `RepeatRecorded`
 * for repeats of closed complaints, `ImprovementActionRaised`). Everything a report
 * shows is computed from these at query time, so a report can be sliced any way
 * without rebuilding, and the facts are the same live or rebuilt.
 */
import {
  COMPLAINT_EVENT_TYPES,
  DEFAULT_SERVQUAL_FACTOR_OF_CAUSE,
  stepAfter,
  type Cause,
  type Channel,
  type ComplaintSourceKind,
  type ComplaintStep,
  type Projection,
  type RecordedEvent,
  type ServqualFactor,
  type Severity,
} from '@redress/core';
import type { ImprovementActionRaised } from '../benchmark/schema.js';
import { isComplaintEvent } from '../support/log.js';
import type { CsiLogEvent, SurveyProgramme } from '../surveys/schema.js';
import { addAttempt, addFollowUp, addSurveyTaken, surveyFields, type SurveyContact } from './contacts.js';

/** The fields a complaint or a survey can be sliced by (besides the period). */
export interface SliceFields {
  readonly branch: string | null;
  readonly region: string | null;
  readonly businessLine: string | null;
  /** Product type (`product.kind`). */
  readonly productKind: string | null;
  /** Customer type (`customer.segment`). */
  readonly customerSegment: string | null;
  readonly handler: string | null;
  /**
   * The SERVQUAL factor of the latest cause (as recorded with it, or the cause's default for
   * events recorded before factors were); for a follow-up survey, the complaint's at the follow-up.
   */
  readonly servqualFactor: ServqualFactor | null;
}

export interface ComplaintFacts extends SliceFields {
  readonly complaintId: string;
  readonly receivedAt: string;
  readonly customer: string;
  readonly channel: Channel;
  /** What revealed it (`survey` for a hidden complaint); null when not recorded. */
  readonly source: ComplaintSourceKind | null;
  /** Every handler ever assigned, in order. */
  readonly handlers: readonly string[];
  readonly step: ComplaintStep;
  readonly severity: Severity | null;
  /** The latest cause identified. */
  readonly cause: Cause | null;
  /** When the four acknowledgement behaviours (thank, appreciate, apologise, promise) were all recorded. */
  readonly acknowledgedAt: string | null;
  /** The first resolution proposed: the "plan within 7 days". */
  readonly firstPlanAt: string | null;
  /** Each execution, with the handler who held the complaint then. */
  readonly executions: readonly { readonly at: string; readonly onTime: boolean; readonly handler: string | null }[];
  /** Each follow-up, with the handler who held the complaint then (an unsatisfied one reopens it). */
  readonly followUps: readonly { readonly at: string; readonly satisfied: boolean; readonly handler: string | null }[];
  readonly reopenCount: number;
  /** Escalations asked for by a person (not automatic ones: major classification, SLA breaches, repeat policy). */
  readonly manualEscalations: number;
  /** Reassignments: handler changes after the first assignment. */
  readonly reassignments: number;
  /** Found to repeat: flagged on the ticket (`RepeatComplaintFlagged`), or recorded by csi after it closed (`RepeatRecorded`). */
  readonly repeat: boolean;
  readonly archivedAt: string | null;
  readonly withdrawnAt: string | null;
}

export type SurveyOrigin = 'followUp' | SurveyProgramme;

export interface SurveyResponse extends SliceFields {
  /** The id of the event that recorded it. */
  readonly id: string;
  readonly at: string;
  readonly origin: SurveyOrigin;
  readonly complaintId: string | null;
  readonly surveyId: string | null;
  readonly customer: string;
  readonly ratings: readonly { readonly dimension: string; readonly score: number; readonly reasons: readonly string[] }[];
}

/** An improvement action as the report lists it. */
export interface ImprovementActionFacts extends Readonly<ImprovementActionRaised['data']> {
  readonly raisedAt: string;
}

/** Which acknowledgement behaviours a complaint has had recorded so far. */
export interface AcknowledgementSoFar {
  thanked: boolean;
  appreciated: boolean;
  apologised: boolean;
  promisedPromptAction: boolean;
}

export interface AnalyticsState {
  readonly complaints: Map<string, ComplaintFacts>;
  /** Complaints whose acknowledgement is not complete yet (dropped once it is). */
  readonly acknowledging: Map<string, AcknowledgementSoFar>;
  readonly surveys: SurveyResponse[];
  /** Repeats recorded (`RepeatRecorded`) for complaints whose receipt this has not seen yet; applied at receipt. */
  readonly repeatsAhead: Set<string>;
  /** The customers each survey set out to reach (see contacts.ts), by contact key. */
  readonly contacts: Map<string, SurveyContact>;
  /** Improvement actions raised by benchmarking (`ImprovementActionRaised`), in log order. */
  readonly improvements: ImprovementActionFacts[];
  /** The instant of the latest event seen: the default "as of" of a report. */
  lastEventAt: string | null;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A complaint's slice fields now. */
const sliceFieldsOf = (f: ComplaintFacts): SliceFields => ({
  branch: f.branch,
  region: f.region,
  businessLine: f.businessLine,
  productKind: f.productKind,
  customerSegment: f.customerSegment,
  handler: f.handler,
  servqualFactor: f.servqualFactor,
});

function applyComplaintEvent(state: AnalyticsState, event: RecordedEvent<CsiLogEvent>): void {
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
      f.followUps = [...f.followUps, { at: event.occurredAt, satisfied: event.data.satisfied, handler: f.handler }];
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
    case 'ComplaintArchived':
      f.archivedAt = event.occurredAt;
      return;
    case 'ComplaintWithdrawn':
      f.withdrawnAt = event.occurredAt;
      return;
    default:
      return;
  }
}

export function evolveAnalytics(state: AnalyticsState, event: RecordedEvent<CsiLogEvent>): AnalyticsState {
  // Compared as instants: a host's store may hold offsets other than Z (2026-11-23T09:00:00+08:00).
  if (state.lastEventAt === null || Date.parse(event.occurredAt) > Date.parse(state.lastEventAt)) state.lastEventAt = event.occurredAt;
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
    return state;
  }
  if (event.type === 'SurveyAttempted') {
    const of = event.data.of;
    const f = of.kind === 'followUp' ? state.complaints.get(of.complaintId) : undefined;
    addAttempt(state.contacts, event, f ? { customer: f.customer, fields: sliceFieldsOf(f) } : null);
    return state;
  }
  if (event.type === 'ImprovementActionRaised') {
    state.improvements.push({ ...event.data, raisedAt: event.occurredAt });
    return state;
  }
  if (event.type === 'RepeatRecorded') {
    const facts = state.complaints.get(event.data.complaintId) as Mutable<ComplaintFacts> | undefined;
    if (facts) facts.repeat = true;
    else state.repeatsAhead.add(event.data.complaintId);
    return state;
  }
  applyComplaintEvent(state, event);
  return state;
}

export const ANALYTICS_EVENT_TYPES: readonly CsiLogEvent['type'][] = [...COMPLAINT_EVENT_TYPES, 'SurveyTaken', 'SurveyAttempted', 'RepeatRecorded', 'ImprovementActionRaised'];

/** The analytics read model as a core Projection over a log of complaints and surveys. */
export function analyticsProjection(): Projection<AnalyticsState, CsiLogEvent> {
  return {
    name: 'csi.analytics',
    handles: ANALYTICS_EVENT_TYPES,
    initialState: () => ({ complaints: new Map(), acknowledging: new Map(), surveys: [], repeatsAhead: new Set(), contacts: new Map(), improvements: [], lastEventAt: null }),
    evolve: evolveAnalytics,
  };
}
