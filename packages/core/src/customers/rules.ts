/**
 * Deciding a customer profile command on the profile as it stands: the events it records,
 * or the rule that refuses it. Pure: the service (service.ts) loads and appends.
 */
import { err, ok, type Result } from '../errors/errors.js';
import { CustomerProfileRefusedError } from './errors.js';
import type { RepairCapability } from './payloads.js';
import type { CustomerProfile, Retirement } from './profile.js';
import type { CustomerProfileCommand, CustomerProfileEvent, DecidableProfileCommand } from './schema.js';

/** One profile rule: a message when the command must be refused, null when it may pass. */
export interface ProfileRule {
  /** The rule's name, reported in `CustomerProfileRefusedError.rule`. */
  readonly name: string;
  /** A message when the command breaks the rule on this profile (null: none opened yet), null when it passes. */
  check(profile: CustomerProfile | null, command: CustomerProfileCommand): string | null;
}

const ORGANISATION_CHANGES = ['scale', 'fleetSize', 'personInCharge', 'repairCapability'] as const;

/** Why a declared repair capability contradicts itself (an item listed twice, repairs with nobody to do them), or null. */
function repairCapabilityProblem(c: RepairCapability | undefined): string | null {
  if (c === undefined) return null;
  const items = c.repairsInHouse ?? [];
  const seen = new Set<string>();
  for (const item of items) {
    const key = item.trim().toLowerCase();
    if (seen.has(key)) return `"${item.trim()}" is listed twice in repairsInHouse`;
    seen.add(key);
  }
  return items.length > 0 && !c.ownWorkshop && c.mechanics === 0 ? `repairsInHouse lists ${items.length} item(s) but the customer has no workshop and no mechanics` : null;
}

/** An entry a command retires: what it is, its id, the ids current and retired on the profile, and the verb of retiring it. */
interface Retiring {
  readonly what: string;
  readonly id: string;
  readonly current: readonly string[];
  readonly retired: readonly Retirement[];
  readonly already: string;
}

/** Why the entry cannot be retired: never recorded, or retired already; null when it is current. */
function notCurrent(p: CustomerProfile, { what, id, current, retired, already }: Retiring): string | null {
  if (current.includes(id)) return null;
  return retired.some((r) => r.id === id) ? `${what} ${id} was ${already} already` : `${p.customerReference} has no ${what} ${id}`;
}

