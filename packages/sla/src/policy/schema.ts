/**
 * SLA policies as data (zod, versioned). A policy has clocks; each clock starts,
 * pauses, resumes, stops, resets, re-arms and is cancelled on conditions (event
 * types with payload and ticket-state predicates), pauses while the ticket's state
 * says so, measures time on a named calendar and has a target.
 */
import { z } from 'zod';
import { channelSchema, CHANNELS, instantSchema, PRIORITIES, prioritySchema, SEVERITIES, severitySchema } from '@redress/core';
import { calendarSchema } from '../calendar/schema.js';
import { conditionSchema, fieldPathSchema, predicateSchema } from './condition.js';

const name = z.string().regex(/^[A-Za-z0-9_\-.]{1,64}$/, 'must be 1-64 letters, digits, _ - .');
/** Checked against the clock's calendar later: business calendars refuse days. */
const duration = z.string().min(2);
const conditions = z.array(conditionSchema).default([]);

/** The ticket attributes a matrix target is chosen by. */
export const MATRIX_KEYS = { severity: SEVERITIES, priority: PRIORITIES, channel: CHANNELS } as const;
/**
 * A ticket attribute a matrix target may be keyed on: `severity`, `priority` or `channel` (each with the values core
 * defines, so a rule naming an unknown value is refused).
 */
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
/**
 * One matrix row as validated: each of `severity`, `priority`, `channel` given as one value or a list (all given keys
 * must match), and the ISO-8601 `duration` for the tickets it matches.
 */
export type MatrixRule = z.infer<typeof matrixRuleSchema>;

/**
 * Validates a clock's target: `{ duration }` (one ISO-8601 duration for every ticket), `{ matrix }` (by severity,
 * priority and channel, first matching rule wins, re-read on reclassification) or `{ deadline }` (an instant read from
 * an event field, e.g. the remedy deadline agreed with the customer). Durations are measured on the clock's calendar:
 * business calendars refuse days (`P1D`), say `PT8H`.
 */
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
/**
 * A clock's target: how much of its calendar's open time a cycle may use (`duration`, `matrix`), or the instant it
 * must end by (`deadline`).
 */
export type Target = z.infer<typeof targetSchema>;

/** A warning before the breach: at a share of the target, or a fixed time before it. */
export const warningSchema = z.union([
  z.strictObject({ percent: z.number().gt(0, 'must be above 0').lt(100, 'must be below 100 (100% is the breach)') }),
  z.strictObject({ before: duration }),
]);
/**
 * A warning threshold before the breach: `{ percent: 50 }` when half the target is used (0 < percent < 100),
 * or `{ before: 'PT30M' }` when that much business time is left. Each one reached becomes one `SlaWarningRaised`
 * event per cycle (its id is deterministic, so racing tickers write it once).
 */
export type Warning = z.infer<typeof warningSchema>;

/**
 * What a clock does when the complaint is reopened (the customer was not satisfied):
 * - `restart`: the cycle ends (it is kept) and a new one runs from the reopening;
 * - `rearm`: the cycle ends (it is kept) and a new one waits for the start condition;
 * - `resume`: the same cycle runs again with the time it had used (a met clock can still breach);
 * - `keep`: nothing changes.
 */
export const REOPEN_MODES = ['restart', 'rearm', 'resume', 'keep'] as const;
/**
 * What a clock does when its complaint is reopened: `restart`, `rearm`, `resume` or `keep` (default), as
 * `REOPEN_MODES` describes.
 */
export type ReopenMode = (typeof REOPEN_MODES)[number];

/**
 * Validates one clock of a policy: its name, its calendar (`24x7` for calendar time), the conditions that start,
 * pause, resume, stop, reset, rearm and cancel it, `pauseWhile`, its target, warnings (default 50% and 75%),
 * `onReopen` (default `keep`), `escalateOnBreach` (default false) and `follows` (what one cycle measures, e.g. one
 * promise).
 */
export const clockSchema = z.strictObject({
  name,
  /** A calendar of the configuration, or `24x7` for calendar time. */
  calendar: name,
  start: z.array(conditionSchema).min(1, 'a clock needs a start condition'),
  /**
   * A field of the start event's data (a dotted path, e.g. `promiseId`) naming what a cycle measures: while it runs,
   * an event whose data carries that field with another value does not touch the clock (it neither ends, holds nor
   * retargets the cycle). Events without the field (`ComplaintWithdrawn`) act as usual.
   */
  follows: fieldPathSchema.optional(),
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
/**
 * One clock as validated, defaults filled in: every condition list present (possibly empty), `warnings` and `onReopen`
 * set. A cycle starts on the first event meeting a `start` condition and is held (not counting time) while a pause
 * holds or `pauseWhile` is met.
 */
export type ClockConfig = z.output<typeof clockSchema>;

/**
 * Validates one SLA policy version: `name` and `version` (≥ 1; a ticket is pinned to the version in force at its
 * receipt), optional `effectiveFrom` and `match`, and at least one clock. `escalationLadder` is refused with a pointer
 * to core, where the ladder lives now.
 */
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
/**
 * One policy version as validated: which complaints it covers (`match`, on the ComplaintReceived payload), from when
 * (`effectiveFrom`), and its clocks.
 */
export type PolicyConfig = z.output<typeof policySchema>;
/**
 * A policy as a host writes it (JSON or an object literal): defaults (`pause`, `warnings`, `onReopen`, …) may be left
 * out.
 */
export type PolicyInput = z.input<typeof policySchema>;

/** Everything the SLA engine needs: calendars and policies, the policies in first-match order. */
export const slaConfigSchema = z.strictObject({
  calendars: z.array(calendarSchema).default([]),
  policies: z.array(policySchema).min(1, 'give at least one policy'),
});
/**
 * A whole SLA configuration as a host writes it: `calendars` (default none: only `24x7`) and `policies`, tried in
 * order, the first whose `match` and `effectiveFrom` fit a new complaint measuring it. Pass it to `parseSlaConfig` or
 * any API taking a config.
 */
export type SlaConfigInput = z.input<typeof slaConfigSchema>;
