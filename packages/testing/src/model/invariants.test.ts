import { createEngine, createInMemoryEventStore, createManualClock, type ComplaintEvent, type ExecuteResult, type RecordedEvent } from '@redress/core';
import { describe, expect, it } from 'vitest';
import { SPEC_NOW } from '../specs/decider-spec.js';
import {
  acceptedAppendsRefusedDoesNot,
  archiveNeedsSatisfiedFollowUpAndPreventiveAction,
  contiguousVersions,
  majorRemedyApprovedBeforeExecution,
  type InvariantContext,
} from './invariants.js';

// Invariants are checked on hand-written logs here, since a correct engine never produces the bad ones.
let version = 0;
const recorded = (type: string, data: object, role = 'handler'): RecordedEvent<ComplaintEvent> =>
  ({
    type,
    data,
    eventId: `e-${++version}`,
    occurredAt: SPEC_NOW,
    actor: { id: 'x', role },
    causationId: 'c',
    correlationId: 'c',
    schemaVersion: 1,
    streamId: 'c-1',
    streamVersion: version,
    globalPosition: version,
  }) as RecordedEvent<ComplaintEvent>;

function contextOf(stream: RecordedEvent<ComplaintEvent>[], extra: Partial<InvariantContext> = {}): InvariantContext {
  const store = createInMemoryEventStore<ComplaintEvent>();
  return {
    complaintId: 'c-1',
    command: {},
    result: { ok: false, error: new Error('unused') } as unknown as ExecuteResult,
    before: stream,
    stream,
    logLengthBefore: stream.length,
    log: stream,
    now: new Date(SPEC_NOW),
    store,
    engine: createEngine({ store, clock: createManualClock(SPEC_NOW) }),
    projections: [],
    engineOptions: {},
    ...extra,
  };
}

const check = async (inv: { check(c: InvariantContext): unknown }, stream: RecordedEvent<ComplaintEvent>[], extra?: Partial<InvariantContext>) =>
  inv.check(contextOf(stream, extra));

describe('the invariant catalogue', () => {
  it('archiving needs a satisfied follow-up in the last cycle and a preventive action', async () => {
    version = 0;
    const reopened = [
      recorded('FollowUpRecorded', { satisfied: true }),
      recorded('ComplaintReopened', { cycle: 2, reason: 'customerNotSatisfied' }),
      recorded('PreventiveActionRecorded', { action: 'Torque check' }),
      recorded('ComplaintArchived', {}),
    ];
    expect(await check(archiveNeedsSatisfiedFollowUpAndPreventiveAction, reopened)).toBe('#4 ComplaintArchived without a satisfied follow-up');
    version = 0;
    const fine = [recorded('FollowUpRecorded', { satisfied: true }), recorded('PreventiveActionRecorded', { action: 'x' }), recorded('ComplaintArchived', {})];
    expect(await check(archiveNeedsSatisfiedFollowUpAndPreventiveAction, fine)).toBeNull();
  });

  it("a major complaint's remedy is approved by senior management before execution", async () => {
    version = 0;
    const stream = [
      recorded('ComplaintClassified', { severity: 'major', previousSeverity: null }),
      recorded('ResolutionProposed', {}),
      recorded('RemedyApproved', {}, 'seniorManagement'),
      recorded('ResolutionProposed', {}),
      recorded('ExecutionStarted', {}),
    ];
    expect(await check(majorRemedyApprovedBeforeExecution, stream)).toBe('#5 ExecutionStarted of a major complaint whose remedy was not approved');
    expect(await check(majorRemedyApprovedBeforeExecution, [...stream.slice(0, 3), stream[4]!])).toBeNull();
  });

  it('refused commands append nothing', async () => {
    version = 0;
    const stream = [recorded('NoteAdded', { text: 'x', visibility: 'internal' })];
    expect(await check(acceptedAppendsRefusedDoesNot, stream, { before: [], logLengthBefore: 0 })).toMatch(/yet the stream grew by 1/);
  });

  it('versions are contiguous', async () => {
    version = 0;
    const a = recorded('NoteAdded', {});
    version = 2;
    const b = recorded('NoteAdded', {});
    expect(await check(contiguousVersions, [a, b])).toBe('stream c-1: event 2 has version 3');
  });
});
