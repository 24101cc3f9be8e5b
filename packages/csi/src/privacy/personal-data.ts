/**
 * csi's events under crypto-shredding (see docs/privacy.md). A `SurveyTaken` holds the
 * customer block, the product's identifier and free texts, like a `ComplaintReceived`;
 * its data subject is the customer it names, so it goes to the stream `survey:<id>` and
 * is erased with the customer's complaints when the customer is.
 */
import { complaintSubject, type PersonalDataMap, type SubjectOf } from '@redress/core';

/** The personal fields of csi's events, to merge with core's map. */
export const CSI_PERSONAL_DATA: PersonalDataMap = Object.freeze({
  SurveyTaken: ['customer.name', 'customer.phone', 'product.identifier', 'comment', 'ratings[].comment'],
});

function surveyCustomer(event: { readonly type: string; readonly data: unknown } | undefined): string | undefined {
  if (event?.type !== 'SurveyTaken') return undefined;
  const reference: unknown = (event.data as { customer?: { reference?: unknown } } | null)?.customer?.reference;
  return typeof reference === 'string' && reference !== '' ? reference : undefined;
}

/** The data subject of a survey stream (its SurveyTaken's customer), or of a complaint stream. */
export const csiSubject: SubjectOf = async (streamId, appending, stored) =>
  surveyCustomer(appending.find((e) => e.type === 'SurveyTaken')) ?? (await complaintSubject(streamId, appending, stored));
