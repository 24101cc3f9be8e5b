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
export { complaintMachine, workflowMachine, type ComplaintMachine, type WorkflowEvent } from './workflow/machine.js';
export { GUARDS, firstViolation, type GuardName, type Rule, type RuleInput } from './workflow/rules.js';
export { defaultWorkflowConfig, parseWorkflowConfig, type WorkflowConfig, type WorkflowConfigInput } from './workflow/config.js';

// Host data the rules read: the severity matrix, the escalation ladders, the meeting
export {
  classificationMatrixSchema,
  classify,
  defaultClassificationMatrix,
  parseClassificationMatrix,
  type Classification,
  type ClassificationInput,
  type ClassificationMatrix,
} from './classification/matrix.js';
export {
  defaultEscalationConfig,
  defaultEscalationLadder,
  escalationConfigSchema,
  escalationLadderSchema,
  escalationRankOf,
  ladderFor,
  parseEscalationConfig,
  rungOf,
  targetAbove,
  targetOf,
  type EscalationConfig,
  type EscalationConfigInput,
  type EscalationLadder,
  type EscalationLadderInput,
  type EscalationTarget,
} from './escalation/ladder.js';
export type { Meeting } from './meeting/meeting.js';
// First-contact responsibility (首问负责制): hand-overs and who is accountable
export { acceptHandOver, declineHandOver, handOverAccepted, handOverDeclined, handOverOffered, offerHandOver, type PendingHandOver } from './ownership/schema.js';
export {
  breakPromise,
  explainPromiseBreak,
  keepPromise,
  makePromise,
  PROMISE_KINDS,
  promiseBreakExplained,
  promiseBroken,
  promiseKept,
  promiseKindSchema,
  promiseMade,
  type OpenPromise,
  type PromiseKind,
} from './promises/schema.js';
export type { PromiseView, TicketPromises } from './promises/ticket.js';
// Routing by problem type, apart from escalation
export {
  complaintRouted,
  defaultRouting,
  groupFor,
  parseRoutingConfig,
  routeComplaint,
  routingConfigSchema,
  type RoutingConfig,
  type RoutingGroup,
} from './routing/routing.js';
export type { Routing, TicketRouting } from './routing/ticket.js';
// Authority limits: who may grant which remedy up to which amount
export {
  authorityConfigSchema,
  authorityLimitSchema,
  authorityProblem,
  noAuthorityLimits,
  parseAuthorityConfig,
  type AuthorityConfig,
  type AuthorityLimit,
} from './authority/limits.js';
export { accountableAt, type AccountablePeriod, type HandOverView, type TicketOwnership } from './ownership/ticket.js';
export { stepAfter } from './workflow/step-after.js';
export { snapshotFor, stateValueOf, stepOf, type ComplaintSnapshot } from './workflow/snapshot.js';
export { keptInEveryStep, mermaidId, toMermaid, transitionLabel, type MermaidOptions } from './workflow/diagram.js';
export { machineInitialState, machineStates, machineTransitions, type MachineState, type MachineTransition } from './workflow/machine-graph.js';

// Deciding
export {
  initialComplaintState,
  initialState,
  type AcknowledgementProgress,
  type ComplaintState,
  type ComplaintStep,
  type EscalationReached,
} from './decider/state.js';
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
export { allPolicies, DEFAULT_DUTIES, separationOfDuties, type DutyOptions } from './permissions/duties.js';
export * from './errors/errors.js';
export { isRedressError, type AnyRedressError, type RedressErrorKind } from './errors/is-redress-error.js';
export * from './errors/store-errors.js';

// Storing
export type { AppendResult, EventStore, SubscribeOptions, Subscription } from './store/event-store.js';
export { assertExpectedVersion, matchesExpectedVersion } from './store/expected-version.js';
export { followLog, type FollowLogSource } from './store/follow-log.js';
export { createInMemoryEventStore, type InMemoryEventStore } from './store/in-memory.js';

// Running
export {
  createEngine,
  type Automation,
  type AutomationCommandInput,
  type Engine,
  type EngineOptions,
  type ExecuteResult,
  type ExecuteSuccess,
} from './engine/engine.js';
export type { EngineInstrumentation, ExecuteInfo, ProjectionBatch, ProjectionLag } from './engine/instrumentation.js';
export { staticDirectory, type ActorDirectory } from './engine/directory.js';
export { createManualClock, systemClock, type Clock, type ManualClock } from './engine/clock.js';
export { nanoidGenerator, sequentialIds, type IdGenerator } from './engine/ids.js';

