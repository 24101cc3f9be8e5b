/**
 * Small shared zod building blocks. Limits are deliberate: a complaint log is kept
 * for years, so unbounded strings are refused at the door rather than stored.
 */
import { z } from 'zod';
import { roleSchema } from './vocabulary.js';

/** Identifiers: 1-128 characters of letters, digits and `_ - : .` (safe in URLs, SQL and file names). */
export const idSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(128, 'must be at most 128 characters')
  .regex(/^[A-Za-z0-9_\-:.]+$/, 'may only contain letters, digits and _ - : .');

const LONE_SURROGATE = /\p{Cs}/u;
/**
 * No lone surrogate: `isWellFormed` (ES2024, Node 20) answers three times faster than the
 * regex (every text of every command goes through here), which stays for runtimes without it.
 */
const wellFormed: (s: string) => boolean =
  typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function'
    ? (s) => (s as unknown as { isWellFormed(): boolean }).isWellFormed()
    : (s) => !LONE_SURROGATE.test(s);

/**
 * Text any store can keep and give back unchanged: no NUL character (PostgreSQL's text
 * columns cannot hold it, so one would fail a read model's batch for good) and no lone
 * surrogate (half of a UTF-16 pair: not Unicode, so SQLite would store U+FFFD instead and
 * PostgreSQL's json would refuse it). Every text field of every command goes through it.
 */
export const plainTextSchema = z
  .string()
  .refine((s) => !s.includes('\u0000'), 'must not contain a NUL character (U+0000)')
  .refine(wellFormed, 'must not contain a lone surrogate (U+D800 to U+DFFF without its pair)');

/** A short single-line text such as a name or a title. */
export const shortTextSchema = plainTextSchema.trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** A free text such as a description or a note. */
export const longTextSchema = plainTextSchema.trim().min(1, 'must not be empty').max(10_000, 'must be at most 10000 characters');

/** An instant, as an ISO-8601 string with an offset (`2026-11-23T09:30:00Z`, `2026-11-23T17:30:00+08:00`). */
export const instantSchema = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time with an offset, e.g. 2026-11-23T09:30:00Z' });

/** Who is acting: an id from the host's user directory and the role they act in. */
export const actorSchema = z.strictObject({ id: idSchema, role: roleSchema });
/**
 * Who is acting, as `actorSchema` parses it: an id from the host's directory and the role they act in.
 * Recorded on every event.
 */
export type Actor = z.infer<typeof actorSchema>;
