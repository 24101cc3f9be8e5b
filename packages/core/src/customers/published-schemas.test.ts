/**
 * The published JSON Schemas of the customer profile commands judge what zod judges:
 * generated commands are accepted by both, and with one thing changed, accepted or refused
 * by both alike (ajv, draft 2020-12, strict, with formats).
 */
import { fc, test } from '@fast-check/vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { describe, expect } from 'vitest';
import { customerProfileCommandSchema } from '../index.js';
import { publishedSchemas } from '../evolution/published-schemas.js';
import { customerProfileCommand } from '@redress/testing';

const ajv = new Ajv2020({ strict: true, allErrors: true });
(addFormatsPlugin as unknown as (a: Ajv2020) => void)(ajv);
const validators = new Map(publishedSchemas().map((s) => [s.file, ajv.compile(s.schema)]));
const command = customerProfileCommand();

const judged = (value: unknown, type: string) => ({
  zod: customerProfileCommandSchema.safeParse(value).success,
  jsonSchema: validators.get(`commands/${type}.json`)!(value) as boolean,
});

/** One change at a random path: a key dropped, a value replaced, a key added. */
function mutate(value: unknown, n: number, kind: number, replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(copy, []);
  const path = paths[n % paths.length]!;
  if (path.length === 0) return replacement;
  const parent = path.slice(0, -1).reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, copy);
  const key = path.at(-1)!;
  if (kind % 3 === 0) Reflect.deleteProperty(parent, key);
  else if (kind % 3 === 1) parent[key] = replacement;
  else if (parent[key] !== null && typeof parent[key] === 'object') (parent[key] as Record<string, unknown>).unexpected = replacement;
  return copy;
}

describe('customer profile command schemas', () => {
  test.prop([command])('a valid command is valid for its published schema', (c) => {
    expect(judged(c, c.type)).toEqual({ zod: true, jsonSchema: true });
  });
  test.prop([command, fc.nat(), fc.nat(), fc.jsonValue({ maxDepth: 1 })], { numRuns: 300 })('a command with one thing changed is judged alike', (c, n, kind, replacement) => {
    const changed = mutate(c, n, kind, replacement);
    const j = judged(changed, c.type);
    // A changed type is another command's schema's business.
    if ((changed as { type?: unknown } | null)?.type === c.type) expect(j.jsonSchema, JSON.stringify(changed)).toBe(j.zod);
  });
});
