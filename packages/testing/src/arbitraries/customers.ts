/**
 * Customer profile commands (see @redress/core's customers/ and docs/customers.md), each
 * well-formed for its schema, for a few customer references so that commands meet the
 * profiles earlier ones opened (and are sometimes refused by a profile rule, which is
 * what a host's properties over profiles want to see). Names and phones come from the
 * people arbitraries, so a privacy test has realistic personal values to look for.
 * Organisations come with a repair capability or without; tags are host ids with a hint
 * or ids of the default catalogue (`DEFAULT_CUSTOMER_TAGS`) with or without one (the
 * service then records the catalogue's hint). Units, sites and key contacts are retired,
 * closed and removed by the same few ids they are recorded with, so some retirements meet
 * a current entry and some are refused.
 */
import { CUSTOMER_KINDS, DEFAULT_CUSTOMER_TAGS, ORGANISATION_SCALES, UNIT_KINDS, type Actor, type CustomerProfileCommandInput } from '@redress/core';
import fc from 'fast-check';
import { personName, phoneNumber, type LocaleOptions } from './people.js';

/** Options of `customerProfileCommand`. */
export interface CustomerProfileCommandOptions extends LocaleOptions {
  /** The customer references commands are for (default three). */
  readonly customers?: readonly string[];
  /** Who issues them (default a department head, who may issue every profile command). */
  readonly actor?: Actor;
}

const few = (prefix: string) => fc.constantFrom(`${prefix}-1`, `${prefix}-2`, `${prefix}-3`);
const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
/** The object without its undefined fields (zod's strict objects take absent, not undefined, in JSON). */
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** A profile command of any type, well-formed; whether a profile rule accepts it depends on the log it meets. */
export function customerProfileCommand(options: CustomerProfileCommandOptions = {}): fc.Arbitrary<CustomerProfileCommandInput> {
  const customerReference = fc.constantFrom(...(options.customers ?? ['CU-A', 'CU-B', 'CU-C']));
  const actor = options.actor ?? { id: 'dh-1', role: 'departmentHead' };
  const name = personName(options);
  const phone = phoneNumber(options);
  const person = fc.record({ name, phone: optional(phone) }).map(defined);
  const repairCapability = fc
    .record({ ownWorkshop: fc.boolean(), mechanics: optional(fc.nat(40)), repairsInHouse: optional(fc.subarray(['routine servicing', 'tyres', '液压系统', 'engine overhaul'])) })
    .map(defined);
  const hint = fc.constantFrom('Everything in writing', '两人接待，不承诺日期');
  const tag = fc.oneof(
    fc.record({ tag: few('tag'), hint }),
    fc.record({ tag: fc.constantFrom(...DEFAULT_CUSTOMER_TAGS), hint: optional(hint) }).map(defined),
  );
  const data = fc.oneof(
    fc
      .record({ customerReference, kind: fc.constantFrom(...CUSTOMER_KINDS), ownerId: few('km'), name, phone: optional(phone), loyaltyTier: optional(fc.constantFrom('silver', 'gold')), scale: fc.constantFrom(...ORGANISATION_SCALES), fleetSize: optional(fc.nat(500)), personInCharge: person, repairCapability: optional(repairCapability) })
      .map(({ scale, fleetSize, personInCharge, repairCapability: repair, ...d }) => ({
        type: 'OpenCustomerProfile' as const,
        data: defined({ ...d, organisation: d.kind === 'organisation' ? defined({ scale, fleetSize, personInCharge, repairCapability: repair }) : undefined }),
      })),
    fc
      .record({ customerReference, name: optional(name), phone: optional(phone), membership: optional(fc.constantFrom('club-card', null)), loyaltyTier: optional(fc.constantFrom('silver', 'gold')), scale: optional(fc.constantFrom(...ORGANISATION_SCALES)), personInCharge: optional(person), repairCapability: optional(repairCapability) })
      .map((d) => ({ type: 'ChangeCustomerDetails' as const, data: defined(d) })),
    fc.record({ customerReference, ownerId: few('km') }).map((d) => ({ type: 'AssignCustomerOwner' as const, data: d })),
    fc
      .record({ customerReference, unitId: few('unit'), kind: fc.constantFrom(...UNIT_KINDS), model: optional(fc.constantFrom('Actros', 'Sagitar')), identifier: optional(fc.constantFrom('沪B·99887', 'WDB9634031L123456')), mileageKm: optional(fc.nat(500_000)), siteId: optional(few('site')) })
      .map(({ customerReference: c, ...unit }) => ({ type: 'RecordCustomerUnit' as const, data: { customerReference: c, unit: defined(unit) } })),
    fc
      .record({ customerReference, siteId: few('site'), name: fc.constantFrom('North depot', '浦东场站'), address: optional(fc.constantFrom('张江路 88 号', '1 Dock Road')) })
      .map(({ customerReference: c, ...site }) => ({ type: 'RecordCustomerSite' as const, data: { customerReference: c, site: defined(site) } })),
    fc
      .record({ customerReference, contactId: few('contact'), name, role: optional(fc.constantFrom('fleet manager', '采购')), phone: optional(phone) })
      .map(({ customerReference: c, ...contact }) => ({ type: 'RecordKeyContact' as const, data: { customerReference: c, contact: defined(contact) } })),
    fc
      .record({ customerReference, tag, reason: fc.constantFrom('Threatened the press', '多次争吵') })
      .map(({ tag: t, ...d }) => ({ type: 'TagDifficultCustomer' as const, data: { ...d, ...t } })),
    fc.record({ customerReference, tag: fc.oneof(few('tag'), fc.constantFrom(...DEFAULT_CUSTOMER_TAGS)), reason: fc.constantFrom('Calm for a year', '关系已改善') }).map((d) => ({ type: 'UntagDifficultCustomer' as const, data: d })),
    fc.record({ customerReference, unitId: few('unit'), reason: fc.constantFrom('Sold to a dealer', '车辆已报废') }).map((d) => ({ type: 'RetireCustomerUnit' as const, data: d })),
    fc.record({ customerReference, siteId: few('site'), reason: fc.constantFrom('Lease ended', '场站已搬迁') }).map((d) => ({ type: 'CloseCustomerSite' as const, data: d })),
    fc.record({ customerReference, contactId: few('contact'), reason: fc.constantFrom('Left the company', '已离职') }).map((d) => ({ type: 'RemoveKeyContact' as const, data: d })),
  );
  return data.map((c) => ({ ...c, actor }) as CustomerProfileCommandInput);
}
