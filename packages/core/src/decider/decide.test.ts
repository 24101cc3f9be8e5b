import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, commandSchema, type Command, type CommandType } from '../commands/schema.js';
import { ROLES, type Role } from '../domain/vocabulary.js';
import { ForbiddenError, IllegalCommandError, NotFoundError, ValidationError } from '../errors/errors.js';
import { validationErrorFromZod } from '../errors/from-zod.js';
import { defaultPermissionMatrix } from '../permissions/matrix.js';
import { actors, commandOf, fullAcknowledgement, happyPath } from '../test-support/fixtures.js';
import { eventTypes, NOW, stateAfter } from '../test-support/given.js';
import { decide, type WorkflowRule } from './decide.js';
import { evolveAll } from './evolve.js';
import { initialComplaintState, type ComplaintState } from './state.js';

const ID = 'c-1';
const path = (severity: 'general' | 'major' = 'general') => happyPath(ID, NOW, severity);
/** The state after the first `n` commands of the happy path. */
const at = (n: number, severity: 'general' | 'major' = 'general') => stateAfter(path(severity).slice(0, n));
const cmd = (type: CommandType, variant = 0, actor?: Command['actor']) => commandOf(type, ID, NOW, variant, actor);

function refused(state: ComplaintState, command: Command) {
  const result = decide(state, command, { now: NOW });
  if (result.ok) throw new Error(`expected ${command.type} to be refused, got ${eventTypes(result.value).join(', ')}`);
  return result.error;
}
/** The dotted paths of what the command schema refuses in `command`; throws when it accepts it. */
function invalidPaths(command: unknown): string[] {
  const parsed = commandSchema.safeParse(command);
  if (parsed.success) throw new Error('expected the command schema to refuse the command');
  return validationErrorFromZod(parsed.error).issues.map((i) => i.path);
}
function accepted(state: ComplaintState, command: Command) {
  const result = decide(state, command, { now: NOW });
  if (!result.ok) throw new Error(`expected ${command.type} to be accepted: ${result.error.message}`);
  return { events: result.value, state: evolveAll(state, result.value) };
}

describe('the 8 steps, in order', () => {
  it('walks a general complaint from received to archived', () => {
    const steps: string[] = [];
    let state = initialComplaintState;
    for (const command of path('general')) {
      state = accepted(state, command).state;
      steps.push(state.step);
    }
    expect(steps).toEqual([
      'received',
      'confirmed',
      'classified',
      'investigating',
      'investigating',
      // The responsible party is attributed while investigating (分清责任), before the proposal.
      'investigating',
      'resolutionProposed',
      'executing',
      'followingUp',
      'followingUp',
      'archived',
    ]);
  });

  it('takes a major complaint through senior management approval', () => {
    const state = stateAfter(path('major'));
    expect(state.step).toBe('archived');
    expect(state.severity).toBe('major');
  });

  it('records the acknowledgement with the receipt', () => {
    const { events } = accepted(initialComplaintState, cmd('ReceiveComplaint'));
    expect(eventTypes(events)).toEqual(['ComplaintReceived', 'AcknowledgementRecorded']);
    expect(events[0]).toMatchObject({ type: 'ComplaintReceived', data: { complaintId: ID, customer: { reference: 'cust-0' } } });
  });

  it('records what the customer demands and the channel', () => {
    const { state, events } = accepted(initialComplaintState, cmd('ReceiveComplaint'));
    expect(state).toMatchObject({ step: 'received', complaintId: ID, customerReference: 'cust-0', cycle: 1 });
    expect(events[0]?.data).toMatchObject({ demand: expect.any(String), channel: 'phone' });
  });
});

