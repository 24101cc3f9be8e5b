/**
 * Complaints as a front desk records them: who, through which channel, what
 * happened and what the customer demands, about which vehicle or machine, where
 * (branch, region, business line) and what revealed it. The wording follows the
 * cause, and every text of one complaint is in the story's language, so a generated
 * complaint reads like a real one.
 */
import { CAUSES, CHANNELS, COMPLAINT_SOURCE_KINDS, type Acknowledgement, type Cause, type CommandOf, type ComplaintSource, type Product } from '@redress/core';
import fc from 'fast-check';
import { customer, localeArbitrary, type LocaleOptions } from './people.js';
import {
  BRANCH_REGIONS,
  BRANCHES_EN,
  BRANCHES_ZH,
  BUSINESS_LINES_EN,
  BUSINESS_LINES_ZH,
  MACHINE_MODELS,
  PLATE_REGIONS,
  REGIONS_EN,
  REGIONS_ZH,
  SOURCE_NOTES,
  TEXTS,
  VEHICLE_MODELS,
  WORDING,
  type TextLocale,
} from './phrases.js';

/** The payload of a `ReceiveComplaint` command, as core types it: what `complaintData()` generates. */
export type ComplaintData = CommandOf<'ReceiveComplaint'>['data'];

const PLATE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

/**
 * A vehicle (kind, model, plate, mileage, purchase date) or a construction machine
 * (kind, model, serial, purchase date). Every field is optional, as in core's schema:
 * desks often note only the model, or only the plate.
 */
