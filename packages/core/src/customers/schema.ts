/**
 * Customer profile commands and events (客户档案). A profile is its own event stream,
 * `customer:<reference>` (the stream erasures already use), one per customer, not per
 * complaint: a vehicle update, a new loyalty tier or a difficult-customer tag is a fact
 * about the customer that every complaint of theirs should see, and it happens between
 * complaints. The commands are not complaint commands: `createCustomerProfiles` decides
 * them (see service.ts for why not `engine.execute`).
 */
import { z } from 'zod';
import { actorSchema, idSchema, longTextSchema, shortTextSchema } from '../domain/primitives.js';
import { define as event } from '../events/define.js';
import {
  customerKindSchema,
  customerTagSchema,
  keyContactSchema,
  namedPersonSchema,
  organisationScaleSchema,
  organisationSchema,
  profilePhoneSchema,
  repairCapabilitySchema,
  siteSchema,
  unitSchema,
} from './payloads.js';

const envelope = {
  actor: actorSchema,
  /** Idempotency key: executing a command id again returns the first result and writes nothing. */
  commandId: idSchema.optional(),
};
const command = <T extends string, D extends z.ZodRawShape>(type: T, data: D) =>
  z.strictObject({ type: z.literal(type), ...envelope, data: z.strictObject({ customerReference: idSchema, ...data }) });

/** What opening a profile records; `organisation` is required for an organisation and refused for a person. */
const opened = {
  kind: customerKindSchema,
  /** The staff member responsible for the customer (客户经理): the profile's owner. */
  ownerId: idSchema,
  /** The person's or the organisation's name (personal data). */
  name: shortTextSchema,
  phone: profilePhoneSchema.optional(),
  membership: shortTextSchema.optional(),
  loyaltyTier: shortTextSchema.optional(),
  organisation: organisationSchema.optional(),
};
/** Changes of a profile's details: only the fields given change; `membership: null` ends a membership. */
const changes = {
  name: shortTextSchema.optional(),
  phone: profilePhoneSchema.optional(),
  membership: shortTextSchema.nullable().optional(),
  loyaltyTier: shortTextSchema.optional(),
  /** Organisations only. */
  scale: organisationScaleSchema.optional(),
  fleetSize: z.int().min(0).max(10_000_000).optional(),
  personInCharge: namedPersonSchema.optional(),
  /** Replaces what the organisation can repair itself. */
  repairCapability: repairCapabilitySchema.optional(),
};
const tagged = {
  tag: customerTagSchema,
  /** What the handler should know and do (以诚相待, call before visiting, two staff present…): shown on their queue. */
  hint: longTextSchema,
  /** Why the customer is tagged: the incidents behind it. */
  reason: longTextSchema,
};
/** A tag of the service's catalogue may omit its hint: the catalogue's, in the service's locale, is recorded. */
const tagging = { ...tagged, hint: longTextSchema.optional() };
const untagged = { tag: customerTagSchema, reason: longTextSchema };
const owner = { ownerId: idSchema, reason: longTextSchema.optional() };
/** Why an entry leaves the profile (sold, scrapped, lease ended, left the company): free text, personal data as every reason is. */
const why = { reason: longTextSchema };
const unitRetirement = { unitId: idSchema, ...why };
const siteClosure = { siteId: idSchema, ...why };
const contactRemoval = { contactId: idSchema, ...why };

/** Open a customer's profile, with its owner. */
export const openCustomerProfile = command('OpenCustomerProfile', opened);
/** Change a profile's details (name, phone, membership, loyalty tier; scale, fleet size, person in charge, repair capability for an organisation). */
export const changeCustomerDetails = command('ChangeCustomerDetails', changes);
/** Make another staff member responsible for the customer. */
export const assignCustomerOwner = command('AssignCustomerOwner', owner);
/** Record a vehicle or machine of the customer, or update one (same `unitId`). */
export const recordCustomerUnit = command('RecordCustomerUnit', { unit: unitSchema });
/** Record a site of an organisation, or update one (same `siteId`). */
export const recordCustomerSite = command('RecordCustomerSite', { site: siteSchema });
/** Record a key contact of an organisation, or update one (same `contactId`). */
export const recordKeyContact = command('RecordKeyContact', { contact: keyContactSchema });
/** Retire a current unit (sold, scrapped, returned), with why: it leaves `units`, and a complaint may no longer name it. */
export const retireCustomerUnit = command('RetireCustomerUnit', unitRetirement);
/** Close a current site of an organisation, with why; refused while a current unit is based there. */
export const closeCustomerSite = command('CloseCustomerSite', siteClosure);
/** Remove a current key contact of an organisation (they left, another took over), with why. */
export const removeKeyContact = command('RemoveKeyContact', contactRemoval);
/** Tag a difficult (or an honest) customer, with the hint the handler is shown: the host's, or for a catalogue tag the catalogue's. */
export const tagDifficultCustomer = command('TagDifficultCustomer', tagging);
/** Remove a difficult-customer tag, with why. */
export const untagDifficultCustomer = command('UntagDifficultCustomer', untagged);

