/**
 * A customer's profile as of any moment: the fold of their profile stream. Each event
 * gives a new profile object (copy, then set what it changes), so a profile once handed
 * out never changes, and `profileAsOf` is the same fold stopped at an instant.
 */
import type { RecordedEvent } from '../events/envelope.js';
import { CUSTOMER_PROFILE_EVENT_TYPES, type CustomerProfileEvent } from './schema.js';
import type { CustomerKind, KeyContact, NamedPerson, OrganisationScale, RepairCapability, Site, Unit } from './payloads.js';

/** A difficult-customer tag as the profile shows it: the hint is what the handler is shown. */
export interface DifficultTag {
  /** The tag's name: a catalogue id (`stubborn`, `honest`) or the host's own. */
  readonly tag: string;
  /** What the handler should know and do, as recorded (the host's or the catalogue's then; personal data: `[erased]` after an erasure). */
  readonly hint: string;
  /** When it was added (ISO-8601), and by whom. */
  readonly since: string;
  /** Who added it (staff id). */
  readonly by: string;
}

/**
 * An entry taken off the profile: a unit retired, a site closed, a key contact removed. The
 * current lists (`units`, `sites`, `contacts`) hold only what is the customer's now, so every
 * reader of them stays right; this is kept beside them so a complaint naming a retired unit
 * is refused as retired rather than unknown. Recording the id again reinstates it.
 */
export interface Retirement {
  /** The unit's, site's or contact's id. */
  readonly id: string;
  /** Why, as recorded (personal data: `[erased]` after an erasure). */
  readonly reason: string;
  /** When (ISO-8601). */
  readonly at: string;
  /** Who (staff id). */
  readonly by: string;
}

/** What an organisation can repair itself, as the profile shows it (not personal: it survives an erasure). */
export interface RepairCapabilityView {
  /** Whether it has its own workshop or maintenance bay. */
  readonly ownWorkshop: boolean;
  /** How many mechanics it employs; null when not declared. */
  readonly mechanics: number | null;
  /** What it repairs itself, in the host's words (empty when none was listed). */
  readonly repairsInHouse: readonly string[];
}

/** An organisation's part of a profile; scale, fleet size and repair capability are not personal and survive an erasure. */
export interface OrganisationView {
  /** Its size band. */
  readonly scale: OrganisationScale;
  /** The declared fleet size; null when not given (count `units` for the recorded ones). */
  readonly fleetSize: number | null;
  /** The person in charge (personal data). */
  readonly personInCharge: NamedPerson;
  /** What it can repair itself, as last declared; null until declared. */
  readonly repairCapability: RepairCapabilityView | null;
  /** Current key contacts, by first recording (since their last removal). */
  readonly contacts: readonly KeyContact[];
  /** Current sites, by first recording (since their last closing). */
  readonly sites: readonly Site[];
  /** Sites closed and not recorded since, by closing. */
  readonly closedSites: readonly Retirement[];
  /** Key contacts removed and not recorded since, by removal. */
  readonly removedContacts: readonly Retirement[];
}

/** A customer's profile at one moment. */
export interface CustomerProfile {
  /** The customer reference (pseudonymous, plaintext): what complaints name. */
  readonly customerReference: string;
  /** A person or an organisation. */
  readonly kind: CustomerKind;
  /** The staff member responsible for the customer. */
  readonly ownerId: string;
  /** Name and phone: personal data (`[erased]` after an erasure). */
  readonly name: string;
  /** The phone; null when none was given. */
  readonly phone: string | null;
  /** The membership (programme or card), null when none. */
  readonly membership: string | null;
  /** The loyalty tier, null when none. */
  readonly loyaltyTier: string | null;
  /** The organisation's details; null for a person. */
  readonly organisation: OrganisationView | null;
  /** Current vehicles or machines, by first recording since their last retirement (a later record of the same unit replaces it in place). */
  readonly units: readonly Unit[];
  /** Units retired and not recorded since, by retirement. */
  readonly retiredUnits: readonly Retirement[];
  /** The difficult-customer tags in force, oldest first. */
  readonly tags: readonly DifficultTag[];
  /** When the profile was opened and last changed (ISO-8601). */
  readonly openedAt: string;
  /** When it last changed. */
  readonly updatedAt: string;
  /** True once the customer was erased: the personal fields read `[erased]`, the rest is as it was. */
  readonly erased: boolean;
  /** How many profile events it folds (the stream may also hold erasures). */
  readonly version: number;
}

/** A profile event as the fold reads it. */
export type ProfileEventRecord = RecordedEvent<CustomerProfileEvent>;

/** `list` with `item` replacing the entry of the same id, or appended. */
function upsert<T>(list: readonly T[], item: T, same: (a: T, b: T) => boolean): readonly T[] {
  return list.some((x) => same(x, item)) ? list.map((x) => (same(x, item) ? item : x)) : [...list, item];
}

/** The entries without `id`'s. */
const without = <T>(list: readonly T[], id: string, idOf: (x: T) => string): readonly T[] => list.filter((x) => idOf(x) !== id);
const retirement = (e: ProfileEventRecord & { readonly data: { readonly reason: string } }, id: string): Retirement => ({ id, reason: e.data.reason, at: e.occurredAt, by: e.actor.id });
const byId = (r: Retirement) => r.id;

const repairView = (c: RepairCapability | undefined): RepairCapabilityView | null =>
  c === undefined ? null : { ownWorkshop: c.ownWorkshop, mechanics: c.mechanics ?? null, repairsInHouse: c.repairsInHouse ?? [] };

