/**
 * The published JSON Schemas judge what zod judges: valid commands and events (walked
 * through the decider) are accepted by both, and the same inputs with one thing changed
 * are accepted or refused by both alike, checked with ajv (draft 2020-12, strict, with
 * formats, as a careful host would). The differences JSON Schema cannot avoid are pinned
 * here, so a change in them is noticed. And the files on disk are the ones generated.
 */
import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { commandOfType, badPayload } from '@redress/testing';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { COMMAND_TYPES, commandSchema, type Command } from '../commands/schema.js';
import { CUSTOMER_PROFILE_COMMAND_TYPES, CUSTOMER_PROFILE_EVENT_TYPES } from '../customers/schema.js';
import { initialComplaintState } from '../decider/state.js';
import { complaintEventSchema } from '../events/schema.js';
import { complaintStreams } from '../privacy/test-support/logs.js';
import { publishedSchemas, schemaFileText, trimmedLengthPattern } from './published-schemas.js';

const ajv = new Ajv2020({ strict: true, allErrors: true });
// ajv-formats is CommonJS: its default export is the plugin function.
(addFormatsPlugin as unknown as (a: Ajv2020) => void)(ajv);
const published = publishedSchemas();
const validators = new Map<string, ValidateFunction>(published.map((s) => [s.file, ajv.compile(s.schema)]));
const validator = (file: string) => validators.get(file)!;

const context = { complaintId: 'c-1', now: '2026-11-23T09:00:00Z', state: initialComplaintState, locale: 'any' as const };
const anyCommand = fc.oneof(...COMMAND_TYPES.map((t) => commandOfType(t, context) as fc.Arbitrary<Command>));

type Json = unknown;
type Step = string | number;

function nodes(value: Json, path: Step[] = []): Step[][] {
  const here = [path];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => nodes(v, [...path, i]))];
  if (value !== null && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => nodes(v, [...path, k]))];
  return here;
}

