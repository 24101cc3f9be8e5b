/**
 * Ids are injected too. nanoid by default: 21 URL-safe characters, collision-safe
 * across processes without coordination.
 */
import { nanoid } from 'nanoid';

/**
 * Makes a fresh unique id on each call: for events, commands and complaints. Injected so tests and replays
 * can make ids predictable.
 */
export type IdGenerator = () => string;

/** The default id generator: nanoid's 21 URL-safe characters, safe across processes without coordination. */
export const nanoidGenerator: IdGenerator = () => nanoid();

/** Predictable ids (`prefix-1`, `prefix-2`, …) for tests and reproducible demos. */
export function sequentialIds(prefix = 'id'): IdGenerator {
  let n = 0;
  return () => `${prefix}-${++n}`;
}