describe('guards', () => {
  describe('acknowledgement (thank, appreciate, apologise, promise) by confirmation', () => {
    const receivedWithout = () => stateAfter([cmd('ReceiveComplaint', 1)]);

    it('refuses to confirm with none recorded, naming what is missing', () => {
      const error = refused(receivedWithout(), { ...cmd('ConfirmComplaint'), data: { summary: 'Confirmed' } } as Command);
      expect(error).toBeInstanceOf(IllegalCommandError);
      expect(error).toMatchObject({ step: 'received', rule: { name: 'acknowledgementComplete' } });
      expect(error.message).toMatch(/thanked, appreciated, apologised, promisedPromptAction/);
    });

    it('refuses a partial acknowledgement', () => {
      const error = refused(receivedWithout(), cmd('ConfirmComplaint', 7));
      expect(error.message).toMatch(/still missing: apologised \(rule acknowledgementComplete\)$/);
    });

    it('accepts the acknowledgement given at confirmation', () => {
      const { events, state } = accepted(receivedWithout(), cmd('ConfirmComplaint', 0));
      expect(eventTypes(events)).toEqual(['AcknowledgementRecorded', 'ComplaintConfirmed']);
      expect(state.acknowledgement).toEqual(fullAcknowledgement);
    });

    it('combines parts recorded at receipt and at confirmation', () => {
      const received = stateAfter([
        { ...cmd('ReceiveComplaint', 1), data: { ...cmd('ReceiveComplaint', 1).data, acknowledgement: { ...fullAcknowledgement, apologised: false } } } as Command,
      ]);
      const confirm = { ...cmd('ConfirmComplaint'), data: { summary: 'ok', acknowledgement: { thanked: false, appreciated: false, apologised: true, promisedPromptAction: false } } } as Command;
      expect(accepted(received, confirm).state.step).toBe('confirmed');
    });

    it('needs nothing more at confirmation when the receipt recorded all four', () => {
      expect(accepted(at(1), cmd('ConfirmComplaint', 1)).state.step).toBe('confirmed');
    });
  });

  describe('classification', () => {
    it('escalates a major complaint to senior management when classified', () => {
      const { events } = accepted(at(2), { ...cmd('ClassifyComplaint'), data: { severity: 'major' } } as Command);
      expect(events).toEqual([
        { type: 'ComplaintClassified', data: { severity: 'major', previousSeverity: null, priority: 'P2', matrix: 'default' } },
        { type: 'ComplaintEscalated', data: { level: 'seniorManagement', reason: expect.any(String), automatic: true, rank: 2, ladder: 'default' } },
      ]);
    });

    it('does not escalate a general complaint', () => {
      const { events } = accepted(at(2), { ...cmd('ClassifyComplaint'), data: { severity: 'general' } } as Command);
      expect(eventTypes(events)).toEqual(['ComplaintClassified']);
    });

    it('allows reclassification later, and escalates an upgrade to major', () => {
      const { events, state } = accepted(at(5), { ...cmd('ClassifyComplaint'), data: { severity: 'major', reason: 'Third visit' } } as Command);
      expect(state).toMatchObject({ step: 'investigating', severity: 'major' });
      expect(events[0]).toMatchObject({ data: { previousSeverity: 'general' } });
      expect(eventTypes(events)).toContain('ComplaintEscalated');
    });

    it('refuses a reclassification that changes nothing', () => {
      const error = refused(at(4), { ...cmd('ClassifyComplaint'), data: { severity: 'general' } } as Command);
      expect(error).toMatchObject({ rule: { name: 'classificationChanges' } });
    });

    it('refuses reclassification once a major remedy is approved', () => {
      const error = refused(at(8, 'major'), { ...cmd('ClassifyComplaint'), data: { severity: 'general' } } as Command);
      expect(error).toMatchObject({ step: 'remedyApproved', rule: undefined });
    });
  });

  describe('resolution needs findings and a deadline agreed with the customer', () => {
    it('refuses a resolution before a cause is identified', () => {
      expect(refused(at(4), cmd('ProposeResolution'))).toMatchObject({ rule: { name: 'causeIdentified' } });
    });

    it('refuses an agreed deadline that is not in the future', () => {
      expect(refused(at(6), cmd('ProposeResolution', 1))).toMatchObject({ rule: { name: 'deadlineInFuture' } });
    });

    it('refuses a deadline exactly at now', () => {
      const command = { ...cmd('ProposeResolution'), data: { ...cmd('ProposeResolution').data, agreedDeadline: NOW } } as Command;
      expect(refused(at(6), command)).toMatchObject({ rule: { name: 'deadlineInFuture' } });
    });

    it('records the remedy and the deadline, and whether approval is needed', () => {
      const general = accepted(at(6), cmd('ProposeResolution'));
      expect(general.events[0]).toMatchObject({ data: { requiresApproval: false, remedy: { kind: 'freeRepair' } } });
      expect(general.state.agreedDeadline).toBe('2026-11-25T09:00:00.000Z');
      expect(accepted(at(6, 'major'), cmd('ProposeResolution')).events[0]).toMatchObject({ data: { requiresApproval: true } });
    });

    it('lets the remedy be revised while proposed', () => {
      const revised = { ...cmd('ProposeResolution'), data: { remedy: { kind: 'discount', description: '20% off labour' }, agreedDeadline: '2026-11-24T09:00:00Z' } } as Command;
      expect(accepted(at(7), revised).state).toMatchObject({ step: 'resolutionProposed', agreedDeadline: '2026-11-24T09:00:00Z' });
    });

    it('renegotiates the deadline only to a future instant', () => {
      expect(accepted(at(7), cmd('RenegotiateDeadline')).events[0]).toMatchObject({
        data: { previousDeadline: '2026-11-25T09:00:00.000Z', agreedDeadline: '2026-11-26T09:00:00.000Z' },
      });
      expect(refused(at(7), cmd('RenegotiateDeadline', 1))).toMatchObject({ rule: { name: 'deadlineInFuture' } });
    });
  });

  describe('major complaints: senior management approves before execution', () => {
    it('refuses to execute a major remedy before approval', () => {
      const error = refused(at(7, 'major'), cmd('StartExecution'));
      expect(error).toMatchObject({ step: 'resolutionProposed', rule: { name: 'severityGeneral' } });
      expect(error.message).toMatch(/senior management approves/);
    });

    it('executes after approval', () => {
      expect(accepted(at(8, 'major'), cmd('StartExecution')).state.step).toBe('executing');
    });

    it('does not ask approval for a general complaint', () => {
      expect(refused(at(7), cmd('ApproveRemedy'))).toMatchObject({ rule: { name: 'remedyNeedsApproval' } });
      expect(refused(at(7), cmd('RejectRemedy'))).toMatchObject({ rule: { name: 'remedyNeedsApproval' } });
    });

    it('sends a rejected remedy back to investigation, keeping the cause', () => {
      const { state } = accepted(at(7, 'major'), cmd('RejectRemedy'));
      expect(state).toMatchObject({ step: 'investigating', remedy: null, agreedDeadline: null, causeIdentified: true });
      expect(accepted(state, cmd('ProposeResolution')).state.step).toBe('resolutionProposed');
    });

    it('needs approval again after a major remedy is revised', () => {
      const approved = at(8, 'major');
      expect(approved.step).toBe('remedyApproved');
      expect(refused(approved, cmd('ProposeResolution'))).toMatchObject({ kind: 'IllegalCommand', step: 'remedyApproved' });
    });

    it('needs approval for a complaint upgraded to major after its remedy was proposed', () => {
      const upgraded = accepted(at(7), { ...cmd('ClassifyComplaint'), data: { severity: 'major' } } as Command).state;
      expect(refused(upgraded, cmd('StartExecution'))).toMatchObject({ rule: { name: 'severityGeneral' } });
      expect(accepted(upgraded, cmd('ApproveRemedy')).state.step).toBe('remedyApproved');
    });
  });

  describe('execution is measured against the agreed deadline', () => {
    it('marks a remedy executed by the deadline as on time', () => {
      expect(accepted(at(8), cmd('CompleteExecution')).events[0]).toMatchObject({ data: { onTime: true, agreedDeadline: '2026-11-25T09:00:00.000Z' } });
    });

    it('marks a late execution', () => {
      const result = decide(at(8), cmd('CompleteExecution'), { now: '2026-11-26T00:00:00.000Z' });
      expect(result.ok && result.value[0]).toMatchObject({ data: { onTime: false } });
    });

    it('counts an execution at the deadline instant itself as late, as the remedy clock breaches at it', () => {
      const atDeadline = decide(at(8), cmd('CompleteExecution'), { now: '2026-11-25T09:00:00.000Z' });
      expect(atDeadline.ok && atDeadline.value[0]).toMatchObject({ data: { onTime: false } });
      const justBefore = decide(at(8), cmd('CompleteExecution'), { now: '2026-11-25T08:59:59.999Z' });
      expect(justBefore.ok && justBefore.value[0]).toMatchObject({ data: { onTime: true } });
    });
  });

  describe('follow-up and reopening', () => {
    it('reopens a complaint the customer is not satisfied with, counting the cycle', () => {
      const { events, state } = accepted(at(9), cmd('RecordFollowUp', 1));
      expect(events).toEqual([
        { type: 'FollowUpRecorded', data: { satisfied: false, channel: 'phone', recordedBy: 'followUpStaff-1' } },
        { type: 'ComplaintReopened', data: { cycle: 2, reason: 'customerNotSatisfied' } },
      ]);
      expect(state).toMatchObject({ step: 'investigating', cycle: 2, causeIdentified: false, remedy: null, satisfiedFollowUp: false });
    });

    it('needs a new cause in the new cycle before a new resolution', () => {
      const reopened = accepted(at(9), cmd('RecordFollowUp', 1)).state;
      expect(refused(reopened, cmd('ProposeResolution'))).toMatchObject({ rule: { name: 'causeIdentified' } });
      const thirdCycle = stateAfter([...path().slice(0, 9), cmd('RecordFollowUp', 1), cmd('IdentifyCause'), cmd('ProposeResolution'), cmd('StartExecution'), cmd('CompleteExecution'), cmd('RecordFollowUp', 1)]);
      expect(thirdCycle.cycle).toBe(3);
    });

    it('keeps a satisfied complaint in follow-up until archived', () => {
      expect(accepted(at(9), cmd('RecordFollowUp')).state).toMatchObject({ step: 'followingUp', satisfiedFollowUp: true });
    });
  });

  describe('archiving needs a satisfied follow-up and a preventive action', () => {
    it('refuses without a follow-up', () => {
      expect(refused(at(9), cmd('ArchiveComplaint'))).toMatchObject({ rule: { name: 'followUpSatisfied' } });
    });

    it('refuses without a preventive action', () => {
      expect(refused(at(10), cmd('ArchiveComplaint', 1))).toMatchObject({ rule: { name: 'preventiveActionRecorded' } });
    });

    it('accepts a preventive action recorded earlier', () => {
      const state = stateAfter([...path().slice(0, 5), cmd('RecordPreventiveAction'), ...path().slice(5, 10)]);
      expect(accepted(state, cmd('ArchiveComplaint', 1)).events.map((e) => e.type)).toEqual(['ComplaintArchived']);
    });

    it('records a preventive action given with the archive command first', () => {
      expect(eventTypes(accepted(at(10), cmd('ArchiveComplaint')).events)).toEqual(['PreventiveActionRecorded', 'ComplaintArchived']);
    });
  });

  describe('handlers', () => {
    it('assigns and reassigns with a reason, remembering the previous handler', () => {
      const first = accepted(at(1), { ...cmd('AssignHandler'), data: { handlerId: 'h-li', reason: 'initial' } } as Command);
      const second = accepted(first.state, {
        ...cmd('AssignHandler'),
        data: { handlerId: 'h-zhao', reason: 'threeChanges', venue: 'Customer lounge, 2nd floor', meetingAt: '2026-11-24T10:00:00Z' },
      } as Command);
      expect(second.events).toEqual([
        { type: 'HandlerAssigned', data: { handlerId: 'h-zhao', previousHandlerId: 'h-li', reason: 'threeChanges' } },
        { type: 'MeetingArranged', data: { at: '2026-11-24T10:00:00Z', venue: 'Customer lounge, 2nd floor', previous: null, reason: 'threeChanges' } },
      ]);
      expect(second.state.handlerId).toBe('h-zhao');
    });

    it('refuses to assign the current handler again', () => {
      const state = stateAfter([...path().slice(0, 1), { ...cmd('AssignHandler'), data: { handlerId: 'h-li', reason: 'initial' } } as Command]);
      expect(refused(state, { ...cmd('AssignHandler'), data: { handlerId: 'h-li', reason: 'workload' } } as Command)).toMatchObject({ rule: { name: 'differentHandler' } });
    });
  });
});

