/**
 * SLA policies as data (zod, versioned). A policy has clocks; each clock starts,
 * pauses, resumes, stops, resets, re-arms and is cancelled on conditions (event
 * types with payload and ticket-state predicates), pauses while the ticket's state
 * says so, measures time on a named calendar and has a target.
 */
import { z } from 'zod';
import { channelSchema, CHANNELS, instantSchema, PRIORITIES, prioritySchema, SEVERITIES, severitySchema } from '@redress/core';
import { calendarSchema } from '../calendar/schema.js';
import { conditionSchema, predicateSchema } from './condition.js';

const name = z.string().regex(/^[A-Za-z0-9_\-.]{1,64}$/, 'must be 1-64 letters, digits, _ - .');
/** Checked against the clock's calendar later: business calendars refuse days. */
const duration = z.string().min(2);
const conditions = z.array(conditionSchema).default([]);

/** The ticket attributes a matrix target is chosen by. */
export const MATRIX_KEYS = { severity: SEVERITIES, priority: PRIORITIES, channel: CHANNELS } as const;
export type MatrixKey = keyof typeof MATRIX_KEYS;

const oneOrMore = <T extends z.ZodType>(value: T) => z.union([value, z.array(value).min(1)]);

/** One row of a matrix: the values it applies to (every key given must match) and its duration. */
export const matrixRuleSchema = z.strictObject({
  severity: oneOrMore(severitySchema).optional(),
  /** A ticket whose classification recorded no priority never matches a rule keyed on priority. */
  priority: oneOrMore(prioritySchema).optional(),
  channel: oneOrMore(channelSchema).optional(),
  duration,
});
export type MatrixRule = z.infer<typeof matrixRuleSchema>;

export const targetSchema = z.union([
  /** The same duration for every ticket, on the clock's calendar. */
  z.strictObject({ duration }),
  /**
   * A duration by the ticket's severity, priority and channel: `rules` tried in order, the first
   * whose keys all match wins, else `otherwise`; or the one-key form `{ by, values, otherwise }`.
   * Re-read when the ticket is reclassified.
   */
  z.strictObject({
    matrix: z.union([
      z.strictObject({ rules: z.array(matrixRuleSchema).min(1), otherwise: duration }),
      z.strictObject({ by: z.enum(['severity', 'priority', 'channel']), values: z.record(z.string(), duration), otherwise: duration }),
    ]),
  }),
  /** A per-ticket deadline read from an event field (the remedy deadline agreed with the customer), updated by later events carrying it. */
  z.strictObject({ deadline: z.strictObject({ field: z.string().min(1), from: z.array(conditionSchema).min(1) }) }),
]);
export type Target = z.infer<typeof targetSchema>;

/** A warning before the breach: at a share of the target, or a fixed time before it. */
export const warningSchema = z.union([
  z.strictObject({ percent: z.number().gt(0, 'must be above 0').lt(100, 'must be below 100 (100% is the breach)') }),
  z.strictObject({ before: duration }),
]);
export type Warning = z.infer<typeof warningSchema>;

/**
 * What a clock does when the complaint is reopened (the customer was not satisfied):
 * - `restart`: the cycle ends (it is kept) and a new one runs from the reopening;
 * - `rearm`: the cycle ends (it is kept) and a new one waits for the start condition;
 * - `resume`: the same cycle runs again with the time it had used (a met clock can still breach);
 * - `keep`: nothing changes.
 */
export const REOPEN_MODES = ['restart', 'rearm', 'resume', 'keep'] as const;
export type ReopenMode = (typeof REOPEN_MODES)[number];

export const clockSchema = z.strictObject({
  name,
  /** A calendar of the configuration, or `24x7` for calendar time. */
  calendar: name,
  start: z.array(conditionSchema).min(1, 'a clock needs a start condition'),
  /** From an event meeting a pause condition to the next meeting a resume condition, the clock is held: paused, or started paused. */
  pause: conditions,
  resume: conditions,
  /** Paused whenever the ticket's state meets this (e.g. `{ field: 'waiting', equals: true }`), started paused too. */
  pauseWhile: predicateSchema.optional(),
  stop: conditions,
  /** Ends the cycle (kept, as reset) and starts a new one at once. */
  reset: conditions,
  /** Ends the cycle (kept, cancelled: what it measured no longer applies) and waits for the start condition again. */
  rearm: conditions,
  cancel: conditions,
  target: targetSchema,
  warnings: z.array(warningSchema).max(10).default([{ percent: 50 }, { percent: 75 }]),
  onReopen: z.enum(REOPEN_MODES).default('keep'),
  /** Escalate to the next level of the policy's ladder when this clock breaches. */
  escalateOnBreach: z.boolean().default(false),
});
export type ClockConfig = z.output<typeof clockSchema>;

export const policySchema = z.strictObject({
  name,
  version: z.int().min(1),
  /** The version is in force for tickets whose first clock starts at or after this instant (default: always). */
  effectiveFrom: instantSchema.optional(),
  /** Which complaints it covers, on the ComplaintReceived payload (channel, branch, product…); none = all. */
  match: predicateSchema.optional(),
  clocks: z.array(clockSchema).min(1, 'a policy needs at least one clock'),
  /**
   * Moved: the escalation ladder is host data in @redress/core (`createEngine({ escalation })`),
   * where a breach is decided one rung above the highest level reached. Refused here so a
   * ladder configured on a policy is not silently ignored.
   */
  escalationLadder: z
    .never({ error: 'the escalation ladder is configured in @redress/core now: createEngine({ escalation: { ladder } }), see docs/architecture.md' })
    .optional(),
});
export type PolicyConfig = z.output<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;

/** Everything the SLA engine needs: calendars and policies, the policies in first-match order. */
export const slaConfigSchema = z.strictObject({
  calendars: z.array(calendarSchema).default([]),
  policies: z.array(policySchema).min(1, 'give at least one policy'),
});
export type SlaConfigInput = z.input<typeof slaConfigSchema>;
