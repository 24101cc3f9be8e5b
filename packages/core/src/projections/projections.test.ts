import { describe, expect, it } from 'vitest';
import type { Command } from '../commands/schema.js';
import { actors, commandOf, happyPath } from '../test-support/fixtures.js';
import { testEngine } from '../test-support/engine.js';
import { NOW } from '../test-support/given.js';
import { createInMemoryEventStore } from '../store/in-memory.js';
import type { ComplaintEvent } from '../events/schema.js';
import { runProjection } from './projection.js';
import { openComplaints } from './queues.js';
import { ticketViewProjection } from './ticket-view.js';

const assign = (id: string, handlerId: string) =>
  ({ ...commandOf('AssignHandler', id, NOW, 0, actors.head), data: { handlerId, reason: 'initial' } }) as Command;

describe('the ticket view', () => {
  it('shows step, severity, cause, handler, customer, remedy, deadline, cycles and the timeline', async () => {
    const { engine, tickets, clock } = testEngine();
    const path = happyPath('c-1', NOW, 'major');
    for (const command of path.slice(0, 2)) await engine.executeOrThrow(command);
    // The fixtures' handler, who then works the complaint (only the assigned handler may).
    await engine.executeOrThrow(assign('c-1', 'handler-1'));
    for (const command of path.slice(2, 10)) {
      clock.advance(3_600_000);
      await engine.executeOrThrow(command);
    }
    await engine.executeOrThrow(commandOf('RecordFollowUp', 'c-1', clock.now().toISOString(), 1));

    const ticket = engine.view(tickets).get('c-1');
    expect(ticket).toMatchObject({
      complaintId: 'c-1',
      step: 'investigating',
      severity: 'major',
      cause: 'repairQuality',
      servqualFactor: 'reliability',
      handlerId: 'handler-1',
      customer: { reference: 'cust-0', name: '王先生' },
      channel: 'phone',
      demand: 'Fix it for free and explain what went wrong',
      remedy: null,
      agreedDeadline: null,
      cycle: 2,
      reopenCount: 1,
      executedOnTime: true,
      lastFollowUp: { at: '2026-11-23T17:00:00.000Z', satisfied: false },
      escalations: ['seniorManagement'],
      receivedAt: '2026-11-23T09:00:00.000Z',
      updatedAt: '2026-11-23T17:00:00.000Z',
      closedAt: null,
    });
    expect(ticket?.timeline.map((t) => `${t.type}→${t.step}`)).toEqual([
      'ComplaintReceived→received',
      'AcknowledgementRecorded→received',
      'AcknowledgementRecorded→received',
      'ComplaintConfirmed→confirmed',
      'HandlerAssigned→confirmed',
      'ComplaintClassified→classified',
      'ComplaintEscalated→classified',
      'InvestigationStarted→investigating',
      'CauseIdentified→investigating',
      'ResponsibilityAttributed→investigating',
      'ResolutionProposed→resolutionProposed',
      'RemedyApproved→remedyApproved',
      'RemedyDecisionAttributed→remedyApproved',
      'ExecutionStarted→executing',
      'RemedyExecuted→followingUp',
      'FollowUpRecorded→followingUp',
      'ComplaintReopened→investigating',
    ]);
    expect(ticket?.version).toBe(17);
    expect(ticket?.timeline.at(-1)).toMatchObject({ version: 17, actor: { role: 'followUpStaff' } });
  });

  it('reads a cause recorded before SERVQUAL factors under its default factor, and no priority from an old classification', () => {
    const runner = runProjection(ticketViewProjection());
    const envelope = { occurredAt: NOW, actor: actors.handler, causationId: 'cmd', correlationId: 'cmd', schemaVersion: 1, streamId: 'c-old' };
    const old: ComplaintEvent[] = [
      { type: 'ComplaintReceived', data: { complaintId: 'c-old', customer: { reference: 'cust-1' }, channel: 'phone', description: 'd', demand: 'd' } },
      { type: 'ComplaintClassified', data: { severity: 'general', previousSeverity: null } },
      { type: 'CauseIdentified', data: { cause: 'environment', findings: 'dirty waiting room' } },
    ];
    old.forEach((e, i) => runner.apply({ ...e, ...envelope, eventId: `e${i}`, streamVersion: i + 1, globalPosition: i + 1 }));
    expect(runner.state.get('c-old')).toMatchObject({ severity: 'general', priority: null, cause: 'environment', servqualFactor: 'tangibles' });
  });

  it('keeps the remedy and the agreed deadline while they stand', async () => {
    const { engine, tickets } = testEngine();
    for (const command of happyPath('c-1', NOW).slice(0, 7)) await engine.executeOrThrow(command);
    expect(engine.view(tickets).get('c-1')).toMatchObject({ remedy: { kind: 'freeRepair' }, agreedDeadline: '2026-11-25T09:00:00.000Z' });
    await engine.executeOrThrow(commandOf('RenegotiateDeadline', 'c-1', NOW));
    expect(engine.view(tickets).get('c-1')?.agreedDeadline).toBe('2026-11-26T09:00:00.000Z');
  });

  it('shows what revealed the complaint, its slicing fields, and the latest repeat flag', async () => {
    const { engine, tickets, clock } = testEngine();
    const receive = commandOf('ReceiveComplaint', 'c-1', NOW);
    await engine.executeOrThrow({
      ...receive,
      data: { ...(receive.data as object), region: 'East', businessLine: 'Trucks', source: { kind: 'survey', reference: 'survey-7' } },
    } as Command);
    expect(engine.view(tickets).get('c-1')).toMatchObject({ region: 'East', businessLine: 'Trucks', source: { kind: 'survey', reference: 'survey-7' }, repeat: null });
    clock.advance(60_000);
    await engine.executeOrThrow(commandOf('FlagRepeatComplaint', 'c-1', NOW, 1));
    expect(engine.view(tickets).get('c-1')).toMatchObject({
      step: 'received',
      repeat: { at: '2026-11-23T09:01:00.000Z', count: 4, windowDays: 90, basis: 'product', related: ['c-earlier-1', 'c-earlier-2'] },
    });
    expect(engine.view(tickets).get('c-1')?.timeline.at(-1)).toMatchObject({ type: 'RepeatComplaintFlagged', step: 'received' });
  });

  it('leaves source, region and business line null when not given', async () => {
    const { engine, tickets } = testEngine();
    await engine.executeOrThrow(commandOf('ReceiveComplaint', 'c-1', NOW));
    expect(engine.view(tickets).get('c-1')).toMatchObject({ region: null, businessLine: null, source: null, repeat: null });
  });

  it('records when a complaint closed, and its preventive action', async () => {
    const { engine, tickets } = testEngine();
    for (const command of happyPath('c-1', NOW)) await engine.executeOrThrow(command);
    expect(engine.view(tickets).get('c-1')).toMatchObject({ step: 'archived', closedAt: NOW, preventiveAction: 'Torque check added to the checklist' });
  });
});