describe('waiting on the customer', () => {
  it('starts and ends a wait, whatever the step', () => {
    const waiting = accepted(at(5), cmd('WaitOnCustomer'));
    expect(waiting.events).toEqual([{ type: 'WaitingOnCustomerStarted', data: { reason: 'information', note: 'Waiting for the service invoice photo' } }]);
    expect(waiting.state).toMatchObject({ step: 'investigating', waitingOnCustomer: true });
    const done = accepted(waiting.state, cmd('StopWaitingOnCustomer'));
    expect(done.events).toEqual([{ type: 'WaitingOnCustomerEnded', data: {} }]);
    expect(done.state).toMatchObject({ step: 'investigating', waitingOnCustomer: false });
  });

  it('refuses to wait twice, or to stop a wait that did not start', () => {
    expect(refused(at(3), cmd('StopWaitingOnCustomer'))).toMatchObject({ rule: { name: 'waitingOnCustomer' } });
    const waiting = accepted(at(3), cmd('WaitOnCustomer')).state;
    expect(refused(waiting, cmd('WaitOnCustomer'))).toMatchObject({ rule: { name: 'notWaitingOnCustomer' } });
  });

  it('lets work go on while waiting', () => {
    const waiting = accepted(at(4), cmd('WaitOnCustomer')).state;
    expect(accepted(waiting, cmd('IdentifyCause')).state).toMatchObject({ causeIdentified: true, waitingOnCustomer: true });
  });
});

