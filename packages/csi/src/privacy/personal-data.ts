/**
 * csi's events under crypto-shredding (see docs/privacy.md). A `SurveyTaken` holds the
 * customer block, the product's identifier and free texts, like a `ComplaintReceived`;
 * its data subject is the customer it names, so it goes to the stream `survey:<id>` and
 * is erased with the customer's complaints when the customer is. A `SurveyAttempted`
 * for a survey names its customer the same way; one for a complaint's follow-up names
 * only the complaint, whose customer is read from the complaint's stream
 * (`createCsiSubject`).
 */
import { complaintSubject, type EventLike, type EventStore, type PersonalDataMap, type SubjectOf } from '@redress/core';

/** The personal fields of csi's events, to merge with core's map. */
export const CSI_PERSONAL_DATA: PersonalDataMap = Object.freeze({
  SurveyTaken: ['customer.name', 'customer.phone', 'product.identifier', 'comment', 'ratings[].comment'],
  SurveyAttempted: ['of.customer.name', 'of.customer.phone', 'of.product.identifier', 'note'],
});

type Event = { readonly type: string; readonly data: unknown } | undefined;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function surveyCustomer(event: Event): string | undefined {
  if (event?.type === 'SurveyTaken') return text((event.data as { customer?: { reference?: unknown } } | null)?.customer?.reference);
  if (event?.type !== 'SurveyAttempted') return undefined;
  const of = (event.data as { of?: { kind?: unknown; customer?: { reference?: unknown } } } | null)?.of;
  return of?.kind === 'survey' ? text(of.customer?.reference) : undefined;
}

function followedUpComplaint(event: Event): string | undefined {
  if (event?.type !== 'SurveyAttempted') return undefined;
  const of = (event.data as { of?: { kind?: unknown; complaintId?: unknown } } | null)?.of;
  return of?.kind === 'followUp' ? text(of.complaintId) : undefined;
}

/**
 * The data subject of a survey stream (its SurveyTaken's customer), of a survey's attempt
 * stream (the attempt's customer), or of a complaint stream. An attempt at a complaint's
 * follow-up has none here (it names only the complaint): with a note, use `createCsiSubject`.
 */
export const csiSubject: SubjectOf = async (streamId, appending, stored) =>
  surveyCustomer(appending.find((e) => e.type === 'SurveyTaken' || e.type === 'SurveyAttempted')) ?? (await complaintSubject(streamId, appending, stored));

/**
 * `csiSubject`, and for an attempt at a complaint's follow-up the complaint's customer, read
 * from the complaint's stream in `log` (the store `protectStore` wraps: the reference is
 * plaintext there). An attempt for a complaint that was never received has no subject, so a
 * note on it is refused (`NoDataSubjectError`) rather than stored in plaintext.
 *
 * @example
 * const store = protectStore(raw, { shredder, evolution, subjectOf: createCsiSubject(raw) });
 */
export function createCsiSubject(log: Pick<EventStore<EventLike>, 'readStream'>): SubjectOf {
  return async (streamId, appending, stored) => {
    const direct = await csiSubject(streamId, appending, stored);
    if (direct !== undefined) return direct;
    const complaintId = followedUpComplaint(appending.find((e) => e.type === 'SurveyAttempted')) ?? followedUpComplaint((await stored())[0]);
    return complaintId === undefined ? undefined : complaintSubject(complaintId, [], () => log.readStream(complaintId));
  };
}
