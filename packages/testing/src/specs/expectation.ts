/**
 * What a spec expects: the events a command becomes, or the refusal it gets.
 */
import type { ComplaintEvent, RedressError } from '@redress/core';
import { SpecFailedError, describeRefusal, eventsDiff, indent, listEvents } from './report.js';

/** A refusal: its `kind`, and optionally the rule that refused and (part of) the message. */
export interface ExpectedRefusal {
  /** The refusal's `error.kind` (`IllegalCommand`, `Validation`, `Forbidden`, `NotFound`, …). */
  readonly error: RedressError['kind'];
  /** The name of the workflow rule (yours or core's) that must have refused it; checked only when given. */
  readonly rule?: string;
  /** Part of the error message (a substring) or a pattern it must match; checked only when given. */
  readonly message?: string | RegExp;
}

/** What `then` expects: the exact events (`{ type, data }`, in order, envelopes ignored) or an `ExpectedRefusal`. */
export type Expectation = readonly ComplaintEvent[] | ExpectedRefusal;

/** What deciding a command gave: the events it became, or the typed refusal. */
export type Outcome = { readonly ok: true; readonly events: readonly ComplaintEvent[] } | { readonly ok: false; readonly error: RedressError };

const isRefusal = (e: Expectation): e is ExpectedRefusal => !Array.isArray(e);

function refusalMismatch(expected: ExpectedRefusal, error: RedressError): string | null {
  if (error.kind !== expected.error) return `it was refused with ${error.kind}, not ${expected.error}`;
  const rule = 'rule' in error ? (error.rule as { name: string } | undefined)?.name : undefined;
  if (expected.rule !== undefined && rule !== expected.rule) return `it was refused by ${rule === undefined ? 'no rule' : `rule ${rule}`}, not rule ${expected.rule}`;
  if (expected.message !== undefined) {
    const matches = typeof expected.message === 'string' ? error.message.includes(expected.message) : expected.message.test(error.message);
    if (!matches) return `its message does not match ${String(expected.message)}`;
  }
  return null;
}

/** Checks an outcome against an expectation; throws a SpecFailedError that says what differs. */
export function assertOutcome(what: string, expected: Expectation, outcome: Outcome): void {
  if (isRefusal(expected)) {
    if (outcome.ok) {
      throw new SpecFailedError(
        `${what}: expected a ${expected.error} refusal${expected.rule ? ` by rule ${expected.rule}` : ''}, but it was accepted with:\n${indent(listEvents(outcome.events))}`,
        expected,
        outcome.events,
      );
    }
    const mismatch = refusalMismatch(expected, outcome.error);
    if (mismatch) throw new SpecFailedError(`${what}: ${mismatch}.\n${indent(describeRefusal(outcome.error))}`, expected, outcome.error);
    return;
  }
  if (!outcome.ok) {
    throw new SpecFailedError(
      `${what}: expected it to be accepted, but it was refused.\n${indent(describeRefusal(outcome.error))}\nexpected events:\n${indent(listEvents(expected))}`,
      expected,
      outcome.error,
    );
  }
  const diff = eventsDiff(expected, outcome.events);
  if (diff !== null) throw new SpecFailedError(`${what}: the events differ.\n${diff}`, expected, outcome.events);
}
