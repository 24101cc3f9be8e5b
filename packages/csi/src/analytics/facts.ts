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
  type ResponsibleParty,
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
  /** The station (branch) the complaint was received at, or the survey was taken for; `null` when not recorded. */
  readonly branch: string | null;
  /** The region (e.g. the regional branch's area), as the host names it; `null` when not recorded. */
  readonly region: string | null;
  /** The business line (car repair, construction machinery…), as the host names it; `null` when not recorded. */
  readonly businessLine: string | null;
  /** Product type (`product.kind`). */
  readonly productKind: string | null;
  /** Customer type (`customer.segment`). */
  readonly customerSegment: string | null;
  /**
   * For a complaint, the handler holding it now (`null` before the first assignment); for a
   * follow-up survey, the handler holding the complaint at the follow-up; for a survey outside any
   * complaint, its `handlerId`. Staff assessment credits the survey's ratings to this handler.
   */
  readonly handler: string | null;
  /**
   * The SERVQUAL factor of the latest cause (as recorded with it, or the cause's default for
   * events recorded before factors were); for a follow-up survey, the complaint's at the follow-up.
   */
  readonly servqualFactor: ServqualFactor | null;
}

export interface ComplaintFacts extends SliceFields {
  /** The complaint's id (its stream id). */
  readonly complaintId: string;
  /** The `occurredAt` of its `ComplaintReceived`: the instant periods, `from`/`to` filters and the 7-day plan rule count from. */
  readonly receivedAt: string;
  /** The customer's reference (`customer.reference`): what loyalty joins the host's customer facts on. */
  readonly customer: string;
  /** The channel it came in by (hotline, visit, survey for a hidden complaint…). */
  readonly channel: Channel;
  /** What revealed it (`survey` for a hidden complaint); null when not recorded. */
  readonly source: ComplaintSourceKind | null;
  /** Every handler ever assigned, in order. */
  readonly handlers: readonly string[];
  /** Its current workflow step (`received` … `archived`, or `withdrawn`): the by-step table and the workload count it. */
  readonly step: ComplaintStep;
  /** Its latest classification (`general` or `major`); `null` until classified (`unclassified` in the by-severity table). */
  readonly severity: Severity | null;
  /** The latest cause identified. */
  readonly cause: Cause | null;
  /** When the four acknowledgement behaviours (thank, appreciate, apologise, promise) were all recorded. */
  readonly acknowledgedAt: string | null;
  /** The first resolution proposed: the "plan within 7 days". */
  readonly firstPlanAt: string | null;
  /** Each execution, with the handler who held the complaint then. */
  readonly executions: readonly { readonly at: string; readonly onTime: boolean; readonly handler: string | null }[];
  /**
   * Each follow-up, with the handler who held the complaint then (an unsatisfied one reopens it)
   * and `execution`, the index in `executions` of the last execution before it in the log (-1:
   * none), so the 3-day rule pairs them by log order even when timestamps tie.
   */
  readonly followUps: readonly { readonly at: string; readonly satisfied: boolean; readonly handler: string | null; readonly execution: number }[];
  /** How often an unsatisfied follow-up reopened it; its current cycle is `reopenCount + 1`. */
  readonly reopenCount: number;
  /** Escalations asked for by a person (not automatic ones: major classification, SLA breaches, repeat policy). */
  readonly manualEscalations: number;
  /** Reassignments: handler changes after the first assignment. */
  readonly reassignments: number;
  /** Found to repeat: flagged on the ticket (`RepeatComplaintFlagged`), or recorded by csi after it closed (`RepeatRecorded`). */
  readonly repeat: boolean;
  /** When it was archived (step 8); `null` while not. Time to resolve runs from receipt to here. */
  readonly archivedAt: string | null;
  /** When the customer withdrew it; `null` if never. A withdrawal before a deadline takes the complaint out of that time rule. */
  readonly withdrawnAt: string | null;
  /** When the station declined it at intake (确定受理投诉标准); `null` if never. A declined complaint owes no plan. */
  readonly declinedAt: string | null;
  /** The department, person or supplier held responsible (分清责任) by the latest attribution; `null` until one. */
  readonly responsible: ResponsibleParty | null;
  /** Every promise made to the customer (core's `PromiseMade`), with who made it and its outcome: `null` while open. */
  readonly promises: readonly LoggedPromise[];
}