describe('escalation', () => {
  it('records who escalated: a person, or automation acting as system', () => {
    const byPerson = accepted(at(3), cmd('EscalateComplaint', 0, actors.handler));
    expect(byPerson.events[0]).toMatchObject({ type: 'ComplaintEscalated', data: { level: 'departmentHead', automatic: false } });
    const bySystem = accepted(at(3), cmd('EscalateComplaint', 0, { id: 'sla-ticker', role: 'system' }));
    expect(bySystem.events[0]).toMatchObject({ data: { automatic: true } });
  });
});

describe('events of other kinds in a complaint stream', () => {
  it('change nothing', () => {
    const state = at(3);
    expect(evolveAll(state, [{ type: 'SurveyTaken', data: {} } as never])).toBe(state);
  });
});

describe('withdrawal and closed complaints', () => {
  const openSteps = path('major').slice(0, 11).map((_, n) => at(n + 1, 'major'));

  it.each(openSteps.map((s) => [s.step, s] as const))('withdraws from %s', (_, state) => {
    const { events, state: after } = accepted(state, cmd('WithdrawComplaint'));
    expect(events[0]).toMatchObject({ type: 'ComplaintWithdrawn', data: { fromStep: state.step } });
    expect(after.step).toBe('withdrawn');
  });

  const withdrawn = accepted(at(3), cmd('WithdrawComplaint')).state;
  const archived = stateAfter(path());
  it.each(COMMAND_TYPES.flatMap((t) => [['withdrawn', t, withdrawn] as const, ['archived', t, archived] as const]))(
    'accepts nothing once %s: %s',
    (step, type, state) => {
      const error = refused(state, cmd(type));
      expect(error).toBeInstanceOf(IllegalCommandError);
      expect(error).toMatchObject({ step, allowed: [] });
      expect(error.message).toMatch(/closed/);
    },
  );
});

