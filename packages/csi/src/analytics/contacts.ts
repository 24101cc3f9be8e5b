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

export interface ContactAttempt {
  readonly eventId: string;
  readonly at: string;
  readonly method: SurveyMethod;
  readonly outcome: AttemptOutcome;
  /** Where the contact stood when the attempt was made (the complaint's handler at the time, for a follow-up). */
  readonly fields: SliceFields;
}

/** The survey or follow-up recorded for the contact: it reached the customer. */
export interface ContactRecord {
  readonly eventId: string;
  readonly at: string;
  /** The method recorded with a survey; a follow-up has only its channel. */
  readonly method: SurveyMethod | null;
  readonly channel: Channel | null;
  /** It carries ratings: a survey response (`SurveyResponse` with the same id). */
  readonly responded: boolean;
  readonly fields: SliceFields;
}

export interface SurveyContact {
  readonly key: string;
  readonly origin: SurveyOrigin;
  readonly customer: string | null;
  readonly complaintId: string | null;
  /** Explicit attempts (`SurveyAttempted`), in log order. */
  readonly attempts: readonly ContactAttempt[];
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

export const surveyContactKey = (surveyId: string): string => `survey:${surveyId}`;
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
  readonly contact: SurveyContact;
  /** The instant it is sliced by: the survey or follow-up recorded, else its first reaching attempt, else its first attempt. */
  readonly at: string;
  readonly fields: SliceFields;
  readonly reached: boolean;
  readonly responded: boolean;
  /** How it was reached: the first reaching attempt's method, else the recorded survey's (or its channel's). */
  readonly reachedBy: SurveyMethod | null;
  /** Every attempt counted: the explicit ones, plus the recorded survey or follow-up when no explicit attempt reached the customer. */
  readonly attempts: readonly { readonly method: SurveyMethod | null; readonly reached: boolean; readonly outcome: AttemptOutcome }[];
}

/** Earliest instant first; the event id breaks ties, so the choice does not depend on the order the log was read in. */
const earliest = <T extends { at: string; eventId: string }>(xs: readonly T[]): T | undefined =>
  [...xs].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0))[0];

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
