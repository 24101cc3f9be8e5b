/**
 * The parts of a customer profile (客户档案): the vocabulary and the shapes its commands
 * and events share. A profile is a person's or an organisation's (a fleet operator, a
 * company with sites and equipment); an organisation adds its scale, the person in
 * charge, key contacts, what it can repair itself and its sites. Units are the vehicles or equipment the customer
 * brings in, the things a complaint is about.
 */
import { z } from 'zod';
import { idSchema, plainTextSchema, shortTextSchema } from '../domain/primitives.js';

/** Who a profile is: a private person or an organisation (a business customer). */
export const CUSTOMER_KINDS = ['person', 'organisation'] as const;
/** A person or an organisation: an organisation's profile adds scale, person in charge, contacts and sites. */
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];
/** Validates a customer kind. */
export const customerKindSchema = z.enum(CUSTOMER_KINDS);

/** An organisation's size, in the bands a station's key-account list uses. */
export const ORGANISATION_SCALES = ['small', 'medium', 'large', 'enterprise'] as const;
/** One of `ORGANISATION_SCALES`: not personal, it survives an erasure. */
export type OrganisationScale = (typeof ORGANISATION_SCALES)[number];
/** Validates an organisation scale. */
export const organisationScaleSchema = z.enum(ORGANISATION_SCALES);

/** What a unit is: a vehicle or a piece of equipment. */
export const UNIT_KINDS = ['vehicle', 'equipment'] as const;
/** A vehicle or a piece of equipment. */
export type UnitKind = (typeof UNIT_KINDS)[number];
/** Validates a unit kind. */
export const unitKindSchema = z.enum(UNIT_KINDS);

/** A phone number as a profile keeps it (personal data). */
export const profilePhoneSchema = plainTextSchema.trim().min(3).max(40);

/** A person named on a profile (the person in charge, a key contact): name and phone are personal data. */
export const namedPersonSchema = z.strictObject({ name: shortTextSchema, phone: profilePhoneSchema.optional() });
/** A person named on a profile, as `namedPersonSchema` parses it. */
export type NamedPerson = z.infer<typeof namedPersonSchema>;

/**
 * What an organisation can repair itself (维修能力), as it declares it: whether it runs its own
 * workshop, how many mechanics it employs, and what it repairs in-house, in the host's words.
 * It tells the station what the customer will bring in and what its own people may already have
 * tried. Not personal: it describes the business's means, not a person (name people as key
 * contacts, not here), so it stays plaintext and survives an erasure, as scale and fleet size do.
 * A contradiction (something repaired in-house with no workshop and no mechanics, an item listed
 * twice) is refused by the rule `repairCapabilityConsistent`.
 */
export const repairCapabilitySchema = z.strictObject({
  /** Whether it has its own workshop or maintenance bay. */
  ownWorkshop: z.boolean(),
  /** How many mechanics it employs, as declared (0: none; absent: not known). */
  mechanics: z.int().min(0).max(100_000).optional(),
  /** What it repairs itself (`routine servicing`, `tyres`, `液压系统`), at most 20 items. */
  repairsInHouse: z.array(shortTextSchema).max(20, 'list at most 20 things repaired in-house').optional(),
});
/** An organisation's repair capability, as `repairCapabilitySchema` parses it. */
export type RepairCapability = z.infer<typeof repairCapabilitySchema>;

/** What an organisation's profile adds to a person's when it is opened. */
export const organisationSchema = z.strictObject({
  scale: organisationScaleSchema,
  /** How many vehicles or machines it runs, as declared (the recorded units may be fewer). */
  fleetSize: z.int().min(0).max(10_000_000).optional(),
  personInCharge: namedPersonSchema,
  /** What it can repair itself, when known. */
  repairCapability: repairCapabilitySchema.optional(),
});
/** An organisation's details, as `organisationSchema` parses it. */
export type Organisation = z.infer<typeof organisationSchema>;

/** A vehicle or machine of the customer; recording the same `unitId` again updates it (a new plate, mileage, site). */
export const unitSchema = z.strictObject({
  unitId: idSchema,
  kind: unitKindSchema,
  model: shortTextSchema.optional(),
  /** Plate, VIN or serial number: personal data, as on a complaint's product. */
  identifier: shortTextSchema.optional(),
  mileageKm: z.int().min(0).max(10_000_000).optional(),
  /** The site it is based at (an organisation's), when known. */
  siteId: idSchema.optional(),
});
/** A unit, as `unitSchema` parses it. */
export type Unit = z.infer<typeof unitSchema>;

/** One of an organisation's sites (a depot, a plant, a branch office); recording the same `siteId` again updates it. */
export const siteSchema = z.strictObject({
  siteId: idSchema,
  name: shortTextSchema,
  /** Personal data (it can be a home address for a small business). */
  address: shortTextSchema.optional(),
});
/** A site, as `siteSchema` parses it. */
export type Site = z.infer<typeof siteSchema>;

/** A key contact of an organisation (fleet manager, purchasing, accounts); recording the same `contactId` again updates it. */
export const keyContactSchema = z.strictObject({
  contactId: idSchema,
  name: shortTextSchema,
  /** What they are the contact for, in the host's words (not personal). */
  role: shortTextSchema.optional(),
  phone: profilePhoneSchema.optional(),
});
/** A key contact, as `keyContactSchema` parses it. */
export type KeyContact = z.infer<typeof keyContactSchema>;

/** A difficult-customer tag's name: an id of the tag catalogue (`stubborn`, `honest`, see tag-catalogue.ts) or the host's own (`media-threat`, `litigious`). */
export const customerTagSchema = idSchema;
