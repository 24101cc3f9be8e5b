/**
 * Survey contacts: one per customer a survey set out to reach (占成功回访比例 counts
 * against these). A contact is a survey outside any complaint (`survey:<surveyId>`: its
 * `SurveyAttempted` events and its `SurveyTaken`) or a complaint's follow-up
 * (`followUp:<complaintId>:<cycle>`: the attempts for that cycle and the cycle's first
 * `FollowUpRecorded`; a second follow-up in the same cycle is a contact of its own, so
 * every survey response is exactly one contact).
 *
 * A recorded survey or follow-up reached the customer: core's `RecordFollowUp` is the call
 * that reached them (they said whether they were satisfied), whether or not it carries
 * ratings. Everything about a contact is derived from the set of its events (earliest
 * instants, the response first), so the fold is the same in any order of csi's streams.
 */
import type { Channel, RecordedEvent } from '@redress/core';
import type { SurveyAttempted } from '../reach/schema.js';
import { reachedBy, type AttemptOutcome, type SurveyMethod } from '../reach/methods.js';
import type { SurveyTaken } from '../surveys/schema.js';
import type { SliceFields, SurveyOrigin } from './facts.js';

/** One explicit attempt to reach a contact's customer (a `SurveyAttempted`), as the analytics keep it. */
export interface ContactAttempt {
  /** The `SurveyAttempted` event's id: breaks ties between attempts at the same instant, whatever order the log was read in. */
  readonly eventId: string;
  /** When the attempt was recorded (the event's `occurredAt`). */
  readonly at: string;
  /** How it was tried: questionnaire, telephone, on site or web. */
  readonly method: SurveyMethod;
  /** What it came to; `reached` and `declined` reached the customer (see `reachedBy`). */
  readonly outcome: AttemptOutcome;
  /** Where the contact stood when the attempt was made (the complaint's handler at the time, for a follow-up). */
  readonly fields: SliceFields;
}

/** The survey or follow-up recorded for the contact: it reached the customer. */
export interface ContactRecord {
  /** The id of the `SurveyTaken` or `FollowUpRecorded`. */
  readonly eventId: string;
  /** When it was recorded (the event's `occurredAt`): the instant the contact is sliced by. */
  readonly at: string;
  /** The method recorded with a survey; a follow-up has only its channel. */
  readonly method: SurveyMethod | null;
  /** The channel it was taken by, if recorded: the method is inferred from it when none was recorded (`methodOfChannel`). */
  readonly channel: Channel | null;
  /** It carries ratings: a survey response (`SurveyResponse` with the same id). */
  readonly responded: boolean;
  /** The slice fields of the response: the survey's, or the complaint's at the follow-up. */
  readonly fields: SliceFields;
}

/**
 * One customer a survey set out to reach: a survey outside any complaint, or one follow-up cycle
 * of a complaint, with every attempt made and the survey or follow-up recorded for it. The base of
 * survey reach: attempted, reached and answered are counted in contacts, not attempts.
 */
export interface SurveyContact {
  /**
   * Its key in `AnalyticsState.contacts`: `survey:<surveyId>` (`surveyContactKey`),
   * `followUp:<complaintId>:<cycle>` (`followUpContactKey`), or that key with `:v<streamVersion>`
   * for a second follow-up recorded in the same cycle.
   */
  readonly key: string;
  /** The survey's programme, or `followUp` for the follow-up of a complaint. */
  readonly origin: SurveyOrigin;
  /** The customer's reference; `null` for a follow-up attempt whose complaint's receipt the analytics have not seen. */
  readonly customer: string | null;
  /** The complaint followed up; `null` for a survey outside any complaint. */
  readonly complaintId: string | null;
  /** Explicit attempts (`SurveyAttempted`), in log order. */
  readonly attempts: readonly ContactAttempt[];
  /** The survey or follow-up recorded for it (which reached the customer); `null` while only attempts exist. */
  readonly recorded: ContactRecord | null;
}

type Contacts = Map<string, SurveyContact>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const NO_FIELDS: SliceFields = { branch: null, region: null, businessLine: null, productKind: null, customerSegment: null, handler: null, servqualFactor: null };

function contact(contacts: Contacts, key: string, init: Omit<SurveyContact, 'key' | 'attempts' | 'recorded'>): Mutable<SurveyContact> {
  let c = contacts.get(key);
  if (!c) contacts.set(key, (c = { key, ...init, attempts: [], recorded: null }));
  return c as Mutable<SurveyContact>;
}

/** The contact key of a survey outside any complaint: `survey:<surveyId>`, shared by its attempts and its `SurveyTaken`. */
export const surveyContactKey = (surveyId: string): string => `survey:${surveyId}`;
/**
 * The contact key of a complaint's follow-up in a cycle (1, plus one per reopening):
 * `followUp:<complaintId>:<cycle>`, shared by the cycle's attempts and its first `FollowUpRecorded`.
 */
export const followUpContactKey = (complaintId: string, cycle: number): string => `followUp:${complaintId}:${cycle}`;

/** The fields of a survey outside any complaint, as a response or an attempt records them. */
export function surveyFields(d: SurveyTaken['data'] | Extract<SurveyAttempted['data']['of'], { kind: 'survey' }>): SliceFields {
  return {
    branch: d.branch ?? null,
    region: d.region ?? null,
    businessLine: d.businessLine ?? null,
    productKind: d.product?.kind ?? null,
    customerSegment: d.customer.segment ?? null,
    handler: d.handlerId ?? null,
    servqualFactor: null,
  };
}