// Reading
export { rebuildProjection, runProjection, type Projection, type ProjectionRunner } from './projections/projection.js';
export { defineProjection, type DraftHandlers, type ProjectionDefinition } from './projections/define-projection.js';
export { defineKeyedProjection, type KeyedProjectionDefinition } from './projections/define-keyed-projection.js';
export {
  evolveTicket,
  ticketViewProjection,
  type Assignment,
  type MeetingChange,
  type RepeatFlag,
  type TicketView,
  type TicketViewState,
  type TimelineEntry,
} from './projections/ticket-view.js';
export { openComplaints, queuesProjection, type QueueEntry, type QueueFilter, type QueuesState } from './projections/queues.js';
export { LABELS, LOCALES, labels, type Labels, type Locale } from './labels/labels.js';

// Personal data: crypto-shredding (see docs/privacy.md)
export {
  InvalidStoredEventError,
  MissingKeyError,
  NoDataSubjectError,
  PersonalDataTamperedError,
  SubjectErasedError,
  UnknownEventTypeError,
  UnsupportedEventVersionError,
  type StoredEventRef,
} from './errors/data-errors.js';
export { ERASED, isErased, type Erased } from './privacy/erased.js';
export { DEFAULT_PERSONAL_DATA, personalDataMap, type PersonalDataChanges, type PersonalDataMap } from './privacy/personal-data.js';
export { PERSONAL_DATA_KEY, type PersonalBlob } from './privacy/personal-blob.js';
export { createCryptoShredder, type CryptoShredder, type CryptoShredderOptions, type Erasure, type ProtectTarget, type RevealedEvent } from './privacy/crypto-shredder.js';
export type { DataKey, KeyLookup, KeyStore, SubjectKeys } from './privacy/key-store.js';
export { aesGcmKeyWrapper, type KeyWrapper } from './privacy/key-wrapper.js';
export { createInMemoryKeyStore, type InMemoryKeyStoreOptions } from './privacy/in-memory-key-store.js';
export { KEY_STORE_CONTRACT, type KeyStoreCheck } from './privacy/key-store-contract.js';
export { completeErasures } from './privacy/erasure.js';
export { erasedCopy } from './privacy/erased-copy.js';
export {
  createTableKeyStore,
  KeyWrapperMissingError,
  type KeyRow,
  type KeyRowLookup,
  type KeyTable,
  type TableKeyStoreOptions,
} from './privacy/table-key-store.js';
export { protectStore, readPathOf, type ProtectedReadPath, type ProtectStoreOptions, type SubjectOf } from './store/protected-store.js';
export { complaintSubject } from './store/subject-of.js';
export {
  createCustomerDataProtection,
  type CustomerDataProtection,
  type CustomerDataProtectionOptions,
  type RetentionRun,
} from './privacy/customer-data/customer-data.js';
export {
  customerDataErasedSchema,
  customerStreamId,
  eraseCustomerDataSchema,
  ERASING_ROLES,
  type CustomerDataErased,
  type EraseCustomerData,
  type EraseCustomerDataInput,
} from './privacy/customer-data/erase-command.js';
export type { ErasureError, ErasureResult, ErasureSuccess } from './privacy/customer-data/erase.js';
export type { CustomerDataExport } from './privacy/customer-data/access.js';
export { dueForRetention, type RetentionPolicy } from './privacy/customer-data/retention.js';
export { CUSTOMER_DATA_ERASURES, type ErasureEvents } from './privacy/customer-data/erasure-events.js';

// Evolving events: upcasting on read (see docs/evolving-events.md)
export { defineUpcaster, type Upcaster, type UpcastContext } from './evolution/upcaster.js';
export type { EventFamily } from './evolution/event-family.js';
export { createEventEvolution, type EventEvolution } from './evolution/evolution.js';
export { COMPLAINT_EVENT_SCHEMAS, complaintEventFamily, isComplaintStream, type ComplaintFamilyOptions } from './evolution/complaint-family.js';
export { causeIdentifiedV2, causeWithServqualFactor, classifiedWithPriority, complaintClassifiedV2, PENDING_COMPLAINT_EVOLUTIONS } from './evolution/complaint-v2.js';
export { createEventReader, type EventReader, type EventReaderOptions } from './evolution/event-reader.js';