describe('illegal commands name the step and what is allowed there', () => {
  it('refuses a command not available in the current step', () => {
    const error = refused(at(1), cmd('StartExecution'));
    expect(error).toBeInstanceOf(IllegalCommandError);
    expect(error).toMatchObject({ commandType: 'StartExecution', step: 'received', rule: undefined });
    const allowed = (error as IllegalCommandError).allowed;
    expect([...allowed].sort()).toEqual([
      'AcceptHandOver',
      'AddNote',
      'ArrangeMeeting',
      'AssignHandler',
      'BreakPromise',
      'ConfirmComplaint',
      'DeclineComplaint',
      'DeclineHandOver',
      'EscalateComplaint',
      'EscalateOnBreach',
      'ExplainPromiseBreak',
      'FlagRepeatComplaint',
      'KeepPromise',
      'LogCustomerContact',
      'MakePromise',
      'OfferHandOver',
      'RouteComplaint',
      'SendProgressNotice',
      'StopWaitingOnCustomer',
      'WaitOnCustomer',
      'WithdrawComplaint',
    ]);
    expect(error.message).toMatch(/StartExecution is not allowed in step "received"; allowed here: .*ConfirmComplaint/);
  });

  it('refuses to receive the same complaint twice', () => {
    expect(refused(at(1), cmd('ReceiveComplaint'))).toMatchObject({ kind: 'IllegalCommand', step: 'received' });
  });

  it.each(COMMAND_TYPES.filter((t) => t !== 'ReceiveComplaint'))('reports %s on an unknown complaint as not found', (type) => {
    const error = refused(initialComplaintState, cmd(type));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe('no complaint c-1 has been received');
  });

  it('needs a complaint id to decide a receipt', () => {
    const { complaintId: _, ...withoutId } = cmd('ReceiveComplaint');
    expect(refused(initialComplaintState, withoutId as Command)).toBeInstanceOf(ValidationError);
  });
});

