/**
 * The invariant catalogue: properties every run of the engine must keep, whatever
 * the commands, the rules or the store. Each is checked after every command of a
 * model-based run. Most read the log, not the decision state: they state the
 * workflow's promises as facts about history, so they do not share the decider's
 * mistakes.
 *
 * Add your own with `invariant(...)` or `streamInvariant(...)`, and pass
 * `[...invariantCatalogue, yours]` to the harness. (`@redress/sla/testing` adds "a
 * breach is recorded if and only if its due instant passed while its clock ran" the
 * same way: `slaBreachInvariant(config)`, reading the SLA projection at `context.now`.)
 */
import { isDeepStrictEqual } from 'node:util';
import {
  commandSchema,
  complaintEventSchema,
  createComplaintDecider,
  defaultApproval,
  createEngine,
  createManualClock,
  evolveAll,
  initialComplaintState,
  rebuildProjection,
  type Command,
  type ComplaintEvent,
  type RecordedEvent,
} from '@redress/core';
import { invariant, streamInvariant, type Invariant } from './invariant.js';
import {
  classificationsComplete,
  dutiesKept,
  escalationOnlyClimbs,
  majorProposalApprovedBeforeExecution,
  meetingsNotInThePast,
} from './rule-invariants.js';

export { invariant, streamInvariant, type Invariant, type InvariantContext } from './invariant.js';
export { classificationsComplete, dutiesKept, escalationOnlyClimbs, majorProposalApprovedBeforeExecution, meetingsNotInThePast } from './rule-invariants.js';

type Recorded = RecordedEvent<ComplaintEvent>;

const at = (e: Recorded) => `#${e.streamVersion} ${e.type}`;

/**
 * The closing rule, read from history: a ComplaintArchived needs a FollowUpRecorded with `satisfied: true` since the
 * last reopening, and a PreventiveActionRecorded at some point. Fails naming the archive event and what was missing.
 */
export const archiveNeedsSatisfiedFollowUpAndPreventiveAction = streamInvariant(
  'archiveNeedsSatisfiedFollowUpAndPreventiveAction',
  'no complaint is archived without a satisfied follow-up in its last cycle and a preventive action',
  (stream) => {
    let satisfied = false;
    let preventive = false;
    for (const e of stream) {
      if (e.type === 'FollowUpRecorded') satisfied = e.data.satisfied;
      if (e.type === 'ComplaintReopened') satisfied = false;
      if (e.type === 'PreventiveActionRecorded') preventive = true;
      if (e.type === 'ComplaintArchived' && !(satisfied && preventive)) {
        return `${at(e)} without ${[satisfied ? '' : 'a satisfied follow-up', preventive ? '' : 'a preventive action'].filter(Boolean).join(' and ')}`;
      }
    }
    return null;
  },
);

/**
 * The major-complaint rule, read from history: when a complaint classified `major` starts execution, its current
 * remedy (the last proposal since any rejection or reopening) was approved by an actor of a configured approver role
 * (the run's `approval`, else core's default: `seniorManagement`).
 */
export const majorRemedyApprovedBeforeExecution = streamInvariant(
  'majorRemedyApprovedBeforeExecution',
  "a major complaint's remedy is approved by its configured approver (senior management by default) before it is executed",
  (stream, context) => {
    const approvers = (context.engineOptions.approval ?? defaultApproval).approvers.map((a) => a.role as string);
    let severity: string | null = null;
    let approvedBy: string | null = null;
    for (const e of stream) {
      if (e.type === 'ComplaintClassified') severity = e.data.severity;
      if (e.type === 'ResolutionProposed' || e.type === 'RemedyRejected' || e.type === 'ComplaintReopened') approvedBy = null;
      if (e.type === 'RemedyApproved') approvedBy = e.actor.role;
      if (e.type === 'ExecutionStarted' && severity === 'major' && (approvedBy === null || !approvers.includes(approvedBy))) {
        return `${at(e)} of a major complaint whose remedy was ${approvedBy === null ? 'not approved' : `approved by ${approvedBy}`}`;
      }
    }
    return null;
  },
);

/**
 * The engine's write contract: a refused command appends nothing anywhere; an accepted one appends at least one event
 * to its stream, exactly the events `execute` reported, in order; a repeated (duplicate) command appends none.
 */
export const acceptedAppendsRefusedDoesNot = invariant(
  'acceptedAppendsRefusedDoesNot',
  'every accepted command appends at least one event (and reports exactly those), every refused one appends none',
  ({ result, before, stream, logLengthBefore, log }) => {
    const grew = stream.length - before.length;
    const logGrew = log.length - logLengthBefore;
    if (!result.ok) {
      return grew === 0 && logGrew === 0 ? null : `refused with ${result.error.kind}, yet the stream grew by ${grew} and the log by ${logGrew}`;
    }
    if (result.value.duplicate) return grew === 0 ? null : `a repeated command grew the stream by ${grew}`;
    if (result.value.events.length === 0) return 'accepted, but no event was appended';
    if (grew !== result.value.events.length || logGrew !== grew) {
      return `accepted with ${result.value.events.length} event(s), but the stream grew by ${grew} and the log by ${logGrew}`;
    }
    const reported = result.value.events.map((e) => e.eventId);
    const stored = stream.slice(before.length).map((e) => e.eventId);
    return isDeepStrictEqual(reported, stored) ? null : `the events reported (${reported.join(', ')}) are not the ones stored (${stored.join(', ')})`;
  },
);

