/** A submitted form back into a command's data: types from the schema, empty groups left out, station time. */
import { proposeResolution, receiveComplaint, recordFollowUp } from '@redress/core';
import { describe, expect, it } from 'vitest';
import { dataFromForm, instantIn } from '../ui/form-values.js';
import { inputSchemaOf } from '../ui/json-schema.js';

describe('dataFromForm', () => {
  it('converts numbers, station-time instants and nested groups, and leaves out what is empty', () => {
    const data = dataFromForm(
      { 'data.remedy.kind': 'discount', 'data.remedy.description': 'Labour at half price', 'data.remedy.amount.value': '350', 'data.remedy.amount.currency': 'CNY', 'data.agreedDeadline': '2026-11-30T17:30' },
      inputSchemaOf(proposeResolution.shape.data),
      'Asia/Shanghai',
    );
    expect(data).toEqual({ remedy: { kind: 'discount', description: 'Labour at half price', amount: { value: 350, currency: 'CNY' } }, agreedDeadline: '2026-11-30T09:30:00.000Z' });
    const noAmount = dataFromForm({ 'data.remedy.kind': 'apology', 'data.remedy.description': 'Sorry', 'data.remedy.amount.value': '', 'data.agreedDeadline': '' }, inputSchemaOf(proposeResolution.shape.data), 'UTC');
    expect(noAmount).toEqual({ remedy: { kind: 'apology', description: 'Sorry' } });
  });

  it('answers "no" for unticked boxes of a group the user filled in, and leaves an untouched group out', () => {
    const schema = inputSchemaOf(receiveComplaint.shape.data);
    const touched = dataFromForm({ 'data.customer.reference': 'CU-1', 'data.acknowledgement.thanked': 'true' }, schema, 'UTC');
    expect(touched.acknowledgement).toEqual({ thanked: true, appreciated: false, apologised: false, promisedPromptAction: false });
    expect(dataFromForm({ 'data.customer.reference': 'CU-1' }, schema, 'UTC').acknowledgement).toBeUndefined();
  });

  it('keeps the rows of an array that were filled in, with comma lists as arrays', () => {
    const data = dataFromForm(
      { 'data.satisfied': 'false', 'data.survey.ratings.0.dimension': 'skill', 'data.survey.ratings.0.score': '3', 'data.survey.ratings.0.reasons': 'repeatedRepairs, faultNotRemoved', 'data.survey.ratings.1.dimension': '', 'data.survey.ratings.1.score': '' },
      inputSchemaOf(recordFollowUp.shape.data),
      'UTC',
    );
    expect(data).toEqual({ satisfied: false, survey: { ratings: [{ dimension: 'skill', score: 3, reasons: ['repeatedRepairs', 'faultNotRemoved'] }] } });
  });

  it('places a wall-clock time in the zone, across a DST change too', () => {
    expect(instantIn('2026-03-08T03:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    expect(instantIn('2026-01-15T12:00', 'America/New_York')).toBe('2026-01-15T17:00:00.000Z');
    expect(instantIn('not a time', 'UTC')).toBe('not a time');
  });
});
