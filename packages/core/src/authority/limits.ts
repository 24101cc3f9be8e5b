/**
 * Authority limits (要有智慧及权限去判断及做决定): host data saying which role may grant
 * which remedy up to which amount, e.g. a handler up to 2,000 CNY of compensation, the
 * department head up to 10,000, senior management above. Checked when a remedy is
 * proposed (the proposer's role) and when it is approved (the approver's role), so a
 * remedy beyond someone's authority is neither offered nor signed off by them.
 *
 * A role without a limit for a remedy's kind is not limited; a remedy without an amount
 * is not checked (a free repair has no sum to cap). No limits by default.
 */
import { z } from 'zod';
import { moneySchema, type Remedy } from '../commands/payloads.js';
import { idSchema } from '../domain/primitives.js';
import { remedyKindSchema, roleSchema, type Role } from '../domain/vocabulary.js';
import { WorkflowConfigError } from '../errors/errors.js';

/** Validates one limit: the role it binds, the remedy kinds it caps (all when left out) and the largest amount, in one currency, that role may grant. */
export const authorityLimitSchema = z.strictObject({
  /** A name for the limit, quoted in refusals (default `<role>/<kinds or any remedy>`). */
  name: idSchema.optional(),
  /** The role the limit binds, as the proposer's or approver's role. */
  role: roleSchema,
  /** The remedy kinds it caps; every kind when left out. */
  kinds: z.array(remedyKindSchema).min(1).optional(),
  /** The largest amount the role may grant; a remedy in another currency is refused, not converted. */
  upTo: moneySchema,
});
/** One validated authority limit: a role may grant remedies of some kinds up to an amount. */
export type AuthorityLimit = z.output<typeof authorityLimitSchema>;

/** Validates a host's authority limits: a list of limits, every one that matches a role and remedy kind applying. */
export const authorityConfigSchema = z.strictObject({ limits: z.array(authorityLimitSchema) });
/** The validated authority limits a host passes as `createEngine({ authority })`, checked at `ProposeResolution` and `ApproveRemedy`. */
export type AuthorityConfig = z.output<typeof authorityConfigSchema>;

/** The default: no limits, so any role the permissions allow may propose or approve a remedy of any amount. */
export const noAuthorityLimits: AuthorityConfig = Object.freeze({ limits: [] });

/** Types unknown input (e.g. limits read from a file) as an `AuthorityConfig`, failing early; throws a `WorkflowConfigError` naming each problem. The engine checks limits passed to it the same way. */
export function parseAuthorityConfig(input: unknown): AuthorityConfig {
  const parsed = authorityConfigSchema.safeParse(input);
  if (!parsed.success) throw WorkflowConfigError.fromZod('authority limits', parsed.error);
  return parsed.data;
}

const nameOf = (limit: AuthorityLimit) => limit.name ?? `${limit.role}/${limit.kinds?.join('+') ?? 'any remedy'}`;

/** Why `role` may not grant `remedy` (the first limit it exceeds, named), or null when it may. */
export function authorityProblem(config: AuthorityConfig, role: Role, remedy: Remedy | null): string | null {
  const amount = remedy?.amount;
  if (remedy === null || amount === undefined) return null;
  for (const limit of config.limits) {
    if (limit.role !== role || (limit.kinds !== undefined && !limit.kinds.includes(remedy.kind))) continue;
    if (limit.upTo.currency !== amount.currency) return `limit ${nameOf(limit)} is in ${limit.upTo.currency}; this ${remedy.kind} is in ${amount.currency}`;
    if (amount.value > limit.upTo.value) {
      return `limit ${nameOf(limit)}: a ${role} grants a ${remedy.kind} up to ${limit.upTo.value} ${limit.upTo.currency}; this one is ${amount.value} ${amount.currency}`;
    }
  }
  return null;
}
