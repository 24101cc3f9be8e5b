/**
 * Checks what an adapter is handed before anything is written: the engine always
 * sends well-formed events, but a host calling `append` directly may not, and a
 * bad row must fail with a clear error rather than a constraint message (or,
 * worse, be stored). Returns the JSON text of each event's data and actor.
 */
import type { EventLike, ExpectedVersion, NewEvent } from '@redress/core';
import { StoreInputError } from '../errors.js';

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

export function checkStreamId(streamId: unknown): asserts streamId is string {
  if (!isText(streamId)) throw new StoreInputError('streamId', 'must be a non-empty string');
}

export function checkExpected(expected: unknown): asserts expected is ExpectedVersion {
  if (expected === 'any' || expected === 'noStream' || expected === 'streamExists' || isCount(expected)) return;
  throw new StoreInputError('expected', `must be a version (0 or more), 'noStream', 'streamExists' or 'any', not ${JSON.stringify(expected)}`);
}

/** A 1-based position or version (fractions round down; below 1 reads from the start). */
export function checkFrom(name: string, value: number): number {
  if (typeof value !== 'number' || Number.isNaN(value)) throw new StoreInputError(name, 'must be a number');
  return Math.max(1, Math.floor(value));
}

export function checkLimit(value: number): number {
  if (typeof value !== 'number' || Number.isNaN(value)) throw new StoreInputError('limit', 'must be a number');
  return Math.max(0, Math.min(Number.MAX_SAFE_INTEGER, Math.floor(value)));
}

function json(name: string, value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (e) {
    throw new StoreInputError(name, `is not JSON-serialisable (${e instanceof Error ? e.message : String(e)})`);
  }
  if (text === undefined) throw new StoreInputError(name, 'is not JSON-serialisable');
  return text;
}

export interface SerialisedEvent {
  readonly data: string;
  readonly actor: string;
}

export function serialise<E extends EventLike>(events: readonly NewEvent<E>[]): SerialisedEvent[] {
  if (!Array.isArray(events)) throw new StoreInputError('events', 'must be an array');
  return events.map((e, i) => {
    const at = `events[${i}]`;
    if (typeof e !== 'object' || e === null) throw new StoreInputError(at, 'must be an event object');
    if (!isText(e.type)) throw new StoreInputError(`${at}.type`, 'must be a non-empty string');
    if (!isText(e.eventId)) throw new StoreInputError(`${at}.eventId`, 'must be a non-empty string');
    if (!isText(e.occurredAt)) throw new StoreInputError(`${at}.occurredAt`, 'must be a non-empty string');
    if (!isText(e.causationId)) throw new StoreInputError(`${at}.causationId`, 'must be a non-empty string');
    if (!isText(e.correlationId)) throw new StoreInputError(`${at}.correlationId`, 'must be a non-empty string');
    if (!Number.isSafeInteger(e.schemaVersion) || e.schemaVersion < 1) throw new StoreInputError(`${at}.schemaVersion`, 'must be a positive integer');
    if (typeof e.actor !== 'object' || e.actor === null || !isText(e.actor.id) || !isText(e.actor.role)) {
      throw new StoreInputError(`${at}.actor`, 'must have a non-empty id and role');
    }
    return { data: json(`${at}.data`, e.data), actor: json(`${at}.actor`, e.actor) };
  });
}
