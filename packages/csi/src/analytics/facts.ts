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
import type { CsiLogEvent, SurveyProgramme } from '../surveys/schema.js';
import { applyComplaintEvent } from './complaint-events.js';
import type { SurveyContact } from './contacts.js';
import { applyCsiRecord } from './csi-records.js';

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
  /** Every promise made to the customer (core's `PromiseMade`), with who made it and its outcome: `null` while open. */
  readonly promises: readonly LoggedPromise[];
}

/** A promise as the analytics know it: kept means kept by its due time; kept late or broken counts as not kept. */
export interface LoggedPromise {
  readonly promiseId: string;
  readonly madeBy: string;
  readonly kept: boolean | null;
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

export function evolveAnalytics(state: AnalyticsState, event: RecordedEvent<CsiLogEvent>): AnalyticsState {
  // Compared as instants: a host's store may hold offsets other than Z (2026-11-23T09:00:00+08:00).
  if (state.lastEventAt === null || Date.parse(event.occurredAt) > Date.parse(state.lastEventAt)) state.lastEventAt = event.occurredAt;
  if (!applyCsiRecord(state, event)) applyComplaintEvent(state, event);
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
