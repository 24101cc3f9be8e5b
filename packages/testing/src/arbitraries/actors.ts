/**
 * Actors that keep ownership and separation of duties (`DEFAULT_DUTIES`), so a
 * generated command by a permitted role is accepted by the engine as it runs by
 * default: the assigned handler works the complaint, a customer acts on their own,
 * the approver is not the proposer, the archiver did not record the satisfied
 * follow-up, and a downgrade of a major complaint is senior management's.
 *
 * Only ids change (and, for a downgrade, the role among the permitted ones), so a
 * deliberately forbidden role stays forbidden.
 */
import { classify, type Actor, type Command, type CommandType, type ComplaintState, type Role } from '@redress/core';

/** Records every member of staff may add, whoever handles the complaint. */
const OPEN_TO_ALL_STAFF: readonly CommandType[] = ['AddNote', 'LogCustomerContact'];
/** Hand-overs follow their own duty and guard, whoever handles the complaint. */
const HAND_OVER_COMMANDS: readonly CommandType[] = ['OfferHandOver', 'AcceptHandOver', 'DeclineHandOver'];
const HAND_OVER_ANSWERS: readonly CommandType[] = ['AcceptHandOver', 'DeclineHandOver'];
/** Roles that may hand over a complaint someone else is accountable for. */
const HAND_OVER_HEADS: readonly Role[] = ['departmentHead', 'seniorManagement', 'system'];
const offersAnothersComplaint = (command: Command, state: ComplaintState, who: Actor) =>
  command.type === 'OfferHandOver' && state.accountableId !== null && who.id !== state.accountableId && !HAND_OVER_HEADS.includes(who.role);

/** Another person of the same role: `seniorManagement-zhou-1` → `seniorManagement-zhou-1-b`. */
const someoneElse = (actor: Actor): Actor => ({ ...actor, id: `${actor.id.slice(0, 120)}-b` });

/** The command's actor, adjusted to the person who may issue it on this complaint. `permitted`: the roles the matrix allows. */
export function fitActor(command: Command, state: ComplaintState, permitted: readonly Role[]): Actor {
  let who = command.actor;
  const downgrade = command.type === 'ClassifyComplaint' && state.severity === 'major' && classify(command.data).severity === 'general';
  if (downgrade && who.role !== 'seniorManagement' && permitted.includes(who.role) && permitted.includes('seniorManagement')) {
    who = { id: `seniorManagement-${who.id}`.slice(0, 128), role: 'seniorManagement' };
  }
  if (who.role === 'customer') {
    const owner = command.type === 'ReceiveComplaint' ? command.data.customer.reference : state.customerReference;
    if (owner !== null) who = { id: owner, role: 'customer' };
  }
  if (who.role === 'handler' && state.handlerId !== null && !OPEN_TO_ALL_STAFF.includes(command.type) && !HAND_OVER_COMMANDS.includes(command.type)) who = { id: state.handlerId, role: 'handler' };
  if (offersAnothersComplaint(command, state, who) && state.accountableId !== null) who = { ...who, id: state.accountableId };
  if (HAND_OVER_ANSWERS.includes(command.type) && state.handOver !== null) who = { ...who, id: state.handOver.to };
  if ((command.type === 'ApproveRemedy' || command.type === 'RejectRemedy') && who.id === state.proposerId) who = someoneElse(who);
  if (command.type === 'ArchiveComplaint' && who.id === state.followUpRecorderId) who = someoneElse(who);
  return who;
}

/**
 * A person of a permitted role whom the duties keep from `command` on this complaint,
 * when there is one: another handler than the assigned one, the proposer approving or
 * rejecting, the satisfied follow-up's recorder archiving, another customer. Otherwise
 * the command's own actor.
 */
export function unfitActor(command: Command, state: ComplaintState): Actor {
  const { actor } = command;
  if ((command.type === 'ApproveRemedy' || command.type === 'RejectRemedy') && state.proposerId !== null) return { id: state.proposerId, role: actor.role };
  if (command.type === 'ArchiveComplaint' && state.followUpRecorderId !== null) return { id: state.followUpRecorderId, role: actor.role };
  if (command.type === 'OfferHandOver' && state.accountableId !== null && !HAND_OVER_HEADS.includes(actor.role)) return { id: `${state.accountableId.slice(0, 120)}-other`, role: actor.role };
  if (actor.role === 'handler' && state.handlerId !== null && !OPEN_TO_ALL_STAFF.includes(command.type) && !HAND_OVER_COMMANDS.includes(command.type)) return { id: `${state.handlerId.slice(0, 120)}-other`, role: 'handler' };
  if (actor.role === 'customer') return { id: `${actor.id.slice(0, 120)}-other`, role: 'customer' };
  return actor;
}
