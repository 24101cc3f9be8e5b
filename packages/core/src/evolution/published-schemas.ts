/**
 * The JSON Schemas @redress/core publishes (packages/core/schemas/), generated from the
 * zod schemas so that hosts in other languages validate what they send and read with
 * the same rules. Commands are published as input (what a host sends: fields with a
 * default may be left out), events as output (what the log holds, at each type's
 * current version).
 *
 * Two rules zod checks that JSON Schema has no word for are translated:
 * - A trimmed text (`z.string().trim().min(m).max(M)`) counts its length after trimming.
 *   JSON Schema's minLength/maxLength count the raw string, so '   ' would pass and a
 *   long text with trailing spaces fail. It is published as a pattern that matches
 *   exactly the strings whose trimmed length lies in [m, M].
 * - A refinement is published as the JSON Schema its zod schema states in `.meta()`
 *   (classification: the severity, or impact and urgency, never both). One that has no
 *   such translation (each survey dimension rated at most once) is not expressible: its
 *   message is added to the description, and validators of the schema accept what
 *   Redress then refuses. docs/evolving-events.md lists these differences.
 *
 *   npm run schemas:write   regenerate the files
 *   npm run docs:check      fails when they are stale
 */
import { z } from 'zod';
import { commandSchema, COMMAND_TYPES } from '../commands/schema.js';
import { eventEnvelopeSchema } from '../events/envelope.js';
import { complaintEventSchema } from '../events/schema.js';
import { customerDataErasedSchema, eraseCustomerDataSchema } from '../privacy/customer-data/erase-command.js';
import { CUSTOMER_PROFILE_COMMANDS, CUSTOMER_PROFILE_EVENTS } from '../customers/schema.js';

/** Where the files live, relative to packages/core, and the URN their `$id`s start with. */
export const SCHEMAS_DIR = 'schemas';
export const SCHEMA_ID_PREFIX = 'urn:redress:core:';
export const REGENERATE_SCHEMAS_COMMAND = 'npm run schemas:write';

export interface PublishedSchema {
  /** Path under packages/core/schemas/, e.g. `commands/ReceiveComplaint.json`. */
  readonly file: string;
  readonly schema: Readonly<Record<string, unknown>>;
}

type JsonSchema = Record<string, unknown>;

/** The bits of a zod node's definition the translation reads. */
interface ZodNode {
  readonly _zod: { readonly def: { readonly type: string; readonly checks?: readonly { readonly _zod: { readonly def: { readonly check: string; readonly error?: () => unknown } } }[] } };
  safeParse(value: unknown): { success: boolean; data?: unknown };
}

/** True when the string schema trims: a padded string parses to its trimmed self. */
function trims(node: ZodNode, min: number): boolean {
  const probe = ` ${'a'.repeat(Math.max(1, min))} `;
  const parsed = node.safeParse(probe);
  return parsed.success && parsed.data === probe.trim();
}

/** The strings whose trimmed length is in [min, max]; `\s` is exactly what String.prototype.trim removes. */
export function trimmedLengthPattern(min: number, max: number): string {
  if (min >= 2) return `^\\s*\\S[\\s\\S]{${min - 2},${max - 2}}\\S\\s*$`;
  return max >= 2 ? `^\\s*\\S(?:[\\s\\S]{0,${max - 2}}\\S)?\\s*$` : '^\\s*\\S\\s*$';
}

function refinementMessages(node: ZodNode): string[] {
  return (node._zod.def.checks ?? [])
    .filter((c) => c._zod.def.check === 'custom')
    .map((c) => {
      const error = c._zod.def.error?.();
      return typeof error === 'string' ? error : 'a rule JSON Schema cannot express';
    });
}

