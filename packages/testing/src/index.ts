/**
 * @redress/testing: test kits for hosts of Redress.
 *
 * - Arbitraries (fast-check): customers, complaints and follow-up surveys in Chinese
 *   and English, valid commands for a state, walks of the machine, invalid commands, clocks.
 * - Specs: `given(events).when(command).then(events | refusal)` for the decider,
 *   and `engineSpec({ store })` for the engine on any store.
 * - Model-based testing: `workflowCommands` / `runWorkflow` / `checkWorkflow`, a
 *   reference model and the invariant catalogue.
 * - Path coverage: the machine's simple paths and transitions, executable through
 *   the engine; coverage reports of property runs.
 * - `@redress/testing/store-conformance`: `eventStoreConformance(name, factory)`, the
 *   suite every EventStore adapter (yours included) must pass. It is a vitest suite, so
 *   it lives on its own subpath: this entry works with plain fast-check, without vitest.
 */

// Arbitraries
export { WORDING, TEXTS, type TextLocale } from './arbitraries/phrases.js';
export { fitActor } from './arbitraries/actors.js';
export { actor, actorOf, customer, customerReference, localeArbitrary, personName, phoneNumber, type LocaleOptions } from './arbitraries/people.js';
export {
  acknowledgement,
  complaintData,
  complaintSource,
  complaintStory,
  product,
  type ComplaintData,
  type ComplaintDataOptions,
} from './arbitraries/complaints.js';
export { CSI_DIMENSIONS, followUpSurvey, type SurveyDimension, type SurveyOptions } from './arbitraries/surveys.js';
export { customerProfileCommand, type CustomerProfileCommandOptions } from './arbitraries/customers.js';
export {
  followUpPayload,
  payloadGenerators,
  remedy,
  type CommandContext,
  type FollowUpOptions,
  type PayloadGenerator,
  type PayloadGenerators,
  type PayloadOf,
} from './arbitraries/payloads.js';
export {
  acceptedCommandTypes,
  anyCommand,
  commandOfType,
  generateWith,
  permissionMatrix,
  validCommand,
  type CommandOptions,
} from './arbitraries/commands.js';
export { badPayload, invalidCommand, wrongRole, wrongStep, type InvalidCommand, type InvalidCommandKind } from './arbitraries/invalid.js';
export {
  businessTime,
  calendarTime,
  clockArbitrary,
  formatStep,
  simulatedClock,
  timeStep,
  type AdvanceTime,
  type ClockOptions,
  type OpenTimeCalendar,
  type SimulatedClock,
  type TimeStep,
  type TimeStepOptions,
  type TimeUnit,
} from './arbitraries/clocks.js';
export {
  commandForStep,
  commandSequence,
  intentOf,
  lingerSteps,
  stepMove,
  walkStep,
  type CommandSequenceOptions,
  type WalkContext,
  type WalkIntent,
  type WalkStep,
  type WalkedCommand,
} from './arbitraries/walk.js';

// Specs
export { given, historyOf, SPEC_NOW, type DeciderGiven, type DeciderWhen, type SpecOptions } from './specs/decider-spec.js';
export { engineSpec, type EngineGiven, type EngineSpec, type EngineSpecOptions, type EngineWhen, type StoreFactory } from './specs/engine-spec.js';
export { assertOutcome, type Expectation, type ExpectedRefusal, type Outcome } from './specs/expectation.js';
export { SpecFailedError, describeRefusal, domainEvents, eventsDiff } from './specs/report.js';

// Model-based testing
export {
  checkWorkflow,
  createWorkflowSystem,
  runWorkflow,
  workflowCommands,
  workflowProperty,
  WorkflowPropertyError,
  type WorkflowCommand,
  type WorkflowModel,
  type WorkflowModelOptions,
  type WorkflowSystem,
  type TrailEntry,
} from './model/harness.js';
export {
  acceptedAppendsRefusedDoesNot,
  archiveNeedsSatisfiedFollowUpAndPreventiveAction,
  classificationsComplete,
  contiguousVersions,
  dutiesKept,
  escalationOnlyClimbs,
  eventsWellFormed,
  invariant,
  invariantCatalogue,
  majorProposalApprovedBeforeExecution,
  majorRemedyApprovedBeforeExecution,
  meetingsNotInThePast,
  replayEqualsLive,
  streamInvariant,
  type Invariant,
  type InvariantContext,
} from './model/invariants.js';
export { MODEL_MOVES, modelAfter, modelOffers, type ModelTicket } from './model/reference-model.js';
export { createCoverage, transitionKey, type Coverage, type CoverageReport } from './model/coverage.js';
export { untracked } from './model/explain.js';

// Rules stated once: the engine rule, the log invariant, the facts they read, and the check that the test can fail
export { whenever, executeWithFacts, type FactsSource, type RuleStatement, type StatedRule } from './rules/whenever.js';
export { factsFrom, viewOf, RuleInputsNotPreparedError, type HostData, type HostQuery, type RuleFacts } from './rules/facts.js';
export { failsWithout, type WithoutReport } from './rules/fails-without.js';

// Path coverage
export {
  PATH_NOW,
  WORKFLOW_COMMANDS,
  eventsFor,
  guardFacts,
  serializeSnapshot,
  shortestPaths,
  simplePaths,
  transitionPaths,
  workflowGraph,
  type WorkflowPath,
} from './paths/graph.js';
export { executePath, PathFailedError, type ExecutePathOptions } from './paths/execute.js';
