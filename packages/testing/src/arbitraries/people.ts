/**
 * Customers and staff with realistic names, contact details and segments, in
 * Chinese and English. Everything is built with `map` over small integers and
 * constant picks, so a failing case shrinks to the first name of each list rather
 * than to noise.
 */
import { ROLES, customerSchema, type Actor, type Customer, type Role } from '@redress/core';
import fc from 'fast-check';
import {
  FIRST_NAMES_EN,
  HONORIFICS_ZH,
  LAST_NAMES_EN,
  MOBILE_PREFIXES_ZH,
  SEGMENTS_EN,
  SEGMENTS_ZH,
  SURNAMES_PINYIN,
  SURNAMES_ZH,
  GIVEN_NAMES_ZH,
  type TextLocale,
} from './phrases.js';

/** The language option every data arbitrary takes: `en`, `zh-CN`, or `any` (both, shrinking to English). */
export interface LocaleOptions {
  /** Which language names and texts are in; `any` (the default) mixes both. */
  readonly locale?: TextLocale | 'any';
}

/** The locale an arbitrary draws from: fixed, or either (English first, so it shrinks to English). */
export const localeArbitrary = (locale: TextLocale | 'any' = 'any'): fc.Arbitrary<TextLocale> =>
  locale === 'any' ? fc.constantFrom<TextLocale>('en', 'zh-CN') : fc.constant(locale);

const chineseName = fc
  .tuple(fc.nat({ max: SURNAMES_ZH.length - 1 }), fc.nat({ max: GIVEN_NAMES_ZH.length - 1 }), fc.nat({ max: 2 }))
  .map(([s, g, form]) => {
    const surname = SURNAMES_ZH[s] as string;
    // How desks write customers down: full name, or surname + 先生/女士.
    return form === 2 ? `${surname}${GIVEN_NAMES_ZH[g] as string}` : `${surname}${HONORIFICS_ZH[form] as string}`;
  });

const englishName = fc
  .tuple(fc.nat({ max: FIRST_NAMES_EN.length - 1 }), fc.nat({ max: LAST_NAMES_EN.length - 1 }), fc.nat({ max: 2 }))
  .map(([f, l, form]) => {
    const last = LAST_NAMES_EN[l] as string;
    return form === 2 ? `${FIRST_NAMES_EN[f] as string} ${last}` : `${form === 0 ? 'Mr' : 'Ms'} ${last}`;
  });

/** A person's name as a desk records it: 王先生, 李秀英, Ms Clarke, Wei Chen. */
export function personName(options: LocaleOptions = {}): fc.Arbitrary<string> {
  if (options.locale === 'en') return englishName;
  if (options.locale === 'zh-CN') return chineseName;
  return fc.oneof(englishName, chineseName);
}

const digits = (n: number) => fc.array(fc.nat({ max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

/** A phone number: a mainland mobile (138 1234 5678, sometimes +86), a landline, or an international number. */
export function phoneNumber(options: LocaleOptions = {}): fc.Arbitrary<string> {
  const mobile = fc
    .tuple(fc.constantFrom(...MOBILE_PREFIXES_ZH), digits(8), fc.boolean())
    .map(([prefix, rest, intl]) => `${intl ? '+86 ' : ''}${prefix} ${rest.slice(0, 4)} ${rest.slice(4)}`);
  const landline = fc.tuple(fc.constantFrom('010', '021', '020', '0571'), digits(8)).map(([area, n]) => `${area}-${n}`);
  const international = fc
    .tuple(fc.constantFrom('+44 20', '+1 415', '+49 30', '+65'), digits(8))
    .map(([code, n]) => `${code} ${n.slice(0, 4)} ${n.slice(4)}`);
  if (options.locale === 'zh-CN') return fc.oneof(mobile, landline);
  if (options.locale === 'en') return fc.oneof(international, mobile);
  return fc.oneof(mobile, landline, international);
}

/** A CRM reference: `cust-000042`. `index` makes several complaints share a customer (repeat complaints). */
export const customerReference = (maxCustomers = 50): fc.Arbitrary<string> =>
  fc.nat({ max: Math.max(0, maxCustomers - 1) }).map((n) => `cust-${String(n).padStart(6, '0')}`);

/**
 * A customer as a complaint refers to them: a reference, usually a name, often a
 * phone number, sometimes their segment (private owner, fleet…). Name and segment
 * are in one language.
 */
export function customer(options: LocaleOptions & { readonly maxCustomers?: number } = {}): fc.Arbitrary<Customer> {
  return fc
    .record(
      {
        reference: customerReference(options.maxCustomers),
        locale: localeArbitrary(options.locale),
        name: fc.tuple(englishName, chineseName),
        phone: phoneNumber(options),
        segment: fc.nat({ max: SEGMENTS_EN.length - 1 }),
      },
      { requiredKeys: ['reference', 'locale'] },
    )
    .map(({ locale, name, segment, ...rest }) =>
      customerSchema.parse({
        ...rest,
        ...(name === undefined ? {} : { name: locale === 'en' ? name[0] : name[1] }),
        ...(segment === undefined ? {} : { segment: (locale === 'en' ? SEGMENTS_EN : SEGMENTS_ZH)[segment] }),
      }),
    );
}

/** A staff member acting in `role`, with an id such as `handler-li-3`. */
export function actorOf(role: Role): fc.Arbitrary<Actor> {
  return fc
    .tuple(fc.nat({ max: SURNAMES_PINYIN.length - 1 }), fc.nat({ max: 3 }))
    .map(([s, n]) => ({ id: role === 'customer' ? `cust-${SURNAMES_PINYIN[s] as string}` : `${role}-${SURNAMES_PINYIN[s] as string}-${n}`, role }));
}

/** An actor in one of `roles` (any role by default). */
export function actor(roles: readonly Role[] = ROLES): fc.Arbitrary<Actor> {
  if (roles.length === 0) throw new RangeError('actor(roles): give at least one role');
  return fc.oneof(...roles.map(actorOf));
}
