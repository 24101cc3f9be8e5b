/**
 * Deterministic command ids, so that automation (hidden and repeat complaints) can
 * run again over the same log and the engine recognises what it already did. Core
 * ids are at most 128 characters: longer ones keep a readable head and a hash of
 * the whole (FNV-1a, 32 bits, twice with different offsets: collisions would need
 * two ids longer than 100 characters with the same head and the same 64-bit hash).
 */
function fnv1a(text: string, offset: number): string {
  let h = offset >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

export function stableId(...parts: readonly string[]): string {
  const id = parts.join(':');
  if (id.length <= 128) return id;
  return `${id.slice(0, 100)}~${fnv1a(id, 0x811c9dc5)}${fnv1a(id, 0x01234567)}`;
}

/**
 * A host's text (a branch name such as 浦东 or "North & East") as part of an id: kept when
 * it is already id-safe, else its safe characters and a hash of the whole, so two names
 * that differ only in unsafe characters still get different ids.
 */
export function idPart(text: string): string {
  if (/^[A-Za-z0-9_\-.]+$/.test(text)) return text;
  return `${text.replace(/[^A-Za-z0-9_\-.]/g, '_').slice(0, 40)}~${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x01234567)}`;
}