export function product(): fc.Arbitrary<Product> {
  const plate = fc
    .tuple(fc.constantFrom(...PLATE_REGIONS), fc.array(fc.nat({ max: PLATE_CHARS.length - 1 }), { minLength: 5, maxLength: 5 }))
    .map(([region, chars]) => `${region}·${chars.map((i) => PLATE_CHARS[i]).join('')}`);
  const purchasedOn = fc
    .tuple(fc.integer({ min: 2015, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  const vehicle = fc.record(
    { kind: fc.constant('vehicle'), model: fc.constantFrom(...VEHICLE_MODELS), identifier: plate, mileageKm: fc.nat({ max: 300_000 }), purchasedOn },
    { requiredKeys: [] },
  );
  const machine = fc.record(
    {
      kind: fc.constant('machine'),
      model: fc.constantFrom(...MACHINE_MODELS),
      identifier: fc.nat({ max: 999_999 }).map((n) => `SN${String(n).padStart(8, '0')}`),
      purchasedOn,
    },
    { requiredKeys: [] },
  );
  return fc.oneof({ arbitrary: vehicle, weight: 3 }, { arbitrary: machine, weight: 1 });
}

const pick = (options: readonly string[], i: number) => options[i % options.length] as string;

const FULL_ACKNOWLEDGEMENT = { thanked: true, appreciated: true, apologised: true, promisedPromptAction: true } as const;

/** The acknowledgement's flags, and which of the words said (if any) by index: resolved once the language is known. */
type AcknowledgementDraft = Omit<Acknowledgement, 'words'> & { readonly words?: number };

function acknowledgementDraft(complete: boolean): fc.Arbitrary<AcknowledgementDraft> {
  if (complete) return fc.record({ words: fc.nat() }, { requiredKeys: [] }).map((w) => ({ ...FULL_ACKNOWLEDGEMENT, ...w }));
  return fc.record(
    { thanked: fc.boolean(), appreciated: fc.boolean(), apologised: fc.boolean(), promisedPromptAction: fc.boolean(), words: fc.nat() },
    { requiredKeys: ['thanked', 'appreciated', 'apologised', 'promisedPromptAction'] },
  );
}

const withWords = ({ words, ...flags }: AcknowledgementDraft, locale: TextLocale): Acknowledgement =>
  words === undefined ? { ...flags } : { ...flags, words: pick(TEXTS[locale].acknowledgement, words) };

/**
 * Handling behaviours 1-4: complete (the usual case) or partly recorded, to be
 * completed at confirmation; sometimes with the words said, in the locale asked for.
 */
export function acknowledgement(options: { readonly complete?: boolean } & LocaleOptions = {}): fc.Arbitrary<Acknowledgement> {
  return fc.tuple(acknowledgementDraft(options.complete ?? false), localeArbitrary(options.locale)).map(([draft, locale]) => withWords(draft, locale));
}

/** What revealed a complaint, with the index of its reference and note: resolved once the language is known. */
type SourceDraft = { readonly kind: ComplaintSource['kind']; readonly reference?: number; readonly note?: number };

const sourceDraft: fc.Arbitrary<SourceDraft> = fc.record(
  { kind: fc.constantFrom(...COMPLAINT_SOURCE_KINDS), reference: fc.nat({ max: 999_999 }), note: fc.nat() },
  { requiredKeys: ['kind'] },
);

/** The id of what revealed it: the survey response, or the earlier complaint whose follow-up (or repeat) it is. */
function sourceReference(kind: ComplaintSource['kind'], n: number): string {
  if (kind === 'survey') return `survey-${String(n).padStart(6, '0')}`;
  if (kind === 'other') return `ticket-${String(n).padStart(6, '0')}`;
  return `earlier-complaint-${(n % 4) + 1}`;
}

function sourceOf({ kind, reference, note }: SourceDraft, locale: TextLocale): ComplaintSource {
  return {
    kind,
    ...(reference === undefined ? {} : { reference: sourceReference(kind, reference) }),
    ...(note === undefined ? {} : { note: pick(SOURCE_NOTES[locale][kind], note) }),
  };
}

/** What revealed a complaint (a satisfaction survey for a hidden complaint, a follow-up, a repeat…), with its reference and a note. */
export function complaintSource(options: LocaleOptions = {}): fc.Arbitrary<ComplaintSource> {
  return fc.tuple(sourceDraft, localeArbitrary(options.locale)).map(([draft, locale]) => sourceOf(draft, locale));
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

/**
 * Options of `complaintData`: the locale of names and texts, how many distinct customers (repeat complaints), and
 * whether the acknowledgement is recorded at receipt.
 */
export interface ComplaintDataOptions extends LocaleOptions {
  /** How many distinct customers to draw from (few means repeat complaints are common). */
  readonly maxCustomers?: number;
  /** Record the whole acknowledgement at receipt (default: sometimes only part of it). */
  readonly acknowledged?: boolean;
}

/**
 * The payload of a `ReceiveComplaint`: customer, channel, description, demand, and
 * the optional product, branch, region, business line, source, acknowledgement, and the
 * customer's site and unit
 * (each sometimes left out, and shrinking towards left out). The region is the
 * branch's when there is a branch, and a machine belongs to the machinery line.
 */
export function complaintData(options: ComplaintDataOptions = {}): fc.Arbitrary<ComplaintData> {
  return fc
    .record(
      {
        customer: customer(options),
        channel: fc.constantFrom(...CHANNELS),
        story: complaintStory(options),
        product: product(),
        branch: fc.nat(),
        region: fc.nat(),
        businessLine: fc.nat(),
        source: sourceDraft,
        acknowledgement: acknowledgementDraft(options.acknowledged ?? false),
        // Ids on a customer profile: with no profile in the log (as in model runs) any is taken as given.
        siteId: fc.constantFrom('site-depot-north', 'site-plant-2', 'yard.3'),
        unitId: fc.constantFrom('unit-truck-7', 'unit-excavator-3', 'vehicle-1'),
      },
      { requiredKeys: ['customer', 'channel', 'story'] },
    )
    .map(({ story, branch, region, businessLine, source, acknowledgement, ...rest }) => {
      const en = story.locale === 'en';
      const branchIndex = branch === undefined ? undefined : branch % BRANCHES_EN.length;
      const regionIndex = branchIndex === undefined ? region : BRANCH_REGIONS[branchIndex];
      const kind = rest.product?.kind;
      // A machine belongs to the machinery line (2); a vehicle to any other.
      const lineIndex =
        businessLine === undefined ? undefined : kind === 'machine' ? 2 : kind === 'vehicle' ? ([0, 1, 3] as const)[businessLine % 3] : businessLine;
      return {
        ...rest,
        description: story.description,
        demand: story.demand,
        ...(branchIndex === undefined ? {} : { branch: (en ? BRANCHES_EN : BRANCHES_ZH)[branchIndex] as string }),
        ...(region === undefined || regionIndex === undefined ? {} : { region: pick(en ? REGIONS_EN : REGIONS_ZH, regionIndex) }),
        ...(lineIndex === undefined ? {} : { businessLine: pick(en ? BUSINESS_LINES_EN : BUSINESS_LINES_ZH, lineIndex) }),
        ...(source === undefined ? {} : { source: sourceOf(source, story.locale) }),
        ...(acknowledgement === undefined ? {} : { acknowledgement: withWords(acknowledgement, story.locale) }),
      };
    });
}