/** A promise as the analytics know it: kept means kept by its due time; kept late or broken counts as not kept. */
export interface LoggedPromise {
  readonly promiseId: string;
  readonly madeBy: string;
  readonly kept: boolean | null;
}

/**
 * Where a survey response came from: the follow-up of a complaint (`followUp`, step 7), or the
 * programme of a survey outside any complaint (`quarterly`, `visit`, `adHoc`).
 */
export type SurveyOrigin = 'followUp' | SurveyProgramme;

export interface SurveyResponse extends SliceFields {
  /** The id of the event that recorded it. */
  readonly id: string;
  /** When it was recorded (the event's `occurredAt`): the instant periods and `from`/`to` filters use. */
  readonly at: string;
  /** The follow-up of a complaint, or the programme of a survey outside any complaint. */
  readonly origin: SurveyOrigin;
  /** The complaint followed up, or the one a survey outside complaints was about; `null` for neither. */
  readonly complaintId: string | null;
  /** The survey id of a `SurveyTaken`; `null` for a follow-up survey. */
  readonly surveyId: string | null;
  /** The customer's reference: what loyalty matches the host's customers on (a rating of 4 or less marks them dissatisfied). */
  readonly customer: string;
  /**
   * The ratings as recorded (score 1-10, reason codes, `[]` when none), of both modules; scoring keeps those of the module it scores.
   */
  readonly ratings: readonly { readonly dimension: string; readonly score: number; readonly reasons: readonly string[] }[];
}

/** An improvement action as the report lists it. */
export interface ImprovementActionFacts extends Readonly<ImprovementActionRaised['data']> {
  /** When the action was raised (the event's `occurredAt`): the instant a report's `from`/`to` window selects actions by. */
  readonly raisedAt: string;
}

/** Which acknowledgement behaviours a complaint has had recorded so far. */
export interface AcknowledgementSoFar {
  thanked: boolean;
  appreciated: boolean;
  apologised: boolean;
  promisedPromptAction: boolean;
}

/**
 * The analytics read model (`analyticsProjection`): the facts every report is computed from at query
 * time by `analyze`, `sliceBy`, `benchmark` and the loyalty figures. The same whether it was fed
 * live or rebuilt (`rebuildAnalytics`); mutated in place by `evolveAnalytics`, so treat it as
 * read-only outside the projection.
 */
export interface AnalyticsState {
  /** One record of facts per complaint received, by complaint id. */
  readonly complaints: Map<string, ComplaintFacts>;
  /** Complaints whose acknowledgement is not complete yet (dropped once it is). */
  readonly acknowledging: Map<string, AcknowledgementSoFar>;
  /** One response per survey that carries ratings (a `SurveyTaken`, or a `FollowUpRecorded` with a survey), in log order. */
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

/**
 * Applies one event of the log to the state (mutating it, and returning it): complaint events
 * update their complaint's facts, csi's records add responses, contacts, repeats and improvement
 * actions, any other event only moves `lastEventAt`. The projection's `evolve`; call it yourself
 * only to feed a state you keep outside a projection runner.
 */
export function evolveAnalytics(state: AnalyticsState, event: RecordedEvent<CsiLogEvent>): AnalyticsState {
  // Compared as instants: a host's store may hold offsets other than Z (2026-11-23T09:00:00+08:00).
  if (state.lastEventAt === null || Date.parse(event.occurredAt) > Date.parse(state.lastEventAt)) state.lastEventAt = event.occurredAt;
  if (!applyCsiRecord(state, event)) applyComplaintEvent(state, event);
  return state;
}

/**
 * The event types the analytics read: every complaint event, and csi's `SurveyTaken`,
 * `SurveyAttempted`, `RepeatRecorded` and `ImprovementActionRaised`. A store-backed runner can
 * filter its reads by these.
 */
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
