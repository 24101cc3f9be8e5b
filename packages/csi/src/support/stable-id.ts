/**
 * Deterministic ids, so that automation (hidden and repeat complaints) can run again
 * over the same log and the engine recognises what it already did. Core ids are at most
 * 128 characters of `A-Z a-z 0-9 _ - : .`: longer ones keep a readable head and a hash
 * of the whole (FNV-1a, 32 bits, twice with different offsets: collisions would need
 * two ids with the same head and the same 64-bit hash). Hand-written rather than
 * node:crypto because csi runs in browsers too and the hash only spreads ids, it
 * protects nothing.
 */
function fnv1a(text: string, offset: number): string {
  let h = offset >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

const hashOf = (text: string): string => `${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x01234567)}`;

/** `text` when it fits in `max` characters, else its head, `sep` and a hash of the whole (at most `max`). */
function bounded(text: string, max: number, sep: string): string {
  if (text.length <= max) return text;
  const hash = hashOf(text);
  return `${text.slice(0, max - hash.length - 1)}${sep}${hash}`;
}

/** An id for commands and complaints (it passes core's id rule): the parts joined with `:`, bounded to 128 characters. */
export function stableId(...parts: readonly string[]): string {
  return bounded(parts.join(':'), 128, '.');
}

/**
 * A stream id: like `stableId`, but a long one keeps the `~` separator it was first
 * written with, so the streams already in hosts' logs are still found where they are.
 * Stream ids are never validated as command ids, so `~` is safe here.
 */
export function stableStreamId(...parts: readonly string[]): string {
  const id = parts.join(':');
  return id.length <= 128 ? id : `${id.slice(0, 100)}~${hashOf(id)}`;
}

/**
 * The survey or attempt id a command id stands for when none is given (at most 100
 * characters), so a retry with the same command id lands on the same stream. Two command
 * ids that share their first 100 characters get different ids.
 */
export const recordIdFromCommandId = (commandId: string): string => bounded(commandId, 100, '.');

/**
 * The id Redress 0.1.0 derived from a command id (its first 100 characters), which
 * could give two commands the same id. Read, never written: a retry of a command recorded
 * under it is recognised as the duplicate it is.
 */
export const legacyRecordIdFromCommandId = (commandId: string): string | null => (commandId.length > 100 ? commandId.slice(0, 100) : null);

/**
 * A host's text (a branch name such as 浦东 or "North & East") as part of an id: kept when
 * it is already id-safe, else its safe characters and a hash of the whole, so two names
 * that differ only in unsafe characters still get different ids.
 */
export function idPart(text: string): string {
  if (/^[A-Za-z0-9_\-.]+$/.test(text)) return text;
  return `${text.replace(/[^A-Za-z0-9_\-.]/g, '_').slice(0, 40)}~${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x01234567)}`;
}
