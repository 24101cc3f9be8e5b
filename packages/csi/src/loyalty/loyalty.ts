/**
 * Loyalty (客户忠诚度) over a window [from, to), for the customers the host had at its
 * start (the base: customer since before `from`, or since unknown, and not lost before
 * `from`). Every rate is a share of that base:
 * - churn: lost within the window; retention: still customers at `to` (1 − churn);
 * - repeat purchase: bought again within the window; referral: referred someone within it;
 * - complaint rate (lower is better): complained themselves within it (a complaint the log
 *   received for them that no survey or follow-up revealed).
 * The material's observation (§8) that customers whose complaint was resolved, and resolved
 * quickly, buy again most and those with a problem they never spoke of least, is checked by
 * `byExperience`: the base split by what happened to them in the window.
 */
import type { ComplaintFacts, SurveyResponse } from '../analytics/facts.js';
import { rate, type Rate } from '../analytics/stats.js';
import { DEFECTION_TYPES, type DefectionType, type HostCustomer, type LoyaltyInput } from './schema.js';

/** What happened to a customer in the window; each customer of the base has exactly one. */
export const CUSTOMER_EXPERIENCES = ['noComplaint', 'resolvedQuickly', 'resolvedSlowly', 'unresolved', 'silentDissatisfied'] as const;
/**
 * What happened to a customer of the base in the window (`CUSTOMER_EXPERIENCES`), first match wins:
 * `unresolved` (a complaint of their own not archived, withdrawn included), `resolvedQuickly` (every
 * one archived within `quickWithinDays`), `resolvedSlowly` (all archived, some later),
 * `silentDissatisfied` (no complaint of their own, but one a survey or follow-up revealed, or a
 * rating of 4 or less), `noComplaint`.
 */
export type CustomerExperience = (typeof CUSTOMER_EXPERIENCES)[number];

/**
 * The base's customers with one experience and how loyal they stayed: the material's claim that
 * quickly resolved complainants buy again most, and silent unhappy customers least, made checkable.
 */
export interface ExperienceRow {
  /** The experience the row is for. */
  readonly experience: CustomerExperience;
  /** Customers of the base with that experience; the rows partition the base. */
  readonly customers: number;
  /** Of them, those who bought again within the window. */
  readonly repeatPurchase: Rate;
  /** Of them, those lost within the window. */
  readonly churn: Rate;
}

/**
 * Loyalty (客户忠诚度) over the window: churn, retention, repeat-purchase, referral and complaint
 * rates, each a share of the base (the customers at the window's start), with defections by type
 * and the base split by complaint experience.
 */
export interface LoyaltyReport {
  /** The window's start (inclusive), as given in the input. */
  readonly from: string;
  /** The window's end (exclusive), as given in the input. */
  readonly to: string;
  /** The base: customers at the start of the window. */
  readonly customers: number;
  /** Became customers within the window (not in the base). */
  readonly newCustomers: number;
  /** Customers of the base lost (`churnedAt`) within the window. */
  readonly churn: Rate;
  /** Customers of the base still customers at `to`: base minus churned, so churn + retention = 1. */
  readonly retention: Rate;
  /** Customers of the base who bought again within the window. */
  readonly repeatPurchase: Rate;
  /** Customers of the base who referred a new customer within the window. */
  readonly referral: Rate;
  /**
   * Customers of the base who made a complaint received within the window (lower is better); a complaint a survey or follow-up revealed is not one they made.
   */
  readonly complaint: Rate;
  /** The base's customers lost in the window, by why. */
  readonly defections: Readonly<Record<DefectionType | 'unrecorded', number>>;
  /** The base split by experience, one row per `CUSTOMER_EXPERIENCES` entry in that order (empty rows included). */
  readonly byExperience: readonly ExperienceRow[];
  /** Customers with complaints or surveys in the window the host's facts do not list: not in any rate. */
  readonly unknownCustomers: number;
}

const inWindow = (at: string, from: number, to: number) => {
  const t = Date.parse(at);
  return t >= from && t < to;
};

const DAY = 86_400_000;
const isHidden = (c: ComplaintFacts) => c.source === 'survey' || c.source === 'followUp';

function byCustomer(complaints: readonly ComplaintFacts[]): Map<string, ComplaintFacts[]> {
  const map = new Map<string, ComplaintFacts[]>();
  for (const c of complaints) {
    const list = map.get(c.customer);
    if (list) list.push(c);
    else map.set(c.customer, [c]);
  }
  return map;
}

