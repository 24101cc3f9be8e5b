/** Telling complaint events from csi's own records (surveys, attempts, repeats, improvement actions) in a shared log. */
import { COMPLAINT_EVENT_TYPES, type ComplaintEvent, type EventLike, type RecordedEvent } from '@redress/core';
import type { ImprovementActionRaised } from '../benchmark/schema.js';
import type { SurveyAttempted } from '../reach/schema.js';
import type { RepeatRecorded } from '../repeats/schema.js';
import type { CsiLogEvent, SurveyTaken } from '../surveys/schema.js';

const COMPLAINT_TYPES = new Set<string>(COMPLAINT_EVENT_TYPES);

export const isComplaintEvent = (e: RecordedEvent<EventLike>): e is RecordedEvent<ComplaintEvent> => COMPLAINT_TYPES.has(e.type);
export const isSurveyTaken = (e: RecordedEvent<CsiLogEvent>): e is RecordedEvent<SurveyTaken> => e.type === 'SurveyTaken';
export const isRepeatRecorded = (e: RecordedEvent<CsiLogEvent>): e is RecordedEvent<RepeatRecorded> => e.type === 'RepeatRecorded';
export const isSurveyAttempted = (e: RecordedEvent<CsiLogEvent>): e is RecordedEvent<SurveyAttempted> => e.type === 'SurveyAttempted';
export const isImprovementActionRaised = (e: RecordedEvent<CsiLogEvent>): e is RecordedEvent<ImprovementActionRaised> => e.type === 'ImprovementActionRaised';
