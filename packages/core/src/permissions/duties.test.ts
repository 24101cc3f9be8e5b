/** Ownership and separation of duties: which person of a permitted role may act on this complaint. */
import { describe, expect, it } from 'vitest';
import type { Command, CommandType } from '../commands/schema.js';
import { decide } from '../decider/decide.js';
import type { ComplaintState } from '../decider/state.js';
import type { Actor } from '../domain/primitives.js';
import { actors, commandOf, happyPath } from '../test-support/fixtures.js';
import { NOW, stateAfter } from '../test-support/given.js';
import { separationOfDuties } from './duties.js';

const ID = 'c-1';
const cmd = (type: CommandType, actor: Actor, variant = 0) => commandOf(type, ID, NOW, variant, actor);
const decideAs = (state: ComplaintState, command: Command, duties?: Parameters<typeof decide>[2]['duties']) => decide(state, command, { now: NOW, ...(duties !== undefined ? { duties } : {}) });
const reason = (state: ComplaintState, command: Command, duties?: Parameters<typeof decide>[2]['duties']) => {
  const result = decideAs(state, command, duties);
  return result.ok ? 'accepted' : result.error.kind === 'Forbidden' ? (result.error.reason ?? 'forbidden') : result.error.message;
};
/** The major happy path up to the proposal (cause found, responsibility attributed), proposed by `proposer`. */
const proposedBy = (proposer: Actor) => stateAfter([...happyPath(ID, NOW, 'major').slice(0, 6), cmd('ProposeResolution', proposer)]);

describe('separation of duties', () => {
  it('the approver of a remedy is not its proposer', () => {
    const state = proposedBy(actors.senior);
    expect(reason(state, cmd('ApproveRemedy', actors.senior))).toBe('sm-zhou proposed this remedy: someone else approves or rejects it');
    expect(reason(state, cmd('RejectRemedy', actors.senior))).toMatch(/someone else approves or rejects it/);
    expect(reason(state, cmd('ApproveRemedy', { id: 'sm-wu', role: 'seniorManagement' }))).toBe('accepted');
    expect(reason(state, cmd('ApproveRemedy', actors.senior), { approverIsNotProposer: false })).toBe('accepted');
  });

  it('the assigned handler works the complaint; the department head may step in; notes stay open to all staff', () => {
    const assigned = stateAfter([...happyPath(ID, NOW).slice(0, 3), { ...cmd('AssignHandler', actors.head), data: { handlerId: 'h-li', reason: 'initial' } } as Command]);
    expect(reason(assigned, cmd('StartInvestigation', actors.otherHandler))).toBe('the complaint is assigned to h-li: only they (or the department head) work it until it is reassigned');
    expect(reason(assigned, cmd('StartInvestigation', actors.handler))).toBe('accepted');
    expect(reason(assigned, cmd('StartInvestigation', actors.head))).toBe('accepted');
    expect(reason(assigned, cmd('AddNote', actors.otherHandler))).toBe('accepted');
    expect(reason(assigned, cmd('LogCustomerContact', actors.otherHandler))).toBe('accepted');
    // A technician works in their own right.
    expect(reason(assigned, cmd('StartInvestigation', actors.technician))).toBe('accepted');
    expect(reason(assigned, cmd('StartInvestigation', actors.otherHandler), { assignedHandlerWorks: false })).toBe('accepted');
    // Before an assignment, any handler may pick it up.
    expect(reason(stateAfter(happyPath(ID, NOW).slice(0, 3)), cmd('StartInvestigation', actors.otherHandler))).toBe('accepted');
  });

  it('a customer acts only on their own complaint', () => {
    const state = stateAfter(happyPath(ID, NOW).slice(0, 2)); // the customer is cust-0
    expect(reason(state, cmd('WithdrawComplaint', { id: 'cust-7', role: 'customer' }))).toBe("a customer acts only on their own complaint (this one is cust-0's)");
    expect(reason(state, cmd('WithdrawComplaint', { id: 'cust-0', role: 'customer' }))).toBe('accepted');
  });

  it('whoever recorded the satisfied follow-up does not archive: the follow-up is not the handler’s to close alone', () => {
    const head = actors.head;
    const followedUp = stateAfter([...happyPath(ID, NOW).slice(0, 9), cmd('RecordFollowUp', head)]);
    expect(followedUp.followUpRecorderId).toBe(head.id);
    expect(reason(followedUp, cmd('ArchiveComplaint', head))).toBe('dh-sun recorded the satisfied follow-up: someone else archives the complaint');
    expect(reason(followedUp, cmd('ArchiveComplaint', actors.handler))).toBe('accepted');
    expect(reason(followedUp, cmd('ArchiveComplaint', head), false)).toBe('accepted');
  });

  it('the decision state records who proposed, who handles and who followed up, so a host policy can say more', () => {
    const state = proposedBy(actors.handler);
    expect(state).toMatchObject({ proposerId: 'h-li', remedyProposedWhileMajor: true });
    // A host's own duty on top of the defaults: what a trainee proposes goes to the regional branch.
    const defaults = separationOfDuties();
    const policy: Parameters<typeof decide>[2]['duties'] = (request) =>
      request.command.type === 'ApproveRemedy' && request.state.proposerId === 'h-li' ? 'remedies h-li proposes go to the regional branch' : defaults(request);
    expect(reason(state, cmd('ApproveRemedy', actors.senior), policy)).toBe('remedies h-li proposes go to the regional branch');
    expect(reason(proposedBy(actors.senior), cmd('ApproveRemedy', actors.senior), policy)).toMatch(/someone else approves/);
  });
});