function edit(value: Json, path: readonly Step[], change: (old: Json) => Json | typeof DELETE): Json {
  if (path.length === 0) {
    const next = change(value);
    return next === DELETE ? undefined : next;
  }
  const [head, ...rest] = path as [Step, ...Step[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<Step, Json>;
  const next = rest.length === 0 ? change(copy[head]) : edit(copy[head], rest, change);
  if (next === DELETE) {
    if (Array.isArray(copy)) (copy as Json[]).splice(head as number, 1);
    else Reflect.deleteProperty(copy, head);
  } else copy[head] = next;
  return copy;
}
const DELETE = Symbol('delete');

/** One change somewhere in a value: the kinds of mistakes hosts make, and a few hostile ones. */
const mutation = fc.tuple(
  fc.nat(),
  fc.constantFrom('replace', 'delete', 'addKey', 'pad', 'blank', 'empty', 'long', 'astral-free-long', 'negate', 'stringify'),
  fc.jsonValue({ maxDepth: 2 }),
);

function mutate(value: Json, [n, kind, replacement]: [number, string, Json]): Json {
  const all = nodes(value);
  const path = all[n % all.length]!;
  return edit(value, path, (old) => {
    switch (kind) {
      case 'replace':
        return replacement;
      case 'delete':
        return path.length === 0 ? replacement : DELETE;
      case 'addKey':
        return old !== null && typeof old === 'object' && !Array.isArray(old) ? { ...old, unexpected: replacement } : replacement;
      case 'pad':
        return typeof old === 'string' ? ` \t${old}\n ` : replacement;
      case 'blank':
        return typeof old === 'string' ? ' \u3000\t ' : replacement;
      case 'empty':
        return typeof old === 'string' ? '' : Array.isArray(old) ? [] : replacement;
      case 'long':
        return typeof old === 'string' ? `${old}${'x'.repeat(199)}` : replacement;
      case 'astral-free-long':
        return typeof old === 'string' ? `  ${'y'.repeat(10_000)}  ` : replacement;
      case 'negate':
        return typeof old === 'number' ? -old - 0.5 : replacement;
      default:
        return typeof old === 'number' || typeof old === 'boolean' ? String(old) : replacement;
    }
  });
}

const judged = (zod: z.ZodType, file: string, value: Json) => ({ zod: zod.safeParse(value).success, jsonSchema: validator(file)(value) });
const same = (zod: z.ZodType, file: string, value: Json) => {
  const j = judged(zod, file, value);
  expect(j.jsonSchema, `${file}: zod ${j.zod ? 'accepts' : 'refuses'} ${JSON.stringify(value).slice(0, 400)}; JSON Schema: ${ajv.errorsText(validator(file).errors)}`).toBe(j.zod);
  return j.zod;
};

describe('commands', () => {
  test.prop([anyCommand])('a valid command is valid for its own schema and for the union', (command) => {
    expect(same(commandSchema, `commands/${command.type}.json`, command)).toBe(true);
    expect(same(commandSchema, 'command.json', command)).toBe(true);
  });

  test.prop([anyCommand, mutation], { numRuns: 400 })('a command with one thing changed is judged alike', (command, change) => {
    const changed = mutate(structuredClone(command), change);
    same(commandSchema, 'command.json', changed);
    if (changed !== null && typeof changed === 'object' && (changed as { type?: unknown }).type === command.type) same(commandSchema, `commands/${command.type}.json`, changed);
  });

  test.prop([badPayload(context)])('what the testing kit calls a bad payload is refused by both', (bad) => {
    expect(same(commandSchema, 'command.json', bad.input)).toBe(false);
  });

  it('leaves out what has a default: an AddNote without visibility is valid', () => {
    const note = { type: 'AddNote', complaintId: 'c-1', actor: { id: 'a', role: 'handler' }, data: { text: 'hello' } };
    expect(same(commandSchema, 'commands/AddNote.json', note)).toBe(true);
    expect(same(commandSchema, 'commands/StartInvestigation.json', { type: 'StartInvestigation', complaintId: 'c-1', actor: { id: 'a', role: 'handler' } })).toBe(true);
  });
});

describe('events', () => {
  const events = complaintStreams({ streams: 2, maxLength: 20 }).map((streams) => streams.flatMap((s) => s.events.map((e) => ({ type: e.type, data: e.data }))));
  test.prop([events], { numRuns: 30 })('every recorded event is valid for its own schema and for the union', (bodies) => {
    for (const body of bodies) {
      expect(same(complaintEventSchema, `events/${body.type}.json`, body)).toBe(true);
      expect(same(complaintEventSchema, 'event.json', body)).toBe(true);
    }
  });

  test.prop([events.filter((b) => b.length > 0), fc.nat(), mutation], { numRuns: 300 })('an event with one thing changed is judged alike', (bodies, pick, change) => {
    same(complaintEventSchema, 'event.json', mutate(structuredClone(bodies[pick % bodies.length]), change));
  });
});

describe('what JSON Schema cannot say, pinned', () => {
  const base = { type: 'RecordFollowUp', complaintId: 'c-1', actor: { id: 'a', role: 'followUpStaff' }, data: { satisfied: true } };
  it('a survey rating one dimension twice: Redress refuses it, the schema cannot (it says so in its description)', () => {
    const twice = { ...base, data: { satisfied: true, survey: { ratings: [{ dimension: 'overall', score: 9 }, { dimension: 'overall', score: 3 }] } } };
    expect(judged(commandSchema, 'commands/RecordFollowUp.json', twice)).toEqual({ zod: false, jsonSchema: true });
    expect(readFileSync(new URL('../../schemas/commands/RecordFollowUp.json', import.meta.url), 'utf8')).toContain('each dimension is rated at most once');
  });

  it('lengths count code points in both, so characters outside the BMP (rare CJK names) are judged alike', () => {
    const received = (name: string) => ({ type: 'ReceiveComplaint', actor: { id: 'a', role: 'frontDesk' }, data: { customer: { reference: 'CU-1', name }, channel: 'phone', description: 'd', demand: 'd' } });
    expect(judged(commandSchema, 'commands/ReceiveComplaint.json', received('𠀀'.repeat(200)))).toEqual({ zod: true, jsonSchema: true });
    expect(judged(commandSchema, 'commands/ReceiveComplaint.json', received(` ${'𠀀'.repeat(200)} `))).toEqual({ zod: true, jsonSchema: true });
    expect(judged(commandSchema, 'commands/ReceiveComplaint.json', received('𠀀'.repeat(201)))).toEqual({ zod: false, jsonSchema: false });
  });
});

describe('a refinement stated in JSON Schema too', () => {
  const classify = (data: Record<string, unknown>) => ({ type: 'ClassifyComplaint', complaintId: 'c-1', actor: { id: 'a', role: 'handler' }, data });
  it.each([
    [{ severity: 'major' }, true],
    [{ impact: 'high', urgency: 'low' }, true],
    [{ impact: 'high', urgency: 'low', safety: true, repeatCount: 3 }, true],
    [{}, false],
    [{ impact: 'high' }, false],
    [{ urgency: 'low' }, false],
    [{ severity: 'major', impact: 'high', urgency: 'low' }, false],
    [{ severity: 'general', urgency: 'low' }, false],
  ])('classification %j: the severity, or impact and urgency, never both (valid: %s) in both', (data, valid) => {
    expect(judged(commandSchema, 'commands/ClassifyComplaint.json', classify(data))).toEqual({ zod: valid, jsonSchema: valid });
  });
  const meeting = (data: Record<string, unknown>) => ({ type: 'ArrangeMeeting', complaintId: 'c-1', actor: { id: 'a', role: 'departmentHead' }, data });
  it.each([
    [{ at: '2026-11-23T10:00:00.000Z' }, true],
    [{ venue: 'Customer lounge', reason: 'initial' }, true],
    [{ at: '2026-11-23T10:00:00.000Z', venue: 'Customer lounge' }, true],
    // Found by the mutation property above: an empty change was valid for the JSON Schema.
    [{}, false],
    [{ reason: 'initial', note: 'called' }, false],
  ])('meeting change %j: a new time, a new venue, or both (valid: %s) in both', (data, valid) => {
    expect(judged(commandSchema, 'commands/ArrangeMeeting.json', meeting(data))).toEqual({ zod: valid, jsonSchema: valid });
  });
});

describe('text a store can keep', () => {
  const note = (text: string) => ({ type: 'AddNote', complaintId: 'c-1', actor: { id: 'a', role: 'handler' }, data: { text } });
  it('a NUL character is refused by both; a lone surrogate by Redress (the description says so)', () => {
    expect(judged(commandSchema, 'commands/AddNote.json', note('before\u0000after'))).toEqual({ zod: false, jsonSchema: false });
    expect(judged(commandSchema, 'commands/AddNote.json', note('a \ud800 b'))).toEqual({ zod: false, jsonSchema: true });
    expect(readFileSync(new URL('../../schemas/commands/AddNote.json', import.meta.url), 'utf8')).toContain('lone surrogate');
  });
});

describe('trimmed lengths', () => {
  const alphabet = [' ', 'a', '\t', '\u3000', 'b'];
  const strings = (length: number): string[] => (length === 0 ? [''] : strings(length - 1).flatMap((s) => alphabet.map((c) => s + c)));
  it.each([
    [1, 1],
    [1, 3],
    [2, 2],
    [3, 5],
  ])('the pattern for [%i, %i] matches exactly the strings whose trimmed length is in range (all strings up to 6 characters)', (min, max) => {
    const pattern = new RegExp(trimmedLengthPattern(min, max), 'u');
    for (let n = 0; n <= 6; n++) {
      for (const s of strings(n)) expect(pattern.test(s), JSON.stringify(s)).toBe(s.trim().length >= min && s.trim().length <= max);
    }
  });
});

describe('the files', () => {
  it('are the ones the zod schemas generate (run `npm run schemas:write` when this fails)', () => {
    for (const s of published) {
      const onDisk = readFileSync(new URL(`../../schemas/${s.file}`, import.meta.url), 'utf8').replaceAll('\r\n', '\n');
      expect(onDisk, s.file).toBe(schemaFileText(s.schema));
    }
  });

  it('cover every command and event type, each with a unique $id and a title', () => {
    const files = published.map((s) => s.file);
    // + EraseCustomerData and its audit event CustomerDataErased, + the customer profile commands and events.
    expect(files.filter((f) => f.startsWith('commands/'))).toHaveLength(COMMAND_TYPES.length + 1 + CUSTOMER_PROFILE_COMMAND_TYPES.length);
    expect(files.filter((f) => f.startsWith('events/'))).toHaveLength(complaintEventSchema.options.length + 1 + CUSTOMER_PROFILE_EVENT_TYPES.length);
    expect(files).toEqual(expect.arrayContaining(['commands/EraseCustomerData.json', 'events/CustomerDataErased.json']));
    expect(new Set(published.map((s) => s.schema.$id)).size).toBe(published.length);
    for (const s of published) expect(typeof s.schema.title).toBe('string');
  });
});
