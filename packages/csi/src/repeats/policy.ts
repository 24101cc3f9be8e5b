/**
 * Repeat complaints: "this is the third time". The policy says what counts as a
 * repeat (per basis: how many complaints within how many days) and what happens to
 * one (flag only, escalate, or classify as major).
 */
import { err, escalationLevelSchema, ok, repeatBasisSchema, ValidationError, type Result } from '@redress/core';
import { z } from 'zod';
import { issuesFromZod } from '../support/issues.js';

export const repeatRuleSchema = z.strictObject({
  basis: repeatBasisSchema,
  /** The complaint that makes this many within the window is a repeat (default 3: the third). */
  threshold: z.int().min(2).max(1000).default(3),
  windowDays: z.int().min(1).max(3660).default(90),
});
export type RepeatRule = z.output<typeof repeatRuleSchema>;

/** What a cause repeats across: everywhere, within a branch, or within a product model (the same fault on the same model). */
export const CAUSE_SCOPES = ['global', 'branch', 'productModel'] as const;
export type CauseScope = (typeof CAUSE_SCOPES)[number];

/** What to do with a repeat beyond flagging it on the ticket. */
export const REPEAT_ACTIONS = ['flagOnly', 'escalate', 'classifyMajor'] as const;
export type RepeatAction = (typeof REPEAT_ACTIONS)[number];

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
export type RepeatPolicy = z.output<typeof repeatPolicySchema>;
export type RepeatPolicyInput = z.input<typeof repeatPolicySchema>;

export function defineRepeatPolicy(input: RepeatPolicyInput = {}): Result<RepeatPolicy, ValidationError> {
  const parsed = repeatPolicySchema.safeParse(input);
  return parsed.success ? ok(parsed.data) : err(new ValidationError(issuesFromZod(parsed.error)));
}

/** The third complaint within 90 days, per customer, per vehicle or product, per cause (per product model); escalated to the department head. */
export const DEFAULT_REPEAT_POLICY: RepeatPolicy = repeatPolicySchema.parse({});
