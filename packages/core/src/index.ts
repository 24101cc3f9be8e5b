/**
 * @redress/core: the complaint workflow, its commands and events, the decider,
 * the engine, the event store contract with an in-memory store, and projections.
 */

// The domain's words
export * from './domain/vocabulary.js';
export { actorSchema, idSchema, instantSchema, longTextSchema, shortTextSchema, type Actor } from './domain/primitives.js';

// Commands and events
export * from './commands/schema.js';
export { parseCommand } from './commands/parse-command.js';
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
export type { ArrangedMeeting, Meeting } from './meeting/meeting.js';
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
// Issue 16, the workflow's part: plan approval by the configured approver, responsibility, intake, options and written notice, the meeting plan
export { approvalConfigSchema, approverOf, defaultApproval, parseApprovalConfig, remedyDecisionAttributed, type ApprovalConfig, type Approver } from './approval/approval.js';
export type { RemedyDecisionView, TicketApproval } from './approval/ticket.js';
export {
  attributeResponsibility,
  defaultResponsibility,
  RESPONSIBLE_PARTY_KINDS,
  responsibilityAttributed,
  responsibilityConfigSchema,
  responsiblePartySchema,
  type ResponsibilityConfig,
  type ResponsibleParty,
  type ResponsiblePartyKind,
} from './responsibility/schema.js';
export type { ResponsibilityAttribution, TicketResponsibility } from './responsibility/ticket.js';
export { complaintDeclined, declineComplaint, intakeCriteriaSchema, defaultIntakeCriteria, parseIntakeCriteria, type IntakeCriteria, type IntakeCriterion } from './intake/intake.js';
export type { DeclineView, TicketIntake } from './intake/ticket.js';
export { customerChoiceRecorded, offerResolutionOptions, recordCustomerChoice, resolutionOptionsOffered, type OfferedOptions, type ResolutionOption } from './options/schema.js';
export type { OfferView, TicketOptions } from './options/ticket.js';
export { recordWrittenNotice, writtenNoticeSigned } from './notice/schema.js';
export type { TicketNotices, WrittenNoticeView } from './notice/ticket.js';
export { meetingStrategyPrepared, type MeetingChangeInput } from './meeting/meeting.js';
// Keeping the customer informed: progress notices and the result's feedback
export {
  CUSTOMER_UPDATE_EVENT_TYPES,
  CUSTOMER_UPDATE_KINDS,
  progressNoticeSent,
  resultFeedbackSent,
  sendProgressNotice,
  sendResultFeedback,
  type CustomerUpdateKind,
} from './customer-updates/schema.js';
export type { CustomerUpdateView, TicketCustomerUpdates } from './customer-updates/ticket.js';
// Forbidden phrases (禁语): the list as data, a checker for customer-facing text, and an opt-in rule
export {
  DEFAULT_FORBIDDEN_PHRASES,
  forbiddenPhraseList,
  forbiddenPhraseSchema,
  type ForbiddenPhrase,
  type ForbiddenPhraseListOptions,
} from './forbidden-phrases/list.js';
export { createPhraseChecker, type PhraseChecker, type PhraseFinding } from './forbidden-phrases/checker.js';
export { normalise as normalisePhraseText, type Normalised } from './forbidden-phrases/normalise.js';
// The cause → prevention catalogue, offered at archive
export {
  defaultPreventionCatalogue,
  measureOf,
  parsePreventionCatalogue,
  preventionCatalogueSchema,
  suggestedMeasures,
  type PreventionCatalogue,
  type PreventiveMeasure,
} from './prevention/catalogue.js';
export { preventiveMeasureChosen } from './prevention/schema.js';
export {
  CUSTOMER_FACING_COMMANDS,
  customerFacingTexts,
  describeFindings,
  forbiddenPhraseRule,
  type CustomerFacingCommandType,
  type CustomerFacingText,
} from './forbidden-phrases/rule.js';
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
export { keptInEveryStep, keptInSeveralSteps, mermaidId, toMermaid, transitionLabel, type MermaidOptions } from './workflow/diagram.js';
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
export { createComplaintDecider, type ComplaintDecider, type ComplaintDecisionContext, type ComplaintDeciderOptions, type Decider } from './decider/decider.js';
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
export {
  LABELS,
  LOCALES,
  labels,
  type DefaultIntakeCriterionId,
  type DefaultProblemType,
  type DefaultRoutingGroupId,
  type IdLabels,
  type Labels,
  type Locale,
} from './labels/labels.js';

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

// Customer profiles (customers/): the profile as events on customer:<reference>, difficult-customer hints, organisational customers.
export {
  CUSTOMER_PROFILE_COMMANDS,
  CUSTOMER_PROFILE_COMMAND_TYPES,
  CUSTOMER_PROFILE_EVENTS,
  CUSTOMER_PROFILE_EVENT_SCHEMA_VERSION,
  CUSTOMER_PROFILE_EVENT_TYPES,
  customerProfileCommandSchema,
  customerProfileEventSchema,
  type CustomerProfileCommand,
  type CustomerProfileCommandInput,
  type CustomerProfileCommandType,
  type CustomerProfileEvent,
  type CustomerProfileEventOf,
  type CustomerProfileEventType,
  type DecidableProfileCommand,
} from './customers/schema.js';
export {
  CUSTOMER_KINDS,
  ORGANISATION_SCALES,
  UNIT_KINDS,
  customerKindSchema,
  keyContactSchema,
  namedPersonSchema,
  organisationScaleSchema,
  organisationSchema,
  repairCapabilitySchema,
  siteSchema,
  unitSchema,
  type CustomerKind,
  type KeyContact,
  type NamedPerson,
  type Organisation,
  type OrganisationScale,
  type RepairCapability,
  type Site,
  type Unit,
  type UnitKind,
} from './customers/payloads.js';
export { evolveProfile, profileAsOf, type CustomerProfile, type DifficultTag, type OrganisationView, type ProfileEventRecord, type RepairCapabilityView, type Retirement } from './customers/profile.js';
export {
  CUSTOMER_TAG_KINDS,
  customerTagCatalogueSchema,
  customerTagOf,
  DEFAULT_CUSTOMER_TAGS,
  defaultCustomerTagCatalogue,
  parseCustomerTagCatalogue,
  type CustomerTagCatalogue,
  type CustomerTagEntry,
  type CustomerTagKind,
  type DefaultCustomerTag,
} from './customers/tag-catalogue.js';
export { withTagHint, type TagHintSource } from './customers/tag-hint.js';
export { CustomerProfileRefusedError } from './customers/errors.js';
export { decideProfile, PROFILE_RULES, type ProfileRule } from './customers/rules.js';
export { DEFAULT_CUSTOMER_PROFILE_PERMISSIONS, type CustomerProfilePermissions } from './customers/permissions.js';
export { CUSTOMER_PROFILE_PERSONAL_DATA } from './customers/personal-data.js';
export {
  createCustomerProfiles,
  type CustomerProfiles,
  type CustomerProfilesOptions,
  type ProfileError,
  type ProfileResult,
  type ProfileSuccess,
} from './customers/service.js';
export {
  customerProfilesProjection,
  handlerQueue,
  handlingHintsOf,
  ticketHints,
  type CustomerLogEvent,
  type CustomerProfilesState,
  type HandlerQueueItem,
} from './customers/hints.js';
export { unknownCustomerLink } from './customers/links.js';
export { CUSTOMER_LABELS_EN, CUSTOMER_LABELS_ZH_CN, type CustomerLabels } from './customers/labels.js';
export { customerEventFamily } from './customers/event-family.js';
