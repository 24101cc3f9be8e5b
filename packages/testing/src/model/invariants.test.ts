import { createEngine, createInMemoryEventStore, createManualClock, type ComplaintEvent, type ExecuteResult, type RecordedEvent } from '@redress/core';
import { describe, expect, it } from 'vitest';
import { SPEC_NOW } from '../specs/decider-spec.js';
import {
  acceptedAppendsRefusedDoesNot,
  archiveNeedsSatisfiedFollowUpAndPreventiveAction,
  classificationsComplete,
  contiguousVersions,
  dutiesKept,
  escalationOnlyClimbs,
  majorProposalApprovedBeforeExecution,
  majorRemedyApprovedBeforeExecution,
  meetingsNotInThePast,
  type InvariantContext,
} from './invariants.js';

// Invariants are checked on hand-written logs here, since a correct engine never produces the bad ones.
let version = 0;
const recorded = (type: string, data: object, role = 'handler', id = 'x'): RecordedEvent<ComplaintEvent> =>
  ({
    type,
    data,
    eventId: `e-${++version}`,
    occurredAt: SPEC_NOW,
    actor: { id, role },
    causationId: `c-${version}`,
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

  it('a remedy proposed while major is approved before execution, even after a downgrade', async () => {
    version = 0;
    const bypass = [
      recorded('ComplaintClassified', { severity: 'major', previousSeverity: null, priority: 'P2' }),
      recorded('ResolutionProposed', { requiresApproval: true }),
      recorded('ComplaintClassified', { severity: 'general', previousSeverity: 'major', priority: 'P3' }, 'seniorManagement'),
      recorded('ExecutionStarted', {}),
    ];
    // The old invariant cannot see it: the complaint is general when executed.
    expect(await check(majorRemedyApprovedBeforeExecution, bypass)).toBeNull();
    expect(await check(majorProposalApprovedBeforeExecution, bypass)).toBe(
      "#4 ExecutionStarted executes the remedy of #2 ResolutionProposed, proposed while major, without its configured approver's approval (the complaint is general now)",
    );
    version = 0;
    const reproposed = [...bypass.slice(0, 3), recorded('ResolutionProposed', { requiresApproval: false }), recorded('ExecutionStarted', {})];
    expect(await check(majorProposalApprovedBeforeExecution, reproposed)).toBeNull();
    version = 0;
    const approved = [...bypass.slice(0, 3), recorded('RemedyApproved', {}, 'seniorManagement'), recorded('ExecutionStarted', {})];
    expect(await check(majorProposalApprovedBeforeExecution, approved)).toBeNull();
  });

  it('escalation levels never go down, and a breach escalates once', async () => {
    version = 0;
    const up = (level: string, rank?: number, breach?: string) =>
      recorded('ComplaintEscalated', { level, reason: 'r', automatic: false, ...(rank ? { rank } : {}), ...(breach ? { breach: { id: breach, clock: 'plan', cycle: 1 } } : {}) });
    expect(await check(escalationOnlyClimbs, [up('headOfficeEngineering'), up('departmentHead', 1)])).toBe('#2 ComplaintEscalated to departmentHead (rung 1) after #1 ComplaintEscalated reached rung 3');
    version = 0;
    // Same rung, routed by type: not down. Old events without a rung read with the domain's hierarchy.
    expect(await check(escalationOnlyClimbs, [up('departmentHead'), up('headOfficeManagement', 3), up('headOfficeEngineering', 3)])).toBeNull();
    version = 0;
    expect(await check(escalationOnlyClimbs, [up('departmentHead', 1, 'b-1'), up('seniorManagement', 2, 'b-1')])).toBe('breach b-1 escalated twice: #1 ComplaintEscalated and #2 ComplaintEscalated');
  });

  it('duties: the approver is not the proposer, the assigned handler works the complaint', async () => {
    version = 0;
    const selfApproved = [recorded('ResolutionProposed', {}, 'seniorManagement', 'sm-1'), recorded('RemedyApproved', {}, 'seniorManagement', 'sm-1')];
    expect(await check(dutiesKept, selfApproved)).toBe('#2 RemedyApproved by sm-1, who proposed the remedy');
    expect(await check(dutiesKept, selfApproved, { engineOptions: { duties: { approverIsNotProposer: false } } })).toBeNull();
    version = 0;
    const other = [recorded('HandlerAssigned', { handlerId: 'h-li' }, 'departmentHead'), recorded('NoteAdded', {}, 'handler', 'h-zhao'), recorded('InvestigationStarted', {}, 'handler', 'h-zhao')];
    expect(await check(dutiesKept, other)).toBe('#3 InvestigationStarted by handler h-zhao, but the complaint is assigned to h-li');
    expect(await check(dutiesKept, other, { engineOptions: { duties: false } })).toBeNull();
  });

  it('classifications record a priority, safety is major, meetings are not in the past', async () => {
    version = 0;
    expect(await check(classificationsComplete, [recorded('ComplaintClassified', { severity: 'general', previousSeverity: null, safety: true, priority: 'P1' })])).toMatch(
      /a safety issue classified general/,
    );
    version = 0;
    expect(await check(classificationsComplete, [recorded('ComplaintClassified', { severity: 'general', previousSeverity: null })])).toMatch(/records no priority/);
    version = 0;
    expect(await check(meetingsNotInThePast, [recorded('MeetingArranged', { at: SPEC_NOW, venue: 'Lounge', previous: null })])).toMatch(/arranged at/);
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
