/** Every form of every command is labelled in both languages: no field or choice falls back to its code name. */
import { LOCALES } from '@redress/core';
import { describe, expect, it } from 'vitest';
import { COMMAND_ENDPOINTS } from '../api/commands.js';
import { enumLabel, labelOf } from '../ui/form-fields.js';
import { textFor } from '../ui/i18n.js';
import { inputSchemaOf, type JsonSchema } from '../ui/json-schema.js';
import { en } from '../ui/text/en.js';
import { zh } from '../ui/text/zh-CN.js';

function* leaves(schema: JsonSchema, path: string): Generator<{ path: string; schema: JsonSchema }> {
  yield { path, schema };
  for (const [name, child] of Object.entries(schema.properties ?? {})) yield* leaves(child, `${path}.${name}`);
  if (schema.items) yield* leaves(schema.items, `${path}.0`);
}

describe('the dashboard text', () => {
  it('has the same keys in English and Chinese', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });

  it.each(LOCALES)('labels every field and every choice of every command form (%s)', (locale) => {
    const text = textFor(locale);
    const unlabelled: string[] = [];
    for (const endpoint of COMMAND_ENDPOINTS) {
      for (const { path, schema } of leaves(inputSchemaOf(endpoint.data), 'data')) {
        if (path === 'data') continue;
        const name = path.split('.').at(-1) as string;
        if (!/^\d+$/.test(name) && labelOf({ text }, path) === name) unlabelled.push(`${endpoint.type} ${path}`);
        for (const value of schema.enum ?? []) if (enumLabel(text, value) === value) unlabelled.push(`${endpoint.type} ${path} = ${value}`);
      }
    }
    expect(unlabelled).toEqual([]);
  });
});
