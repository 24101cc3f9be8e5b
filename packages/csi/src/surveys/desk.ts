/**
 * The survey desk: validates a survey against the schema and the configuration,
 * and appends it as `SurveyTaken` to its own stream, with the same envelope the
 * engine gives complaint events. Effects (store, clock, ids) are injected.
 */
import {
  ConcurrencyConflictError,
  isRedressError,
  err,
  nanoidGenerator,
  ok,
  recordSurvey,
  ValidationError,
  type Clock,
  type EventStore,
  type IdGenerator,
  type NewEvent,
  type RecordedEvent,
  type Result,
} from '@redress/core';
import { checkRatings } from '../dimensions/check-ratings.js';
import type { CsiConfig } from '../dimensions/config.js';
import { DEFAULT_CSI_CONFIG } from '../dimensions/defaults.js';
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
}



export function createSurveyDesk(options: SurveyDeskOptions): SurveyDesk {
  const { store, clock } = options;
  const ids = options.ids ?? nanoidGenerator;
  const config = options.config ?? DEFAULT_CSI_CONFIG;

  /** The survey already in `streamId`, as a duplicate when `commandId` recorded it, else a conflict. */
  async function existing(streamId: string, commandId: string, surveyId: string): Promise<Result<SurveyRecorded, SurveyError>> {
    const stored = (await store.readStream(streamId)).filter(isSurveyTaken);
    const first = stored[0];
    if (first && first.causationId === commandId) return ok({ surveyId, commandId, event: first, duplicate: true });
    return err(new ConcurrencyConflictError(streamId, 'noStream', stored.length, `survey ${surveyId} was already recorded by another command`));
  }

  return {
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
      try {
        const appended = await store.append(streamId, 'noStream', [event]);
        const recorded = appended.events.find(isSurveyTaken);
        if (!recorded) throw new Error(`the store did not return the survey appended to ${streamId}`);
        return ok({ surveyId, commandId, event: recorded, duplicate: false });
      } catch (e) {
        if (isRedressError(e, 'ConcurrencyConflict')) return existing(streamId, commandId, surveyId);
        throw e;
      }
    },
  };
}
