/**
 * Ids are injected too. nanoid by default: 21 URL-safe characters, collision-safe
 * across processes without coordination.
 */
import { urlAlphabet } from 'nanoid';

/**
 * Makes a fresh unique id on each call: for events, commands and complaints. Injected so tests and replays
 * can make ids predictable.
 */
export type IdGenerator = () => string;

const SIZE = 21;
/** Random bytes drawn 128 ids at a time, as nanoid draws them. */
const pool = new Uint8Array(SIZE * 128);
let offset = pool.length;
const alphabet = Array.from(urlAlphabet, (c) => c.charCodeAt(0));
const codes: number[] = new Array<number>(SIZE).fill(0);

/**
 * The default id generator: nanoid's ids (its alphabet, one random byte per character, `& 63`, from the
 * platform's CSPRNG in pools), safe across processes without coordination. Written out rather than
 * calling `nanoid()` because nanoid builds the id with `+=`, which in V8 leaves a chain of string pieces:
 * the engine hashes every command and event id (its idempotency map, the store's id index), and hashing
 * such a chain first copies it flat. One `String.fromCharCode` makes the flat string at once: an id
 * costs a fifth and hashing it a third of nanoid's in a micro benchmark.
 */
export const nanoidGenerator: IdGenerator = () => {
  if (offset + SIZE > pool.length) {
    globalThis.crypto.getRandomValues(pool);
    offset = 0;
  }
  for (let i = 0; i < SIZE; i++) codes[i] = alphabet[(pool[offset + i] as number) & 63] as number;
  offset += SIZE;
  return String.fromCharCode.apply(null, codes);
};

/** Predictable ids (`prefix-1`, `prefix-2`, …) for tests and reproducible demos. */
export function sequentialIds(prefix = 'id'): IdGenerator {
  let n = 0;
  return () => `${prefix}-${++n}`;
}