describe('roles', () => {
  /** For each command type, a state in which it is legal. */
  const legalState: Record<CommandType, ComplaintState> = {
    ReceiveComplaint: initialComplaintState,
    ConfirmComplaint: at(1),
    ClassifyComplaint: at(2),
    StartInvestigation: at(3),
    IdentifyCause: at(4),
    ProposeResolution: at(6),
    ApproveRemedy: at(7, 'major'),
    RejectRemedy: at(7, 'major'),
    StartExecution: at(7),
    CompleteExecution: at(8),
    RenegotiateDeadline: at(8),
    RecordFollowUp: at(9),
    RecordPreventiveAction: at(9),
    ArchiveComplaint: at(10),
    WithdrawComplaint: at(3),
    AssignHandler: at(3),
    AddNote: at(3),
    LogCustomerContact: at(3),
    EscalateComplaint: at(3),
    EscalateOnBreach: at(3),
    ArrangeMeeting: at(3),
    WaitOnCustomer: at(3),
    StopWaitingOnCustomer: stateAfter([...path().slice(0, 3), cmd('WaitOnCustomer')]),
    FlagRepeatComplaint: at(3),
    OfferHandOver: at(3),
    // Offered to the actor of these cases: only the one offered the complaint answers.
    AcceptHandOver: { ...at(3), handOver: { from: 'frontDesk-1', to: 'someone' } },
    DeclineHandOver: { ...at(3), handOver: { from: 'frontDesk-1', to: 'someone' } },
    MakePromise: at(3),
    RouteComplaint: at(3),
    SendProgressNotice: at(3),
    SendResultFeedback: at(9),
    KeepPromise: { ...at(3), promiseIds: ['promise-1'], openPromises: [{ id: 'promise-1', due: NOW, explained: false }] },
    ExplainPromiseBreak: { ...at(3), promiseIds: ['promise-1'], openPromises: [{ id: 'promise-1', due: NOW, explained: false }] },
    BreakPromise: { ...at(3), promiseIds: ['promise-1'], openPromises: [{ id: 'promise-1', due: NOW, explained: true }] },
    AttributeResponsibility: at(4),
    DeclineComplaint: at(1),
    OfferResolutionOptions: at(4),
    RecordCustomerChoice: { ...at(4), offer: { options: [{ optionId: 'repair', remedy: { kind: 'freeRepair', description: 'x' } }, { optionId: 'refund', remedy: { kind: 'refund', description: 'y' } }], chosen: null } },
    RecordWrittenNotice: at(7),
  };
  const cases = COMMAND_TYPES.flatMap((type) => ROLES.map((role) => [type, role, defaultPermissionMatrix[type].includes(role)] as const));

  it.each(cases)('%s by %s: allowed=%s', (type, role, allowed) => {
    // Roles only: who of a role may act on this complaint (duties) is tested in duties.test.ts.
    const result = decide(legalState[type], cmd(type, 0, { id: 'someone', role }), { now: NOW, duties: false });
    if (allowed) {
      expect(result.ok).toBe(true);
    } else {
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toBeInstanceOf(ForbiddenError);
      expect(!result.ok && result.error.message).toBe(`someone (${role}) may not ${type}`);
    }
  });

  it('lets only senior management approve a major remedy', () => {
    const allowed = ROLES.filter((role: Role) => decide(at(7, 'major'), cmd('ApproveRemedy', 0, { id: 'x', role }), { now: NOW }).ok);
    expect(allowed).toEqual(['seniorManagement']);
  });

  it('lets follow-up staff record follow-ups, not the handler', () => {
    expect(decide(at(9), cmd('RecordFollowUp', 0, actors.followUp), { now: NOW }).ok).toBe(true);
    expect(refused(at(9), cmd('RecordFollowUp', 0, actors.handler))).toBeInstanceOf(ForbiddenError);
  });

  it('checks roles before the step, so a forbidden actor learns nothing about the complaint', () => {
    expect(refused(at(1), cmd('ApproveRemedy', 0, actors.customer))).toBeInstanceOf(ForbiddenError);
  });
});

