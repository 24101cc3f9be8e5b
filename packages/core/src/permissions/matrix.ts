/**
 * Who may do what, by role. The default matrix follows the domain: front-desk staff
 * receive, handlers work the complaint under the service department head, senior
 * management approves major remedies, follow-up (回访) staff record follow-ups. Hosts
 * replace rows, or the whole policy. Which *person* of a role may act on a given
 * complaint (ownership, separation of duties) is `duties.ts`, checked after this.
 */
import type { CommandType } from '../commands/schema.js';
import type { Command } from '../commands/schema.js';
import type { ComplaintState } from '../decider/state.js';
import type { Actor } from '../domain/primitives.js';
import { ROLES, type Role } from '../domain/vocabulary.js';

/** The roles that may issue each command, by command type: the simple form of a `PermissionPolicy`. */
export type PermissionMatrix = { readonly [T in CommandType]: readonly Role[] };

/** A permission decision: `true`, or `false` / a reason string when refused. */
export type PermissionPolicy = (request: {
  readonly actor: Actor;
  readonly command: Command;
  readonly state: ComplaintState;
}) => boolean | string;

/** Everyone but the customer (and the data-protection role, which only erases: EraseCustomerData). */
const STAFF: readonly Role[] = ROLES.filter((role) => role !== 'customer' && role !== 'dataProtection');
const WORKERS: readonly Role[] = ['handler', 'departmentHead'];
const INVESTIGATORS: readonly Role[] = ['handler', 'technician', 'departmentHead', 'headOfficeEngineering'];

/**
 * The domain's matrix: front desk receives, handlers work under the department head, senior management
 * approves major remedies, follow-up staff record follow-ups.
 */
export const defaultPermissionMatrix: PermissionMatrix = Object.freeze({
  ReceiveComplaint: ['frontDesk', ...WORKERS, 'followUpStaff', 'system'],
  ConfirmComplaint: ['frontDesk', ...WORKERS],
  // system: a host's rules may classify (e.g. a repeat complaint as major).
  ClassifyComplaint: [...WORKERS, 'seniorManagement', 'system'],
  StartInvestigation: INVESTIGATORS,
  IdentifyCause: INVESTIGATORS,
  ProposeResolution: [...WORKERS, 'seniorManagement'],
  // The configured approvers (createEngine({ approval })) replace these two rows unless the host gives its own.
  ApproveRemedy: ['seniorManagement'],
  RejectRemedy: ['seniorManagement'],
  StartExecution: [...WORKERS, 'technician'],
  CompleteExecution: [...WORKERS, 'technician'],
  RenegotiateDeadline: WORKERS,
  RecordFollowUp: ['followUpStaff', 'departmentHead'],
  RecordPreventiveAction: [...INVESTIGATORS, 'seniorManagement', 'headOfficeManagement'],
  ArchiveComplaint: WORKERS,
  WithdrawComplaint: ['customer', 'frontDesk', ...WORKERS],
  AssignHandler: ['departmentHead', 'seniorManagement', 'system'],
  AddNote: STAFF,
  LogCustomerContact: STAFF,
  EscalateComplaint: ['frontDesk', ...WORKERS, 'seniorManagement', 'system'],
  // Only the host's automation reports breaches (an SLA ticker through engine.automation()).
  EscalateOnBreach: ['system'],
  // The handler (or their head) meets the customer; the front desk books the room.
  ArrangeMeeting: ['frontDesk', ...WORKERS, 'seniorManagement'],
  WaitOnCustomer: ['frontDesk', ...WORKERS, 'technician', 'followUpStaff', 'system'],
  StopWaitingOnCustomer: ['frontDesk', ...WORKERS, 'technician', 'followUpStaff', 'system'],
  // Usually raised by a repeat-complaint detector running as `system`.
  FlagRepeatComplaint: ['system', 'handler', 'departmentHead'],
  // Whoever owns a complaint may hand it over, to anyone on the staff (duties: the accountable person, or a head).
  OfferHandOver: STAFF,
  AcceptHandOver: STAFF,
  DeclineHandOver: STAFF,
  // Whoever speaks to the customer may promise, keep a promise, or explain why one cannot be kept.
  MakePromise: STAFF,
  KeepPromise: STAFF,
  ExplainPromiseBreak: STAFF,
  BreakPromise: STAFF,
  // Whoever takes the complaint in or works it sends it to the group its problem type belongs to; a host's rules may too.
  RouteComplaint: ['frontDesk', ...WORKERS, 'seniorManagement', 'system'],
  // Issue 16, the workflow's part. Whoever investigates says who is responsible; management may correct it.
  AttributeResponsibility: [...INVESTIGATORS, 'seniorManagement', 'headOfficeManagement'],
  // Intake is the front desk's, under the department head.
  DeclineComplaint: ['frontDesk', 'departmentHead'],
  OfferResolutionOptions: [...WORKERS, 'seniorManagement'],
  RecordCustomerChoice: ['frontDesk', ...WORKERS, 'seniorManagement'],
  RecordWrittenNotice: ['frontDesk', ...WORKERS, 'technician', 'followUpStaff'],
  // Keeping the customer informed: whoever speaks to the customer, or the host's messaging automation.
  SendProgressNotice: STAFF,
  SendResultFeedback: STAFF,
});

/** A policy from a matrix; rows missing from `overrides` keep the default. */
export function permissionsFromMatrix(overrides: Partial<PermissionMatrix> = {}): PermissionPolicy {
  const matrix: PermissionMatrix = { ...defaultPermissionMatrix, ...overrides };
  return ({ actor, command }) => matrix[command.type].includes(actor.role);
}

/** The policy of `defaultPermissionMatrix`: what the engine checks roles against unless given another. */
export const defaultPermissions: PermissionPolicy = permissionsFromMatrix();
