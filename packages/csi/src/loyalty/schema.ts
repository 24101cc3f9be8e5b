/**
 * What the host knows about its customers and the log does not: when each became a
 * customer, what they bought, whom they referred, whether and why they left. The loyalty
 * metrics combine these facts with the complaints and surveys of the log, matched by the
 * customer reference the complaints use. Validated once, like the configuration.
 */
import { err, idSchema, instantSchema, ok, shortTextSchema, ValidationError, type Result } from '@redress/core';
import { z } from 'zod';
import { issuesFromZod } from '../support/issues.js';

/** Why a customer left (the material's defection types): price, product, service, or a change of their own. */
export const DEFECTION_TYPES = ['price', 'product', 'service', 'selfInitiated'] as const;
/**
 * Why a customer was lost (`DEFECTION_TYPES`): `price`, `product`, `service`, or `selfInitiated` (a change of their own: moved, stopped needing it).
 */
export type DefectionType = (typeof DEFECTION_TYPES)[number];

const MAX_FACTS = 10_000;

/**
 * One customer as the host knows them: the reference the log uses, optional segment, branch and
 * region (what a loyalty slice restricts by), since when they are a customer, every purchase and
 * referral (instants, up to 10,000 each), and when and why they were lost. A defection type needs
 * `churnedAt`, and `churnedAt` must not precede `since`.
 */
export const hostCustomerSchema = z
  .strictObject({
    /** The reference the log's complaints and surveys use (`customer.reference`). */
    customer: idSchema,
    segment: shortTextSchema.optional(),
    branch: shortTextSchema.optional(),
    region: shortTextSchema.optional(),
    /** Customer since (the first purchase); left out: before any window the report looks at. */
    since: instantSchema.optional(),
    /** Every purchase (a vehicle, a machine, a service contract), when it happened. */
    purchases: z.array(instantSchema).max(MAX_FACTS).default([]),
    /** Every new customer this customer referred, when. */
    referrals: z.array(instantSchema).max(MAX_FACTS).default([]),
    /** When the customer was lost (流失); left out: still a customer. */
    churnedAt: instantSchema.optional(),
    defection: z.enum(DEFECTION_TYPES).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.defection !== undefined && c.churnedAt === undefined) ctx.addIssue({ code: 'custom', path: ['defection'], message: 'a defection type needs churnedAt' });
    if (c.since !== undefined && c.churnedAt !== undefined && Date.parse(c.churnedAt) < Date.parse(c.since)) {
      ctx.addIssue({ code: 'custom', path: ['churnedAt'], message: 'must not be before since' });
    }
  });
/** A customer's facts as `hostCustomerSchema` parses them (`purchases` and `referrals` defaulted to `[]`). */
export type HostCustomer = z.output<typeof hostCustomerSchema>;

/**
 * The host's customer facts for a loyalty report: the window `[from, to)` (ISO-8601 instants, `to`
 * after `from`), the days within which an archived complaint counts as resolved quickly
 * (`quickWithinDays`, 7 by default: the domain's 7-day rule), and the customers (each reference
 * listed once, up to 1,000,000).
 */
export const loyaltyInputSchema = z
  .strictObject({
    /** The window the rates cover: [from, to). */
    from: instantSchema,
    to: instantSchema,
    /** A complaint archived within this many days of receipt was resolved quickly; 7, the domain's rule. */
    quickWithinDays: z.number().gt(0).max(3650).default(7),
    customers: z.array(hostCustomerSchema).max(1_000_000),
  })
  .superRefine((input, ctx) => {
    if (Date.parse(input.from) >= Date.parse(input.to)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
    const seen = new Set<string>();
    input.customers.forEach((c, i) => {
      if (seen.has(c.customer)) ctx.addIssue({ code: 'custom', path: ['customers', i, 'customer'], message: `customer ${c.customer} is listed twice` });
      seen.add(c.customer);
    });
  });
/** Validated customer facts (`defineLoyaltyInput`), as `loyalty` and `analyze(state, { loyalty })` take them. */
export type LoyaltyInput = z.output<typeof loyaltyInputSchema>;
/** What `defineLoyaltyInput` accepts: `quickWithinDays`, `purchases` and `referrals` may be left out. */
export type LoyaltyInputData = z.input<typeof loyaltyInputSchema>;

/** Validates the host's customer facts; bad input is a `ValidationError` with dotted paths. */
export function defineLoyaltyInput(input: LoyaltyInputData): Result<LoyaltyInput, ValidationError> {
  const parsed = loyaltyInputSchema.safeParse(input);
  return parsed.success ? ok(parsed.data) : err(new ValidationError(issuesFromZod(parsed.error)));
}