describe('host rules', () => {
  const priceSignOff: WorkflowRule = {
    name: 'priceSignOff',
    appliesTo: ['ProposeResolution'],
    check: ({ command, state }) =>
      command.type === 'ProposeResolution' && (command.data.remedy.amount?.value ?? 0) > 1000 && command.actor.role !== 'departmentHead'
        ? `compensation above 1000 for ${state.complaintId} needs the department head`
        : null,
  };
  const big = (actor: Command['actor']) =>
    ({ ...cmd('ProposeResolution', 0, actor), data: { ...cmd('ProposeResolution').data, remedy: { kind: 'compensation', description: 'Refund', amount: { value: 5000, currency: 'CNY' } } } }) as Command;

  it('refuses what a host rule refuses, with its name and message', () => {
    const result = decide(at(6), big(actors.handler), { now: NOW, rules: [priceSignOff] });
    expect(!result.ok && result.error).toMatchObject({ kind: 'IllegalCommand', rule: { name: 'priceSignOff', message: 'compensation above 1000 for c-1 needs the department head' } });
  });

  it('passes what a host rule allows', () => {
    expect(decide(at(6), big(actors.head), { now: NOW, rules: [priceSignOff] }).ok).toBe(true);
  });

  it('only checks rules after the machine accepts', () => {
    const result = decide(at(4), big(actors.handler), { now: NOW, rules: [priceSignOff] });
    expect(!result.ok && result.error).toMatchObject({ rule: { name: 'causeIdentified' } });
  });
});

describe('repeat complaints', () => {
  const openSteps = path('major').slice(0, 11).map((_, n) => at(n + 1, 'major'));

  it.each(openSteps.map((s) => [s.step, s] as const))('flags a repeat complaint in %s without moving the step', (_, state) => {
    const { events, state: after } = accepted(state, cmd('FlagRepeatComplaint'));
    expect(events).toEqual([
      { type: 'RepeatComplaintFlagged', data: { count: 3, windowDays: 90, basis: 'customer', related: ['c-earlier-1', 'c-earlier-2'] } },
    ]);
    expect(after).toEqual(state);
  });

  it('refuses a flag with too small a count, an unknown basis or no related complaint', () => {
    for (const data of [
      { count: 1, windowDays: 90, basis: 'customer', related: ['c-0'] },
      { count: 3, windowDays: 90, basis: 'weather', related: ['c-0'] },
      { count: 3, windowDays: 90, basis: 'cause', related: [] },
    ]) {
      expect(invalidPaths({ ...cmd('FlagRepeatComplaint'), data }).length).toBe(1);
    }
    expect(commandSchema.safeParse(cmd('FlagRepeatComplaint')).success).toBe(true);
  });
});