/** An attempt; `complaint` is the followed-up complaint's facts now (null when its receipt is not in the log). */
export function addAttempt(contacts: Contacts, event: RecordedEvent<SurveyAttempted>, complaint: { customer: string; fields: SliceFields } | null): void {
  const { of, method, outcome } = event.data;
  const c =
    of.kind === 'survey'
      ? contact(contacts, surveyContactKey(of.surveyId), { origin: of.programme, customer: of.customer.reference, complaintId: null })
      : contact(contacts, followUpContactKey(of.complaintId, of.cycle), { origin: 'followUp', customer: complaint?.customer ?? null, complaintId: of.complaintId });
  const fields = of.kind === 'survey' ? surveyFields(of) : (complaint?.fields ?? NO_FIELDS);
  c.attempts = [...c.attempts, { eventId: event.eventId, at: event.occurredAt, method, outcome, fields }];
}

export function addSurveyTaken(contacts: Contacts, event: RecordedEvent<SurveyTaken>, fields: SliceFields): void {
  const d = event.data;
  const c = contact(contacts, surveyContactKey(d.surveyId), { origin: d.programme, customer: d.customer.reference, complaintId: null });
  c.origin = d.programme;
  c.customer = d.customer.reference;
  c.recorded ??= { eventId: event.eventId, at: event.occurredAt, method: d.method ?? null, channel: d.channel ?? null, responded: true, fields };
}

/** A follow-up of a complaint in its `cycle`; the first of the cycle takes the cycle's attempts. */
export function addFollowUp(
  contacts: Contacts,
  event: RecordedEvent<{ type: 'FollowUpRecorded'; data: { channel?: Channel | undefined; survey?: unknown } }>,
  complaint: { complaintId: string; customer: string; cycle: number; fields: SliceFields },
): void {
  const cycleKey = followUpContactKey(complaint.complaintId, complaint.cycle);
  const key = contacts.get(cycleKey)?.recorded ? `${cycleKey}:v${event.streamVersion}` : cycleKey;
  const c = contact(contacts, key, { origin: 'followUp', customer: complaint.customer, complaintId: complaint.complaintId });
  c.customer = complaint.customer;
  c.recorded = {
    eventId: event.eventId,
    at: event.occurredAt,
    method: null,
    channel: event.data.channel ?? null,
    responded: event.data.survey !== undefined,
    fields: complaint.fields,
  };
}

/** A contact as a report counts it. */
export interface ResolvedContact {
  /** The contact as folded from the log. */
  readonly contact: SurveyContact;
  /** The instant it is sliced by: the survey or follow-up recorded, else its first reaching attempt, else its first attempt. */
  readonly at: string;
  /** The slice fields it is counted under: those of the same anchor as `at` (so a contact falls in the slice of its response). */
  readonly fields: SliceFields;
  /** The customer was reached: a reaching attempt (`reached` or `declined`), or a recorded survey or follow-up. */
  readonly reached: boolean;
  /** The customer answered: the recorded survey or follow-up carries ratings (it is one of the report's responses). */
  readonly responded: boolean;
  /** How it was reached: the first reaching attempt's method, else the recorded survey's (or its channel's). */
  readonly reachedBy: SurveyMethod | null;
  /** Every attempt counted: the explicit ones, plus the recorded survey or follow-up when no explicit attempt reached the customer. */
  readonly attempts: readonly { readonly method: SurveyMethod | null; readonly reached: boolean; readonly outcome: AttemptOutcome }[];
}

/** Earliest instant first; the event id breaks ties, so the choice does not depend on the order the log was read in. */
const earliest = <T extends { at: string; eventId: string }>(xs: readonly T[]): T | undefined =>
  [...xs].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0))[0];

/**
 * A contact as a report counts it: when and under which slice fields it falls, whether it reached
 * and got an answer, by which method, and the attempts counted (the recorded survey or follow-up
 * counting as the reaching attempt when no explicit one reached). Pure and order-independent:
 * ties between instants are broken by event id. A follow-up records only its channel, so
 * `methodOfChannel` (`DEFAULT_METHOD_OF_CHANNEL` in `analyze`) gives its method.
 */
export function resolveContact(c: SurveyContact, methodOfChannel: Readonly<Record<Channel, SurveyMethod | null>>): ResolvedContact {
  const reaching = earliest(c.attempts.filter((a) => reachedBy(a.outcome)));
  const first = earliest(c.attempts);
  const recorded = c.recorded;
  const recordedMethod = recorded ? (recorded.method ?? (recorded.channel ? methodOfChannel[recorded.channel] : null)) : null;
  const attempts: { method: SurveyMethod | null; reached: boolean; outcome: AttemptOutcome }[] = c.attempts.map((a) => ({
    method: a.method,
    reached: reachedBy(a.outcome),
    outcome: a.outcome,
  }));
  if (recorded && !reaching) attempts.push({ method: recordedMethod, reached: true, outcome: 'reached' });
  const anchor = recorded ?? reaching ?? first;
  return {
    contact: c,
    at: anchor?.at ?? '1970-01-01T00:00:00.000Z',
    fields: anchor?.fields ?? NO_FIELDS,
    reached: recorded !== null || reaching !== undefined,
    responded: recorded?.responded ?? false,
    reachedBy: reaching ? reaching.method : recordedMethod,
    attempts,
  };
}
