/**
 * The part of JSON Schema (as zod 4's `toJSONSchema` writes it) that the dashboard's forms
 * read: objects, arrays, enums, strings with formats, numbers and booleans.
 */
import { z } from 'zod';

export interface JsonSchema {
  readonly type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly enum?: readonly string[];
  readonly format?: string;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly default?: unknown;
}

const cache = new WeakMap<z.ZodType, JsonSchema>();

/** The schema of what a client sends (defaults make fields optional), cached per zod schema. */
export function inputSchemaOf(schema: z.ZodType): JsonSchema {
  let json = cache.get(schema);
  if (!json) {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    cache.set(schema, json);
  }
  return json;
}
