/**
 * `parseCommand` is `commandSchema.safeParse` compiled per command type: for any input, valid or not, it
 * must give the same success value or the same error (issues, paths, messages). Inputs are commands of
 * every type and variant, then mutated at a random path: a value replaced (by anything, or by a text with
 * padding, a NUL, a lone surrogate, an out-of-range length), a key removed or added, the type changed.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { NOW } from '../test-support/given.js';
import { commandOf } from '../test-support/fixtures.js';
import { parseCommand } from './parse-command.js';
import { COMMAND_TYPES, commandSchema } from './schema.js';

type Json = Record<string, unknown>;

const texts = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string().map((s) => `  ${s}\t`),
  fc.string().map((s) => `${s}\u0000`),
  fc.string().map((s) => `${s}\ud800`),
  fc.constantFrom('', ' ', 'x'.repeat(129), 'x'.repeat(201), 'x'.repeat(10_001), '2026-11-23T09:30:00Z', '2026-11-23T17:30:00+08:00', '2026-02-30T09:30:00Z'),
);
const values = fc.oneof(texts, fc.anything(), fc.integer({ min: -2, max: 20_000 }), fc.double(), fc.constantFrom(undefined, null, true, {}, []));

/** Every object path of a value (the root included), as key lists. */
function paths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [];
  return [prefix, ...Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k]).slice(1)])];
}

type Mutation = { readonly at: number; readonly kind: 'set' | 'delete' | 'add'; readonly value: unknown; readonly key: string };

function mutate(command: Json, m: Mutation): unknown {
  const copy = structuredClone(command);
  const all = paths(copy).filter((p) => p.length > 0 || m.kind === 'add');
  const path = all[m.at % all.length] ?? [];
  let parent: Json = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Json;
  const last = path[path.length - 1];
  if (m.kind === 'add') {
    const target = last === undefined ? copy : (parent[last] as Json);
    // defineProperty: an own `__proto__` key, as JSON.parse makes one, not a new prototype.
    if (typeof target === 'object' && target !== null) Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
  } else if (last !== undefined && m.kind === 'delete') Reflect.deleteProperty(parent, last);
  else if (last !== undefined) parent[last] = m.value;
  return copy;
}

const command = fc.record({ type: fc.constantFrom(...COMMAND_TYPES), variant: fc.nat({ max: 11 }), commandId: fc.boolean() }).map(({ type, variant, commandId }) => {
  const c = commandOf(type, 'c-1', NOW, variant) as Json;
  return commandId ? { ...c, commandId: 'cmd-1' } : c;
});

const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('set', 'set', 'delete', 'add') as fc.Arbitrary<Mutation['kind']>,
  value: values,
  key: fc.constantFrom('extra', 'type', 'data', 'note', '__proto__'),
});

const same = (input: unknown) => {
  const expected = commandSchema.safeParse(input);
  const actual = parseCommand(input);
  expect(actual.success).toBe(expected.success);
  if (expected.success) expect(actual.data).toStrictEqual(expected.data);
  else expect(actual.error?.issues).toStrictEqual(expected.error.issues);
};

describe('parseCommand gives what commandSchema.safeParse gives', () => {
  test.prop([command], { numRuns: 400 })('on valid commands of every type', (c) => {
    expect(commandSchema.safeParse(c).success).toBe(true);
    same(c);
  });

  test.prop([command, fc.array(mutation, { minLength: 1, maxLength: 3 })], { numRuns: 2_000 })('on mutated commands, valid or not', (c, ms) => {
    same(ms.reduce<unknown>((input, m) => mutate(input as Json, m), c));
  });

  test.prop([fc.oneof(fc.anything(), fc.record({ type: fc.oneof(fc.string(), fc.anything()) }))])('on anything at all', (input) => same(input));

  test('on the error of an unknown type, and of a non-object', () => {
    same({ type: 'NoSuchCommand', complaintId: 'c-1' });
    same('ReceiveComplaint');
    same(null);
  });
});
