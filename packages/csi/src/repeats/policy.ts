/**
 * Repeat complaints: "this is the third time". The policy says what counts as a
 * repeat (per basis: how many complaints within how many days) and what happens to
 * one (flag only, escalate, or classify as major).
 */
import { err, escalationLevelSchema, ok, repeatBasisSchema, ValidationError, type Result } from '@redress/core';
import { z } from 'zod';
import { issuesFromZod } from '../support/issues.js';

/**
 * What makes a repeat on one basis (`customer`, `product` or `cause`): the complaint that brings the
 * count of complaints sharing its key, received within `windowDays` (1-3660, default 90) up to and
 * including its own receipt, to `threshold` (2-1000, default 3: "this is the third time").
 */
export const repeatRuleSchema = z.strictObject({
  basis: repeatBasisSchema,
  /** The complaint that makes this many within the window is a repeat (default 3: the third). */
  threshold: z.int().min(2).max(1000).default(3),
  windowDays: z.int().min(1).max(3660).default(90),
});
/** A repeat rule as `repeatRuleSchema` parses it (defaults applied). */
export type RepeatRule = z.output<typeof repeatRuleSchema>;

/** What a cause repeats across: everywhere, within a branch, or within a product model (the same fault on the same model). */
export const CAUSE_SCOPES = ['global', 'branch', 'productModel'] as const;
/**
 * Where a cause repeats (`CAUSE_SCOPES`): `global` (the same cause anywhere), `branch` (at the same
 * station) or `productModel` (the same fault on the same model, the default). A complaint without
 * the scope's value (no branch, no model) has no cause key, rather than one that lumps unrelated
 * complaints together.
 */
export type CauseScope = (typeof CAUSE_SCOPES)[number];

/** What to do with a repeat beyond flagging it on the ticket. */
export const REPEAT_ACTIONS = ['flagOnly', 'escalate', 'classifyMajor'] as const;
/**
 * What the detector does to a repeat of an open complaint after flagging it (`REPEAT_ACTIONS`):
 * `flagOnly`, `escalate` (to the policy's `escalateTo`) or `classifyMajor` (severity major, which
 * in turn escalates to senior management).
 */
export type RepeatAction = (typeof REPEAT_ACTIONS)[number];

/**
 * The repeat policy: up to three rules, one per basis (by default the third complaint within 90
 * days per customer, per product and per cause), the cause scope (`productModel`), the action on
 * a repeat (`escalate`) and where escalation goes (`departmentHead`). Use `defineRepeatPolicy` to
 * get a `Result`.
 */
export const repeatPolicySchema = z
  .strictObject({
    rules: z
      .array(repeatRuleSchema)
      .min(1)
      .max(3)
      .default([
        { basis: 'customer', threshold: 3, windowDays: 90 },
        { basis: 'product', threshold: 3, windowDays: 90 },
        { basis: 'cause', threshold: 3, windowDays: 90 },
      ]),
    causeScope: z.enum(CAUSE_SCOPES).default('productModel'),
    action: z.enum(REPEAT_ACTIONS).default('escalate'),
    /** Where `escalate` sends a repeat. */
    escalateTo: escalationLevelSchema.default('departmentHead'),
  })
  .refine((p) => new Set(p.rules.map((r) => r.basis)).size === p.rules.length, { message: 'one rule per basis', path: ['rules'] });
/** A validated repeat policy, as the detector, the history and the analytics take it. */
export type RepeatPolicy = z.output<typeof repeatPolicySchema>;
/** What `defineRepeatPolicy` accepts: every field may be left out for its default. */
export type RepeatPolicyInput = z.input<typeof repeatPolicySchema>;

/**
 * Validates a repeat policy; a bad one (a threshold below 2, two rules for one basis…) is a
 * `ValidationError` with dotted paths. `defineRepeatPolicy()` gives `DEFAULT_REPEAT_POLICY`.
 */
export function defineRepeatPolicy(input: RepeatPolicyInput = {}): Result<RepeatPolicy, ValidationError> {
  const parsed = repeatPolicySchema.safeParse(input);
  return parsed.success ? ok(parsed.data) : err(new ValidationError(issuesFromZod(parsed.error)));
}

/** The third complaint within 90 days, per customer, per vehicle or product, per cause (per product model); escalated to the department head. */
export const DEFAULT_REPEAT_POLICY: RepeatPolicy = repeatPolicySchema.parse({});
