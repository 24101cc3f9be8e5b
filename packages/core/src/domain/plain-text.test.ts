/**
 * No command can carry text a store cannot keep: a NUL character or a lone surrogate in
 * any string field is a ValidationError naming that field, and nothing is written.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { plainTextSchema } from './primitives.js';
import { COMMAND_TYPES, type CommandInput } from '../commands/schema.js';
import { ValidationError } from '../errors/errors.js';
import { commandOf } from '../test-support/fixtures.js';
import { testEngine } from '../test-support/engine.js';
import { NOW } from '../test-support/given.js';

/** Every string leaf of a command, as [dotted path, value]. */
function stringLeaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, path === '' ? k : `${path}.${k}`));
  }
  return [];
}

/** A deep copy of `command` with the string at `path` replaced. */
function withText(command: unknown, path: string, text: string): CommandInput {
  const copy = structuredClone(command) as Record<string, unknown>;
  const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '');
  let at: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[keys.at(-1) as string] = text;
  return copy as CommandInput;
}

const poisons = [
  ['a NUL character', (s: string) => `${s}\u0000`],
  ['a lone high surrogate', (s: string) => `${s}\ud83d`],
  ['a lone low surrogate', (s: string) => `\ude00${s}`],
] as const;

// The issue's example plus an optional field the fixtures leave out.
const receiveWithEverything = {
  ...commandOf('ReceiveComplaint', 'c-1', NOW),
  data: {
    ...(commandOf('ReceiveComplaint', 'c-1', NOW) as { data: object }).data,
    branch: 'Pudong',
    region: 'East',
    customer: { reference: 'cust-1', name: '王先生', phone: '+86 21 5555 0100' },
  },
};

describe('text a store could not keep', () => {
  const commands = [receiveWithEverything, ...COMMAND_TYPES.flatMap((type) => [commandOf(type, 'c-1', NOW, 0), commandOf(type, 'c-1', NOW, 1)])];
  const cases = commands.flatMap((command) => stringLeaves(command).map(([path, value]) => ({ command, path, value })));

  it('covers every string field of every command type', () => {
    expect(new Set(cases.map((c) => (c.command as { type: string }).type))).toEqual(new Set(COMMAND_TYPES));
    expect(cases.map((c) => c.path)).toEqual(expect.arrayContaining(['data.branch', 'data.customer.phone', 'data.description', 'actor.id']));
  });

  for (const [what, poison] of poisons) {
    it(`is refused in every string field when it holds ${what}, naming the field, writing nothing`, async () => {
      const { engine, store } = testEngine();
      for (const { command, path, value } of cases) {
        const result = await engine.execute(withText(command, path, poison(value)));
        expect(result.ok, `${(command as { type: string }).type} ${path}`).toBe(false);
        if (result.ok) continue;
        expect(result.error).toBeInstanceOf(ValidationError);
        expect((result.error as ValidationError).issues.map((i) => i.path), `${(command as { type: string }).type} ${path}`).toContain(path);
      }
      expect(store.size).toBe(0);
    });
  }

  it('still accepts the same texts without the poison, emoji (surrogate pairs) included', async () => {
    const { engine } = testEngine();
    const result = await engine.execute(withText(receiveWithEverything, 'data.description', 'Engine noise 🚗 after the service'));
    expect(result.ok).toBe(true);
  });
});

// The lone-surrogate check runs on `isWellFormed` where the runtime has it: it must refuse exactly what the regex refuses.
test.prop([fc.string({ unit: 'binary' }), fc.string({ unit: fc.integer({ min: 0xd7f0, max: 0xe010 }).map((c) => String.fromCharCode(c)) })], { numRuns: 1_000 })(
  'plainTextSchema refuses a text exactly when it holds a NUL or a lone surrogate',
  (any, nearSurrogates) => {
    for (const s of [any, nearSurrogates, `${any}${nearSurrogates}`]) {
      const result = plainTextSchema.safeParse(s);
      expect(result.success).toBe(!s.includes('\u0000') && !/\p{Cs}/u.test(s));
      if (!result.success) expect(result.error.issues.map((i) => i.message)).toEqual([...(s.includes('\u0000') ? ['must not contain a NUL character (U+0000)'] : []), ...(/\p{Cs}/u.test(s) ? ['must not contain a lone surrogate (U+D800 to U+DFFF without its pair)'] : [])]);
    }
  },
);