function translate(ctx: { zodSchema: unknown; jsonSchema: JsonSchema }): void {
  const node = ctx.zodSchema as ZodNode;
  const json = ctx.jsonSchema;
  const checks = node._zod.def.checks ?? [];
  if (node._zod.def.type === 'string' && checks.some((c) => c._zod.def.check === 'overwrite') && typeof json.maxLength === 'number') {
    const min = typeof json.minLength === 'number' ? json.minLength : 0;
    const max = json.maxLength;
    if (min >= 1 && trims(node, min)) {
      json.pattern = trimmedLengthPattern(min, max);
      delete json.maxLength;
      json.description = `${min} to ${max} characters once leading and trailing whitespace is trimmed (Redress stores it trimmed).`;
    }
  }
  let rules = refinementMessages(node);
  // Text a store can keep: "no NUL" is a pattern JSON Schema can state; a lone surrogate
  // cannot even be written in most languages' strings, so it stays in the description.
  if (rules.some((r) => r.includes('NUL character'))) {
    json.not = { pattern: '\u0000' };
    rules = rules.filter((r) => !r.includes('NUL character'));
  }
  const expressed = json.oneOf !== undefined || json.anyOf !== undefined;
  if (rules.length > 0 && !expressed) {
    const also = `Also checked by Redress (not expressible in JSON Schema): ${rules.join('; ')}.`;
    json.description = typeof json.description === 'string' ? `${json.description} ${also}` : also;
  }
}

function toJson(schema: z.ZodType, io: 'input' | 'output', id: string, title: string, description: string): JsonSchema {
  const json = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'throw', override: translate }) as JsonSchema;
  const { $schema, ...rest } = json;
  return { $schema, $id: `${SCHEMA_ID_PREFIX}${id}`, title, description, ...rest };
}

/** Every published schema: one per command and event type, the two unions and the stored envelope. */
export function publishedSchemas(options: { readonly eventVersion?: (type: string) => number } = {}): PublishedSchema[] {
  const versionOf = options.eventVersion ?? (() => 1);
  const commands = commandSchema.options.map((schema, i) => {
    const type = COMMAND_TYPES[i] as string;
    return { file: `commands/${type}.json`, schema: toJson(schema, 'input', `command:${type}`, type, `The ${type} command, as a host sends it to Redress (fields with a default may be left out).`) };
  });
  const events = complaintEventSchema.options.map((schema) => {
    const type = schema.shape.type.value;
    const version = versionOf(type);
    return { file: `events/${type}.json`, schema: toJson(schema, 'output', `event:${type}:v${version}`, type, `The ${type} event ({ type, data }) at schema version ${version}, as Redress records it.`) };
  });
  return [
    ...commands,
    ...events,
    { file: 'command.json', schema: toJson(commandSchema, 'input', 'command', 'Command', 'Any command Redress accepts, told apart by its type.') },
    { file: 'event.json', schema: toJson(complaintEventSchema, 'output', 'event', 'ComplaintEvent', 'Any complaint event ({ type, data }), told apart by its type.') },
    // The customer-data command and its audit event (privacy/customer-data): not complaint ones, so not in the unions.
    { file: 'commands/EraseCustomerData.json', schema: toJson(eraseCustomerDataSchema, 'input', 'command:EraseCustomerData', 'EraseCustomerData', 'The EraseCustomerData command (the dataProtection role; a reason is required), as a host sends it to Redress.') },
    { file: 'events/CustomerDataErased.json', schema: toJson(customerDataErasedSchema, 'output', 'event:CustomerDataErased:v1', 'CustomerDataErased', 'The audit event of an erasure ({ type, data }) at schema version 1, on the stream customer:<reference>; it holds no personal data.') },
    // Customer profiles (customers/): on the customer's own stream, not complaint commands or events either.
    ...CUSTOMER_PROFILE_COMMANDS.map((schema) => {
      const type = schema.shape.type.value;
      return { file: `commands/${type}.json`, schema: toJson(schema, 'input', `command:${type}`, type, `The ${type} customer profile command, as a host sends it to createCustomerProfiles.`) };
    }),
    ...CUSTOMER_PROFILE_EVENTS.map((schema) => {
      const type = schema.shape.type.value;
      return { file: `events/${type}.json`, schema: toJson(schema, 'output', `event:${type}:v1`, type, `The ${type} customer profile event ({ type, data }) at schema version 1, on the stream customer:<reference>.`) };
    }),
    { file: 'event-envelope.json', schema: toJson(eventEnvelopeSchema, 'output', 'event-envelope', 'EventEnvelope', 'What a stored event carries beside its type and data.') },
  ];
}

/** The text of a schema file: two-space JSON and a final newline, so diffs stay readable. */
export const schemaFileText = (schema: PublishedSchema['schema']): string => `${JSON.stringify(schema, null, 2)}\n`;