describe('the queues', () => {
  it('groups open complaints by step, handler, severity and customer, and drops closed ones', async () => {
    const { engine, queues } = testEngine();
    for (const command of happyPath('c-1', NOW, 'major').slice(0, 4)) await engine.executeOrThrow(command);
    for (const command of happyPath('c-2', NOW).slice(0, 2)) await engine.executeOrThrow(command);
    for (const command of happyPath('c-3', NOW)) await engine.executeOrThrow(command);
    await engine.executeOrThrow(commandOf('ReceiveComplaint', 'c-4', NOW, 2));
    await engine.executeOrThrow(assign('c-1', 'h-li'));
    await engine.executeOrThrow(assign('c-2', 'h-li'));
    await engine.executeOrThrow(commandOf('WithdrawComplaint', 'c-4', NOW));

    const q = engine.view(queues);
    expect(openComplaints(q)).toEqual(['c-1', 'c-2']);
    expect(openComplaints(q, { step: 'investigating' })).toEqual(['c-1']);
    expect(openComplaints(q, { handlerId: 'h-li' })).toEqual(['c-1', 'c-2']);
    expect(openComplaints(q, { handlerId: 'h-li', severity: 'major' })).toEqual(['c-1']);
    expect(openComplaints(q, { severity: null })).toEqual(['c-2']);
    expect(openComplaints(q, { customer: 'cust-0' })).toEqual(['c-1', 'c-2']);
    expect(openComplaints(q, { handlerId: null })).toEqual([]);
    expect(openComplaints(q, { step: 'archived' })).toEqual([]);
    expect(q.byStep.get('investigating')).toEqual(new Set(['c-1']));
    expect([...q.byStep.keys()].sort()).toEqual(['confirmed', 'investigating']);
  });

  it('moves a reassigned complaint between handlers', async () => {
    const { engine, queues } = testEngine();
    await engine.executeOrThrow(commandOf('ReceiveComplaint', 'c-1', NOW));
    await engine.executeOrThrow(assign('c-1', 'h-li'));
    await engine.executeOrThrow(assign('c-1', 'h-zhao'));
    expect(openComplaints(engine.view(queues), { handlerId: 'h-li' })).toEqual([]);
    expect(openComplaints(engine.view(queues), { handlerId: 'h-zhao' })).toEqual(['c-1']);
    expect(engine.view(queues).byHandler.has('h-li')).toBe(false);
  });
});

describe('projection runners', () => {
  it('skip events at or before their checkpoint, so feeding twice changes nothing', async () => {
    const store = createInMemoryEventStore<ComplaintEvent>();
    const { engine } = testEngine({ store });
    for (const command of happyPath('c-1', NOW).slice(0, 4)) await engine.executeOrThrow(command);
    const runner = runProjection(ticketViewProjection());
    await runner.catchUp(store);
    const once = structuredClone(runner.state);
    for (const e of await store.readAll()) runner.apply(e);
    await runner.catchUp(store);
    expect(runner.state).toEqual(once);
    expect(runner.checkpoint).toBe(store.size);
  });

  it('catch up to a given position only', async () => {
    const store = createInMemoryEventStore<ComplaintEvent>();
    const { engine } = testEngine({ store });
    for (const command of happyPath('c-1', NOW).slice(0, 4)) await engine.executeOrThrow(command);
    const runner = runProjection(ticketViewProjection());
    await runner.catchUp(store, 4);
    expect(runner.checkpoint).toBe(4);
    expect(runner.state.get('c-1')?.step).toBe('confirmed');
  });
});
