/**
 * Conditions as data, so that policies serialise: an event type (or several), an
 * optional predicate on the event's payload, and an optional predicate on the
 * ticket's state after the event (`when`), e.g.
 * `{ on: 'CustomerContactLogged', where: { field: 'direction', equals: 'outbound' }, when: { field: 'step', equals: 'followingUp' } }`.
 */
import { z } from 'zod';
import { COMPLAINT_EVENT_TYPES, type ComplaintEventType } from '@redress/core';
import type { TicketState } from './ticket-state.js';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** Validates a dotted path into an event's `data`, e.g. `remedy.kind`: identifiers joined by dots. */
export const fieldPathSchema = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/, 'must be a dotted field path such as remedy.kind');

/**
 * A test on a JSON value, as data so a policy serialises: `field` is a dotted path (`remedy.kind`); `equals` and `in`
 * compare with `===` (no coercion: `'1'` is not `1`); `exists` asks whether the path is present (a `null` value
 * exists, a missing key does not); `all`, `any` and `not` combine.
 */
export type Predicate =
  | { readonly field: string; readonly equals: string | number | boolean | null }
  | { readonly field: string; readonly in: readonly (string | number | boolean | null)[] }
  | { readonly field: string; readonly exists: boolean }
  | { readonly all: readonly Predicate[] }
  | { readonly any: readonly Predicate[] }
  | { readonly not: Predicate };

/**
 * Validates a `Predicate`: strict objects (an unknown key is an error, not ignored), `in`, `all` and `any` need at
 * least one item, field paths must be dotted identifiers.
 */
export const predicateSchema: z.ZodType<Predicate> = z.lazy(() =>
  z.union([
    z.strictObject({ field: fieldPathSchema, equals: scalar }),
    z.strictObject({ field: fieldPathSchema, in: z.array(scalar).min(1) }),
    z.strictObject({ field: fieldPathSchema, exists: z.boolean() }),
    z.strictObject({ all: z.array(predicateSchema).min(1) }),
    z.strictObject({ any: z.array(predicateSchema).min(1) }),
    z.strictObject({ not: predicateSchema }),
  ]),
);

const eventType = z.enum(COMPLAINT_EVENT_TYPES as [ComplaintEventType, ...ComplaintEventType[]]);

/**
 * Validates a `Condition`: `on` must name complaint event types core knows (a typo is refused at load time, not
 * silently never matched).
 */
export const conditionSchema = z.strictObject({
  on: z.union([eventType, z.array(eventType).min(1)]),
  where: predicateSchema.optional(),
  /** On the ticket's state once the event is applied (fields: `TICKET_STATE_FIELDS`). */
  when: predicateSchema.optional(),
});
/**
 * When a clock starts, stops, pauses, resumes or resets: an event of a type in `on`, whose payload meets `where`
 * and, after it is applied, whose ticket meets `when`; e.g.
 * `{ on: 'CustomerContactLogged', where: { field: 'direction', equals: 'outbound' } }`.
 */
export type Condition = z.infer<typeof conditionSchema>;

/** The value at a dotted path of `data`, or undefined when the path runs through a non-object or a missing key. */
export const readField = (data: unknown, path: string): unknown => {
  let value = data;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
};

/**
 * Whether `data` meets `predicate`; a path through a non-object reads as missing, so `equals` fails and `exists:
 * false` holds. Pure and total: never throws on odd payloads.
 */
export function holds(predicate: Predicate, data: unknown): boolean {
  if ('all' in predicate) return predicate.all.every((p) => holds(p, data));
  if ('any' in predicate) return predicate.any.some((p) => holds(p, data));
  if ('not' in predicate) return !holds(predicate.not, data);
  const value = readField(data, predicate.field);
  if ('equals' in predicate) return value === predicate.equals;
  if ('in' in predicate) return predicate.in.some((v) => v === value);
  return (value !== undefined) === predicate.exists;
}

/** The field paths a predicate reads. */
export function fieldsOf(predicate: Predicate): string[] {
  if ('all' in predicate) return predicate.all.flatMap(fieldsOf);
  if ('any' in predicate) return predicate.any.flatMap(fieldsOf);
  if ('not' in predicate) return fieldsOf(predicate.not);
  return [predicate.field];
}

export const typesOf = (c: Condition): readonly string[] => (typeof c.on === 'string' ? [c.on] : c.on);

/**
 * Does this event meet this condition? `state` is the ticket after the event; a
 * condition with `when` is not met without it.
 */
export const meets = (c: Condition, event: { readonly type: string; readonly data: unknown }, state?: TicketState): boolean =>
  typesOf(c).includes(event.type) && (c.where === undefined || holds(c.where, event.data)) && (c.when === undefined || (state !== undefined && holds(c.when, state)));
