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
import { appendOnce } from '../support/append-once.js';
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

export interface SurveyDeskOptions {
  /** The log shared with the engine (see `complaintStore`). */
  readonly store: Pick<EventStore<CsiLogEvent>, 'append' | 'readStream'>;
  readonly clock: Clock;
  readonly ids?: IdGenerator;
  readonly config?: CsiConfig;
}

export interface SurveyRecorded {
  readonly surveyId: string;
  readonly commandId: string;
  readonly event: RecordedEvent<SurveyTaken>;
  /** True when this command id had already recorded this survey: nothing was written. */
  readonly duplicate: boolean;
}

export type SurveyError = ValidationError | ConcurrencyConflictError;

export interface SurveyDesk {
  record(input: RecordSurveyInput): Promise<Result<SurveyRecorded, SurveyError>>;
  /** An attempt to take a survey or a complaint's follow-up, reached or not (`RecordSurveyAttempt`). */
  attempt(input: RecordSurveyAttemptInput): Promise<Result<AttemptRecorded, AttemptError>>;
}

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
      const surveyId = command.surveyId ?? (command.commandId !== undefined ? commandId.slice(0, 100) : ids());
      const streamId = surveyStreamId(surveyId);
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
