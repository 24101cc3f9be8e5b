/**
 * The complaint meeting (接待): when and where the handler meets the customer. The
 * "three changes" (三变法) for an aggressive complainant change the handler, the
 * venue and the time, each on its own: `AssignHandler` changes the handler,
 * `ArrangeMeeting` arranges the meeting or moves its venue or time.
 *
 * A meeting has both a time and a place, so the first arrangement gives both; a
 * move may change one and keep the other. A meeting is never set in the past, and a
 * meeting that already took place is not moved: a new time is arranged instead.
 *
 * The domain's meeting plan (接待时间与地点…对于重点问题的预测及应对策略: the prepared strategy
 * for the key issues) belongs to the meeting: `ArrangeMeeting` may carry it (alone, to
 * prepare or revise it), recorded as `MeetingStrategyPrepared` beside `MeetingArranged`
 * (whose published shape stays). A strategy is for a meeting that is arranged and still
 * ahead; moving the meeting keeps it, since the key issues did not change.
 *
 * The strategy is written about how to handle this customer: personal data, encrypted and
 * erasable (docs/privacy.md). So the decision state keeps only the time and place
 * (`ArrangedMeeting`), which the guards need; the strategy is the ticket view's. A decision
 * state holding it would keep it in the engine's cache, in plaintext, after the customer's
 * erasure (the engine refolds its views on an erasure, never its decision states).
 */
import { z } from 'zod';
import { instantSchema, longTextSchema } from '../domain/primitives.js';
import { define as event } from '../events/define.js';
import type { RuleInput } from '../workflow/rules.js';

/** The complaint meeting as the decision state keeps it: when and where the handler meets the customer. */
export interface ArrangedMeeting {
  /** When (ISO-8601). */
  readonly at: string;
  /** Where, as free text (a branch's reception room, a customer's site): plaintext, since the decider carries it to the next arrangement. */
  readonly venue: string;
}

/** The complaint meeting as the ticket shows it: when, where, and the strategy prepared for it. */
export interface Meeting extends ArrangedMeeting {
  /** The prepared strategy for the key issues; null until prepared. */
  readonly strategy: string | null;
}

/** What a command changes of the meeting: any of its time, venue and strategy. */
export interface MeetingChangeInput {
  /** The new time (ISO-8601), or undefined to keep it. */
  readonly at?: string | undefined;
  /** The new venue, or undefined to keep it. */
  readonly venue?: string | undefined;
  /** The prepared strategy for the key issues, or undefined to keep it. */
  readonly strategy?: string | undefined;
}

/** The strategy prepared for the meeting at `meetingAt` (the meeting's time when it was prepared). */
export const meetingStrategyPrepared = event('MeetingStrategyPrepared', z.strictObject({ strategy: longTextSchema, meetingAt: instantSchema }));

/** The meeting fields of a command: ArrangeMeeting's, or the ones AssignHandler may carry along. */
export function meetingChange(command: RuleInput['command']): MeetingChangeInput | undefined {
  if (command.type === 'ArrangeMeeting') return { at: command.data.at, venue: command.data.venue, strategy: command.data.strategy };
  if (command.type === 'AssignHandler' && (command.data.meetingAt !== undefined || command.data.venue !== undefined)) {
    return { at: command.data.meetingAt, venue: command.data.venue };
  }
  return undefined;
}

/** Why a meeting change must be refused, or null. */
export function meetingProblem(current: ArrangedMeeting | null, change: MeetingChangeInput, now: string): string | null {
  if (change.at === undefined && change.venue === undefined) return change.strategy === undefined ? 'give the new time, the new venue, or both' : strategyProblem(current, now);
  if (current === null && (change.at === undefined || change.venue === undefined)) {
    return `a meeting has a time and a place: the first arrangement gives both (missing: ${change.at === undefined ? 'the time' : 'the venue'})`;
  }
  if (change.at !== undefined && Date.parse(change.at) <= Date.parse(now)) return `the meeting time ${change.at} is not after now (${now})`;
  if (change.at === undefined && current !== null && Date.parse(current.at) <= Date.parse(now)) {
    return `the meeting of ${current.at} has already taken place: arrange a new time, not only a new venue`;
  }
  return null;
}

/** A strategy alone is prepared for a meeting arranged and still ahead. */
function strategyProblem(current: ArrangedMeeting | null, now: string): string | null {
  if (current === null) return 'a strategy is prepared for a meeting: arrange its time and place first (or with it)';
  return Date.parse(current.at) <= Date.parse(now) ? `the meeting of ${current.at} has already taken place: arrange a new time with the strategy` : null;
}

/** The time and place after a change: what it gives, the rest kept (a field stays undefined only when neither has it). */
export const changedMeeting = (current: ArrangedMeeting | null, change: MeetingChangeInput): ArrangedMeeting => ({
  at: change.at ?? (current?.at as string),
  venue: change.venue ?? (current?.venue as string),
});
