/**
 * Ids are injected too. nanoid by default: 21 URL-safe characters, collision-safe
 * across processes without coordination.
 */
import { random, urlAlphabet } from 'nanoid';

/**
 * Makes a fresh unique id on each call: for events, commands and complaints. Injected so tests and replays
 * can make ids predictable.
 */
export type IdGenerator = () => string;

const SIZE = 21;
/**
 * Ids' worth of random bytes taken from nanoid at a time: 504 bytes. nanoid sizes its pool at 128 times a
 * request, and `getRandomValues` fills at most 65,536 bytes at once, so a request stays under 512.
 */
const BATCH = 24;
/** nanoid's alphabet as character codes: 64 symbols, so `byte & 63` is uniform (nanoid's own mapping). */
const CODES = Uint8Array.from(urlAlphabet, (symbol) => symbol.charCodeAt(0));

let bytes = new Uint8Array(0);
let offset = 0;

/**
 * The default id generator: a nanoid, 21 symbols of its URL-safe alphabet from its random bytes
 * (`crypto.getRandomValues`), each byte mapped as `nanoid()` maps it (`byte & 63`).
 *
 * Why not `nanoid()` itself: it builds the id with `id +=` per symbol, which V8 keeps as a rope of nine
 * string nodes. A log keeps each id at about 300 bytes instead of 40, and the first store or map that
 * hashes one pays a flattening copy. Made as one string, `execute()` took a quarter less time in an A/B
 * run over the benchmark's commands (2026-12-03; the README's table predates it). The bytes are copied out of nanoid's pool, which it refills in place: a view of it would
 * give the same bytes again to a later `nanoid()` call (ids.test.ts).
 */
export const nanoidGenerator: IdGenerator = () => {
  if (offset + SIZE > bytes.length) {
    bytes = new Uint8Array(random(SIZE * BATCH));
    offset = 0;
  }
  const b = bytes;
  const i = offset;
  offset += SIZE;
  // One call, one flat string: the symbols spelled out, since an array of them would be one more allocation.
  // prettier-ignore
  return String.fromCharCode(
    symbol(b, i), symbol(b, i + 1), symbol(b, i + 2), symbol(b, i + 3), symbol(b, i + 4), symbol(b, i + 5), symbol(b, i + 6),
    symbol(b, i + 7), symbol(b, i + 8), symbol(b, i + 9), symbol(b, i + 10), symbol(b, i + 11), symbol(b, i + 12), symbol(b, i + 13),
    symbol(b, i + 14), symbol(b, i + 15), symbol(b, i + 16), symbol(b, i + 17), symbol(b, i + 18), symbol(b, i + 19), symbol(b, i + 20),
  );
};

/** The symbol of the byte at `k`, as `nanoid()` maps it. */
function symbol(bytes: Uint8Array, k: number): number {
  return CODES[(bytes[k] as number) & 63] as number;
}

/** Predictable ids (`prefix-1`, `prefix-2`, …) for tests and reproducible demos. */
export function sequentialIds(prefix = 'id'): IdGenerator {
  let n = 0;
  return () => `${prefix}-${++n}`;
}