function organisationChange(o: OrganisationView, e: ProfileEventRecord): OrganisationView {
  switch (e.type) {
    case 'CustomerDetailsChanged': {
      const { scale, fleetSize, personInCharge, repairCapability } = e.data;
      return { ...o, scale: scale ?? o.scale, fleetSize: fleetSize ?? o.fleetSize, personInCharge: personInCharge ?? o.personInCharge, repairCapability: repairView(repairCapability) ?? o.repairCapability };
    }
    case 'CustomerSiteRecorded':
      return { ...o, sites: upsert(o.sites, e.data.site, (a, b) => a.siteId === b.siteId), closedSites: without(o.closedSites, e.data.site.siteId, byId) };
    case 'KeyContactRecorded':
      return { ...o, contacts: upsert(o.contacts, e.data.contact, (a, b) => a.contactId === b.contactId), removedContacts: without(o.removedContacts, e.data.contact.contactId, byId) };
    case 'CustomerSiteClosed': {
      const { siteId } = e.data;
      return { ...o, sites: without(o.sites, siteId, (x) => x.siteId), closedSites: [...without(o.closedSites, siteId, byId), retirement(e, siteId)] };
    }
    case 'KeyContactRemoved': {
      const { contactId } = e.data;
      return { ...o, contacts: without(o.contacts, contactId, (x) => x.contactId), removedContacts: [...without(o.removedContacts, contactId, byId), retirement(e, contactId)] };
    }
    default:
      return o;
  }
}

function opened(e: RecordedEvent<Extract<CustomerProfileEvent, { type: 'CustomerProfileOpened' }>>): CustomerProfile {
  const d = e.data;
  const o = d.organisation;
  return {
    customerReference: d.customerReference,
    kind: d.kind,
    ownerId: d.ownerId,
    name: d.name,
    phone: d.phone ?? null,
    membership: d.membership ?? null,
    loyaltyTier: d.loyaltyTier ?? null,
    organisation: o ? { scale: o.scale, fleetSize: o.fleetSize ?? null, personInCharge: o.personInCharge, repairCapability: repairView(o.repairCapability), contacts: [], sites: [], closedSites: [], removedContacts: [] } : null,
    units: [],
    retiredUnits: [],
    tags: [],
    openedAt: e.occurredAt,
    updatedAt: e.occurredAt,
    erased: false,
    version: 1,
  };
}

function changed(p: CustomerProfile, e: ProfileEventRecord): CustomerProfile {
  switch (e.type) {
    case 'CustomerProfileOpened':
      return p; // a profile is opened once; the rules refuse a second opening
    case 'CustomerDetailsChanged': {
      const d = e.data;
      return { ...p, name: d.name ?? p.name, phone: d.phone ?? p.phone, membership: d.membership === undefined ? p.membership : d.membership, loyaltyTier: d.loyaltyTier ?? p.loyaltyTier };
    }
    case 'CustomerOwnerAssigned':
      return { ...p, ownerId: e.data.ownerId };
    case 'CustomerUnitRecorded':
      return { ...p, units: upsert(p.units, e.data.unit, (a, b) => a.unitId === b.unitId), retiredUnits: without(p.retiredUnits, e.data.unit.unitId, byId) };
    case 'CustomerUnitRetired': {
      const { unitId } = e.data;
      return { ...p, units: without(p.units, unitId, (u) => u.unitId), retiredUnits: [...without(p.retiredUnits, unitId, byId), retirement(e, unitId)] };
    }
    case 'DifficultCustomerTagged':
      return { ...p, tags: [...p.tags, { tag: e.data.tag, hint: e.data.hint, since: e.occurredAt, by: e.actor.id }] };
    case 'DifficultCustomerUntagged':
      return { ...p, tags: p.tags.filter((t) => t.tag !== e.data.tag) };
    default:
      return p;
  }
}

/** The profile after one more event; `null` before the profile was opened. */
export function evolveProfile(profile: CustomerProfile | null, event: ProfileEventRecord): CustomerProfile | null {
  if (profile === null) return event.type === 'CustomerProfileOpened' ? opened(event) : null;
  const next = changed(profile, event);
  const organisation = next.organisation ? organisationChange(next.organisation, event) : null;
  return { ...next, organisation, updatedAt: event.occurredAt, version: profile.version + 1 };
}

const PROFILE_TYPES = new Set<string>(CUSTOMER_PROFILE_EVENT_TYPES);
/** True for the events a profile folds. */
export const isProfileEvent = (event: { readonly type: string }): event is ProfileEventRecord => PROFILE_TYPES.has(event.type);

/**
 * The profile as of `at` (ISO-8601; default: now, i.e. every event): the fold of the
 * profile events of one customer's stream recorded at or before it, in stream order.
 * An erasure (`CustomerDataErased`) only sets `erased`: what it changes is in how the
 * other events read (their personal fields `[erased]`).
 */
export function profileAsOf(events: readonly RecordedEvent<{ readonly type: string; readonly data: unknown }>[], at?: string): CustomerProfile | null {
  const until = at === undefined ? Number.POSITIVE_INFINITY : Date.parse(at);
  let profile = null as CustomerProfile | null;
  for (const e of events) {
    if (Date.parse(e.occurredAt) > until) break;
    if (isProfileEvent(e)) profile = evolveProfile(profile, e);
    else if (e.type === 'CustomerDataErased' && profile !== null) profile = { ...profile, erased: true };
  }
  return profile;
}