/**
 * Stream versions are contiguous (each stream's own counter), but global positions only
 * increase: PostgreSQL orders the log by transaction and leaves gaps where a sequence
 * value was drawn by a transaction that did not commit, so "+1" is no promise of a store.
 */
export const contiguousVersions = invariant(
  'contiguousVersions',
  'stream versions run 1, 2, 3… without gaps, and global positions strictly increase across the log',
  ({ complaintId, stream, log }) => {
    for (const [i, e] of stream.entries()) {
      if (e.streamId !== complaintId) return `stream ${complaintId} holds an event of stream ${e.streamId}`;
      if (e.streamVersion !== i + 1) return `stream ${complaintId}: event ${i + 1} has version ${e.streamVersion}`;
    }
    for (const [i, e] of log.entries()) {
      const previous = log[i - 1];
      if (!Number.isSafeInteger(e.globalPosition) || e.globalPosition < 1) return `the log's event ${i + 1} has global position ${e.globalPosition}`;
      if (previous && e.globalPosition <= previous.globalPosition) {
        return `the log's event ${i + 1} has global position ${e.globalPosition}, not after ${previous.globalPosition} of the event before it`;
      }
    }
    return null;
  },
);

/**
 * Every stored event of the complaint parses with core's `complaintEventSchema` (type and payload): what a store
 * round-trips must still be a valid event, unicode and numbers included.
 */
export const eventsWellFormed = streamInvariant(
  'eventsWellFormed',
  'every stored event matches complaintEventSchema',
  (stream) => {
    for (const e of stream) {
      const parsed = complaintEventSchema.safeParse({ type: e.type, data: e.data });
      if (!parsed.success) return `${at(e)}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
    }
    return null;
  },
);

export const engineAppendsWhatDeciderDecides = invariant(
  'engineAppendsWhatDeciderDecides',
  'the engine appends exactly the events the pure decider decides for the command, and refuses what it refuses',
  ({ command, result, before, now, engineOptions, complaintId }) => {
    const parsed = commandSchema.safeParse(command);
    if (!parsed.success) return result.ok ? 'a command that does not parse was accepted' : null;
    const decider = createComplaintDecider(engineOptions);
    const state = evolveAll(initialComplaintState, before);
    const full = { ...parsed.data, complaintId: parsed.data.complaintId ?? complaintId } as Command;
    const decision = decider.decide(state, full, { now: now.toISOString() });
    if (!decision.ok) {
      return result.ok ? `the decider refuses it (${decision.error.kind}), the engine accepted it` : result.error.kind === decision.error.kind ? null : `the decider refuses it with ${decision.error.kind}, the engine with ${result.error.kind}`;
    }
    if (!result.ok) return `the decider accepts it, the engine refused it with ${result.error.kind}: ${result.error.message}`;
    const appended = result.value.events.map((e) => ({ type: e.type, data: e.data }));
    return isDeepStrictEqual(JSON.parse(JSON.stringify(appended)), JSON.parse(JSON.stringify(decision.value)))
      ? null
      : `the engine appended ${appended.map((e) => e.type).join(', ')}; the decider decides ${decision.value.map((e) => e.type).join(', ')}`;
  },
);

/**
 * Event sourcing's promise: folding the complaint's stream gives the state `execute` returned, a fresh engine with
 * nothing cached loads the same state from the store, and every inline projection rebuilt from the log equals its live
 * state.
 */
export const replayEqualsLive = invariant(
  'replayEqualsLive',
  "replaying the log gives the live results: the complaint's decision state, and every inline projection",
  async ({ complaintId, result, stream, store, engine, projections, engineOptions, now }) => {
    const replayed = evolveAll(initialComplaintState, stream);
    if (result.ok && !isDeepStrictEqual(result.value.state, replayed)) return 'the state execute() returned differs from the replayed state';
    // A second engine, with nothing cached, must read the same state back from the store.
    const fresh = createEngine({ ...engineOptions, projections: [], store, clock: createManualClock(now) });
    if (!isDeepStrictEqual((await fresh.load(complaintId)).state, replayed)) return 'a fresh engine loads a different state than the replay';
    for (const projection of projections) {
      const rebuilt = await rebuildProjection(store, projection);
      if (!isDeepStrictEqual(rebuilt.state, engine.view(projection))) return `projection "${projection.name}" rebuilt from the log differs from its live state`;
    }
    return null;
  },
);

/** Every invariant above: pass `[...invariantCatalogue, ...yours]` to add to it. */
export const invariantCatalogue: readonly Invariant[] = [
  acceptedAppendsRefusedDoesNot,
  contiguousVersions,
  eventsWellFormed,
  engineAppendsWhatDeciderDecides,
  archiveNeedsSatisfiedFollowUpAndPreventiveAction,
  majorRemedyApprovedBeforeExecution,
  majorProposalApprovedBeforeExecution,
  escalationOnlyClimbs,
  dutiesKept,
  classificationsComplete,
  meetingsNotInThePast,
  replayEqualsLive,
];
