/**
 * The upcaster registry on made-up families: chains applied from any recorded version,
 * refusals of versions and types it cannot read, validation against the current schema.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { EventLike, RecordedEvent } from '../events/envelope.js';
import { InvalidStoredEventError, UnknownEventTypeError, UnsupportedEventVersionError } from '../errors/data-errors.js';
import { ERASED } from '../privacy/erased.js';
import { createEventEvolution } from './evolution.js';
import type { EventFamily } from './event-family.js';
import { defineUpcaster } from './upcaster.js';

const event = (type: string, schemaVersion: unknown, data: unknown = {}, streamId = 'c-1'): RecordedEvent<EventLike> =>
  ({ type, data, schemaVersion, eventId: 'e-1', streamId, streamVersion: 1, globalPosition: 1, occurredAt: '2026-12-01T00:00:00Z', actor: { id: 'a', role: 'handler' }, causationId: 'x', correlationId: 'x' }) as RecordedEvent<EventLike>;

/** Step v appends v to `trail`, so the result says exactly which steps ran, in which order. */
const trailStep = (type: string, from: number) =>
  defineUpcaster<{ trail?: number[] }, { trail: number[] }>({ type, from, up: (data) => ({ ...data, trail: [...(data.trail ?? []), from] }) });

const family = (steps: number, extra: Partial<EventFamily> = {}): EventFamily => ({
  name: 'test',
  types: ['Thing', 'Other'],
  ownsStream: (id) => !id.startsWith('foreign:'),
  upcasters: Array.from({ length: steps }, (_, i) => trailStep('Thing', i + 1)),
  ...extra,
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) for (const v of Object.values(Object.freeze(value))) deepFreeze(v);
  return value;
}

describe('upcasting', () => {
  test.prop([fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 7 })])('applies exactly the steps from the recorded version to the current one, in order', (steps, recorded) => {
    fc.pre(recorded <= steps + 1);
    const evolution = createEventEvolution([family(steps)]);
    const stored = deepFreeze(event('Thing', recorded, { keep: 'me' }));
    const read = evolution.upcast(stored);
    const expected = Array.from({ length: steps + 1 - recorded }, (_, i) => recorded + i);
    expect(read.schemaVersion).toBe(steps + 1);
    expect(read.data).toEqual(expected.length ? { keep: 'me', trail: expected } : { keep: 'me' });
    expect({ ...read, data: null, schemaVersion: null }).toEqual({ ...stored, data: null, schemaVersion: null });
    if (expected.length === 0) expect(read).toBe(stored);
  });

  it('knows each type’s current version: 1 + its upcasters', () => {
    const evolution = createEventEvolution([family(3)]);
    expect([evolution.currentVersion('Thing'), evolution.currentVersion('Other'), evolution.currentVersion('Nope')]).toEqual([4, 1, undefined]);
  });
});

describe('refusals', () => {
  const evolution = createEventEvolution([family(1)]);
  it.each([3, 99, 0, -1, 1.5, '2', undefined, null])('refuses Thing at version %s, naming type and version', (version) => {
    const error = (() => {
      try {
        evolution.upcast(event('Thing', version));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UnsupportedEventVersionError);
    expect(error).toMatchObject({ version, current: 2, event: { type: 'Thing', eventId: 'e-1' } });
    expect((error as Error).message).toContain('Thing');
    expect((error as Error).message).toContain(JSON.stringify(version) ?? 'undefined');
    expect(() => evolution.check(event('Thing', version))).toThrow(UnsupportedEventVersionError);
  });

  it('says a newer version needs a newer Redress', () => {
    expect(() => evolution.upcast(event('Thing', 3))).toThrow(/schema version 3, newer than this code reads \(version 2 of Thing\)/);
  });

  it('refuses an unknown type in a stream its family owns, and passes it through elsewhere', () => {
    expect(() => evolution.upcast(event('Merged', 1))).toThrow(UnknownEventTypeError);
    expect(() => evolution.upcast(event('Merged', 1))).toThrow(/type the test events do not include/);
    const foreign = event('Merged', 7, { x: 1 }, 'foreign:1');
    expect(evolution.upcast(foreign)).toBe(foreign);
  });

  it('checks the version of a known type whatever stream it is in', () => {
    expect(() => evolution.upcast(event('Thing', 3, {}, 'foreign:1'))).toThrow(UnsupportedEventVersionError);
  });
});

describe('validation against the current version', () => {
  const schemas = { Thing: z.strictObject({ type: z.literal('Thing'), data: z.strictObject({ name: z.string().min(2), trail: z.array(z.int()) }) }) };
  const evolution = createEventEvolution([family(1, { schemas })]);

  it('accepts what matches, and refuses what does not with the path', () => {
    expect(evolution.upcast(event('Thing', 1, { name: 'ab' })).data).toEqual({ name: 'ab', trail: [1] });
    expect(() => evolution.upcast(event('Thing', 2, { name: 'ab' }))).toThrow(InvalidStoredEventError);
    expect(() => evolution.upcast(event('Thing', 2, { name: 'ab' }))).toThrow(/data\.trail/);
    expect(() => evolution.upcast(event('Thing', 1, null))).toThrow(/expected an object/);
  });

  it('does not count an erased field as a shape error', () => {
    const erased = { ...event('Thing', 2, { name: ERASED, trail: [] }), erasure: { subject: 's', fields: ['name'] } };
    const number = createEventEvolution([family(1, { schemas: { Thing: z.object({ type: z.literal('Thing'), data: z.object({ name: z.number(), trail: z.array(z.int()) }) }) } })]);
    expect(number.upcast(erased)).toBe(erased);
    expect(() => number.upcast({ ...erased, erasure: undefined })).toThrow(InvalidStoredEventError);
  });
});

describe('a registry that cannot work is refused when built', () => {
  it.each<[string, EventFamily[], RegExp]>([
    ['a gap', [family(0, { upcasters: [trailStep('Thing', 1), trailStep('Thing', 3)] })], /without gaps or repeats; found one from version 3 after 1/],
    ['a repeat', [family(0, { upcasters: [trailStep('Thing', 1), trailStep('Thing', 1)] })], /without gaps or repeats/],
    ['not starting at 1', [family(0, { upcasters: [trailStep('Thing', 2)] })], /from version 2 after 0/],
    ['a type not in the family', [family(0, { upcasters: [trailStep('Ghost', 1)] })], /Ghost, which is not one of its types/],
    ['a schema for a type not in the family', [family(0, { schemas: { Ghost: z.object({}) } })], /a schema for Ghost/],
    ['a type in two families', [family(0), { name: 'second', types: ['Other'] }], /Other is claimed by both the test and the second events/],
  ])('%s', (_what, families, message) => {
    expect(() => createEventEvolution(families)).toThrow(message);
  });

  it('and an upcaster from no version', () => {
    expect(() => trailStep('Thing', 0)).toThrow(/integer from 1/);
  });
});