/** Every customer profile command schema. */
export const CUSTOMER_PROFILE_COMMANDS = [
  openCustomerProfile,
  changeCustomerDetails,
  assignCustomerOwner,
  recordCustomerUnit,
  recordCustomerSite,
  recordKeyContact,
  retireCustomerUnit,
  closeCustomerSite,
  removeKeyContact,
  tagDifficultCustomer,
  untagDifficultCustomer,
] as const;
/** Any customer profile command, discriminated on `type`. */
export const customerProfileCommandSchema = z.discriminatedUnion('type', CUSTOMER_PROFILE_COMMANDS);
/** A validated customer profile command. */
export type CustomerProfileCommand = z.infer<typeof customerProfileCommandSchema>;
/** A customer profile command as a host sends it. */
export type CustomerProfileCommandInput = z.input<typeof customerProfileCommandSchema>;
/** The type of a customer profile command. */
export type CustomerProfileCommandType = CustomerProfileCommand['type'];
/** A profile command ready to decide: a tag's hint decided (the host's or the catalogue's, see tag-hint.ts). */
export type DecidableProfileCommand =
  | Exclude<CustomerProfileCommand, { type: 'TagDifficultCustomer' }>
  | (Extract<CustomerProfileCommand, { type: 'TagDifficultCustomer' }> & { readonly data: { readonly hint: string } });
/** Every customer profile command type, in the order above. */
export const CUSTOMER_PROFILE_COMMAND_TYPES: readonly CustomerProfileCommandType[] = CUSTOMER_PROFILE_COMMANDS.map((c) => c.shape.type.value);

const ref = { customerReference: idSchema };
/** The profile was opened: the first event of the customer's profile. */
export const customerProfileOpened = event('CustomerProfileOpened', z.strictObject({ ...ref, ...opened }));
/** Some details changed (only the fields present did). */
export const customerDetailsChanged = event('CustomerDetailsChanged', z.strictObject({ ...ref, ...changes }));
/** Another staff member is responsible for the customer. */
export const customerOwnerAssigned = event('CustomerOwnerAssigned', z.strictObject({ ...ref, ...owner, previousOwnerId: idSchema }));
/** A unit was recorded or updated. */
export const customerUnitRecorded = event('CustomerUnitRecorded', z.strictObject({ ...ref, unit: unitSchema }));
/** A site was recorded or updated. */
export const customerSiteRecorded = event('CustomerSiteRecorded', z.strictObject({ ...ref, site: siteSchema }));
/** A key contact was recorded or updated. */
export const keyContactRecorded = event('KeyContactRecorded', z.strictObject({ ...ref, contact: keyContactSchema }));
/** A unit was retired: it is no longer the customer's. */
export const customerUnitRetired = event('CustomerUnitRetired', z.strictObject({ ...ref, ...unitRetirement }));
/** A site was closed. */
export const customerSiteClosed = event('CustomerSiteClosed', z.strictObject({ ...ref, ...siteClosure }));
/** A key contact was removed. */
export const keyContactRemoved = event('KeyContactRemoved', z.strictObject({ ...ref, ...contactRemoval }));
/** The customer was tagged difficult (or honest), with the handling hint shown: always recorded, never looked up again. */
export const difficultCustomerTagged = event('DifficultCustomerTagged', z.strictObject({ ...ref, ...tagged }));
/** A difficult-customer tag was removed. */
export const difficultCustomerUntagged = event('DifficultCustomerUntagged', z.strictObject({ ...ref, ...untagged }));

/** Every customer profile event schema. */
export const CUSTOMER_PROFILE_EVENTS = [
  customerProfileOpened,
  customerDetailsChanged,
  customerOwnerAssigned,
  customerUnitRecorded,
  customerSiteRecorded,
  keyContactRecorded,
  customerUnitRetired,
  customerSiteClosed,
  keyContactRemoved,
  difficultCustomerTagged,
  difficultCustomerUntagged,
] as const;
/** Any customer profile event (`{ type, data }`), discriminated on `type`. */
export const customerProfileEventSchema = z.discriminatedUnion('type', CUSTOMER_PROFILE_EVENTS);
/** A customer profile event. */
export type CustomerProfileEvent = z.infer<typeof customerProfileEventSchema>;
/** The type of a customer profile event. */
export type CustomerProfileEventType = CustomerProfileEvent['type'];
/** One customer profile event type's event. */
export type CustomerProfileEventOf<T extends CustomerProfileEventType> = Extract<CustomerProfileEvent, { type: T }>;
/** Every customer profile event type. */
export const CUSTOMER_PROFILE_EVENT_TYPES: readonly CustomerProfileEventType[] = CUSTOMER_PROFILE_EVENTS.map((e) => e.shape.type.value);
/** The schema version every customer profile event is written at today. */
export const CUSTOMER_PROFILE_EVENT_SCHEMA_VERSION = 1;
