/**
 * The survey desk: validates a survey against the schema and the configuration,
 * and appends it as `SurveyTaken` to its own stream, with the same envelope the
 * engine gives complaint events; records the attempts to take surveys and follow-ups
 * (`SurveyAttempted`, see reach/). Effects (store, clock, ids) are injected.
 */
import {
  err,
  nanoidGenerator,
  ok,
  recordSurvey,
  ValidationError,
  type Clock,
  type ConcurrencyConflictError,
  type EventStore,
  type IdGenerator,
  type NewEvent,
  type RecordedEvent,
  type Result,
} from '@redress/core';
import { checkRatings } from '../dimensions/check-ratings.js';
import { recordSurveyAttempt, type AttemptError, type AttemptRecorded } from '../reach/record-attempt.js';
import type { RecordSurveyAttemptInput } from '../reach/schema.js';
import type { CsiConfig } from '../dimensions/config.js';
import { DEFAULT_CSI_CONFIG } from '../dimensions/defaults.js';
import { appendOnce, recordedBy } from '../support/append-once.js';
import { legacyRecordIdFromCommandId, recordIdFromCommandId } from '../support/stable-id.js';
import { issuesFromZod } from '../support/issues.js';
import { isSurveyTaken } from '../support/log.js';
import {
  recordSurveyCommandSchema,
  SURVEY_EVENT_SCHEMA_VERSION,
  surveyStreamId,
  type CsiLogEvent,
  type RecordSurveyInput,
  type SurveyTaken,
} from './schema.js';

/** What `createSurveyDesk` needs: the shared log and the effects it must not reach for itself. */
export interface SurveyDeskOptions {
  /** The log shared with the engine (see `complaintStore`). */
  readonly store: Pick<EventStore<CsiLogEvent>, 'append' | 'readStream'>;
  /** Gives `occurredAt` of every event the desk appends. */
  readonly clock: Clock;
  /**
   * Draws command, survey, attempt and event ids the input leaves out; nanoid by default. Inject a
   * sequential one in tests for stable ids.
   */
  readonly ids?: IdGenerator;
  /**
   * The dimensions and reason codes ratings are checked against; `DEFAULT_CSI_CONFIG` when left out.
   * Use the same configuration as the analytics, or a survey may rate a dimension no report scores.
   */
  readonly config?: CsiConfig;
}

/** A survey the desk recorded (or had already recorded for this command id). */
export interface SurveyRecorded {
  /** The survey's id: the input's, else derived from `commandId`, else drawn from `ids`. The stream is `survey:<surveyId>`. */
  readonly surveyId: string;
  /** The command's id, given or drawn: the event's causation id, and what makes a retry a duplicate rather than a conflict. */
  readonly commandId: string;
  /** The `SurveyTaken` as stored (the first one for a duplicate), with each rating's `level` and its stream position. */
  readonly event: RecordedEvent<SurveyTaken>;
  /** True when this command id had already recorded this survey: nothing was written. */
  readonly duplicate: boolean;
}

/**
 * Why the desk recorded no survey: the command's shape, a dimension or a reason code the
 * configuration does not know (`ValidationError`, with paths under `data.ratings`), or another
 * command already recorded a survey under this id (`ConcurrencyConflictError`). Nothing is written
 * in either case.
 */
export type SurveyError = ValidationError | ConcurrencyConflictError;

/**
 * Records surveys taken outside any complaint, and the attempts to take surveys and follow-ups,
 * into the shared log (see `createSurveyDesk`).
 */
export interface SurveyDesk {
  /**
   * Validates a `RecordSurvey` command and appends its `SurveyTaken` to `survey:<surveyId>`, once:
   * a retry with the same command id returns the first result (`duplicate: true`).
   */
  record(input: RecordSurveyInput): Promise<Result<SurveyRecorded, SurveyError>>;
  /** An attempt to take a survey or a complaint's follow-up, reached or not (`RecordSurveyAttempt`). */
  attempt(input: RecordSurveyAttemptInput): Promise<Result<AttemptRecorded, AttemptError>>;
}

/**
 * The survey desk over the shared log: `record` appends a `SurveyTaken` for a survey taken outside
 * any complaint (the quarterly 100% follow-up, a visit, a campaign), `attempt` a `SurveyAttempted`
 * for each try to reach a customer. Both validate with zod and the configuration before anything
 * is written, append with expected version `noStream` and the engine's envelope (injected clock
 * and ids, actor, causation and correlation ids, schema version), and are idempotent per command id.
 * The analytics and the hidden-complaint automation read what it writes.
 *
 * @example
 * ```ts
 * const store = createInMemoryEventStore<CsiLogEvent>();
 * const clock = createManualClock('2026-11-23T09:00:00+08:00');
 * const desk = createSurveyDesk({ store, clock, ids: sequentialIds('sv') });
 * const recorded = await desk.record({
 *   type: 'RecordSurvey',
 *   surveyId: 'q4-cust-7',
 *   actor: { id: 'fu-wu', role: 'followUpStaff' },
 *   data: {
 *     programme: 'quarterly',
 *     customer: { reference: 'cust-7' },
 *     branch: 'Pudong',
 *     ratings: [
 *       { dimension: 'timeliness', score: 3, reasons: ['lateArrival'] },
 *       { dimension: 'attitude', score: 9 },
 *     ],
 *   },
 * });
 * if (recorded.ok) recorded.value.event.streamId; // 'survey:q4-cust-7'
 * ```
 */
export function createSurveyDesk(options: SurveyDeskOptions): SurveyDesk {
  const { store, clock } = options;
  const ids = options.ids ?? nanoidGenerator;
  const config = options.config ?? DEFAULT_CSI_CONFIG;

  return {
    attempt: (input) => recordSurveyAttempt({ store, clock, ids }, input),
    async record(input) {
      const parsed = recordSurveyCommandSchema.safeParse(input);
      if (!parsed.success) return err(new ValidationError(issuesFromZod(parsed.error)));
      const command = parsed.data;
      const issues = checkRatings(config, command.data.ratings, 'data.ratings');
      if (issues.length > 0) return err(new ValidationError(issues));

      const commandId = command.commandId ?? ids();
      // As with a complaint receipt: a retry carrying only the command id must land on the same stream.
      const surveyId = command.surveyId ?? (command.commandId !== undefined ? recordIdFromCommandId(commandId) : ids());
      const streamId = surveyStreamId(surveyId);
      const legacy = command.surveyId === undefined ? legacyRecordIdFromCommandId(commandId) : null;
      const before = legacy === null ? undefined : await recordedBy(store, surveyStreamId(legacy), isSurveyTaken, commandId);
      if (before) return ok({ surveyId: before.data.surveyId, commandId, event: before, duplicate: true });
      const { ratings, ...facts } = command.data;
      const event: NewEvent<SurveyTaken> = {
        type: 'SurveyTaken',
        data: { surveyId, ...facts, ratings: recordSurvey({ ratings }).ratings },
        eventId: ids(),
        occurredAt: clock.now().toISOString(),
        actor: command.actor,
        causationId: commandId,
        correlationId: command.correlationId ?? commandId,
        schemaVersion: SURVEY_EVENT_SCHEMA_VERSION,
      };
      const once = await appendOnce({ store, streamId, event, is: isSurveyTaken, taken: `survey ${surveyId} was already recorded by another command` });
      return once.ok ? ok({ surveyId, commandId, event: once.value.event, duplicate: once.value.duplicate }) : once;
    },
  };
}
