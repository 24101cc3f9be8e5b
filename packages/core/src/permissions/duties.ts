/**
 * Ownership and separation of duties: who, of the people whose role may issue a
 * command, may issue it on this complaint. A `PermissionPolicy` over the decision
 * state, which records who proposed the standing remedy, who handles the complaint,
 * whose complaint it is and who recorded the satisfied follow-up.
 *
 * On by default, because the domain demands each (see the docs for why); a host turns
 * any of them off with `createEngine({ duties: { … : false } })`, or all with `duties: false`.
 */
import type { CommandType } from '../commands/schema.js';
import type { PermissionPolicy } from './matrix.js';

/**
 * Which ownership and separation-of-duties checks are on; each defaults to on because the domain demands it.
 */
export interface DutyOptions {
  /** Senior management does not approve (or reject) a remedy they proposed themselves: approval is a second person's judgement. */
  readonly approverIsNotProposer: boolean;
  /**
   * Once a handler is assigned, handler-role work on the complaint is theirs (首问负责制:
   * the owner stays accountable until a recorded hand-over, i.e. a reassignment); the
   * department head may always step in. Notes and customer contacts stay open to all
   * staff: a colleague who takes the customer's call records it.
   */
  readonly assignedHandlerWorks: boolean;
  /** A customer acts only on their own complaint: their actor id is the complaint's customer reference. */
  readonly customerOwnComplaint: boolean;
  /** Whoever recorded the satisfied follow-up (回访) does not also archive the complaint: someone else closes it. */
  readonly followUpNotArchivedByRecorder: boolean;
  /**
   * A hand-over (首问负责制) is offered by the person accountable for the complaint, or by a
   * department head, senior management or the host's automation stepping in: no one else
   * gives away a complaint that is not theirs.
   */
  readonly handOverByAccountable: boolean;
}

/** Every duty on: what `createEngine` uses unless told otherwise. */
export const DEFAULT_DUTIES: DutyOptions = Object.freeze({
  approverIsNotProposer: true,
  assignedHandlerWorks: true,
  customerOwnComplaint: true,
  followUpNotArchivedByRecorder: true,
  handOverByAccountable: true,
});

/** Records anyone on the staff may add to an assigned complaint. */
const OPEN_TO_ALL_STAFF: readonly CommandType[] = ['AddNote', 'LogCustomerContact'];
/** Hand-overs follow their own rules, whoever handles the complaint: offered by the accountable person (below), answered by the one offered it (the workflow). */
const HAND_OVER_ANSWERS: readonly CommandType[] = ['OfferHandOver', 'AcceptHandOver', 'DeclineHandOver'];
/** Roles that may hand over a complaint they are not accountable for. */
const HAND_OVER_HEADS: readonly string[] = ['departmentHead', 'seniorManagement', 'system'];

/** The duties as a policy: `true`, or the reason it is refused. */
export function separationOfDuties(options: Partial<DutyOptions> = {}): PermissionPolicy {
  const duties = { ...DEFAULT_DUTIES, ...options };
  return ({ actor, command, state }) => {
    if (duties.customerOwnComplaint && actor.role === 'customer') {
      const owner = command.type === 'ReceiveComplaint' ? command.data.customer.reference : state.customerReference;
      if (owner !== actor.id) return `a customer acts only on their own complaint (this one is ${owner ?? 'unknown'}'s)`;
    }
    if (duties.assignedHandlerWorks && actor.role === 'handler' && state.handlerId !== null && actor.id !== state.handlerId && !OPEN_TO_ALL_STAFF.includes(command.type) && !HAND_OVER_ANSWERS.includes(command.type)) {
      return `the complaint is assigned to ${state.handlerId}: only they (or the department head) work it until it is reassigned`;
    }
    if (duties.approverIsNotProposer && (command.type === 'ApproveRemedy' || command.type === 'RejectRemedy') && state.proposerId === actor.id) {
      return `${actor.id} proposed this remedy: someone else approves or rejects it`;
    }
    if (duties.handOverByAccountable && command.type === 'OfferHandOver' && state.accountableId !== null && actor.id !== state.accountableId && !HAND_OVER_HEADS.includes(actor.role)) {
      return `${state.accountableId} is accountable for this complaint: only they (or a head) hand it over`;
    }
    if (duties.followUpNotArchivedByRecorder && command.type === 'ArchiveComplaint' && state.followUpRecorderId === actor.id) {
      return `${actor.id} recorded the satisfied follow-up: someone else archives the complaint`;
    }
    return true;
  };
}

/** Both policies must allow: the first refusal (its reason) wins. */
export function allPolicies(...policies: readonly PermissionPolicy[]): PermissionPolicy {
  return (request) => {
    for (const policy of policies) {
      const answer = policy(request);
      if (answer !== true) return answer;
    }
    return true;
  };
}
