/**
 * The personal fields of the customer profile events, part of `DEFAULT_PERSONAL_DATA`:
 * names, phones, plates, addresses, and what staff write about the customer (a tag's
 * hint, every reason). What stays plaintext is what describes no one: the kind, owner,
 * membership and loyalty tier, the organisation's scale and fleet size, unit and site
 * ids and models, the tag names. An erasure keeps those and turns the rest `[erased]`.
 */
import type { CustomerProfileEventType } from './schema.js';

const person = (at: string) => [`${at}.name`, `${at}.phone`];

/** Event type → personal paths of the customer profile events. */
export const CUSTOMER_PROFILE_PERSONAL_DATA: Readonly<Record<CustomerProfileEventType, readonly string[]>> = Object.freeze({
  CustomerProfileOpened: ['name', 'phone', ...person('organisation.personInCharge')],
  CustomerDetailsChanged: ['name', 'phone', ...person('personInCharge')],
  CustomerOwnerAssigned: ['reason'],
  CustomerUnitRecorded: ['unit.identifier'],
  CustomerSiteRecorded: ['site.address'],
  KeyContactRecorded: person('contact'),
  // Why a unit, site or contact left the profile is free text staff write (sold to whom, why someone left): personal, as every reason.
  CustomerUnitRetired: ['reason'],
  CustomerSiteClosed: ['reason'],
  KeyContactRemoved: ['reason'],
  DifficultCustomerTagged: ['hint', 'reason'],
  DifficultCustomerUntagged: ['reason'],
});
