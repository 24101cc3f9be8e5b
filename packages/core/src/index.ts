/**
 * @redress/core: the complaint workflow, its commands and events, the decider,
 * the engine, the event store contract with an in-memory store, and projections.
 */

// The domain's words
export * from './domain/vocabulary.js';
export { actorSchema, idSchema, instantSchema, longTextSchema, shortTextSchema, type Actor } from './domain/primitives.js';

// Commands and events
export * from './commands/schema.js';
export {
  acknowledgementSchema,
  complaintSourceSchema,
  customerSchema,
  followUpSurveySchema,
  moneySchema,
  productChecksSchema,
  productSchema,
  recordedSurveyRatingSchema,
  recordedSurveySchema,
  recordSurvey,
  remedySchema,
  surveyRatingSchema,
  type Acknowledgement,
  type ComplaintSource,
  type Customer,
  type FollowUpSurvey,
  type Money,
  type Product,
  type ProductChecks,
  type RecordedSurvey,
  type RecordedSurveyRating,
  type Remedy,
  type SurveyRating,
} from './commands/payloads.js';
export * from './events/schema.js';
export { eventEnvelopeSchema, recordEvent, type EventLike, type EventMetadata, type NewEvent, type RecordedEvent } from './events/envelope.js';

// The workflow
export { complaintMachine, type ComplaintMachine, type WorkflowEvent } from './workflow/machine.js';
export { GUARDS, firstViolation, type GuardName, type Rule, type RuleInput } from './workflow/rules.js';
export { stepAfter } from './workflow/step-after.js';
export { snapshotFor, stateValueOf, stepOf, type ComplaintSnapshot } from './workflow/snapshot.js';
export { toMermaid } from './workflow/diagram.js';

// Deciding
export { initialComplaintState, initialState, type AcknowledgementProgress, type ComplaintState, type ComplaintStep } from './decider/state.js';
export { evolve, evolveAll } from './decider/evolve.js';
export { decide, allowedCommands, type DecideOptions, type WorkflowRule } from './decider/decide.js';
export { createComplaintDecider, type ComplaintDecider, type ComplaintDeciderOptions, type Decider } from './decider/decider.js';
export {
  defaultPermissionMatrix,
  defaultPermissions,
  permissionsFromMatrix,
  type PermissionMatrix,
  type PermissionPolicy,
} from './permissions/matrix.js';
export * from './errors/errors.js';
export * from './errors/store-errors.js';

// Storing
export type { AppendResult, EventStore, SubscribeOptions, Subscription } from './store/event-store.js';
export { assertExpectedVersion, matchesExpectedVersion } from './store/expected-version.js';
export { followLog, type FollowLogSource } from './store/follow-log.js';
export { createInMemoryEventStore, type InMemoryEventStore } from './store/in-memory.js';

// Running
export { createEngine, type Engine, type EngineOptions, type ExecuteResult, type ExecuteSuccess } from './engine/engine.js';
export { createManualClock, systemClock, type Clock, type ManualClock } from './engine/clock.js';
export { nanoidGenerator, sequentialIds, type IdGenerator } from './engine/ids.js';

// Reading
export { rebuildProjection, runProjection, type Projection, type ProjectionRunner } from './projections/projection.js';
export { evolveTicket, ticketViewProjection, type RepeatFlag, type TicketView, type TicketViewState, type TimelineEntry } from './projections/ticket-view.js';
export { openComplaints, queuesProjection, type QueueEntry, type QueueFilter, type QueuesState } from './projections/queues.js';
export { LABELS, LOCALES, labels, type Labels, type Locale } from './labels/labels.js';
