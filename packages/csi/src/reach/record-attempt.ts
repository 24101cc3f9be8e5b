/**
 * Records a survey attempt for the survey desk: validated with zod, then appended as
 * `SurveyAttempted` to its own stream with the engine's envelope, once. An attempt to
 * follow up a complaint must name a complaint the log has received; the desk reads its
 * stream for the cycle the attempt belongs to (one more than its reopenings), so the
 * attempt joins that cycle's follow-up whatever order the log is read in later.
 */
import {
  err,
  NotFoundError,
  ok,
  ValidationError,
  type Clock,
  type ConcurrencyConflictError,
  type EventStore,
  type IdGenerator,
  type NewEvent,
  type RecordedEvent,
  type Result,
} from '@redress/core';
import { appendOnce, recordedBy } from '../support/append-once.js';
import { legacyRecordIdFromCommandId, recordIdFromCommandId } from '../support/stable-id.js';
import { issuesFromZod } from '../support/issues.js';
import { isSurveyAttempted } from '../support/log.js';
import type { CsiLogEvent } from '../surveys/schema.js';
import {
  recordSurveyAttemptCommandSchema,
  SURVEY_ATTEMPT_EVENT_SCHEMA_VERSION,
  surveyAttemptStreamId,
  type RecordSurveyAttemptCommand,
  type RecordSurveyAttemptInput,
  type SurveyAttempted,
} from './schema.js';

/** An attempt the desk recorded (or had already recorded for this command id). */
export interface AttemptRecorded {
  /**
   * The attempt's id: the input's, else derived from `commandId`, else drawn from `ids`. Its stream is `survey-attempt:<attemptId>`.
   */
  readonly attemptId: string;
  /** The command's id, given or drawn: the event's causation id, and what makes a retry a duplicate rather than a conflict. */
  readonly commandId: string;
  /** The `SurveyAttempted` as stored (the first one for a duplicate); for a follow-up it carries the complaint's cycle. */
  readonly event: RecordedEvent<SurveyAttempted>;
  /** True when this command id had already recorded this attempt: nothing was written. */
  readonly duplicate: boolean;
}

/**
 * Why the desk recorded no attempt: the command's shape (`ValidationError`, with paths), a
 * follow-up attempt for a complaint the log has not received (`NotFoundError`, also for the id of
 * one of csi's own streams), or another command already recorded this attempt id
 * (`ConcurrencyConflictError`). Nothing is written in any case.
 */
export type AttemptError = ValidationError | NotFoundError | ConcurrencyConflictError;

export interface AttemptRecorder {
  readonly store: Pick<EventStore<CsiLogEvent>, 'append' | 'readStream'>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** What the attempt is for, as recorded: a follow-up gets the complaint's current cycle. */
async function target(recorder: AttemptRecorder, of: RecordSurveyAttemptCommand['data']['of']): Promise<Result<SurveyAttempted['data']['of'], NotFoundError>> {
  if (of.kind === 'survey') return ok(of);
  const stream = await recorder.store.readStream(of.complaintId);
  // csi's own streams share the log: only a stream that starts with a receipt is a complaint.
  if (stream[0]?.type !== 'ComplaintReceived') return err(new NotFoundError(of.complaintId));
  const cycle = 1 + stream.filter((e) => e.type === 'ComplaintReopened').length;
  return ok({ ...of, cycle });
}

export async function recordSurveyAttempt(recorder: AttemptRecorder, input: RecordSurveyAttemptInput): Promise<Result<AttemptRecorded, AttemptError>> {
  const parsed = recordSurveyAttemptCommandSchema.safeParse(input);
  if (!parsed.success) return err(new ValidationError(issuesFromZod(parsed.error)));
  const command = parsed.data;
  const of = await target(recorder, command.data.of);
  if (!of.ok) return of;

  const commandId = command.commandId ?? recorder.ids();
  // As with surveys: a retry carrying only the command id must land on the same stream.
  const attemptId = command.attemptId ?? (command.commandId !== undefined ? recordIdFromCommandId(commandId) : recorder.ids());
  const legacy = command.attemptId === undefined ? legacyRecordIdFromCommandId(commandId) : null;
  const before = legacy === null ? undefined : await recordedBy(recorder.store, surveyAttemptStreamId(legacy), isSurveyAttempted, commandId);
  if (before) return ok({ attemptId: before.data.attemptId, commandId, event: before, duplicate: true });
  const event: NewEvent<SurveyAttempted> = {
    type: 'SurveyAttempted',
    data: { attemptId, ...command.data, of: of.value },
    eventId: recorder.ids(),
    occurredAt: recorder.clock.now().toISOString(),
    actor: command.actor,
    causationId: commandId,
    correlationId: command.correlationId ?? commandId,
    schemaVersion: SURVEY_ATTEMPT_EVENT_SCHEMA_VERSION,
  };
  const streamId = surveyAttemptStreamId(attemptId);
  const once = await appendOnce({ store: recorder.store, streamId, event, is: isSurveyAttempted, taken: `survey attempt ${attemptId} was already recorded by another command` });
  return once.ok ? ok({ attemptId, commandId, event: once.value.event, duplicate: once.value.duplicate }) : once;
}
