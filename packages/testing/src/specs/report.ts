/**
 * Readable failure messages for specs: a line diff of expected and actual events,
 * and for a refusal, why, the step, and what the step would have accepted.
 * The diff is node:assert's (a maintained, dependency-free line diff), so specs
 * read the same under vitest, plain fast-check or node:test.
 */
import { AssertionError, deepStrictEqual } from 'node:assert';
import { isRedressError, type ComplaintEvent, type RedressError } from '@redress/core';

/** Thrown when a spec's expectation is not met. */
export class SpecFailedError extends Error {
  /** The class name, so test runners print it. */
  override readonly name = 'SpecFailedError';
  constructor(
    message: string,
    /** What the spec expected: the events (`{ type, data }`) or the `ExpectedRefusal`; vitest's diff view reads it. */
    readonly expected?: unknown,
    /** What happened instead: the events decided or appended, or the refusal error. */
    readonly actual?: unknown,
  ) {
    super(message);
  }
}

/** `{ type, data }` only: envelopes (ids, times, positions) are not what a spec is about. */
export const domainEvents = (events: readonly { readonly type: string; readonly data: unknown }[]): ComplaintEvent[] =>
  events.map((e) => ({ type: e.type, data: e.data }) as ComplaintEvent);

/** The difference between two lists of events, or null when they are equal. */
export function eventsDiff(expected: readonly ComplaintEvent[], actual: readonly ComplaintEvent[]): string | null {
  try {
    deepStrictEqual(JSON.parse(JSON.stringify(actual)) as unknown, JSON.parse(JSON.stringify(expected)) as unknown);
    return null;
  } catch (e) {
    if (!(e instanceof AssertionError)) throw e;
    // node:assert says "+ actual - expected" above the diff; keep its lines.
    return e.message.replace(/^Expected values to be strictly deep-equal:\n/, '');
  }
}

export const indent = (text: string, by = '  ') => text.split('\n').map((l) => by + l).join('\n');

/** A refusal, with the step and the commands it would have accepted. */
export function describeRefusal(error: RedressError): string {
  const lines = [`${error.kind}: ${error.message}`];
  if (isRedressError(error, 'IllegalCommand')) {
    lines.push(`step:    ${error.step}`);
    lines.push(`allowed: ${error.allowed.length > 0 ? error.allowed.join(', ') : '(nothing: the complaint is closed)'}`);
    if (error.rule) lines.push(`rule:    ${error.rule.name}`);
  }
  return lines.join('\n');
}

export const listEvents = (events: readonly ComplaintEvent[]): string =>
  events.length === 0 ? '(no events)' : events.map((e) => `${e.type} ${JSON.stringify(e.data)}`).join('\n');

