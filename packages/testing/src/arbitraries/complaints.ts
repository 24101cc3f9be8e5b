/**
 * Complaints as a front desk records them: who, through which channel, what
 * happened and what the customer demands, about which vehicle or machine. The
 * wording follows the cause, so a generated complaint reads like a real one.
 */
import { CAUSES, CHANNELS, type Acknowledgement, type Cause, type CommandOf, type Product } from '@redress/core';
import fc from 'fast-check';
import { customer, localeArbitrary, type LocaleOptions } from './people.js';
import { BRANCHES_EN, BRANCHES_ZH, MACHINE_MODELS, PLATE_REGIONS, VEHICLE_MODELS, WORDING, type TextLocale } from './phrases.js';

export type ComplaintData = CommandOf<'ReceiveComplaint'>['data'];

const PLATE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

/** A vehicle (model, plate, mileage, purchase date) or a construction machine (model, serial, hours as km). */
export function product(): fc.Arbitrary<Product> {
  const plate = fc
    .tuple(fc.constantFrom(...PLATE_REGIONS), fc.array(fc.nat({ max: PLATE_CHARS.length - 1 }), { minLength: 5, maxLength: 5 }))
    .map(([region, chars]) => `${region}·${chars.map((i) => PLATE_CHARS[i]).join('')}`);
  const purchasedOn = fc
    .tuple(fc.integer({ min: 2015, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  const vehicle = fc.record(
    { kind: fc.constant('vehicle'), model: fc.constantFrom(...VEHICLE_MODELS), identifier: plate, mileageKm: fc.nat({ max: 300_000 }), purchasedOn },
    { requiredKeys: ['kind', 'model'] },
  );
  const machine = fc.record(
    {
      kind: fc.constant('machine'),
      model: fc.constantFrom(...MACHINE_MODELS),
      identifier: fc.nat({ max: 999_999 }).map((n) => `SN${String(n).padStart(8, '0')}`),
      purchasedOn,
    },
    { requiredKeys: ['kind', 'model'] },
  );
  return fc.oneof({ arbitrary: vehicle, weight: 3 }, { arbitrary: machine, weight: 1 });
}

/** Handling behaviours 1-4: complete (the usual case) or partly recorded, to be completed at confirmation. */
export function acknowledgement(options: { readonly complete?: boolean } = {}): fc.Arbitrary<Acknowledgement> {
  const full: Acknowledgement = { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true };
  if (options.complete) return fc.constant(full);
  return fc
    .record({ thanked: fc.boolean(), appreciated: fc.boolean(), apologised: fc.boolean(), promisedPromptAction: fc.boolean() })
    .map((a) => ({ ...a }));
}

const wordingOf = (locale: TextLocale, cause: Cause) => WORDING[locale][cause];

/** What a complaint is about, worded for its cause: `{ cause, description, demand, findings }`. */
export function complaintStory(options: LocaleOptions = {}) {
  return fc
    .tuple(localeArbitrary(options.locale), fc.constantFrom(...CAUSES), fc.nat(), fc.nat(), fc.nat())
    .map(([locale, cause, d, m, f]) => {
      const w = wordingOf(locale, cause);
      return {
        locale,
        cause,
        description: w.description[d % w.description.length] as string,
        demand: w.demand[m % w.demand.length] as string,
        findings: w.findings[f % w.findings.length] as string,
      };
    });
}

export interface ComplaintDataOptions extends LocaleOptions {
  /** How many distinct customers to draw from (few means repeat complaints are common). */
  readonly maxCustomers?: number;
  /** Record the whole acknowledgement at receipt (default: sometimes only part of it). */
  readonly acknowledged?: boolean;
}

/** The payload of a `ReceiveComplaint`: customer, channel, description, demand, product, branch, acknowledgement. */
export function complaintData(options: ComplaintDataOptions = {}): fc.Arbitrary<ComplaintData> {
  return fc
    .record(
      {
        customer: customer(options),
        channel: fc.constantFrom(...CHANNELS),
        story: complaintStory(options),
        product: product(),
        branch: fc.nat(),
        acknowledgement: acknowledgement({ complete: options.acknowledged ?? false }),
      },
      { requiredKeys: ['customer', 'channel', 'story'] },
    )
    .map(({ story, branch, ...rest }) => ({
      ...rest,
      description: story.description,
      demand: story.demand,
      ...(branch === undefined ? {} : { branch: (story.locale === 'en' ? BRANCHES_EN : BRANCHES_ZH)[branch % BRANCHES_EN.length] as string }),
    }));
}
