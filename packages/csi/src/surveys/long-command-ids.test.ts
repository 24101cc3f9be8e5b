/**
 * Surveys and attempts recorded with a command id but no survey/attempt id take their id
 * from the command id. Command ids may be 128 characters, record ids 100: two commands
 * sharing their first 100 characters must still record two things, and a retry of a
 * command recorded by 0.1.0 (which cut the command id at 100) must still be a duplicate.
 */
import { describe, expect, it } from 'vitest';
import type { RecordSurveyAttemptInput } from '../reach/schema.js';
import { harness, START } from '../test-support/harness.js';
import type { RecordSurveyInput } from './schema.js';

const head = `survey-import-2026-q4-${'x'.repeat(100)}`.slice(0, 100);
const staff = { id: 'fu-wu', role: 'followUpStaff' } as const;
const survey = (commandId: string): RecordSurveyInput => ({
  type: 'RecordSurvey',
  commandId,
  actor: staff,
  data: { programme: 'quarterly', customer: { reference: 'cust-7' }, branch: 'Pudong', ratings: [{ dimension: 'attitude', score: 9 }] },
});
const attempt = (commandId: string): RecordSurveyAttemptInput => ({
  type: 'RecordSurveyAttempt',
  commandId,
  actor: staff,
  data: { of: { kind: 'survey', surveyId: 'q4-1', programme: 'quarterly', customer: { reference: 'cust-7' }, branch: 'Pudong' }, method: 'telephone', outcome: 'noAnswer' },
});

describe('command ids longer than 100 characters', () => {
  it('record two surveys for two commands that share their first 100 characters', async () => {
    const h = harness();
    const first = await h.desk.record(survey(`${head}:row-1`));
    const second = await h.desk.record(survey(`${head}:row-2`));
    if (!first.ok || !second.ok) throw new Error('both should be recorded');
    expect(second.value.duplicate).toBe(false);
    expect(first.value.surveyId).not.toBe(second.value.surveyId);
    expect(first.value.surveyId.length).toBeLessThanOrEqual(100);
    const again = await h.desk.record(survey(`${head}:row-1`));
    expect(again.ok && again.value).toMatchObject({ duplicate: true, surveyId: first.value.surveyId });
  });

  it('record two attempts for two commands that share their first 100 characters', async () => {
    const h = harness();
    const first = await h.desk.attempt(attempt(`${head}:call-1`));
    const second = await h.desk.attempt(attempt(`${head}:call-2`));
    if (!first.ok || !second.ok) throw new Error('both should be recorded');
    expect(first.value.attemptId).not.toBe(second.value.attemptId);
    expect(second.value.duplicate).toBe(false);
  });

  it('recognise a retry of a survey 0.1.0 recorded under the cut command id, and write nothing', async () => {
    const h = harness();
    const commandId = `${head}:row-1`;
    const data = { surveyId: head, programme: 'quarterly', customer: { reference: 'cust-7' }, branch: 'Pudong', ratings: [{ dimension: 'attitude', score: 9, level: 'satisfied' }] };
    await h.store.append(`survey:${head}`, 'noStream', [
      { type: 'SurveyTaken', data, eventId: 'old-1', occurredAt: START, actor: staff, causationId: commandId, correlationId: commandId, schemaVersion: 1 },
    ] as never);
    const before = await h.store.readAll(1, 1000);
    const retry = await h.desk.record(survey(commandId));
    expect(retry.ok && retry.value).toMatchObject({ duplicate: true, surveyId: head });
    expect(await h.store.readAll(1, 1000)).toEqual(before);
  });

  it('recognise a retry of an attempt 0.1.0 recorded under the cut command id, and write nothing', async () => {
    const h = harness();
    const commandId = `${head}:call-1`;
    const recorded = await h.desk.attempt({ ...attempt(commandId), attemptId: head });
    if (!recorded.ok) throw recorded.error;
    const before = await h.store.readAll(1, 1000);
    const retry = await h.desk.attempt(attempt(commandId));
    expect(retry.ok && retry.value).toMatchObject({ duplicate: true, attemptId: head });
    expect(await h.store.readAll(1, 1000)).toEqual(before);
  });
});
