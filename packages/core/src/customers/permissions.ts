/**
 * Who may change a customer's profile. Profiles are staff work: the customer and the
 * data-protection role change none (the latter erases, see docs/privacy.md). Tagging a
 * customer difficult says something about them every handler will read, so it is left
 * to handlers and above, not the front desk; who owns a customer is a manager's call.
 */
import type { Role } from '../domain/vocabulary.js';
import type { CustomerProfileCommandType } from './schema.js';

/** Which roles may issue each customer profile command (`system` only through automation). */
export type CustomerProfilePermissions = { readonly [T in CustomerProfileCommandType]: readonly Role[] };

const DESK: readonly Role[] = ['frontDesk', 'handler', 'departmentHead', 'seniorManagement', 'followUpStaff', 'system'];
const MANAGERS: readonly Role[] = ['departmentHead', 'seniorManagement', 'system'];
const TAGGERS: readonly Role[] = ['handler', 'departmentHead', 'seniorManagement'];

/** The default table; pass rows of your own to `createCustomerProfiles({ permissions })` to replace them. */
export const DEFAULT_CUSTOMER_PROFILE_PERMISSIONS: CustomerProfilePermissions = Object.freeze({
  OpenCustomerProfile: DESK,
  ChangeCustomerDetails: DESK,
  AssignCustomerOwner: MANAGERS,
  RecordCustomerUnit: DESK,
  RecordCustomerSite: DESK,
  RecordKeyContact: DESK,
  // Retiring an entry is the same desk work as recording it.
  RetireCustomerUnit: DESK,
  CloseCustomerSite: DESK,
  RemoveKeyContact: DESK,
  TagDifficultCustomer: TAGGERS,
  UntagDifficultCustomer: TAGGERS,
});