describe('satisfaction surveys with the follow-up', () => {
  it('records each rating with its level, and satisfied still decides the workflow', () => {
    const satisfied = accepted(at(9), cmd('RecordFollowUp', 0));
    expect(eventTypes(satisfied.events)).toEqual(['FollowUpRecorded']);
    expect(satisfied.events[0]?.data).toEqual({
      satisfied: true,
      channel: 'phone',
      survey: {
        ratings: [
          { dimension: 'timeliness', score: 9, level: 'verySatisfied' },
          { dimension: 'attitude', score: 8, level: 'satisfied', comment: 'Polite on the phone' },
        ],
      },
      recordedBy: 'followUpStaff-1',
    });
    const unhappy = accepted(at(9), cmd('RecordFollowUp', 3));
    expect(eventTypes(unhappy.events)).toEqual(['FollowUpRecorded', 'ComplaintReopened']);
    expect(unhappy.events[0]?.data).toMatchObject({
      satisfied: false,
      survey: { ratings: [{ dimension: 'timeliness', score: 4, level: 'dissatisfied', reasons: ['lateArrival'] }, { score: 6, level: 'average' }] },
    });
  });

  it.each([
    ['a score of 0', [{ dimension: 'skill', score: 0 }], 'data.survey.ratings[0].score'],
    ['a score of 11', [{ dimension: 'skill', score: 11 }], 'data.survey.ratings[0].score'],
    ['a fractional score', [{ dimension: 'skill', score: 7.5 }], 'data.survey.ratings[0].score'],
    ['a dimension rated twice', [{ dimension: 'skill', score: 7 }, { dimension: 'skill', score: 8 }], 'data.survey.ratings'],
    ['no rating', [], 'data.survey.ratings'],
    ['a level given by the caller', [{ dimension: 'skill', score: 7, level: 'satisfied' }], 'data.survey.ratings[0]'],
  ])('refuses %s', (_, ratings, path) => {
    expect(invalidPaths({ ...cmd('RecordFollowUp'), data: { satisfied: true, survey: { ratings } } })).toEqual([path]);
  });

  it('accepts a survey rating with reason codes and free text', () => {
    const ratings = [{ dimension: 'parts', score: 3, reasons: ['outOfStock'], comment: 'Waited two weeks for a filter' }];
    expect(commandSchema.safeParse({ ...cmd('RecordFollowUp'), data: { satisfied: false, survey: { ratings, comment: 'Otherwise fine' } } }).success).toBe(true);
  });
});

describe('where a complaint came from and how it is sliced', () => {
  it('carries the source, region, business line and customer segment into ComplaintReceived', () => {
    const receive = cmd('ReceiveComplaint');
    const data = {
      ...(receive.data as object),
      customer: { reference: 'cust-9', segment: 'fleet' },
      region: 'East',
      businessLine: 'Trucks',
      source: { kind: 'survey', reference: 'survey-7' },
    };
    const { events } = accepted(initialComplaintState, { ...receive, data } as Command);
    expect(events[0]?.data).toMatchObject({
      customer: { reference: 'cust-9', segment: 'fleet' },
      region: 'East',
      businessLine: 'Trucks',
      source: { kind: 'survey', reference: 'survey-7' },
    });
  });

  it('refuses an unknown source kind', () => {
    const receive = cmd('ReceiveComplaint');
    const data = { ...(receive.data as object), source: { kind: 'rumour' } };
    expect(invalidPaths({ ...receive, data })).toEqual(['data.source.kind']);
  });
});

describe('the SERVQUAL factor of a cause', () => {
  const investigating = () => at(4);
  const identify = (data: Record<string, unknown>) => commandSchema.parse({ type: 'IdentifyCause', complaintId: ID, actor: actors.handler, data }) as Command;

  it.each([
    ['price', 'assurance'],
    ['environment', 'tangibles'],
    ['repairDuration', 'responsiveness'],
  ] as const)('records the default factor of %s (%s) when none is named', (cause, factor) => {
    const { events } = accepted(investigating(), identify({ cause, findings: 'found' }));
    expect(events[0]).toMatchObject({ type: 'CauseIdentified', data: { cause, servqualFactor: factor } });
  });

  it('records the factor the handler names instead of the default', () => {
    const { events } = accepted(investigating(), identify({ cause: 'price', findings: 'found', servqualFactor: 'empathy' }));
    expect(events[0]).toMatchObject({ data: { cause: 'price', servqualFactor: 'empathy' } });
  });

  it('refuses a factor that is not one of the five', () => {
    expect(invalidPaths({ type: 'IdentifyCause', complaintId: ID, actor: actors.handler, data: { cause: 'price', findings: 'x', servqualFactor: 'speed' } })).toEqual([
      'data.servqualFactor',
    ]);
  });
});