/** The rules, in the order they are checked: the first violated one refuses. */
export const PROFILE_RULES: readonly ProfileRule[] = [
  {
    name: 'profileOpened',
    check: (p, c) => (p === null && c.type !== 'OpenCustomerProfile' ? `no profile was opened for ${c.data.customerReference}: open it first (OpenCustomerProfile)` : null),
  },
  {
    name: 'profileNew',
    check: (p, c) => (p !== null && c.type === 'OpenCustomerProfile' ? `a profile for ${c.data.customerReference} is open already: change it instead` : null),
  },
  {
    name: 'organisationDetailsMatchKind',
    check: (_p, c) => {
      if (c.type !== 'OpenCustomerProfile') return null;
      if (c.data.kind === 'organisation' && c.data.organisation === undefined) return 'an organisation is opened with its details (scale, person in charge)';
      if (c.data.kind === 'person' && c.data.organisation !== undefined) return 'a person has no organisation details: open an organisation instead';
      return null;
    },
  },
  {
    name: 'organisationOnly',
    check: (p, c) => {
      if (p === null || p.kind === 'organisation') return null;
      if (c.type === 'RecordCustomerSite' || c.type === 'CloseCustomerSite') return `only an organisation has sites; ${p.customerReference} is a person`;
      if (c.type === 'RecordKeyContact' || c.type === 'RemoveKeyContact') return `only an organisation has key contacts; ${p.customerReference} is a person`;
      const given = c.type === 'ChangeCustomerDetails' ? ORGANISATION_CHANGES.filter((f) => c.data[f] !== undefined) : [];
      return given.length > 0 ? `only an organisation has ${given.join(', ')}; ${p.customerReference} is a person` : null;
    },
  },
  {
    name: 'repairCapabilityConsistent',
    check: (_p, c) => {
      if (c.type === 'OpenCustomerProfile') return repairCapabilityProblem(c.data.organisation?.repairCapability);
      return c.type === 'ChangeCustomerDetails' ? repairCapabilityProblem(c.data.repairCapability) : null;
    },
  },
  {
    name: 'detailsChange',
    check: (_p, c) => (c.type === 'ChangeCustomerDetails' && Object.keys(c.data).length === 1 ? 'name at least one detail to change' : null),
  },
  {
    name: 'ownerChanges',
    check: (p, c) => (c.type === 'AssignCustomerOwner' && p?.ownerId === c.data.ownerId ? `${c.data.ownerId} is the owner already` : null),
  },
  {
    name: 'unitSiteKnown',
    check: (p, c) => {
      const siteId = c.type === 'RecordCustomerUnit' ? c.data.unit.siteId : undefined;
      if (siteId === undefined || p === null) return null;
      if (p.organisation?.sites.some((s) => s.siteId === siteId)) return null;
      return p.organisation?.closedSites.some((s) => s.id === siteId) ? `the site ${siteId} was closed: record it again to reopen it, or base the unit elsewhere` : `${p.customerReference} has no site ${siteId}: record the site first`;
    },
  },
  {
    name: 'unitCurrent',
    check: (p, c) => (c.type === 'RetireCustomerUnit' && p !== null ? notCurrent(p, { what: 'unit', id: c.data.unitId, current: p.units.map((u) => u.unitId), retired: p.retiredUnits, already: 'retired' }) : null),
  },
  {
    name: 'siteCurrent',
    check: (p, c) => {
      const o = p?.organisation;
      return c.type === 'CloseCustomerSite' && p && o ? notCurrent(p, { what: 'site', id: c.data.siteId, current: o.sites.map((s) => s.siteId), retired: o.closedSites, already: 'closed' }) : null;
    },
  },
  {
    name: 'contactCurrent',
    check: (p, c) => {
      const o = p?.organisation;
      return c.type === 'RemoveKeyContact' && p && o ? notCurrent(p, { what: 'key contact', id: c.data.contactId, current: o.contacts.map((k) => k.contactId), retired: o.removedContacts, already: 'removed' }) : null;
    },
  },
  {
    // Every current unit stays at a current site (unitSiteKnown keeps it so when recording): a site with units is not closed under them.
    name: 'siteHasNoUnits',
    check: (p, c) => {
      if (c.type !== 'CloseCustomerSite' || p === null) return null;
      const based = p.units.filter((u) => u.siteId === c.data.siteId).map((u) => u.unitId);
      return based.length > 0 ? `units ${based.join(', ')} are based at ${c.data.siteId}: move or retire them first` : null;
    },
  },
  {
    name: 'tagNotInForce',
    check: (p, c) => (c.type === 'TagDifficultCustomer' && p?.tags.some((t) => t.tag === c.data.tag) ? `the tag ${c.data.tag} is in force already` : null),
  },
  {
    name: 'tagInForce',
    check: (p, c) => (c.type === 'UntagDifficultCustomer' && !p?.tags.some((t) => t.tag === c.data.tag) ? `the tag ${c.data.tag} is not in force` : null),
  },
];

function eventOf(profile: CustomerProfile | null, command: DecidableProfileCommand): CustomerProfileEvent {
  switch (command.type) {
    case 'OpenCustomerProfile':
      return { type: 'CustomerProfileOpened', data: command.data };
    case 'ChangeCustomerDetails':
      return { type: 'CustomerDetailsChanged', data: command.data };
    case 'AssignCustomerOwner':
      return { type: 'CustomerOwnerAssigned', data: { ...command.data, previousOwnerId: profile?.ownerId ?? command.data.ownerId } };
    case 'RecordCustomerUnit':
      return { type: 'CustomerUnitRecorded', data: command.data };
    case 'RecordCustomerSite':
      return { type: 'CustomerSiteRecorded', data: command.data };
    case 'RecordKeyContact':
      return { type: 'KeyContactRecorded', data: command.data };
    case 'RetireCustomerUnit':
      return { type: 'CustomerUnitRetired', data: command.data };
    case 'CloseCustomerSite':
      return { type: 'CustomerSiteClosed', data: command.data };
    case 'RemoveKeyContact':
      return { type: 'KeyContactRemoved', data: command.data };
    case 'TagDifficultCustomer':
      return { type: 'DifficultCustomerTagged', data: command.data };
    case 'UntagDifficultCustomer':
      return { type: 'DifficultCustomerUntagged', data: command.data };
  }
}

/** The events `command` (a tag's hint decided, see tag-hint.ts) records on `profile` (null: none opened yet), or the rule that refuses it. */
export function decideProfile(profile: CustomerProfile | null, command: DecidableProfileCommand): Result<CustomerProfileEvent[], CustomerProfileRefusedError> {
  for (const rule of PROFILE_RULES) {
    const message = rule.check(profile, command);
    if (message !== null) return err(new CustomerProfileRefusedError(command.type, command.data.customerReference, { name: rule.name, message }));
  }
  return ok([eventOf(profile, command)]);
}