function experienceOf(own: readonly ComplaintFacts[], silent: boolean, quickMs: number): CustomerExperience {
  if (own.length > 0) {
    if (own.some((c) => c.archivedAt === null)) return 'unresolved';
    return own.every((c) => Date.parse(c.archivedAt ?? '') - Date.parse(c.receivedAt) <= quickMs) ? 'resolvedQuickly' : 'resolvedSlowly';
  }
  return silent ? 'silentDissatisfied' : 'noComplaint';
}

/**
 * The loyalty figures of the window from the host's facts and the log's complaints and survey
 * responses (matched by customer reference). `roster` narrows the base (a slice's customers);
 * the whole input by default. Complaints and responses outside `[from, to)` are ignored; customers
 * in them the input does not list are counted in `unknownCustomers`, never dropped silently.
 * Usually reached through `analyze(state, { loyalty })`.
 *
 * @example
 * ```ts
 * const input = defineLoyaltyInput({
 *   from: '2026-01-01T00:00:00+08:00',
 *   to: '2027-01-01T00:00:00+08:00',
 *   customers: [
 *     { customer: 'cust-7', since: '2023-05-02T10:00:00+08:00', purchases: ['2026-06-18T15:00:00+08:00'] },
 *     { customer: 'cust-9', churnedAt: '2026-09-30T12:00:00+08:00', defection: 'service' },
 *   ],
 * });
 * if (!input.ok) throw input.error;
 * const report = analyze(state, { loyalty: input.value }).loyalty;
 * report?.churn; // { met: 1, total: 2, rate: 0.5 }
 * report?.repeatPurchase.rate; // 0.5
 * ```
 */
export function loyalty(
  input: LoyaltyInput,
  log: { readonly complaints: readonly ComplaintFacts[]; readonly responses: readonly SurveyResponse[] },
  roster: readonly HostCustomer[] = input.customers,
): LoyaltyReport {
  const from = Date.parse(input.from);
  const to = Date.parse(input.to);
  const complaints = log.complaints.filter((c) => inWindow(c.receivedAt, from, to));
  const responses = log.responses.filter((r) => inWindow(r.at, from, to));
  const own = byCustomer(complaints.filter((x) => !isHidden(x)));
  // Unhappy and silent: revealed by a survey or a follow-up, or rated something 4 or less.
  const silent = new Set([...complaints.filter(isHidden).map((x) => x.customer), ...responses.filter((r) => r.ratings.some((x) => x.score <= 4)).map((r) => r.customer)]);
  const base = roster.filter((c) => (c.since === undefined || Date.parse(c.since) < from) && (c.churnedAt === undefined || Date.parse(c.churnedAt) >= from));
  const churned = (c: HostCustomer) => c.churnedAt !== undefined && Date.parse(c.churnedAt) < to;
  const bought = (c: HostCustomer) => c.purchases.some((p) => inWindow(p, from, to));

  const defections = Object.fromEntries([...DEFECTION_TYPES, 'unrecorded'].map((d) => [d, 0])) as Record<DefectionType | 'unrecorded', number>;
  const cohorts = new Map<CustomerExperience, HostCustomer[]>(CUSTOMER_EXPERIENCES.map((e) => [e, []]));
  let complained = 0;
  for (const c of base) {
    if (churned(c)) defections[c.defection ?? 'unrecorded']++;
    const theirs = own.get(c.customer) ?? [];
    if (theirs.length > 0) complained++;
    cohorts.get(experienceOf(theirs, silent.has(c.customer), input.quickWithinDays * DAY))?.push(c);
  }
  const lost = base.filter(churned).length;
  const known = new Set(input.customers.map((c) => c.customer));
  const seen = new Set([...complaints.map((c) => c.customer), ...responses.map((r) => r.customer)]);
  return {
    from: input.from,
    to: input.to,
    customers: base.length,
    newCustomers: roster.filter((c) => c.since !== undefined && inWindow(c.since, from, to)).length,
    churn: rate(lost, base.length),
    retention: rate(base.length - lost, base.length),
    repeatPurchase: rate(base.filter(bought).length, base.length),
    referral: rate(base.filter((c) => c.referrals.some((r) => inWindow(r, from, to))).length, base.length),
    complaint: rate(complained, base.length),
    defections,
    byExperience: [...cohorts].map(([experience, cs]) => ({
      experience,
      customers: cs.length,
      repeatPurchase: rate(cs.filter(bought).length, cs.length),
      churn: rate(cs.filter(churned).length, cs.length),
    })),
    unknownCustomers: [...seen].filter((c) => !known.has(c)).length,
  };
}
